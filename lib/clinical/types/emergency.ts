/** The emergency summary: what a physician needs first, from the merged model. */
import type { HighRiskClass } from '../terminology';
import type { AllergyFact, LabFlag } from './facts';
import type { EncounterItem, ImagingItem } from './results';
import type { Conflict } from './timeline';
import type { CrossCheckFlag } from './summary';

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
  /** Hospitals that recorded "no known medications" (a statement, never a row of `medications`). */
  noKnownMedicationHospitals: string[];
  /** Hospitals that recorded "no current problems" (a statement, never a row of `problems`). */
  noCurrentProblemHospitals: string[];
  problems: { display: string; nameTh?: string; onset?: string; hospitals: string[] }[];
  keyLabs: EmergencyLab[];
  bloodGroup?: { value: string; date: string | null; hospitals: string[]; conflict: boolean };
  encounters: EncounterItem[];
  imaging: ImagingItem[];
  tetanus: { status: 'recorded'; date: string | null; display: string; hospitals: string[] } | { status: 'none-recorded' };
  sealedCount: number;
}
