import type { Failure, Success } from '../result';
import type { HospitalFetchStatus } from '../exchange/types';
import type { ClinicalFact, SealedFactStub } from '../clinical/types';
import type { PatientContext } from './patient-context';

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

/**
 * What opening a sealed record answers: done; the reason given is too short (a field error); or refused
 * (no active access, the patient withdrew it …) with the server's own words in both languages.
 */
export type UnsealResult = Success | Failure<'invalid', 'reason'> | (Failure<'refused'> & { message: { th: string; en: string } });

/**
 * What the record page's re-check resolves to (lib/timeline/page-answers.ts): who the patient is, whom they
 * share with, and the answers the page may show (only hospitals the exchange lists now).
 */
export interface PageRecord {
  context: PatientContext;
  answers: Record<string, Promise<string[]>>;
}
