/**
 * View-model types of the clinical core. Everything here is plain JSON (strings, numbers, booleans,
 * arrays, plain objects): facts cross from the server to the browser, and the merged model is rendered
 * and printed from both sides.
 */
import type { DrugClass, HighRiskClass } from './terminology';
import type { NamedConcept } from './names';
import type { VaccineGroup } from './terminology/cvx-groups';

export type FactKind =
  'allergy' | 'medication' | 'condition' | 'lab' | 'vital' | 'lab-report' | 'imaging' | 'immunization' | 'procedure' | 'encounter';

export const FACT_KINDS: readonly FactKind[] = [
  'allergy',
  'medication',
  'condition',
  'lab',
  'vital',
  'lab-report',
  'imaging',
  'immunization',
  'procedure',
  'encounter',
];

/** Normalised status across resource types (FHIR value sets differ per resource). */
export type FactStatus =
  | 'active'
  | 'on-hold'
  | 'stopped'
  | 'completed'
  | 'cancelled'
  | 'resolved'
  | 'inactive'
  | 'intended'
  | 'not-taken'
  | 'not-done'
  | 'planned'
  | 'in-progress'
  | 'preliminary'
  | 'final'
  | 'amended'
  | 'unknown';

export interface FactCode {
  system: string;
  code: string;
  display?: string;
}

export interface Period {
  start?: string;
  end?: string;
}

interface FactBase {
  /** `${hospitalCode}/${resourceType}/${resourceId}` */
  id: string;
  hospitalCode: string;
  resourceType: string;
  resourceId: string;
  /** The clinically meaningful date (ISO 8601 as the hospital sent it), null when the record has none. */
  date: string | null;
  conceptKey: string;
  codes: FactCode[];
  /** Source text as the hospital wrote it. */
  display: string;
  nameTh?: string;
  nameEn?: string;
  status: FactStatus;
  /** Present when the hospital labelled the record sensitive; such facts travel as stubs until opened. */
  sealed?: { labels: string[] };
}

export type AllergyVerification = 'confirmed' | 'unconfirmed' | 'refuted' | 'presumed' | 'unknown';

export interface AllergyFact extends FactBase {
  kind: 'allergy';
  noKnownAllergy: boolean;
  criticality?: 'low' | 'high' | 'unable-to-assess';
  severity?: 'mild' | 'moderate' | 'severe';
  reactions: string[];
  category: string[];
  verificationStatus: AllergyVerification;
  drugClass?: DrugClass;
  /** Drug keys the allergy names directly (an allergy recorded against one drug). */
  drugKeys: string[];
}

export type MedicationSource = 'statement' | 'request' | 'dispense';

export interface MedicationFact extends FactBase {
  kind: 'medication';
  source: MedicationSource;
  dose?: string;
  period?: Period;
  drugKey?: string;
  drugClass?: DrugClass;
  highRisk?: HighRiskClass;
  /** First ATC code seen, kept so an unknown drug can still be classed by its ATC group. */
  atc?: string;
  daysSupply?: number;
  /** Why the hospital stopped or changed the course, in its own words (statusReason). */
  statusReason?: string;
  /** What the drug was for, as recorded (reasonCode); never presented as a stop reason. */
  indication?: string;
}

export interface ConditionFact extends FactBase {
  kind: 'condition';
  clinicalStatus: string;
  verificationStatus: string;
  onset?: string;
  icd10?: string;
  icd10tm?: string;
  chronic?: boolean;
}

export type LabFlag = 'H' | 'L' | 'HH' | 'LL' | 'A' | 'N';

export interface ObservationFact extends FactBase {
  kind: 'lab' | 'vital';
  analyteKey: string;
  value?: number;
  unit?: string;
  valueText?: string;
  valueCode?: string;
  canonicalValue?: number;
  canonicalUnit?: string;
  refLow?: number;
  refHigh?: number;
  refUnit?: string;
  canonicalRefLow?: number;
  canonicalRefHigh?: number;
  flag?: LabFlag;
}

export interface LabReportFact extends FactBase {
  kind: 'lab-report';
  conclusion?: string;
  reportText?: string;
  resultCount: number;
}

export interface ImagingFact extends FactBase {
  kind: 'imaging';
  modality?: string;
  bodySite?: string;
  bodySiteTh?: string;
  conclusion?: string;
  reportText?: string;
}

export interface ImmunizationFact extends FactBase {
  kind: 'immunization';
  vaccineKey?: string;
  /** CVX vaccine groups the dose counts towards (a combination vaccine has several). */
  vaccineGroups?: VaccineGroup[];
  /** True when any of its groups contains tetanus toxoid. */
  tetanus: boolean;
}

export interface ProcedureFact extends FactBase {
  kind: 'procedure';
  bodySite?: string;
}

