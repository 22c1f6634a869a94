/**
 * The one index over every terminology table (./terminology.ts and the code-system tables in
 * ./terminology/), built once at module load so that mapping tens of thousands of resources never scans
 * an array: each lookup is one or two Map reads.
 */
import { ATC_DRUG_CLASS, ATC_HIGH_RISK } from './terminology/atc-classes';
import { CVX_GROUPS, TETANUS_GROUPS, type CvxRow, type VaccineGroup } from './terminology/cvx-groups';
import { NONE_KNOWN, type NoneKnownRow } from './terminology/none-known';
import { ATC_VACCINES, SNOMED_VACCINES, type VaccineCodeRow } from './terminology/vaccine-codes';
import { LOINC_ANALYTES } from './terminology/loinc-analytes';
import { VITAL_SIGNS } from './terminology/vital-signs';
import {
  ALLERGY_SUBSTANCES,
  ANALYTES,
  BLOOD_GROUP_LOINC,
  CONDITIONS,
  DRUGS,
  IMAGING_STUDIES,
  NO_KNOWN_ALLERGY_CODES,
  SENSITIVE_SECURITY_CODES,
  SYSTEMS,
  VACCINES,
  type AllergySubstanceDef,
  type AnalyteDef,
  type ConditionDef,
  type DrugClass,
  type DrugDef,
  type HighRiskClass,
  type ImagingStudyDef,
  type VaccineDef,
} from './terminology';

export const BLOOD_GROUP_KEY = 'blood-group';

/** system → code → value: two Map lookups instead of building a "system|code" string per coding. */
export class CodeIndex<T> {
  private readonly bySystem = new Map<string, Map<string, T>>();

  set(system: string, code: string, value: T): void {
    let m = this.bySystem.get(system);
    if (m === undefined) {
      m = new Map();
      this.bySystem.set(system, m);
    }
    m.set(code, value);
  }

  get(system: string, code: string): T | undefined {
    return this.bySystem.get(system)?.get(code);
  }
}

function indexOf<T>(map: Map<string, T>): CodeIndex<T> {
  const idx = new CodeIndex<T>();
  for (const [k, v] of map) {
    const bar = k.lastIndexOf('|');
    idx.set(k.slice(0, bar), k.slice(bar + 1), v);
  }
  return idx;
}

function codeKey(system: string, code: string): string {
  return system + '|' + code;
}

export const analyteByCode = new Map<string, AnalyteDef>();
export const analyteByKey = new Map<string, AnalyteDef>();
for (const a of ANALYTES) {
  analyteByKey.set(a.key, a);
  for (const c of a.tmlt) analyteByCode.set(codeKey(SYSTEMS.tmlt, c), a);
}
// LOINC membership comes from the LOINC tables: a row naming an analyte we do not define is a table bug.
for (const r of [...LOINC_ANALYTES, ...VITAL_SIGNS]) {
  if (r.analyte === undefined) continue;
  const a = analyteByKey.get(r.analyte);
  if (a === undefined) throw new Error(`terminology: LOINC ${r.code} names unknown analyte ${r.analyte}`);
  analyteByCode.set(codeKey(SYSTEMS.loinc, r.code), a);
}

/** LOINC panels of the FHIR vital-signs set: a panel is a vital sign even though it has no analyte. */
export const vitalSignPanelLoinc: ReadonlySet<string> = new Set(VITAL_SIGNS.filter((r) => r.analyte === undefined).map((r) => r.code));

export const bloodGroupCodes = new Set(BLOOD_GROUP_LOINC.map((c) => codeKey(SYSTEMS.loinc, c)));

export const drugByCode = new Map<string, DrugDef>();
export const drugByKey = new Map<string, DrugDef>();
for (const d of DRUGS) {
  drugByKey.set(d.key, d);
  for (const c of d.tmt) drugByCode.set(codeKey(SYSTEMS.tmt, c), d);
  for (const c of d.atc) drugByCode.set(codeKey(SYSTEMS.atc, c), d);
  for (const c of d.rxnorm) drugByCode.set(codeKey(SYSTEMS.rxnorm, c), d);
}

export const substanceByCode = new Map<string, AllergySubstanceDef>();
export const substanceByKey = new Map<string, AllergySubstanceDef>();
for (const s of ALLERGY_SUBSTANCES) {
  substanceByKey.set(s.key, s);
  for (const c of s.codes) substanceByCode.set(codeKey(c.system, c.code), s);
}

/** The substance an allergy to one specific drug belongs under (amoxicillin → the amoxicillin row). */
export const substanceByDrugKey = new Map<string, AllergySubstanceDef>();
for (const s of ALLERGY_SUBSTANCES) {
  for (const d of s.drugs ?? []) substanceByDrugKey.set(d, s);
}

// The codes the sandbox writes for "no known allergy" must be ones the core recognises.
for (const c of NO_KNOWN_ALLERGY_CODES) {
  if (!NONE_KNOWN.some((r) => r.topic === 'allergy' && r.system === c.system && r.code === c.code)) {
    throw new Error(`terminology: no-known-allergy code ${c.code} is missing from terminology/none-known.ts`);
  }
}

/** ICD codes are compared without the dot and upper-cased: ICD-10 'E11.9' and ICD-10-TM 'E119' meet. */
export function normaliseIcd(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch !== '.' && ch !== ' ') out += ch;
  }
  return out.toUpperCase();
}

export const conditionByIcd = new Map<string, ConditionDef>();
export const conditionBySnomed = new Map<string, ConditionDef>();
export const conditionByKey = new Map<string, ConditionDef>();
for (const c of CONDITIONS) {
  conditionByKey.set(c.key, c);
  conditionByIcd.set(normaliseIcd(c.icd10), c);
  conditionByIcd.set(normaliseIcd(c.icd10tm), c);
  if (c.snomed !== undefined) conditionBySnomed.set(c.snomed, c);
}

