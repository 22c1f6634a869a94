/**
 * Which failed exchange calls are tried again, how often and after what pause. Pure: the decision is a
 * table lookup, tested table-driven; `connection.ts` applies it around idempotent reads only.
 */
import type { ExchangeErrorKind, ExchangeFailure } from './failure';

export interface RetryPolicy {
  /** Extra attempts allowed per failure kind (0 = give up at once). */
  retries: Readonly<Record<ExchangeErrorKind, number>>;
  /** Pause before the n-th retry (index 0 = first retry); the last entry repeats. */
  backoffMs: readonly number[];
}

/**
 * For idempotent GETs (directory, patient index, consents). Only a dropped connection is retried, once
 * and at once: the usual cause is a keep-alive socket the server closed between our requests, which a
 * fresh connection fixes. A timeout has spent the deadline already; an error status, an oversized or
 * malformed answer would come back the same; a cancelled call is the caller's own decision.
 */
export const IDEMPOTENT_READ_RETRY: RetryPolicy = {
  retries: { network: 1, timeout: 0, cancelled: 0, http: 0, 'too-large': 0, malformed: 0, 'too-many-pages': 0 },
  backoffMs: [0],
};

/**
 * For a hospital's records: never retried inside one fetch. The whole hospital shares one deadline and
 * its failures feed the circuit breaker; the doctor's retry button asks again.
 */
export const NO_RETRY: RetryPolicy = {
  retries: { network: 0, timeout: 0, cancelled: 0, http: 0, 'too-large': 0, malformed: 0, 'too-many-pages': 0 },
  backoffMs: [0],
};

/** After `retriesDone` retries, whether to try again and after how many ms; null = give up. */
export function retryDelay(policy: RetryPolicy, failure: ExchangeFailure, retriesDone: number): number | null {
  if (retriesDone >= policy.retries[failure.kind]) return null;
  const schedule = policy.backoffMs;
  return schedule[Math.min(retriesDone, schedule.length - 1)] ?? 0;
}
