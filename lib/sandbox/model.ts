/** Shapes shared by the generator, the store, the importer and the HTTP layer. */
import type { Resource } from '@medplum/fhirtypes';

export const SERVED_TYPES = [
  'AllergyIntolerance',
  'MedicationStatement',
  'MedicationRequest',
  'MedicationDispense',
  'Condition',
  'Observation',
  'DiagnosticReport',
  'Immunization',
  'Procedure',
  'Encounter',
  'DocumentReference',
  'Composition',
  'Flag',
] as const;

export type ServedType = (typeof SERVED_TYPES)[number];

export function isServedType(t: string): t is ServedType {
  return (SERVED_TYPES as readonly string[]).includes(t);
}

/** The exchange's patient index entry (the "who is this" record, not a hospital's chart). */
export interface IndexPatient {
  cid: string;
  passport?: string;
  prefixTh: string;
  givenTh: string;
  familyTh: string;
  givenEn: string;
  familyEn: string;
  gender: 'male' | 'female' | 'unknown';
  birthDate: string;
  phone?: string;
  /** Date the exchange began holding `phone` (sent as the ContactPoint's period.start). */
  phoneSince?: string;
  language: 'th' | 'en';
  /** DOPA code of the province of the patient's registered address (lib/geo/provinces.ts); none for some. */
  province?: string;
  /** Hospitals the patient has consented to share with. */
  sharesWith: string[];
  /** Hospital-local patient ids, keyed by hcode. */
  localIds: Record<string, string>;
}

/** One clinical resource held by one hospital for one patient. */
export interface StoredResource {
  hcode: string;
  cid: string;
  resource: Resource;
}

export interface Dataset {
  patients: IndexPatient[];
  resources: StoredResource[];
}