/** CVX as hospitals send it: the HL7 URI or the OID form of the same code system. */
const CVX_SYSTEMS: ReadonlySet<string> = new Set([SYSTEMS.cvx, 'urn:oid:2.16.840.1.113883.12.292']);

/** CVX codes are often sent without (or with extra) leading zeros: '9', '09' and '009' are one code. */
function normaliseCvx(code: string): string {
  let i = 0;
  while (i < code.length - 1 && code[i] === '0') i++;
  return code.slice(i).trim();
}

const vaccineNames = new Map<string, VaccineDef>();
for (const v of VACCINES) vaccineNames.set(normaliseCvx(v.cvx), v);

const cvxRows = new Map<string, CvxRow>();
for (const r of CVX_GROUPS) cvxRows.set(normaliseCvx(r.cvx), r);

export interface VaccineConcept {
  /** Our named vaccine (Thai and English names) when we have one for this code. */
  vaccine?: VaccineDef;
  groups: readonly VaccineGroup[];
  tetanus: boolean;
  /** CDC's short description, for a dose the hospital sent without any display text. */
  description?: string;
}

const snomedVaccines = new Map<string, VaccineCodeRow>();
for (const r of SNOMED_VACCINES) snomedVaccines.set(r.code, r);
const atcVaccines = new Map<string, VaccineCodeRow>();
for (const r of ATC_VACCINES) atcVaccines.set(r.code, r);

function conceptOfRow(row: { groups: readonly VaccineGroup[]; description: string }, vaccine?: VaccineDef): VaccineConcept {
  return { vaccine, groups: row.groups, tetanus: row.groups.some((x) => TETANUS_GROUPS.has(x)), description: row.description };
}

/**
 * What a vaccine coding means: its vaccine groups (tetanus among them) from the CVX table, or from the
 * SNOMED CT and ATC vaccine tables (./terminology/vaccine-codes.ts); undefined for a code no table knows.
 */
export function vaccineConceptOf(system: string, code: string): VaccineConcept | undefined {
  if (system === SYSTEMS.snomed) {
    const row = snomedVaccines.get(code.trim());
    return row === undefined ? undefined : conceptOfRow(row);
  }
  if (system === SYSTEMS.atc) {
    // A substance row first, else its 5-character subgroup (J07BB02 → J07BB influenza).
    const atc = code.trim().toUpperCase();
    const row = atcVaccines.get(atc) ?? (atc.length > 5 ? atcVaccines.get(atc.slice(0, 5)) : undefined);
    return row === undefined ? undefined : conceptOfRow(row);
  }
  if (!CVX_SYSTEMS.has(system)) return undefined;
  const cvx = normaliseCvx(code);
  const row = cvxRows.get(cvx);
  const vaccine = vaccineNames.get(cvx);
  if (row === undefined && vaccine === undefined) return undefined;
  const groups = row?.groups ?? [];
  return { vaccine, groups, tetanus: groups.some((x) => TETANUS_GROUPS.has(x)), description: row?.description };
}

export const imagingByLoinc = new Map<string, ImagingStudyDef>();
for (const s of IMAGING_STUDIES) imagingByLoinc.set(s.loinc, s);

export const sensitiveCodes = new Set(SENSITIVE_SECURITY_CODES.map((c) => codeKey(c.system, c.code)));

function longestPrefix<T>(table: readonly (readonly [string, T])[], code: string): T | undefined {
  let best: T | undefined;
  let bestLen = 0;
  for (const [prefix, value] of table) {
    if (prefix.length > bestLen && code.startsWith(prefix)) {
      best = value;
      bestLen = prefix.length;
    }
  }
  return best;
}

/** Drug class implied by an ATC code (allergy cross-checks); undefined outside the classes we check. */
export function drugClassFromAtc(atc: string): DrugClass | undefined {
  return longestPrefix(ATC_DRUG_CLASS, atc.toUpperCase());
}

/** High-risk class implied by an ATC code (antiplatelet aspirin B01AC is not an anticoagulant). */
export function highRiskFromAtc(atc: string): HighRiskClass | undefined {
  return longestPrefix(ATC_HIGH_RISK, atc.toUpperCase()) ?? undefined;
}

const drugClassCache = new Map<string, { drugClass: DrugClass; highRisk?: HighRiskClass }>();

/** A drug's classes, from its ATC code: the drug table lists no classes of its own. */
export function drugClassesOf(drug: DrugDef): { drugClass: DrugClass; highRisk?: HighRiskClass } {
  const cached = drugClassCache.get(drug.key);
  if (cached !== undefined) return cached;
  const atc = drug.atc[0];
  const out: { drugClass: DrugClass; highRisk?: HighRiskClass } = {
    drugClass: (atc !== undefined ? drugClassFromAtc(atc) : undefined) ?? 'other',
  };
  const highRisk = atc !== undefined ? highRiskFromAtc(atc) : undefined;
  if (highRisk !== undefined) out.highRisk = highRisk;
  drugClassCache.set(drug.key, out);
  return out;
}
export const analyteIndex = indexOf(analyteByCode);
export const drugIndex = indexOf(drugByCode);
export const substanceIndex = indexOf(substanceByCode);
export const bloodGroupIndex = indexOf(new Map([...bloodGroupCodes].map((k) => [k, true] as const)));
/** Statements that there is none of something (terminology/none-known.ts), by code. */
export const noneKnownIndex = indexOf(new Map<string, NoneKnownRow>(NONE_KNOWN.map((r) => [codeKey(r.system, r.code), r])));
export const sensitiveIndex = indexOf(new Map([...sensitiveCodes].map((k) => [k, true] as const)));

export { codeKey };