export type EncounterClass = 'AMB' | 'IMP' | 'EMER' | 'OTHER';

export interface EncounterFact extends FactBase {
  kind: 'encounter';
  encounterClass: EncounterClass;
  typeText?: string;
  period?: Period;
  reason?: string;
}

export type ClinicalFact =
  | AllergyFact
  | MedicationFact
  | ConditionFact
  | ObservationFact
  | LabReportFact
  | ImagingFact
  | ImmunizationFact
  | ProcedureFact
  | EncounterFact;

/** What the browser receives for a sealed record before the physician states a reason: no content. */
export interface SealedFactStub {
  id: string;
  hospitalCode: string;
  kind: FactKind;
  date: string | null;
  labels: string[];
}

/** One record behind a timeline entry: the merged facts themselves (a sealed stub names no resource). */
export interface SourceRef {
  /** The fact id. */
  id: string;
  hospitalCode: string;
  resourceId: string;
}

export type ConflictReason = 'status' | 'dose' | 'value' | 'verification' | 'no-known-allergy';

export interface Conflict {
  reason: ConflictReason;
  hospitals: string[];
}

export interface TimelineEntry {
  /** Stable: the smallest fact id of the group. */
  id: string;
  kind: FactKind;
  date: string | null;
  /** Calendar day in Thai time (YYYY-MM-DD), null when undated. */
  day: string | null;
  sealed: boolean;
  sealedLabels?: string[];
  /** Representative fact (the one with the smallest id; its names, codes and status); absent for sealed stubs. */
  fact?: ClinicalFact;
  /** Every record merged into this entry, smallest id first. */
  sources: readonly SourceRef[];
  /** Sorted; shared between entries, never mutate. */
  hospitals: readonly string[];
  recordedAt: number;
  conflictGroup?: string;
  conflict?: Conflict;
}

export interface AllergyStatement {
  hospitalCode: string;
  resourceId: string;
  factId: string;
  date: string | null;
  criticality?: AllergyFact['criticality'];
  severity?: AllergyFact['severity'];
  reactions: string[];
  verificationStatus: AllergyVerification;
  clinicalStatus: FactStatus;
}

export type CrossCheckLevel = 'allergy-match' | 'possible-cross-reactivity';

export interface CrossCheckFlag {
  id: string;
  level: CrossCheckLevel;
  matchBy: 'drug' | 'substance' | 'class' | 'cross-reactivity';
  allergyKey: string;
  allergyDisplay: string;
  allergyHospitals: string[];
  medicationKey: string;
  medicationDisplay: string;
  medicationHospitals: string[];
  /** Both sides' names, to be named with conceptName()/medicationName() in the reader's language. */
  allergy: NamedConcept;
  medication: NamedConcept;
  message: string;
}

export interface AllergyRow {
  conceptKey: string;
  display: string;
  nameTh?: string;
  nameEn?: string;
  drugClass?: DrugClass;
  drugKeys: string[];
  statements: AllergyStatement[];
  hospitals: string[];
  /** True when every statement is refuted: shown, but not used for cross-checks. */
  refuted: boolean;
  highestCriticality?: AllergyFact['criticality'];
  conflicts: Conflict[];
  medicationConflicts: CrossCheckFlag[];
}

export type AllergyCoverageState = 'allergies-recorded' | 'no-known-allergies' | 'nothing-recorded';

export interface AllergyCoverage {
  hospitalCode: string;
  state: AllergyCoverageState;
}

export interface MedicationHospitalStatus {
  hospitalCode: string;
  resourceId: string;
  factId: string;
  source: MedicationSource;
  status: FactStatus;
  /** Whether this hospital's latest record says the patient takes the drug now. */
  current: boolean;
  date: string | null;
  dose?: string;
  /** Why this hospital stopped or changed the drug, when its latest record says. */
  statusReason?: string;
  /** What this hospital's latest record says the drug was for. */
  indication?: string;
  /** This hospital's dose before its latest record changed it (orders and statements only). */
  previousDose?: string;
  recordCount: number;
}

export interface MedicationRow {
  key: string;
  display: string;
  nameTh?: string;
  nameEn?: string;
  drugClass?: DrugClass;
  highRisk?: HighRiskClass;
  atc?: string;
  current: boolean;
  latestDate: string | null;
  hospitals: MedicationHospitalStatus[];
  conflicts: Conflict[];
  allergyConflicts: CrossCheckFlag[];
  sealed: boolean;
}

export interface ProblemHospital {
  hospitalCode: string;
  resourceId: string;
  status: FactStatus;
  onset?: string;
  date: string | null;
}

export interface ProblemRow {
  conceptKey: string;
  display: string;
  nameTh?: string;
  nameEn?: string;
  icd10?: string;
  chronic?: boolean;
  active: boolean;
  /** Earliest onset any hospital recorded. */
  onset?: string;
  latestDate: string | null;
  hospitals: ProblemHospital[];
  conflicts: Conflict[];
}

