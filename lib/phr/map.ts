/**
 * MOPH-PHR rows → the same clinical facts as FHIR. Pure. The rows are turned into minimal FHIR resources
 * and mapped by the one FHIR mapper (toClinicalFacts), so codes meet the same terminology; then what came
 * without a code (free-text diagnoses, hospital drug names, the summary's allergy text) is marked
 * `codedBy: 'name-only'`, matched to the terminology by name alone, and keyed apart so that it never
 * merges silently with a coded fact.
 */
import type { AllergyIntolerance, Condition, Encounter, MedicationStatement, Observation, Resource } from '@medplum/fhirtypes';
import { toClinicalFacts } from '../clinical/facts';
import { NAME_ONLY_PREFIX } from '../clinical/name-only';
import { DRUGS, SYSTEMS } from '../clinical/terminology';
import { ALLERGY_SUBSTANCES } from '../clinical/terminology/allergy-substances';
import { drugClassesOf } from '../clinical/terminology-index';
import type { ClinicalFact } from '../clinical/types';
import { PHR_SOURCE, phrSourceCode } from './source-codes';
import type { PhrConditionRow, PhrEncounterRow, PhrObservationRow, PhrRecordRows, PhrVisitRows } from './schemas';

const ICD10 = /^[A-Z]\d{2}(\.\d{1,4})?$/;
/** `1970-01-01` means unknown (S Dates). */
const UNKNOWN_DATE = '1970-01-01';

/**
 * PHR writes clinical times without an offset; they are Thai local time (docs/phr.md), so +07:00 is
 * added. A date alone stays a date; `1970-01-01` and anything unparsable become undefined.
 */
export function phrTime(value: string | null | undefined): string | undefined {
  if (!value || value.startsWith(UNKNOWN_DATE)) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?)(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (!m) return undefined;
  return m[4] !== undefined ? value : `${m[1]}${m[2] === undefined ? ':00' : ''}+07:00`;
}

/** Lower case, separators and dose strengths removed: what a name is compared by. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^[a-z]{2,4}_/, '') // a HIS's own prefix (e.g. MFM_METFORMIN)
    .replace(/\d+(\.\d+)?\s*(mg|g|mcg|ml|iu|units?)\.?/g, ' ')
    .replace(/[^a-z\u0E00-\u0E7F]+/g, ' ')
    .trim();
}

/** The terminology drug a name names, by its key or the first word of its English name (word match only). */
export function drugByName(name: string): (typeof DRUGS)[number] | undefined {
  const words = new Set(normaliseName(name).split(' '));
  return DRUGS.find((d) => words.has(d.key) || words.has(d.en.toLowerCase().split(' ')[0]!));
}

/** The allergy substance a free-text allergy names, by its key or English name (singular or plural). */
export function substanceByName(name: string): (typeof ALLERGY_SUBSTANCES)[number] | undefined {
  const words = new Set(normaliseName(name).split(' '));
  return ALLERGY_SUBSTANCES.find((s) => {
    const en = s.en.toLowerCase();
    return words.has(s.key) || words.has(en) || words.has(en.replace(/s$/, ''));
  });
}

const VITAL_COLUMNS: { column: keyof PhrEncounterRow; loinc: string; unit: string; text: string }[] = [
  { column: 'vital_sign_body_weight_kg', loinc: '29463-7', unit: 'kg', text: 'Body weight' },
  { column: 'vital_sign_body_height_cm', loinc: '8302-2', unit: 'cm', text: 'Body height' },
  { column: 'vital_sign_body_temp_cel', loinc: '8310-5', unit: 'Cel', text: 'Body temperature' },
  { column: 'vital_sign_body_mass_index', loinc: '39156-5', unit: 'kg/m2', text: 'BMI' },
  { column: 'vital_sign_respiratory_rate', loinc: '9279-1', unit: '/min', text: 'Respiratory rate' },
  { column: 'vital_sign_pulse', loinc: '8867-4', unit: '/min', text: 'Heart rate' },
  { column: 'vital_sign_bp_systolic_mmhg', loinc: '8480-6', unit: 'mm[Hg]', text: 'Systolic blood pressure' },
  { column: 'vital_sign_bp_diastolic_mmhg', loinc: '8462-4', unit: 'mm[Hg]', text: 'Diastolic blood pressure' },
];

