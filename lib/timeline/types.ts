import type { HospitalFetchStatus } from '../exchange/types';
import type { ClinicalFact, SealedFactStub } from '../clinical/types';

/** One hospital's answer as the browser receives it: view-model facts (sealed ones as stubs), never raw FHIR. */
export interface HospitalView {
  hcode: string;
  status: HospitalFetchStatus;
  facts: (ClinicalFact | SealedFactStub)[];
  records: number;
  counts: Record<string, number>;
  newestDate: string | null;
  droppedWrongPatient: number;
  droppedUnverifiable: number;
  fetchedAt: string;
  elapsedMs: number;
}

/** A hospital the patient shares with, for the coverage ledger. */
export interface SharingHospital {
  code: string;
  nameTh: string;
  nameEn: string;
  kind: string;
}

/** What opening a sealed record answers: done, or why not, in both languages. */
export type UnsealResult = { ok: true } | { ok: false; message: { th: string; en: string } };
