/** AllergyIntolerance → allergy fact: substance, drug and class from the terminology; "no known allergy" recognised. */
import type { AllergyIntolerance } from '@medplum/fhirtypes';
import { SYSTEMS, type DrugDef } from '../terminology';
import type { NoneKnownRow } from '../terminology/none-known';
import { drugClassFromAtc, drugClassesOf, drugIndex, noneKnownIndex, substanceByDrugKey, substanceIndex } from '../terminology-index';
import type { AllergyFact, AllergyVerification } from '../types';
import { base, clinicalStatusOf, codingCode, fallbackKey, textOf, toCodes } from './shared';

const VERIFICATIONS: Record<string, AllergyVerification> = {
  confirmed: 'confirmed',
  unconfirmed: 'unconfirmed',
  presumed: 'presumed',
  provisional: 'unconfirmed',
  differential: 'unconfirmed',
  refuted: 'refuted',
};

export function allergyFact(r: AllergyIntolerance, hospitalCode: string): AllergyFact | null {
  const verificationCode = codingCode(r.verificationStatus);
  if (verificationCode === 'entered-in-error') return null;
  const codes = toCodes(r.code);
  const display = textOf(r.code);
  // "No known allergy" (and "no known food / drug / … allergy") is coverage, never a substance.
  let noneKnown: NoneKnownRow | undefined;
  let substance = undefined as ReturnType<typeof substanceIndex.get>;
  let drug: DrugDef | undefined;
  let atc: string | undefined;
  for (const c of codes) {
    const nk = noneKnownIndex.get(c.system, c.code);
    if (nk?.topic === 'allergy') noneKnown ??= nk;
    substance ??= substanceIndex.get(c.system, c.code);
    drug ??= drugIndex.get(c.system, c.code);
    if (atc === undefined && c.system === SYSTEMS.atc) atc = c.code;
  }
  if (substance === undefined && drug !== undefined) substance = substanceByDrugKey.get(drug.key);
  const drugKeys: string[] = substance?.drugs !== undefined ? [...substance.drugs] : drug !== undefined ? [drug.key] : [];
  const drugOwnClass = drug !== undefined ? drugClassesOf(drug).drugClass : undefined;
  const drugClass =
    substance?.drugClass ??
    (drugOwnClass !== 'other' ? drugOwnClass : undefined) ??
    (atc !== undefined ? drugClassFromAtc(atc) : undefined);
  const noKnownAllergy = noneKnown !== undefined;
  const conceptKey = noKnownAllergy
    ? 'no-known-allergy'
    : (substance?.key ?? (drug !== undefined ? drug.key : fallbackKey(codes, display)));
  const names = substance ?? drug ?? noneKnown;
  const b = base(
    r,
    hospitalCode,
    r.recordedDate ?? r.onsetDateTime ?? r.onsetPeriod?.start ?? r.lastOccurrence,
    conceptKey,
    codes,
    display,
    clinicalStatusOf(r.clinicalStatus, 'active'),
    names,
  );
  const reactions: string[] = [];
  let severity: AllergyFact['severity'];
  const rank = { mild: 1, moderate: 2, severe: 3 } as const;
  for (const reaction of r.reaction ?? []) {
    for (const m of reaction.manifestation ?? []) {
      const t = textOf(m);
      if (t !== '' && !reactions.includes(t)) reactions.push(t);
    }
    if (reaction.severity !== undefined && (severity === undefined || rank[reaction.severity] > rank[severity]))
      severity = reaction.severity;
  }
  const fact: AllergyFact = {
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
    kind: 'allergy',
    noKnownAllergy,
    reactions,
    category: r.category !== undefined ? [...r.category] : [],
    verificationStatus: verificationCode === undefined ? 'unknown' : (VERIFICATIONS[verificationCode] ?? 'unknown'),
    drugKeys,
  };
  if (r.criticality !== undefined) fact.criticality = r.criticality;
  if (severity !== undefined) fact.severity = severity;
  if (drugClass !== undefined) fact.drugClass = drugClass;
  return fact;
}