function idOf(ref: string, suffix: string): string {
  return `${ref.replace(/[^A-Za-z0-9.-]/g, '-')}${suffix}`;
}

function encounterResource(e: PhrEncounterRow): Encounter {
  const type = e.division_display ?? e.type_display ?? e.class_display ?? '';
  return {
    resourceType: 'Encounter',
    id: idOf(e.encounter_ref_code, ''),
    identifier: [{ system: 'https://bps.moph.go.th/vn', value: e.encounter_ref_code }],
    status: e.status === 'finished' || !e.status ? 'finished' : 'unknown',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: e.class_code ?? 'AMB' },
    ...(type ? { type: [{ text: type }] } : {}),
    period: { start: phrTime(e.period_start), end: phrTime(e.period_end) },
    ...(e.encounter_cc_text ? { reasonCode: [{ text: e.encounter_cc_text }] } : {}),
  };
}

/** Vital-sign columns of a visit as vital-sign Observations; a 0 is "not measured" (S's own example). */
function vitalResources(e: PhrEncounterRow): Observation[] {
  const out: Observation[] = [];
  for (const v of VITAL_COLUMNS) {
    const value = e[v.column];
    if (typeof value !== 'number' || value <= 0) continue;
    out.push({
      resourceType: 'Observation',
      id: idOf(e.encounter_ref_code, `-vs-${v.loinc}`),
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
      code: { coding: [{ system: SYSTEMS.loinc, code: v.loinc }], text: v.text },
      effectiveDateTime: phrTime(e.period_start),
      valueQuantity: { value, unit: v.unit, system: SYSTEMS.ucum, code: v.unit },
    });
  }
  return out;
}

function observationResource(ref: string, o: PhrObservationRow, i: number, visitStart: string | undefined): Observation | null {
  const name = o.display_text ?? o.display ?? '';
  if (!o.loinc_code && !name) return null;
  const hasValue = typeof o.value_quantity === 'number';
  return {
    resourceType: 'Observation',
    id: idOf(ref, `-obs-${i}`),
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code: { ...(o.loinc_code ? { coding: [{ system: SYSTEMS.loinc, code: o.loinc_code }] } : {}), text: name },
    effectiveDateTime: phrTime(o.issued) ?? visitStart,
    ...(hasValue
      ? {
          valueQuantity: {
            value: o.value_quantity!,
            ...(o.observation_unit ? { unit: o.observation_unit, system: SYSTEMS.ucum, code: o.observation_unit } : {}),
          },
        }
      : o.value_string
        ? { valueString: o.value_string }
        : {}),
    ...(typeof o.reference_range_normal_low === 'number' || typeof o.reference_range_normal_high === 'number'
      ? {
          referenceRange: [
            {
              ...(typeof o.reference_range_normal_low === 'number'
                ? { low: { value: o.reference_range_normal_low, unit: o.observation_unit ?? undefined } }
                : {}),
              ...(typeof o.reference_range_normal_high === 'number'
                ? { high: { value: o.reference_range_normal_high, unit: o.observation_unit ?? undefined } }
                : {}),
            },
          ],
        }
      : {}),
  };
}

/** A condition row; `hpi` (history of present illness) is narrative, not a diagnosis, and is left out. */
function conditionResource(ref: string, c: PhrConditionRow, i: number, visitStart: string | undefined): Condition | null {
  const code = c.code_text.trim();
  if (code === 'hpi' || code === '') return null;
  const coded = ICD10.test(code.toUpperCase());
  const display = c.code_display_text ?? '';
  if (!coded && !display) return null;
  const status = (c.clinical_status_text ?? '').toLowerCase() === 'inactive' ? 'inactive' : 'active';
  return {
    resourceType: 'Condition',
    id: idOf(ref, `-dx-${i}`),
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: status }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }] }],
    // S says only "ICD10": read as WHO ICD-10 (dotted); the terminology meets ICD-10-TM by the dot-less form.
    code: coded ? { coding: [{ system: SYSTEMS.icd10, code: code.toUpperCase(), display }], text: display } : { text: display },
    subject: {},
    onsetDateTime: phrTime(c.onset_datetime),
    recordedDate: phrTime(c.recorded_datetime) ?? visitStart,
  };
}

