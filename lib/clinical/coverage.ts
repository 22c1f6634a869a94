/**
 * What a summary panel does not include. A panel built from the hospitals that answered must never read
 * as the patient's whole record: every sharing hospital that is still waiting, failed, timed out, sent
 * something we could not read, is not shared, had records dropped, or holds sealed records not yet
 * opened is named, with its reason, by every surface that summarises (record panels, cross-check,
 * emergency summary, print, IPS narrative). Pure: the same function runs in the browser and on the server.
 */
import type { ClinicalFact, FactKind, SealedFactStub } from './types';

/** Where one sharing hospital's answer stands. The fetch statuses are the exchange adapter's own words. */
export type AnswerState = 'waiting' | 'answered' | 'no-data' | 'not-shared' | 'timeout' | 'error' | 'malformed' | 'circuit-open';

export interface HospitalAnswer {
  hospitalCode: string;
  state: AnswerState;
  /** Records the server withheld because they named another patient or none it could verify. */
  dropped: number;
  /** Sealed records not opened yet, by kind. */
  sealed: Partial<Record<FactKind, number>>;
}

/**
 * Why a panel lacks (some of) a hospital's records. The first six mean nothing of that hospital is in the
 * panel; 'dropped' and 'sealed' mean its answer is in, but not all of it.
 */
export type GapReason = 'waiting' | 'failed' | 'timed-out' | 'malformed' | 'paused' | 'not-shared' | 'dropped' | 'sealed';

export interface CoverageGap {
  hospitalCode: string;
  reason: GapReason;
  /** Records concerned, for 'dropped' and 'sealed'. */
  count?: number;
}

export interface PanelCoverage {
  /** Sharing hospitals asked. */
  total: number;
  /** Hospitals whose answer the panel is built from. */
  included: string[];
  /** Everything the panel lacks, in the hospitals' order; a hospital may have two gaps (dropped and sealed). */
  gaps: CoverageGap[];
  /** True only when every sharing hospital answered and nothing of the panel's kinds was withheld. */
  complete: boolean;
}

const ABSENT_REASON: Record<Exclude<AnswerState, 'answered' | 'no-data'>, GapReason> = {
  waiting: 'waiting',
  error: 'failed',
  timeout: 'timed-out',
  malformed: 'malformed',
  'circuit-open': 'paused',
  'not-shared': 'not-shared',
};

/** Statuses after which silence from a hospital means "nothing there", not "we do not know". */
export function hasAnswered(state: AnswerState): boolean {
  return state === 'answered' || state === 'no-data';
}

/**
 * The coverage of a panel built from facts of `kinds`: which sharing hospitals it includes and what it
 * lacks from each. A panel of no kinds (a hospital list) is affected only by absent hospitals and drops.
 */
export function computePanelCoverage(answers: readonly HospitalAnswer[], kinds: readonly FactKind[]): PanelCoverage {
  const included: string[] = [];
  const gaps: CoverageGap[] = [];
  for (const a of answers) {
    if (!hasAnswered(a.state)) {
      gaps.push({ hospitalCode: a.hospitalCode, reason: ABSENT_REASON[a.state as keyof typeof ABSENT_REASON] });
      continue;
    }
    included.push(a.hospitalCode);
    if (a.dropped > 0) gaps.push({ hospitalCode: a.hospitalCode, reason: 'dropped', count: a.dropped });
    const sealed = kinds.reduce((n, k) => n + (a.sealed[k] ?? 0), 0);
    if (sealed > 0) gaps.push({ hospitalCode: a.hospitalCode, reason: 'sealed', count: sealed });
  }
  return { total: answers.length, included, gaps, complete: gaps.length === 0 };
}

/** One hospital's answer as the coverage sees it: its status, its drops, and its unopened sealed records. */
export interface AnswerView {
  hcode: string;
  status: Exclude<AnswerState, 'waiting'>;
  facts: readonly (ClinicalFact | SealedFactStub)[];
  droppedWrongPatient: number;
  droppedUnverifiable: number;
}

/** Counts a hospital answer's sealed stubs by kind. */
function sealedByKind(facts: readonly (ClinicalFact | SealedFactStub)[]): Partial<Record<FactKind, number>> {
  const out: Partial<Record<FactKind, number>> = {};
  for (const f of facts) if ('labels' in f) out[f.kind] = (out[f.kind] ?? 0) + 1;
  return out;
}

/**
 * The answers of every sharing hospital, in the given order: a hospital with no answer yet is 'waiting',
 * one whose request itself failed is 'error'.
 */
export function hospitalAnswers(
  hospitalCodes: readonly string[],
  answerOf: (hcode: string) => AnswerView | 'waiting' | 'failed',
): HospitalAnswer[] {
  return hospitalCodes.map((hospitalCode) => {
    const view = answerOf(hospitalCode);
    if (view === 'waiting' || view === 'failed') {
      return { hospitalCode, state: view === 'waiting' ? 'waiting' : 'error', dropped: 0, sealed: {} };
    }
    return {
      hospitalCode,
      state: view.status,
      dropped: view.droppedWrongPatient + view.droppedUnverifiable,
      sealed: sealedByKind(view.facts),
    };
  });
}

/** The kinds each summary surface is made of, so every surface asks the same question the same way. */
export const PANEL_KINDS = {
  allergies: ['allergy'],
  medications: ['medication'],
  problems: ['condition'],
  keyLabs: ['lab'],
  crossCheck: ['allergy', 'medication'],
  emergency: ['allergy', 'medication', 'condition', 'lab', 'immunization', 'encounter', 'imaging'],
} as const satisfies Record<string, readonly FactKind[]>;