export interface LabPoint {
  date: string | null;
  day: string | null;
  /** Canonical value when convertible, else the original value (its series then carries the original unit). */
  value: number;
  unit: string;
  originalValue: number;
  originalUnit: string;
  hospitalCode: string;
  /** Other hospitals that sent the same value on the same day (absent when none). */
  alsoAt?: string[];
  factId: string;
  flag?: LabFlag;
  refLow?: number;
  refHigh?: number;
}

export interface LabSeries {
  /** analyteKey for the analyte's main series, `${analyteKey}|${unit}` for a series kept apart. */
  key: string;
  analyteKey: string;
  category: 'laboratory' | 'vital-signs';
  display: string;
  nameTh?: string;
  nameEn?: string;
  unit: string;
  /**
   * True for the analyte's main series (its canonical unit or, for an analyte our tables do not know, its
   * most used one); false for a series kept apart because its unit measures a different quantity: never
   * plot it on the main series' axis.
   */
  canonical: boolean;
  /** Oldest first, ready for charts. */
  points: LabPoint[];
  latest: LabPoint;
}

export interface ImagingItem {
  entryId: string;
  date: string | null;
  hospitals: readonly string[];
  display: string;
  modality?: string;
  bodySite?: string;
  conclusion?: string;
  hasReportText: boolean;
}

export interface ImmunizationItem {
  entryId: string;
  date: string | null;
  hospitals: readonly string[];
  display: string;
  vaccineKey?: string;
  tetanus: boolean;
}

export interface ProcedureItem {
  entryId: string;
  date: string | null;
  hospitals: readonly string[];
  display: string;
  status?: FactStatus;
}

export interface EncounterItem {
  entryId: string;
  date: string | null;
  hospitals: readonly string[];
  encounterClass: EncounterClass;
  typeText?: string;
  reason?: string;
  period?: Period;
}

export interface TimelineModel {
  now: string;
  answered: string[];
  entries: TimelineEntry[];
  allergies: AllergyRow[];
  allergyCoverage: AllergyCoverage[];
  /** Hospitals asserting "no known allergy" while others record one. */
  allergyNkaConflict?: { nkaHospitals: string[]; allergyHospitals: string[] };
  medications: MedicationRow[];
  problems: ProblemRow[];
  resolvedProblems: ProblemRow[];
  labs: LabSeries[];
  vitals: LabSeries[];
  /** Coded, non-numeric results (blood group and the like), newest first. */
  codedResults: TimelineEntry[];
  imaging: ImagingItem[];
  immunizations: ImmunizationItem[];
  procedures: ProcedureItem[];
  encounters: EncounterItem[];
  crossChecks: CrossCheckFlag[];
  sealedCounts: Record<FactKind, number>;
}

export interface MergeInput {
  facts: readonly (ClinicalFact | SealedFactStub)[];
  answered: readonly string[];
  now: string;
}

export type EmergencyAllergyStatus = 'allergies' | 'none-known' | 'no-information';

export interface EmergencyAllergy {
  display: string;
  nameTh?: string;
  criticality?: AllergyFact['criticality'];
  reactions: string[];
  hospitals: string[];
  conflicts: Conflict[];
}

export interface EmergencyMedication {
  /** The hospital's own text; name it with medicationName(). */
  display: string;
  nameTh?: string;
  nameEn?: string;
  dose?: string;
  highRisk?: HighRiskClass;
  hospitals: string[];
  conflicts: Conflict[];
  allergyConflicts: CrossCheckFlag[];
}

export interface EmergencyLab {
  analyteKey: string;
  /** The record's own text for the analyte; name it with analyteName(). */
  display: string;
  nameTh?: string;
  nameEn?: string;
  value: number;
  unit: string;
  date: string | null;
  hospitals: string[];
  flag?: LabFlag;
}

export interface EmergencySummary {
  now: string;
  answered: string[];
  allergyStatus: EmergencyAllergyStatus;
  /** Hospitals that explicitly recorded "no known allergy". */
  noKnownAllergyHospitals: string[];
  allergies: EmergencyAllergy[];
  allergyNkaConflict?: { nkaHospitals: string[]; allergyHospitals: string[] };
  medications: EmergencyMedication[];
  problems: { display: string; nameTh?: string; onset?: string; hospitals: string[] }[];
  keyLabs: EmergencyLab[];
  bloodGroup?: { value: string; date: string | null; hospitals: string[]; conflict: boolean };
  encounters: EncounterItem[];
  imaging: ImagingItem[];
  tetanus: { status: 'recorded'; date: string | null; display: string; hospitals: string[] } | { status: 'none-recorded' };
  sealedCount: number;
}