function medicationResource(
  ref: string,
  m: PhrVisitRows['medications'][number],
  i: number,
  visitStart: string | undefined,
): MedicationStatement {
  const dose = m.ref_md_statement_text || m.ref_md_patient_instruction || undefined;
  return {
    resourceType: 'MedicationStatement',
    id: idOf(ref, `-rx-${i}`),
    status: m.statement_status === 'completed' || m.statement_status === 'stopped' ? m.statement_status : 'active',
    medicationCodeableConcept: { text: m.code_text },
    subject: {},
    effectiveDateTime: phrTime(m.statement_effective_datetime) ?? visitStart,
    ...(dose ? { dosage: [{ text: dose.replace(/\r\n/g, ' ') }] } : {}),
  };
}

/** Marks a fact that came with a name and no code, and keys it apart from coded facts. */
function nameOnly(f: ClinicalFact): void {
  f.codedBy = 'name-only';
  if (f.kind === 'medication') {
    const drug = drugByName(f.display);
    if (drug) {
      const classes = drugClassesOf(drug);
      f.drugKey = drug.key;
      f.drugClass = classes.drugClass;
      f.highRisk = classes.highRisk;
      f.nameEn = drug.en;
      f.nameTh = drug.th;
    }
    f.conceptKey = `${NAME_ONLY_PREFIX}drug|${drug?.key ?? normaliseName(f.display)}`;
  } else if (f.kind === 'condition') {
    f.conceptKey = `${NAME_ONLY_PREFIX}condition|${normaliseName(f.display)}`;
  } else if (f.kind === 'allergy') {
    const substance = substanceByName(f.display);
    if (substance) {
      f.drugClass = substance.drugClass;
      f.drugKeys = [...(substance.drugs ?? [])];
      f.nameEn = substance.en;
      f.nameTh = substance.th;
    }
    f.conceptKey = `${NAME_ONLY_PREFIX}allergy|${substance?.key ?? normaliseName(f.display)}`;
  }
}

function visitFacts(v: PhrVisitRows): ClinicalFact[] {
  const ref = v.encounter.encounter_ref_code;
  const start = phrTime(v.encounter.period_start);
  const resources: Resource[] = [encounterResource(v.encounter), ...vitalResources(v.encounter)];
  v.observations.forEach((o, i) => {
    const r = observationResource(ref, o, i, start);
    if (r) resources.push(r);
  });
  v.conditions.forEach((c, i) => {
    const r = conditionResource(ref, c, i, start);
    if (r) resources.push(r);
  });
  v.medications.forEach((m, i) => resources.push(medicationResource(ref, m, i, start)));
  const facts = toClinicalFacts(resources, phrSourceCode(v.encounter.organization_code));
  for (const f of facts) {
    f.facilityCode = v.encounter.organization_code;
    if (f.kind === 'medication' || (f.kind === 'condition' && f.codes.length === 0)) nameOnly(f);
  }
  return facts;
}

/** The summary's free-text allergy (the only documented allergy read) as a name-only allergy fact. */
function summaryFacts(rows: PhrRecordRows): ClinicalFact[] {
  const text = rows.summary?.patient.allergy_intolerance_text?.trim();
  if (!text) return [];
  const allergy: AllergyIntolerance = {
    resourceType: 'AllergyIntolerance',
    id: 'summary-allergy',
    code: { text },
    patient: {},
    verificationStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'unconfirmed' }],
    },
  };
  const facts = toClinicalFacts([allergy], PHR_SOURCE);
  for (const f of facts) nameOnly(f);
  return facts;
}

/**
 * Every fact one MOPH-PHR read yields, by source code: `phr:<hcode>` for what a facility recorded at a
 * visit, `phr` for what the patient summary says without naming a facility.
 */
export function phrFactsBySource(rows: PhrRecordRows): Map<string, ClinicalFact[]> {
  const out = new Map<string, ClinicalFact[]>();
  const add = (code: string, facts: ClinicalFact[]): void => {
    const list = out.get(code);
    if (list) list.push(...facts);
    else out.set(code, [...facts]);
  };
  for (const v of rows.visits) add(phrSourceCode(v.encounter.organization_code), visitFacts(v));
  const summary = summaryFacts(rows);
  if (summary.length > 0) add(PHR_SOURCE, summary);
  return out;
}
