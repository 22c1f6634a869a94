/**
 * How each hospital codes things (its `HospitalStyle`), the terminology look-ups the charts use, and small
 * FHIR datatype helpers shared by the resource writers.
 */
import type { CodeableConcept, Coding as FhirCoding, Quantity } from '@medplum/fhirtypes';
import {
  ANALYTES,
  CONDITIONS,
  DRUGS,
  SENSITIVE_SECURITY_CODES,
  SYSTEMS,
  type AnalyteDef,
  type Coding,
  type ConditionDef,
  type DrugDef,
} from '../clinical/terminology';
import type { SandboxHospital } from './demo-catalog';

export const CATEGORY_SYSTEMS = {
  observation: 'http://terminology.hl7.org/CodeSystem/observation-category',
  v20074: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  condition: 'http://terminology.hl7.org/CodeSystem/condition-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
} as const;

export const MODALITY_EXTENSION = 'https://terms.sil-th.org/fhir/StructureDefinition/imaging-modality';

export type LabCoding = 'loinc' | 'tmlt' | 'both';
export type DrugCoding = 'tmt' | 'tmt+atc' | 'atc' | 'rxnorm+atc';
export type ConditionCoding = 'icd10tm' | 'icd10tm+snomed' | 'icd10' | 'icd10+snomed';

export interface HospitalStyle {
  lab: LabCoding;
  drug: DrugCoding;
  condition: ConditionCoding;
  /** Units this hospital reports in when not the canonical one (analyte key → unit). */
  units: Record<string, string>;
  /** Multiplier for the reference range width, so each lab's range differs a little. */
  rangeSkew: number;
}

const STYLE_BY_AFFILIATION: Record<SandboxHospital['affiliation'], Omit<HospitalStyle, 'units' | 'rangeSkew'>> = {
  BMA: { lab: 'tmlt', drug: 'tmt', condition: 'icd10tm' },
  MOPH: { lab: 'both', drug: 'tmt+atc', condition: 'icd10tm+snomed' },
  university: { lab: 'loinc', drug: 'rxnorm+atc', condition: 'icd10' },
  private: { lab: 'loinc', drug: 'atc', condition: 'icd10+snomed' },
};

// Which hospitals report in SI units; fixed so demo stories (mg/dL at one, mmol/L at another) hold.
const SI_UNITS: Record<string, Record<string, string>> = {
  '10661': { glucose: 'mmol/L' },
  '24001': { glucose: 'mmol/L', ldl: 'mmol/L' },
  '13781': { creatinine: 'umol/L', haemoglobin: 'g/L' },
};

export function hospitalStyle(h: SandboxHospital): HospitalStyle {
  const base = STYLE_BY_AFFILIATION[h.affiliation];
  const skew = 0.92 + (Number(h.hcode) % 7) * 0.025;
  return { ...base, units: SI_UNITS[h.hcode] ?? {}, rangeSkew: skew };
}

export function findByKey<T extends { key: string }>(list: readonly T[], key: string, what: string): T {
  const item = list.find((x) => x.key === key);
  if (!item) throw new Error(`unknown ${what} ${key}`);
  return item;
}

export const analyte = (key: string): AnalyteDef => findByKey(ANALYTES, key, 'analyte');
export const drug = (key: string): DrugDef => findByKey(DRUGS, key, 'drug');
export const condition = (key: string): ConditionDef => findByKey(CONDITIONS, key, 'condition');

export type Sensitivity = 'HIV' | 'PSY' | 'SUD';

export function securityLabels(kind: Sensitivity): FhirCoding[] {
  const act = SENSITIVE_SECURITY_CODES.find((c) => c.code === kind);
  const restricted = SENSITIVE_SECURITY_CODES.find((c) => c.code === 'R');
  return [act, restricted].filter((c): c is Coding => c !== undefined).map((c) => ({ system: c.system, code: c.code }));
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function qty(value: number, unit: string): Quantity {
  return { value, unit, system: SYSTEMS.ucum, code: unit };
}

export function cc(codings: FhirCoding[], text: string): CodeableConcept {
  return { coding: codings, text };
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}
