/**
 * FHIR resources → minimal, serialisable clinical facts. Runs on the server per hospital so that no raw
 * FHIR (and never narrative HTML) crosses to the browser; codes are resolved through the shared
 * terminology so the same concept from two hospitals carries the same conceptKey.
 */
import type {
  AllergyIntolerance,
  CodeableConcept,
  Coding,
  Condition,
  DiagnosticReport,
  Encounter,
  Extension,
  Immunization,
  Medication,
  MedicationDispense,
  MedicationRequest,
  MedicationStatement,
  Meta,
  Observation,
  ObservationReferenceRange,
  Procedure,
  Quantity,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import {
  BLOOD_GROUP_KEY,
  analyteIndex,
  bloodGroupIndex,
  codeKey,
  conditionByIcd,
  conditionBySnomed,
  drugClassFromAtc,
  drugClassesOf,
  drugIndex,
  highRiskFromAtc,
  imagingByLoinc,
  noKnownAllergyIndex,
  normaliseIcd,
  sensitiveCodes,
  sensitiveIndex,
  substanceByDrugKey,
  substanceIndex,
  vaccineConceptOf,
  vitalSignPanelLoinc,
  type VaccineConcept,
} from './terminology-index';
import { SYSTEMS, type AnalyteDef, type DrugDef } from './terminology';
import type {
  AllergyFact,
  AllergyVerification,
  ClinicalFact,
  ConditionFact,
  EncounterClass,
  EncounterFact,
  FactCode,
  FactKind,
  FactStatus,
  ImagingFact,
  ImmunizationFact,
  LabFlag,
  LabReportFact,
  MedicationFact,
  MedicationSource,
  ObservationFact,
  Period,
  ProcedureFact,
  SealedFactStub,
} from './types';
import { toCanonical } from './units';

// ---------------------------------------------------------------------------------------------------
// Small helpers

function toCodes(cc: CodeableConcept | undefined): FactCode[] {
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

function textOf(cc: CodeableConcept | undefined): string {
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
function fallbackKey(codes: FactCode[], display: string): string {
  const first = codes[0];
  if (first !== undefined) return codeKey(first.system, first.code);
  return normaliseText(display);
}

function periodOf(p: { start?: string; end?: string } | undefined): Period | undefined {
  if (p === undefined || (p.start === undefined && p.end === undefined)) return undefined;
  const out: Period = {};
  if (p.start !== undefined) out.start = p.start;
  if (p.end !== undefined) out.end = p.end;
  return out;
}

function sealedLabels(meta: Meta | undefined): string[] | undefined {
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

function quantityText(q: Quantity | undefined): string | undefined {
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
function absentConceptNames(codes: FactCode[], display: string): { th: string; en: string } | undefined {
  if (display !== '' || codes.length === 0) return undefined;
  for (const c of codes) if (c.system !== DATA_ABSENT_REASON) return undefined;
  return codes[0]!.code === 'masked'
    ? { th: 'ต้นทางปกปิดข้อมูลนี้', en: 'Withheld by the source' }
    : { th: 'ต้นทางไม่ได้ระบุ', en: 'Not stated by the source' };
}

interface Base {
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

function base(
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

function codingCode(cc: CodeableConcept | undefined): string | undefined {
  return cc?.coding?.[0]?.code;
}

// ---------------------------------------------------------------------------------------------------
// AllergyIntolerance

const VERIFICATIONS: Record<string, AllergyVerification> = {
  confirmed: 'confirmed',
  unconfirmed: 'unconfirmed',
  presumed: 'presumed',
  provisional: 'unconfirmed',
  differential: 'unconfirmed',
  refuted: 'refuted',
};

const CLINICAL_STATUS: Record<string, FactStatus> = {
  active: 'active',
  recurrence: 'active',
  relapse: 'active',
  inactive: 'inactive',
  remission: 'inactive',
  resolved: 'resolved',
};

function clinicalStatusOf(cc: CodeableConcept | undefined, fallback: FactStatus): FactStatus {
  const code = codingCode(cc);
  return code === undefined ? fallback : (CLINICAL_STATUS[code] ?? fallback);
}

function allergyFact(r: AllergyIntolerance, hospitalCode: string): AllergyFact | null {
  const verificationCode = codingCode(r.verificationStatus);
  if (verificationCode === 'entered-in-error') return null;
  const codes = toCodes(r.code);
  const display = textOf(r.code);
  let noKnownAllergy = false;
  let substance = undefined as ReturnType<typeof substanceIndex.get>;
  let drug: DrugDef | undefined;
  let atc: string | undefined;
  for (const c of codes) {
    if (noKnownAllergyIndex.get(c.system, c.code) === true) noKnownAllergy = true;
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
  const conceptKey = noKnownAllergy
    ? 'no-known-allergy'
    : (substance?.key ?? (drug !== undefined ? drug.key : fallbackKey(codes, display)));
  const names = substance ?? drug;
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

// ---------------------------------------------------------------------------------------------------
// Medications

type MedicationHolder = { medicationCodeableConcept?: CodeableConcept; medicationReference?: Reference; contained?: Resource[] };

function medicationConcept(r: MedicationHolder, medications: Map<string, Medication> | undefined): CodeableConcept | undefined {
  if (r.medicationCodeableConcept !== undefined) return r.medicationCodeableConcept;
  const ref = r.medicationReference?.reference;
  if (ref === undefined) return r.medicationReference?.display !== undefined ? { text: r.medicationReference.display } : undefined;
  if (ref.startsWith('#')) {
    const id = ref.slice(1);
    for (const c of r.contained ?? []) if (c.resourceType === 'Medication' && c.id === id) return c.code;
  } else if (medications !== undefined) {
    const m = medications.get(ref.startsWith('Medication/') ? ref.slice(11) : ref);
    if (m !== undefined) return m.code;
  }
  return r.medicationReference?.display !== undefined ? { text: r.medicationReference.display } : undefined;
}

const MED_STATUS: Record<string, FactStatus> = {
  active: 'active',
  completed: 'completed',
  stopped: 'stopped',
  'on-hold': 'on-hold',
  intended: 'intended',
  'not-taken': 'not-taken',
  cancelled: 'cancelled',
  draft: 'intended',
  declined: 'cancelled',
  preparation: 'in-progress',
  'in-progress': 'in-progress',
  unknown: 'unknown',
};

function medicationFact(
  r: MedicationStatement | MedicationRequest | MedicationDispense,
  hospitalCode: string,
  source: MedicationSource,
  date: string | undefined,
  dose: string | undefined,
  period: Period | undefined,
  medications: Map<string, Medication> | undefined,
): MedicationFact | null {
  if (r.status === 'entered-in-error') return null;
  const concept = medicationConcept(r, medications);
  const codes = toCodes(concept);
  const display = textOf(concept);
  let drug: DrugDef | undefined;
  let atc: string | undefined;
  for (const c of codes) {
    drug ??= drugIndex.get(c.system, c.code);
    if (atc === undefined && c.system === SYSTEMS.atc) atc = c.code;
  }
  const b = base(
    r,
    hospitalCode,
    date,
    drug?.key ?? fallbackKey(codes, display),
    codes,
    display,
    r.status === undefined ? 'unknown' : (MED_STATUS[r.status] ?? 'unknown'),
    drug,
  );
  const classes = drug !== undefined ? drugClassesOf(drug) : undefined;
  let drugClass = classes?.drugClass;
  let highRisk = classes?.highRisk;
  if (drug !== undefined) atc ??= drug.atc[0];
  else if (atc !== undefined) {
    drugClass = drugClassFromAtc(atc);
    highRisk = highRiskFromAtc(atc);
  }
  return {
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
    kind: 'medication',
    source,
    dose: dose !== undefined && dose !== '' ? dose : undefined,
    period,
    drugKey: drug?.key,
    drugClass,
    highRisk,
    atc,
    daysSupply: undefined,
    ...medicationReasons(r),
  };
}

function joinedText(concepts: readonly CodeableConcept[] | undefined): string | undefined {
  const text = (concepts ?? [])
    .map(textOf)
    .filter((t) => t !== '')
    .join('; ');
  return text === '' ? undefined : text;
}

/**
 * Why the course was stopped or changed, as the hospital wrote it (`statusReason`). `reasonCode` is kept
 * apart as the indication: shown as a stop reason, "Type 2 diabetes" would read as why metformin was stopped.
 */
function medicationReasons(r: MedicationStatement | MedicationRequest | MedicationDispense): {
  statusReason?: string;
  indication?: string;
} {
  if (r.resourceType === 'MedicationDispense') return {};
  const statusReason =
    r.resourceType === 'MedicationStatement'
      ? joinedText(r.statusReason)
      : joinedText(r.statusReason === undefined ? undefined : [r.statusReason]);
  return { statusReason, indication: joinedText(r.reasonCode) };
}

function dosageText(d: { text?: string; doseAndRate?: { doseQuantity?: Quantity }[] }[] | undefined): string | undefined {
  const first = d?.[0];
  if (first === undefined) return undefined;
  if (first.text !== undefined && first.text !== '') return first.text;
  return quantityText(first.doseAndRate?.[0]?.doseQuantity);
}

// ---------------------------------------------------------------------------------------------------
// Condition

function conditionFact(r: Condition, hospitalCode: string): ConditionFact | null {
  const verification = codingCode(r.verificationStatus) ?? '';
  if (verification === 'entered-in-error') return null;
  const codes = toCodes(r.code);
  const display = textOf(r.code);
  let def = undefined as ReturnType<typeof conditionByIcd.get>;
  let icd10: string | undefined;
  let icd10tm: string | undefined;
  for (const c of codes) {
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
  const conceptKey = def?.key ?? (icd !== undefined ? 'icd10|' + normaliseIcd(icd) : fallbackKey(codes, display));
  const onset = r.onsetDateTime ?? r.onsetPeriod?.start;
  const b = base(r, hospitalCode, onset ?? r.recordedDate, conceptKey, codes, display, clinicalStatusOf(r.clinicalStatus, 'unknown'), def);
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

// ---------------------------------------------------------------------------------------------------
// Observation

const OBS_STATUS: Record<string, FactStatus> = {
  final: 'final',
  amended: 'amended',
  corrected: 'amended',
  preliminary: 'preliminary',
  registered: 'preliminary',
  cancelled: 'cancelled',
  unknown: 'unknown',
};

const INTERPRETATION_FLAGS: Record<string, LabFlag> = {
  H: 'H',
  HU: 'H',
  '>': 'H',
  L: 'L',
  LU: 'L',
  '<': 'L',
  HH: 'HH',
  LL: 'LL',
  A: 'A',
  AA: 'A',
  N: 'N',
};

function interpretationFlag(interpretation: CodeableConcept[] | undefined): LabFlag | undefined {
  if (interpretation === undefined) return undefined;
  for (const cc of interpretation) {
    for (const c of cc.coding ?? []) {
      const f = c.code !== undefined ? INTERPRETATION_FLAGS[c.code] : undefined;
      if (f !== undefined) return f;
    }
  }
  return undefined;
}

function hasCategory(categories: CodeableConcept[] | undefined, code: string): boolean {
  if (categories === undefined) return false;
  for (const cc of categories) for (const c of cc.coding ?? []) if (c.code === code) return true;
  return false;
}

interface ObservationValueSource {
  code: CodeableConcept;
  valueQuantity?: Quantity;
  valueString?: string;
  valueCodeableConcept?: CodeableConcept;
  valueInteger?: number;
  valueBoolean?: boolean;
  interpretation?: CodeableConcept[];
  referenceRange?: ObservationReferenceRange[];
}

function observationFact(
  r: Observation,
  src: ObservationValueSource,
  hospitalCode: string,
  idSuffix: string,
  categories: CodeableConcept[] | undefined,
): ObservationFact {
  const codes = toCodes(src.code);
  const display = textOf(src.code);
  let analyte: AnalyteDef | undefined;
  let bloodGroup = false;
  let vitalPanel = false;
  for (const c of codes) {
    analyte ??= analyteIndex.get(c.system, c.code);
    if (bloodGroupIndex.get(c.system, c.code) === true) bloodGroup = true;
    if (c.system === SYSTEMS.loinc && vitalSignPanelLoinc.has(c.code)) vitalPanel = true;
  }
  const absent = analyte === undefined && !bloodGroup ? absentConceptNames(codes, display) : undefined;
  const analyteKey =
    analyte?.key ??
    (bloodGroup
      ? BLOOD_GROUP_KEY
      : absent !== undefined
        ? 'absent|' + hospitalCode + '/Observation/' + (r.id ?? '') + idSuffix
        : fallbackKey(codes, display));
  // A known analyte says what it is; otherwise the resource's own category decides.
  const kind =
    analyte !== undefined
      ? analyte.category === 'vital-signs'
        ? 'vital'
        : 'lab'
      : vitalPanel || hasCategory(categories, 'vital-signs')
        ? 'vital'
        : 'lab';
  const names = analyte ?? (bloodGroup ? BLOOD_GROUP_NAMES : absent);
  const date = r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.effectiveInstant ?? r.issued;
  const labels = r.meta === undefined ? undefined : sealedLabels(r.meta);
  const resourceId = r.id ?? '';

  let value: number | undefined;
  let unit: string | undefined;
  let valueText: string | undefined;
  let valueCode: string | undefined;
  let canonicalValue: number | undefined;
  let canonicalUnit: string | undefined;
  const q = src.valueQuantity;
  if (q?.value !== undefined) {
    value = q.value;
    unit = q.unit ?? q.code;
    // Comparators (<, >) make the number a bound, not a value: keep it as text too.
    if (q.comparator !== undefined) valueText = q.comparator + String(q.value) + (unit !== undefined ? ' ' + unit : '');
    if (analyte !== undefined) {
      const can =
        toCanonical(analyte.key, q.value, q.unit ?? '') ??
        (q.code !== undefined && q.code !== q.unit ? toCanonical(analyte.key, q.value, q.code) : null);
      if (can !== null) {
        canonicalValue = can.value;
        canonicalUnit = can.unit;
      }
    }
  } else if (src.valueInteger !== undefined) {
    value = src.valueInteger;
  } else if (src.valueString !== undefined) {
    valueText = src.valueString;
  } else if (src.valueCodeableConcept !== undefined) {
    valueText = textOf(src.valueCodeableConcept);
    valueCode = src.valueCodeableConcept.coding?.[0]?.code;
  } else if (src.valueBoolean !== undefined) {
    valueText = src.valueBoolean ? 'yes' : 'no';
  }

  let refLow: number | undefined;
  let refHigh: number | undefined;
  let refUnit: string | undefined;
  let canonicalRefLow: number | undefined;
  let canonicalRefHigh: number | undefined;
  const range = src.referenceRange?.[0];
  if (range !== undefined) {
    refLow = range.low?.value;
    refHigh = range.high?.value;
    if (refLow !== undefined || refHigh !== undefined) {
      refUnit = range.low?.unit ?? range.high?.unit ?? range.low?.code ?? range.high?.code ?? unit;
      if (refUnit !== undefined && analyte !== undefined) {
        if (refLow !== undefined) canonicalRefLow = toCanonical(analyte.key, refLow, refUnit)?.value;
        if (refHigh !== undefined) canonicalRefHigh = toCanonical(analyte.key, refHigh, refUnit)?.value;
      }
    }
  }

  const fact: ObservationFact = {
    // Written out rather than through base(): this is the path 70 % of resources take.
    id: hospitalCode + '/Observation/' + resourceId + idSuffix,
    hospitalCode,
    resourceType: 'Observation',
    resourceId,
    date: date !== undefined && date !== '' ? date : null,
    conceptKey: analyteKey,
    codes,
    display: display !== '' ? display : (names?.en ?? codes[0]?.code ?? ''),
    nameTh: names?.th,
    nameEn: names?.en,
    status: r.status === undefined ? 'unknown' : (OBS_STATUS[r.status] ?? 'unknown'),
    sealed: labels === undefined ? undefined : { labels },
    kind,
    analyteKey,
    value,
    unit,
    valueText,
    valueCode,
    canonicalValue,
    canonicalUnit,
    refLow,
    refHigh,
    refUnit,
    canonicalRefLow,
    canonicalRefHigh,
    flag: undefined,
  };
  fact.flag = interpretationFlag(src.interpretation) ?? computedFlag(fact);
  return fact;
}

const BLOOD_GROUP_NAMES = { th: 'หมู่เลือด', en: 'Blood group' };

/** Only H/L/N are computed from the range: critical bands are the laboratory's call, never inferred. */
function computedFlag(f: ObservationFact): LabFlag | undefined {
  if (f.value === undefined || f.valueText !== undefined) return undefined;
  // Compare in the range's own unit when it matches the value's; otherwise only in canonical units.
  let v: number | undefined;
  let low: number | undefined;
  let high: number | undefined;
  if (f.refUnit !== undefined && f.unit !== undefined && f.refUnit === f.unit) {
    v = f.value;
    low = f.refLow;
    high = f.refHigh;
  } else if (f.canonicalValue !== undefined) {
    v = f.canonicalValue;
    low = f.canonicalRefLow;
    high = f.canonicalRefHigh;
  } else if (f.refUnit === undefined && f.unit === undefined) {
    v = f.value;
    low = f.refLow;
    high = f.refHigh;
  }
  if (v === undefined || (low === undefined && high === undefined)) return undefined;
  if (high !== undefined && v > high) return 'H';
  if (low !== undefined && v < low) return 'L';
  return 'N';
}

function observationFacts(r: Observation, hospitalCode: string, out: ClinicalFact[]): void {
  if (r.status === 'entered-in-error') return;
  const hasValue =
    r.valueQuantity !== undefined ||
    r.valueString !== undefined ||
    r.valueCodeableConcept !== undefined ||
    r.valueInteger !== undefined ||
    r.valueBoolean !== undefined;
  const components = r.component;
  // A panel (blood pressure) carries its values in components: each becomes its own fact.
  if (!hasValue && components !== undefined && components.length > 0) {
    for (let i = 0; i < components.length; i++) {
      const c = components[i]!;
      out.push(observationFact(r, c, hospitalCode, `#${i}`, r.category));
    }
    return;
  }
  out.push(observationFact(r, r, hospitalCode, '', r.category));
}

// ---------------------------------------------------------------------------------------------------
// DiagnosticReport

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

function diagnosticReportFact(r: DiagnosticReport, hospitalCode: string): LabReportFact | ImagingFact | null {
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

// ---------------------------------------------------------------------------------------------------
// Immunization, Procedure, Encounter

function immunizationFact(r: Immunization, hospitalCode: string): ImmunizationFact | null {
  if (r.status === 'entered-in-error') return null;
  const codes = toCodes(r.vaccineCode);
  const display = textOf(r.vaccineCode);
  let concept: VaccineConcept | undefined;
  for (const c of codes) concept ??= vaccineConceptOf(c.system, c.code);
  const vaccine = concept?.vaccine;
  const status: FactStatus = r.status === 'completed' ? 'completed' : r.status === 'not-done' ? 'not-done' : 'unknown';
  // A code the CVX table knows but we have no name for keeps the hospital's display; without one, CDC's
  // description reads better than a bare code.
  const shown = display !== '' ? display : (concept?.description ?? '');
  const b = base(
    r,
    hospitalCode,
    r.occurrenceDateTime ?? r.recorded,
    vaccine?.key ?? fallbackKey(codes, shown),
    codes,
    shown,
    status,
    vaccine,
  );
  const fact: ImmunizationFact = {
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
    kind: 'immunization',
    tetanus: concept?.tetanus === true,
  };
  if (vaccine !== undefined) fact.vaccineKey = vaccine.key;
  if (concept !== undefined && concept.groups.length > 0) fact.vaccineGroups = [...concept.groups];
  return fact;
}

const PROCEDURE_STATUS: Record<string, FactStatus> = {
  preparation: 'planned',
  'in-progress': 'in-progress',
  'not-done': 'not-done',
  'on-hold': 'on-hold',
  stopped: 'stopped',
  completed: 'completed',
  unknown: 'unknown',
};

function procedureFact(r: Procedure, hospitalCode: string): ProcedureFact | null {
  if (r.status === 'entered-in-error') return null;
  const codes = toCodes(r.code);
  const display = textOf(r.code);
  const b = base(
    r,
    hospitalCode,
    r.performedDateTime ?? r.performedPeriod?.start,
    fallbackKey(codes, display),
    codes,
    display,
    PROCEDURE_STATUS[r.status] ?? 'unknown',
    undefined,
  );
  const fact: ProcedureFact = {
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
    kind: 'procedure',
  };
  const site = r.bodySite?.[0];
  if (site !== undefined) fact.bodySite = textOf(site);
  return fact;
}

const ENCOUNTER_STATUS: Record<string, FactStatus> = {
  planned: 'planned',
  arrived: 'in-progress',
  triaged: 'in-progress',
  'in-progress': 'in-progress',
  onleave: 'in-progress',
  finished: 'completed',
  cancelled: 'cancelled',
  unknown: 'unknown',
};

const ENCOUNTER_CLASS: Record<string, EncounterClass> = {
  AMB: 'AMB',
  VR: 'AMB',
  HH: 'AMB',
  IMP: 'IMP',
  ACUTE: 'IMP',
  NONAC: 'IMP',
  SS: 'IMP',
  EMER: 'EMER',
};

function encounterClassOf(c: Coding | undefined): EncounterClass {
  return c?.code === undefined ? 'OTHER' : (ENCOUNTER_CLASS[c.code] ?? 'OTHER');
}

function encounterFact(r: Encounter, hospitalCode: string): EncounterFact | null {
  if (r.status === 'entered-in-error') return null;
  const type = r.type?.[0];
  const codes = toCodes(type);
  const typeText = textOf(type);
  const encounterClass = encounterClassOf(r.class);
  const display = typeText !== '' ? typeText : (r.class?.display ?? encounterClass);
  const b = base(
    r,
    hospitalCode,
    r.period?.start,
    'encounter|' + encounterClass,
    codes,
    display,
    ENCOUNTER_STATUS[r.status] ?? 'unknown',
    undefined,
  );
  const reason = r.reasonCode?.[0];
  const reasonText = reason !== undefined ? textOf(reason) : '';
  return {
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
    kind: 'encounter',
    encounterClass,
    typeText: typeText !== '' ? typeText : undefined,
    period: periodOf(r.period),
    reason: reasonText !== '' ? reasonText : undefined,
  };
}

// ---------------------------------------------------------------------------------------------------
// Entry points

/** Maps one hospital's validated FHIR resources to view-model facts; entered-in-error and unknown types yield none. */
export function toClinicalFacts(resources: readonly Resource[], hospitalCode: string): ClinicalFact[] {
  const out: ClinicalFact[] = [];
  let medications: Map<string, Medication> | undefined;
  for (const r of resources) {
    if (r.resourceType === 'Medication' && r.id !== undefined) (medications ??= new Map()).set(r.id, r);
  }
  for (const r of resources) {
    const fact = mapResource(r, hospitalCode, medications, out);
    if (fact !== null) out.push(fact);
  }
  return out;
}

function mapResource(
  r: Resource,
  hospitalCode: string,
  medications: Map<string, Medication> | undefined,
  out: ClinicalFact[],
): ClinicalFact | null {
  const type = r.resourceType;
  if (type === 'Observation') {
    observationFacts(r, hospitalCode, out);
    return null;
  }
  if (type === 'AllergyIntolerance') return allergyFact(r, hospitalCode);
  if (type === 'MedicationStatement') {
    return medicationFact(
      r,
      hospitalCode,
      'statement',
      r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.dateAsserted,
      dosageText(r.dosage),
      periodOf(r.effectivePeriod),
      medications,
    );
  }
  if (type === 'MedicationRequest') {
    return medicationFact(
      r,
      hospitalCode,
      'request',
      r.authoredOn,
      dosageText(r.dosageInstruction),
      periodOf(r.dispenseRequest?.validityPeriod),
      medications,
    );
  }
  if (type === 'MedicationDispense') {
    const fact = medicationFact(
      r,
      hospitalCode,
      'dispense',
      r.whenHandedOver ?? r.whenPrepared,
      dosageText(r.dosageInstruction),
      undefined,
      medications,
    );
    const days = r.daysSupply?.value;
    if (fact !== null && days !== undefined) fact.daysSupply = days;
    return fact;
  }
  if (type === 'Condition') return conditionFact(r, hospitalCode);
  if (type === 'DiagnosticReport') return diagnosticReportFact(r, hospitalCode);
  if (type === 'Immunization') return immunizationFact(r, hospitalCode);
  if (type === 'Procedure') return procedureFact(r, hospitalCode);
  if (type === 'Encounter') return encounterFact(r, hospitalCode);
  return null;
}

/** True when the hospital labelled the record sensitive (HIV, psychiatry, substance use, restricted). */
export function isSealed(fact: ClinicalFact | SealedFactStub): boolean {
  return 'labels' in fact || fact.sealed !== undefined;
}

/** True for a stub: a sealed record whose content has not been released to this viewer. */
export function isStub(fact: ClinicalFact | SealedFactStub): fact is SealedFactStub {
  return 'labels' in fact;
}

/** Strips a sealed fact to what may be shown before a reason is given: that a record exists, and when. */
export function sealFact(fact: ClinicalFact): SealedFactStub {
  return {
    id: fact.id,
    hospitalCode: fact.hospitalCode,
    kind: fact.kind,
    date: fact.date,
    labels: fact.sealed !== undefined ? [...fact.sealed.labels] : [],
  };
}

/** Facts as they may leave the server before break-the-glass: sealed ones replaced by stubs. */
export function sealSensitiveFacts(facts: readonly ClinicalFact[]): (ClinicalFact | SealedFactStub)[] {
  return facts.map((f) => (f.sealed !== undefined ? sealFact(f) : f));
}

export type { FactKind };
