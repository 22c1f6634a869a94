/** The merged model: timeline entries, conflicts, and the whole TimelineModel with its sections. */
import type {
  AllergyCoverage,
  AllergyRow,
  CrossCheckFlag,
  MedicationRow,
  NoneKnownConflict,
  NoneKnownStatement,
  ProblemRow,
} from './summary';
import type { ClinicalFact, FactKind, SealedFactStub } from './facts';
import type { DocumentItem, EncounterItem, ImagingItem, ImmunizationItem, LabSeries, ProcedureItem } from './results';

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

export interface TimelineModel {
  now: string;
  answered: string[];
  entries: TimelineEntry[];
  allergies: AllergyRow[];
  allergyCoverage: AllergyCoverage[];
  /** Hospitals asserting "no known allergy" while others record one. */
  allergyNkaConflict?: { nkaHospitals: string[]; allergyHospitals: string[] };
  medications: MedicationRow[];
  /** "No known medications" per hospital (its latest such record): not rows of `medications`. */
  medicationStatements: NoneKnownStatement[];
  /** Present when a hospital says "no known medications" while a current drug is recorded. */
  medicationNoneKnownConflict?: NoneKnownConflict;
  problems: ProblemRow[];
  resolvedProblems: ProblemRow[];
  /** "No current problems" per hospital (its latest such record): not rows of `problems`. */
  problemStatements: NoneKnownStatement[];
  /** Present when a hospital says "no current problems" while an active problem is recorded. */
  problemNoneKnownConflict?: NoneKnownConflict;
  labs: LabSeries[];
  vitals: LabSeries[];
  /** Coded, non-numeric results (blood group and the like), newest first. */
  codedResults: TimelineEntry[];
  imaging: ImagingItem[];
  immunizations: ImmunizationItem[];
  procedures: ProcedureItem[];
  encounters: EncounterItem[];
  /** Clinical documents, newest first (sealed ones are timeline stubs until opened). */
  documents: DocumentItem[];
  crossChecks: CrossCheckFlag[];
  sealedCounts: Record<FactKind, number>;
}

export interface MergeInput {
  facts: readonly (ClinicalFact | SealedFactStub)[];
  answered: readonly string[];
  now: string;
}
