/**
 * One IPS resource per hospital record (a fact): the codings the hospital sent (all of them), its status
 * and dates in FHIR's own codes, and where it came from. Pure; the Bundle is assembled in ips.ts.
 */
import type {
  AllergyFact,
  ClinicalFact,
  ConditionFact,
  FactCode,
  FactStatus,
  FlagFact,
  ImmunizationFact,
  MedicationFact,
  ObservationFact,
  ProcedureFact,
} from '../clinical/types';

export type Json = Record<string, unknown>;
type Ref = { reference: string };

export const ABSENT_UNKNOWN = 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips';
const THO = 'http://terminology.hl7.org/CodeSystem';

export interface EntryRefs {
  subject: Ref;
  /** The Organization entry of a source hospital. */
  org: (hospitalCode: string) => Ref;
}

/** Every coding the records carry, once each, in the order they were sent. */
export function codingsOf(facts: readonly ClinicalFact[]): FactCode[] {
  const seen = new Set<string>();
  const out: FactCode[] = [];
  for (const f of facts)
    for (const c of f.codes) {
      const key = `${c.system}|${c.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c.display === undefined || c.display === '' ? { system: c.system, code: c.code } : { ...c });
    }
  return out;
}

/** The record's concept: all its codings, and the hospital's own words as text. */
export function conceptOf(facts: readonly ClinicalFact[]): Json {
  const first = facts[0]!;
  const coding = codingsOf(facts);
  const text = first.display !== '' ? first.display : (first.nameEn ?? '');
  // A record with neither a coding nor words still needs a concept: say the source did not state it.
  if (coding.length === 0 && text === '') return { text: 'Not stated by the source' };
  return { ...(coding.length > 0 ? { coding } : {}), ...(text !== '' ? { text } : {}) };
}

function coded(system: string, code: string): Json {
  return { coding: [{ system, code }] };
}

/** An IPS "no information" entry's concept (absent/unknown code system). */
export function absentConcept(code: string, display: string): Json {
  return { coding: [{ system: ABSENT_UNKNOWN, code, display }], text: display };
}

/** Whether a fact's date is usable as a FHIR dateTime (a hospital may send a partial date: that is valid too). */
function dateTime(date: string | null | undefined): string | undefined {
  return date !== null && date !== undefined && /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/.test(date)
    ? date
    : undefined;
}

const ALLERGY_VERIFICATION: Record<AllergyFact['verificationStatus'], string | undefined> = {
  confirmed: 'confirmed',
  unconfirmed: 'unconfirmed',
  presumed: 'unconfirmed',
  refuted: 'refuted',
  unknown: undefined,
};
const ALLERGY_CATEGORIES = new Set(['food', 'medication', 'environment', 'biologic']);

export function allergyResource(f: AllergyFact, refs: EntryRefs): Json {
  const r: Json = {
    resourceType: 'AllergyIntolerance',
    clinicalStatus: coded(`${THO}/allergyintolerance-clinical`, f.status === 'resolved' || f.status === 'inactive' ? f.status : 'active'),
    code: conceptOf([f]),
    patient: refs.subject,
  };
  const verification = ALLERGY_VERIFICATION[f.verificationStatus];
  if (verification !== undefined) r.verificationStatus = coded(`${THO}/allergyintolerance-verification`, verification);
  const categories = f.category.filter((c) => ALLERGY_CATEGORIES.has(c));
  if (categories.length > 0) r.category = categories;
  if (f.criticality !== undefined) r.criticality = f.criticality;
  const recorded = dateTime(f.date);
  if (recorded !== undefined) r.recordedDate = recorded;
  if (f.reactions.length > 0)
    r.reaction = [{ manifestation: f.reactions.map((text) => ({ text })), ...(f.severity !== undefined ? { severity: f.severity } : {}) }];
  return r;
}

const MEDICATION_STATUS: Partial<Record<FactStatus, string>> = {
  active: 'active',
  completed: 'completed',
  stopped: 'stopped',
  cancelled: 'stopped',
  'on-hold': 'on-hold',
  intended: 'intended',
  'not-taken': 'not-taken',
};

export function medicationResource(f: MedicationFact, refs: EntryRefs): Json {
  const r: Json = {
    resourceType: 'MedicationStatement',
    status: MEDICATION_STATUS[f.status] ?? 'unknown',
    medicationCodeableConcept: conceptOf([f]),
    subject: refs.subject,
    informationSource: refs.org(f.hospitalCode),
  };
  const start = dateTime(f.period?.start);
  const end = dateTime(f.period?.end);
  if (start !== undefined || end !== undefined) r.effectivePeriod = { ...(start ? { start } : {}), ...(end ? { end } : {}) };
  else if (dateTime(f.date) !== undefined) r.effectiveDateTime = f.date;
  else r._effectiveDateTime = { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' }] };
  if (dateTime(f.date) !== undefined) r.dateAsserted = f.date;
  if (f.dose !== undefined) r.dosage = [{ text: f.dose }];
  if (f.statusReason !== undefined) r.statusReason = [{ text: f.statusReason }];
  if (f.indication !== undefined) r.reasonCode = [{ text: f.indication }];
  return r;
}

const CONDITION_CLINICAL = new Set(['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved']);
const CONDITION_VERIFICATION = new Set(['unconfirmed', 'provisional', 'differential', 'confirmed', 'refuted']);

export function conditionResource(f: ConditionFact, refs: EntryRefs): Json {
  const r: Json = {
    resourceType: 'Condition',
    category: [coded(`${THO}/condition-category`, 'problem-list-item')],
    code: conceptOf([f]),
    subject: refs.subject,
  };
  if (CONDITION_CLINICAL.has(f.clinicalStatus)) r.clinicalStatus = coded(`${THO}/condition-clinical`, f.clinicalStatus);
  if (CONDITION_VERIFICATION.has(f.verificationStatus)) r.verificationStatus = coded(`${THO}/condition-ver-status`, f.verificationStatus);
  const onset = dateTime(f.onset);
  if (onset !== undefined) r.onsetDateTime = onset;
  const recorded = dateTime(f.date);
  if (recorded !== undefined) r.recordedDate = recorded;
  return r;
}

const OBSERVATION_STATUS = new Set(['preliminary', 'final', 'amended', 'cancelled']);

export function observationResource(f: ObservationFact, refs: EntryRefs): Json {
  const category = f.kind === 'vital' ? 'vital-signs' : 'laboratory';
  const r: Json = {
    resourceType: 'Observation',
    status: OBSERVATION_STATUS.has(f.status) ? f.status : 'unknown',
    category: [coded(`${THO}/observation-category`, category)],
    code: conceptOf([f]),
    subject: refs.subject,
    performer: [refs.org(f.hospitalCode)],
  };
  const when = dateTime(f.date);
  if (when !== undefined) r.effectiveDateTime = when;
  else r._effectiveDateTime = { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' }] };
  if (f.value !== undefined) r.valueQuantity = { value: f.value, ...(f.unit !== undefined && f.unit !== '' ? { unit: f.unit } : {}) };
  else if (f.valueText !== undefined) r.valueString = f.valueText;
  else r.dataAbsentReason = coded(`${THO}/data-absent-reason`, 'unknown');
  if (f.flag !== undefined) r.interpretation = [coded(`${THO}/v3-ObservationInterpretation`, f.flag)];
  if (f.refLow !== undefined || f.refHigh !== undefined) {
    const q = (value: number) => ({ value, ...(f.refUnit !== undefined ? { unit: f.refUnit } : {}) });
    r.referenceRange = [
      { ...(f.refLow !== undefined ? { low: q(f.refLow) } : {}), ...(f.refHigh !== undefined ? { high: q(f.refHigh) } : {}) },
    ];
  }
  return r;
}

/** One Immunization for a merged dose: every hospital's codings, each hospital a performer. */
export function immunizationResource(facts: readonly ImmunizationFact[], refs: EntryRefs): Json {
  const f = facts[0]!;
  const r: Json = {
    resourceType: 'Immunization',
    status: f.status === 'not-done' ? 'not-done' : 'completed',
    vaccineCode: conceptOf(facts),
    patient: refs.subject,
    performer: [...new Set(facts.map((x) => x.hospitalCode))].map((h) => ({ actor: refs.org(h) })),
  };
  const when = dateTime(f.date);
  if (when !== undefined) r.occurrenceDateTime = when;
  else r.occurrenceString = 'unknown';
  return r;
}

const PROCEDURE_STATUS: Partial<Record<FactStatus, string>> = {
  planned: 'preparation',
  'in-progress': 'in-progress',
  'not-done': 'not-done',
  'on-hold': 'on-hold',
  stopped: 'stopped',
  completed: 'completed',
};

/** One Procedure for a merged record: every hospital's codings, each hospital a performer. */
export function procedureResource(facts: readonly ProcedureFact[], refs: EntryRefs): Json {
  const f = facts[0]!;
  const r: Json = {
    resourceType: 'Procedure',
    status: PROCEDURE_STATUS[f.status] ?? 'unknown',
    code: conceptOf(facts),
    subject: refs.subject,
    performer: [...new Set(facts.map((x) => x.hospitalCode))].map((h) => ({ actor: refs.org(h) })),
  };
  const when = dateTime(f.date);
  if (when !== undefined) r.performedDateTime = when;
  if (f.bodySite !== undefined && f.bodySite !== '') r.bodySite = [{ text: f.bodySite }];
  return r;
}

/** The flag-category codes of FHIR R4 (http://terminology.hl7.org/CodeSystem/flag-category). */
const FLAG_CATEGORIES = new Set([
  'diet',
  'drug',
  'lab',
  'admin',
  'contact',
  'clinical',
  'behavioral',
  'research',
  'advance-directive',
  'safety',
]);

/** One Flag as the hospital sent it: its codings, its categories (a code outside R4's set kept as text), its hospital as author. */
export function flagResource(f: FlagFact, refs: EntryRefs): Json {
  const r: Json = {
    resourceType: 'Flag',
    status: f.status === 'inactive' ? 'inactive' : 'active',
    code: conceptOf([f]),
    subject: refs.subject,
    author: refs.org(f.hospitalCode),
  };
  if (f.categories.length > 0)
    r.category = f.categories.map((code) =>
      FLAG_CATEGORIES.has(code) ? { coding: [{ system: `${THO}/flag-category`, code }] } : { text: code },
    );
  const start = dateTime(f.period?.start);
  const end = dateTime(f.period?.end);
  if (start !== undefined || end !== undefined)
    r.period = { ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
  return r;
}
