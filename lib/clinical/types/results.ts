/** Results and history lists: lab and vital-sign series, imaging, immunizations, procedures, encounters. */
import type { DocumentContentKind, DocumentProblem, EncounterClass, FactStatus, LabFlag, Period } from './facts';

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
  /** 'not-done' records a dose that was not given (refused, contraindicated): never counted as a dose. */
  status: FactStatus;
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

/** One document in the Documents tab (a document never merges with another: one entry per document). */
export interface DocumentItem {
  entryId: string;
  factId: string;
  date: string | null;
  hospitals: readonly string[];
  title: string;
  typeText: string;
  authorOrganization?: string;
  status: FactStatus;
  contentKind: DocumentContentKind;
  contentType?: string;
  size?: number;
  sectionTitles: string[];
  problem?: DocumentProblem;
}
