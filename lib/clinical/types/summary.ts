/** The summary rows physicians reconcile across hospitals: allergies, medications, problems, cross-checks. */
import type { NamedConcept } from '../names';
import type { DrugClass, HighRiskClass } from '../terminology';
import type { AllergyFact, AllergyVerification, FactStatus, MedicationSource } from './facts';
import type { Conflict } from './timeline';

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

/**
 * One hospital's record that the patient has none of something ("no known medications", "no current
 * problems or disability"): shown as that hospital's statement, never as an entry of the list.
 */
export interface NoneKnownStatement {
  hospitalCode: string;
  resourceId: string;
  factId: string;
  date: string | null;
  /** The hospital's own words; nameTh/nameEn from the terminology table. */
  display: string;
  nameTh?: string;
  nameEn?: string;
  /**
   * Hospitals whose records say otherwise (a current drug, an active problem), this one included when its
   * own list does; empty when none do. Non-empty means the statement is disputed: show both sides.
   */
  contradictedBy: string[];
}

/** Hospitals saying "none known" while others (or they themselves) list a current entry. */
export interface NoneKnownConflict {
  noneKnownHospitals: string[];
  recordedHospitals: string[];
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
