/** What every resource kind's mapping shares: codes, text, periods, sealing labels and the common fact fields. */
import type { CodeableConcept, Meta, Quantity, Resource } from '@medplum/fhirtypes';
import { codeKey, sensitiveCodes, sensitiveIndex } from '../terminology-index';
import type { FactCode, FactStatus, Period } from '../types';

export function toCodes(cc: CodeableConcept | undefined): FactCode[] {
  const codings = cc?.coding;
  if (codings === undefined) return [];
  let valid = 0;
  for (const c of codings) if (c.system !== undefined && c.code !== undefined) valid++;
  // Sized exactly: growing from [] reserves 17 slots, which adds up over tens of thousands of facts.
  const out = new Array<FactCode>(valid);
  let i = 0;
  for (const c of codings) {
    if (c.system === undefined || c.code === undefined) continue;
    out[i++] = { system: c.system, code: c.code, display: c.display };
  }
  return out;
}

export function textOf(cc: CodeableConcept | undefined): string {
  if (cc === undefined) return '';
  if (cc.text !== undefined && cc.text !== '') return cc.text;
  const codings = cc.coding;
  if (codings !== undefined) {
    for (const c of codings) if (c.display !== undefined && c.display !== '') return c.display;
  }
  return '';
}

function normaliseText(text: string): string {
  return text.trim().toLowerCase().split(/\s+/).join(' ');
}

/** Fallback concept key: first coding, else the normalised display text. */
export function fallbackKey(codes: FactCode[], display: string): string {
  const first = codes[0];
  if (first !== undefined) return codeKey(first.system, first.code);
  return normaliseText(display);
}

export function periodOf(p: { start?: string; end?: string } | undefined): Period | undefined {
  if (p === undefined || (p.start === undefined && p.end === undefined)) return undefined;
  const out: Period = {};
  if (p.start !== undefined) out.start = p.start;
  if (p.end !== undefined) out.end = p.end;
  return out;
}

export function sealedLabels(meta: Meta | undefined): string[] | undefined {
  const security = meta?.security;
  if (security === undefined || security.length === 0) return undefined;
  let labels: string[] | undefined;
  for (const s of security) {
    if (s.code === undefined) continue;
    // A label without a system is matched on its code alone: over-sealing is the safe error here.
    const hit = s.system === undefined ? matchesCodeOnly(s.code) : sensitiveIndex.get(s.system, s.code) === true;
    if (hit) (labels ??= []).push(s.code);
  }
  return labels;
}

function matchesCodeOnly(code: string): boolean {
  for (const k of sensitiveCodes) if (k.endsWith('|' + code)) return true;
  return false;
}

export function quantityText(q: Quantity | undefined): string | undefined {
  if (q?.value === undefined) return undefined;
  const unit = q.unit ?? q.code;
  return unit === undefined ? String(q.value) : `${q.value} ${unit}`;
}

const DATA_ABSENT_REASON = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';

/**
 * A concept the source could not or would not give (FHIR data-absent-reason in place of a code: "unknown",
 * "masked", …) names no substance, drug or problem. Its code is not a label ("unknown" read as a name),
 * and two of them are not the same thing, so they must never merge into one row.
 */
export function absentConceptNames(codes: FactCode[], display: string): { th: string; en: string } | undefined {
  if (display !== '' || codes.length === 0) return undefined;
  for (const c of codes) if (c.system !== DATA_ABSENT_REASON) return undefined;
  return codes[0]!.code === 'masked'
    ? { th: 'ต้นทางปกปิดข้อมูลนี้', en: 'Withheld by the source' }
    : { th: 'ต้นทางไม่ได้ระบุ', en: 'Not stated by the source' };
}

export interface Base {
  id: string;
  hospitalCode: string;
  resourceType: string;
  resourceId: string;
  date: string | null;
  conceptKey: string;
  codes: FactCode[];
  display: string;
  nameTh?: string;
  nameEn?: string;
  status: FactStatus;
  sealed?: { labels: string[] };
}

export function base(
  resource: Resource & { id?: string },
  hospitalCode: string,
  date: string | undefined,
  conceptKey: string,
  codes: FactCode[],
  display: string,
  status: FactStatus,
  names: { th: string; en: string } | undefined,
  idSuffix = '',
): Base {
  const resourceId = resource.id ?? '';
  const labels = resource.meta === undefined ? undefined : sealedLabels(resource.meta);
  const id = hospitalCode + '/' + resource.resourceType + '/' + resourceId + idSuffix;
  const absent = names === undefined ? absentConceptNames(codes, display) : undefined;
  if (absent !== undefined) {
    names = absent;
    conceptKey = 'absent|' + id;
  }
  // Every fact of a kind gets the same keys in the same order (absent ones undefined, dropped by JSON):
  // one hidden class per kind keeps mapping and merging tens of thousands of facts monomorphic.
  return {
    id,
    hospitalCode,
    resourceType: resource.resourceType,
    resourceId,
    date: date !== undefined && date !== '' ? date : null,
    conceptKey,
    codes,
    // A bare code is the display of last resort: the terminology name reads better.
    display: display !== '' ? display : (names?.en ?? codes[0]?.code ?? ''),
    nameTh: names?.th,
    nameEn: names?.en,
    status,
    sealed: labels === undefined ? undefined : { labels },
  };
}

export function codingCode(cc: CodeableConcept | undefined): string | undefined {
  return cc?.coding?.[0]?.code;
}

const CLINICAL_STATUS: Record<string, FactStatus> = {
  active: 'active',
  recurrence: 'active',
  relapse: 'active',
  inactive: 'inactive',
  remission: 'inactive',
  resolved: 'resolved',
};

export function clinicalStatusOf(cc: CodeableConcept | undefined, fallback: FactStatus): FactStatus {
  const code = codingCode(cc);
  return code === undefined ? fallback : (CLINICAL_STATUS[code] ?? fallback);
}
