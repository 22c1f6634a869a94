/** Condition → condition fact: ICD-10 / ICD-10-TM / SNOMED CT met in one concept where the terminology knows it. */
import type { Condition } from '@medplum/fhirtypes';
import { SYSTEMS } from '../terminology';
import { conditionByIcd, conditionBySnomed, noneKnownIndex, normaliseIcd } from '../terminology-index';
import type { NoneKnownRow } from '../terminology/none-known';
import type { ConditionFact } from '../types';
import { base, clinicalStatusOf, codingCode, fallbackKey, textOf, toCodes } from './shared';

export function conditionFact(r: Condition, hospitalCode: string): ConditionFact | null {
  const verification = codingCode(r.verificationStatus) ?? '';
  if (verification === 'entered-in-error') return null;
  const codes = toCodes(r.code);
  const display = textOf(r.code);
  let def = undefined as ReturnType<typeof conditionByIcd.get>;
  let icd10: string | undefined;
  let icd10tm: string | undefined;
  // "No current problems or disability" is a statement about the list, never a problem on it.
  let noneKnown: NoneKnownRow | undefined;
  for (const c of codes) {
    if (noneKnown === undefined) {
      const nk = noneKnownIndex.get(c.system, c.code);
      if (nk?.topic === 'problem') noneKnown = nk;
    }
    if (c.system === SYSTEMS.icd10 || c.system === SYSTEMS.icd10tm) {
      if (c.system === SYSTEMS.icd10) icd10 ??= c.code;
      else icd10tm ??= c.code;
      def ??= conditionByIcd.get(normaliseIcd(c.code));
    } else if (c.system === SYSTEMS.snomed) {
      def ??= conditionBySnomed.get(c.code);
    }
  }
  // Unknown ICD codes still meet across ICD-10 and ICD-10-TM by their dot-less form.
  const icd = icd10 ?? icd10tm;
  const conceptKey =
    noneKnown !== undefined
      ? 'none-known|problem'
      : (def?.key ?? (icd !== undefined ? 'icd10|' + normaliseIcd(icd) : fallbackKey(codes, display)));
  const onset = r.onsetDateTime ?? r.onsetPeriod?.start;
  const b = base(
    r,
    hospitalCode,
    onset ?? r.recordedDate,
    conceptKey,
    codes,
    display,
    clinicalStatusOf(r.clinicalStatus, 'unknown'),
    def ?? noneKnown,
  );
  const fact: ConditionFact = {
    // Base fields written out: an object spread followed by more keys takes V8's slow path (measured 5×).
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
    kind: 'condition',
    clinicalStatus: codingCode(r.clinicalStatus) ?? 'unknown',
    verificationStatus: verification !== '' ? verification : 'unknown',
  };
  if (onset !== undefined) fact.onset = onset;
  if (noneKnown !== undefined) fact.noneKnown = true;
  if (def !== undefined) {
    fact.icd10 = def.icd10;
    fact.icd10tm = def.icd10tm;
    fact.chronic = def.chronic;
  } else {
    if (icd10 !== undefined) fact.icd10 = icd10;
    if (icd10tm !== undefined) fact.icd10tm = icd10tm;
  }
  return fact;
}
