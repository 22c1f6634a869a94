/** Facts: one hospital's record of one thing, as plain JSON (what toClinicalFacts makes from FHIR). */
import type { DrugClass, HighRiskClass } from '../terminology';
import type { VaccineGroup } from '../terminology/cvx-groups';

export type FactKind =
  | 'allergy'
  | 'medication'
  | 'condition'
  | 'lab'
  | 'vital'
  | 'lab-report'
  | 'imaging'
  | 'immunization'
  | 'procedure'
  | 'encounter'
  | 'document'
  | 'flag';

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
  'document',
  'flag',
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
  /**
   * 'name-only': the source sent a name and no code (MOPH-PHR diagnoses as text, hospital drug names), so
   * any terminology match was made by name alone; such a fact never merges with a coded one (lib/phr).
   */
  codedBy?: 'name-only';
  /** The facility that recorded it, when the source is a platform relaying several (MOPH-PHR: its hcode). */
  facilityCode?: string;
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
  /** True for "no known medications" (terminology/none-known.ts): a statement, never a drug. */
  noneKnown?: boolean;
}

export interface ConditionFact extends FactBase {
  kind: 'condition';
  clinicalStatus: string;
  verificationStatus: string;
  onset?: string;
  icd10?: string;
  icd10tm?: string;
  chronic?: boolean;
  /** True for "no current problems" (terminology/none-known.ts): a statement, never a problem. */
  noneKnown?: boolean;
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

/** Why a document's content cannot be opened, decided from what the hospital declared (see facts/document.ts). */
export type DocumentProblem = 'missing' | 'oversized' | 'wrong-type' | 'unreachable';

/** How the viewer will show the content once opened. */
export type DocumentContentKind = 'sections' | 'text' | 'markdown' | 'html' | 'pdf' | 'other';

export interface DocumentSection {
  title: string;
  /** The section's narrative as plain text (tags dropped, entities decoded): never HTML. */
  text: string;
}

/** A clinical document: a DocumentReference (an attachment) or a Composition (titled sections). */
export interface DocumentFact extends FactBase {
  kind: 'document';
  /** The document's type as the hospital wrote it (e.g. "Discharge summary"). */
  typeText: string;
  /** The author organisation (or custodian) as named in the document. */
  authorOrganization?: string;
  contentKind: DocumentContentKind;
  /** Declared MIME type of the attachment. */
  contentType?: string;
  /** Declared size in bytes of the attachment. */
  size?: number;
  /** A Composition's sections with their titles. */
  sections?: DocumentSection[];
  problem?: DocumentProblem;
}

/** A hospital's alert about the patient (FHIR Flag): infection control, DNR, fall risk … */
export interface FlagFact extends FactBase {
  kind: 'flag';
  /** flag-category codes as sent (safety, clinical, infection-control, advance-directive …). */
  categories: string[];
  period?: Period;
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
  | EncounterFact
  | DocumentFact
  | FlagFact;

/** What the browser receives for a sealed record before the physician states a reason: no content. */
export interface SealedFactStub {
  id: string;
  hospitalCode: string;
  kind: FactKind;
  date: string | null;
  labels: string[];
}
