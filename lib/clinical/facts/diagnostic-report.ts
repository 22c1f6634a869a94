/** DiagnosticReport → a lab report or an imaging study (by LOINC study, DICOM modality, category or extension). */
import type { DiagnosticReport, Extension } from '@medplum/fhirtypes';
import { SYSTEMS } from '../terminology';
import { imagingByLoinc } from '../terminology-index';
import type { FactStatus, ImagingFact, LabReportFact } from '../types';
import { base, codingCode, fallbackKey, textOf, toCodes } from './shared';

function decodeBase64Text(data: string): string | undefined {
  try {
    const bin = atob(data);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder('utf-8').decode(bytes);
  } catch {
    return undefined;
  }
}

function reportText(r: DiagnosticReport): string | undefined {
  for (const a of r.presentedForm ?? []) {
    const ct = a.contentType?.toLowerCase() ?? '';
    if (a.data !== undefined && ct.startsWith('text/plain')) return decodeBase64Text(a.data);
  }
  return undefined;
}

function extensionText(exts: Extension[] | undefined, needle: string): { code?: string; text?: string } | undefined {
  if (exts === undefined) return undefined;
  for (const e of exts) {
    if (!e.url.toLowerCase().includes(needle)) continue;
    if (e.valueCoding !== undefined) {
      const out: { code?: string; text?: string } = {};
      if (e.valueCoding.code !== undefined) out.code = e.valueCoding.code;
      const t = e.valueCoding.display ?? e.valueCoding.code;
      if (t !== undefined) out.text = t;
      return out;
    }
    if (e.valueCodeableConcept !== undefined) {
      const out: { code?: string; text?: string } = { text: textOf(e.valueCodeableConcept) };
      const c = codingCode(e.valueCodeableConcept);
      if (c !== undefined) out.code = c;
      return out;
    }
    if (e.valueCode !== undefined) return { code: e.valueCode, text: e.valueCode };
    if (e.valueString !== undefined) return { text: e.valueString };
  }
  return undefined;
}

const REPORT_STATUS: Record<string, FactStatus> = {
  final: 'final',
  amended: 'amended',
  corrected: 'amended',
  appended: 'amended',
  preliminary: 'preliminary',
  partial: 'preliminary',
  registered: 'preliminary',
  cancelled: 'cancelled',
  unknown: 'unknown',
};

const IMAGING_CATEGORY_CODES = new Set(['RAD', 'imaging', 'RX', 'CT', 'MR', 'US', 'NMR', 'CUS', 'VUS', '18748-4']);

export function diagnosticReportFact(r: DiagnosticReport, hospitalCode: string): LabReportFact | ImagingFact | null {
  if (r.status === 'entered-in-error') return null;
  const codes = toCodes(r.code);
  const display = textOf(r.code);
  let study = undefined as ReturnType<typeof imagingByLoinc.get>;
  let dicomModality: string | undefined;
  for (const c of codes) {
    if (c.system === SYSTEMS.loinc) study ??= imagingByLoinc.get(c.code);
    else if (c.system === SYSTEMS.dicomModality) dicomModality ??= c.code;
  }
  let imagingCategory = false;
  for (const cc of r.category ?? [])
    for (const c of cc.coding ?? []) if (c.code !== undefined && IMAGING_CATEGORY_CODES.has(c.code)) imagingCategory = true;
  const modalityExt = extensionText(r.extension, 'modality');
  const isImaging = study !== undefined || dicomModality !== undefined || imagingCategory || modalityExt !== undefined;
  const status = r.status === undefined ? 'unknown' : (REPORT_STATUS[r.status] ?? 'unknown');
  const b = base(
    r,
    hospitalCode,
    r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued,
    study?.key ?? fallbackKey(codes, display),
    codes,
    display,
    status,
    study,
  );
  const conclusionCodeText =
    r.conclusionCode !== undefined && r.conclusionCode.length > 0
      ? r.conclusionCode
          .map(textOf)
          .filter((t) => t !== '')
          .join('; ')
      : '';
  const conclusion = r.conclusion ?? (conclusionCodeText !== '' ? conclusionCodeText : undefined);
  const text = reportText(r);
  if (!isImaging) {
    const fact: LabReportFact = {
      id: b.id,
      hospitalCode: b.hospitalCode,
      resourceType: b.resourceType,
      resourceId: b.resourceId,
      date: b.date,
      conceptKey: b.conceptKey,
      codes: b.codes,
      display: b.display,
      nameTh: b.nameTh,
      nameEn: b.nameEn,
      status: b.status,
      sealed: b.sealed,
      kind: 'lab-report',
      resultCount: r.result?.length ?? 0,
    };
    if (conclusion !== undefined) fact.conclusion = conclusion;
    if (text !== undefined) fact.reportText = text;
    return fact;
  }
  const fact: ImagingFact = {
    id: b.id,
    hospitalCode: b.hospitalCode,
    resourceType: b.resourceType,
    resourceId: b.resourceId,
    date: b.date,
    conceptKey: b.conceptKey,
    codes: b.codes,
    display: b.display,
    nameTh: b.nameTh,
    nameEn: b.nameEn,
    status: b.status,
    sealed: b.sealed,
    kind: 'imaging',
  };
  const modality = study?.modality ?? dicomModality ?? modalityExt?.code ?? modalityExt?.text;
  if (modality !== undefined) fact.modality = modality;
  const siteExt = extensionText(r.extension, 'bodysite');
  const site = study?.bodySite.en ?? siteExt?.text;
  if (site !== undefined) fact.bodySite = site;
  if (study !== undefined) fact.bodySiteTh = study.bodySite.th;
  if (conclusion !== undefined) fact.conclusion = conclusion;
  if (text !== undefined) fact.reportText = text;
  return fact;
}
