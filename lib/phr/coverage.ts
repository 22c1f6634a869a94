import { hospitalAnswers, type HospitalAnswer } from '../clinical/coverage';
import type { PhrClientAnswer } from './answer';
import { PHR_SOURCE } from './source-codes';
import { phrViewStatus } from './status';

/**
 * Mor Prom's part of "which sources does this summary lack", once the patient has given a code: each
 * facility MOPH-PHR answered for (its sealed and dropped records counted like a hospital's), or — when the
 * read failed — Mor Prom itself as a source the summaries do not include. Before a code is given Mor Prom is
 * not part of the record (its own panel says so), so it adds nothing.
 */
export function phrCoverageAnswers(answer: PhrClientAnswer | undefined): HospitalAnswer[] {
  if (answer?.state !== 'granted') return [];
  if (answer.views.length === 0) {
    const state = phrViewStatus(answer.status);
    return state === 'answered' || state === 'no-data' ? [] : [{ hospitalCode: PHR_SOURCE, state, dropped: 0, sealed: {} }];
  }
  return hospitalAnswers(
    answer.views.map((v) => v.hcode),
    (code) => answer.views.find((v) => v.hcode === code)!,
  );
}
