/**
 * Lookup indexes over the shared terminology table, built once at module load so that mapping tens of
 * thousands of resources never scans the arrays.
 */
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
  for (const c of a.loinc) analyteByCode.set(codeKey(SYSTEMS.loinc, c), a);
  for (const c of a.tmlt) analyteByCode.set(codeKey(SYSTEMS.tmlt, c), a);
}

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

export const noKnownAllergyCodes = new Set(NO_KNOWN_ALLERGY_CODES.map((c) => codeKey(c.system, c.code)));

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

export const vaccineByCvx = new Map<string, VaccineDef>();
for (const v of VACCINES) {
  vaccineByCvx.set(v.cvx, v);
  // CVX codes are often sent without the leading zero.
  vaccineByCvx.set(String(Number(v.cvx)), v);
}

export const imagingByLoinc = new Map<string, ImagingStudyDef>();
for (const s of IMAGING_STUDIES) imagingByLoinc.set(s.loinc, s);

export const sensitiveCodes = new Set(SENSITIVE_SECURITY_CODES.map((c) => codeKey(c.system, c.code)));

// ATC groups that classify a drug the table does not know; longest prefix wins.
const ATC_CLASS_PREFIXES: [string, DrugClass][] = [
  ['J01C', 'penicillin'],
  ['J01D', 'cephalosporin'],
  ['J01E', 'sulfonamide'],
  ['M01A', 'nsaid'],
  ['N02BA', 'nsaid'],
  ['B01AC06', 'nsaid'],
  ['C10AA', 'statin'],
  ['C09A', 'ace-inhibitor'],
  ['C09B', 'ace-inhibitor'],
];

const ATC_HIGH_RISK_PREFIXES: [string, HighRiskClass][] = [
  ['B01A', 'anticoagulant'],
  ['A10A', 'insulin'],
  ['A10B', 'antidiabetic'],
  ['N03A', 'antiepileptic'],
  ['C01B', 'antiarrhythmic'],
  ['C01AA', 'antiarrhythmic'],
  ['L04A', 'immunosuppressant'],
  ['N02A', 'opioid'],
  ['N07BC', 'opioid'],
];

function longestPrefix<T>(table: [string, T][], code: string): T | undefined {
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

/** Drug class implied by an ATC code, for drugs absent from the table. */
export function drugClassFromAtc(atc: string): DrugClass | undefined {
  return longestPrefix(ATC_CLASS_PREFIXES, atc.toUpperCase());
}

/** High-risk class implied by an ATC code (antiplatelet aspirin B01AC is not an anticoagulant). */
export function highRiskFromAtc(atc: string): HighRiskClass | undefined {
  const upper = atc.toUpperCase();
  if (upper.startsWith('B01AC')) return undefined;
  return longestPrefix(ATC_HIGH_RISK_PREFIXES, upper);
}

export const analyteIndex = indexOf(analyteByCode);
export const drugIndex = indexOf(drugByCode);
export const substanceIndex = indexOf(substanceByCode);
export const bloodGroupIndex = indexOf(new Map([...bloodGroupCodes].map((k) => [k, true] as const)));
export const noKnownAllergyIndex = indexOf(new Map([...noKnownAllergyCodes].map((k) => [k, true] as const)));
export const sensitiveIndex = indexOf(new Map([...sensitiveCodes].map((k) => [k, true] as const)));

export { codeKey };
