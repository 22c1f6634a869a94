/**
 * Per-hospital circuit breaker. A hospital that keeps failing is skipped for a cool-down so a doctor is
 * not kept waiting on it for every patient; after the cool-down one trial request decides whether it is
 * back. Breaker state only affects latency, never who may see what, so process memory is acceptable.
 */

export type BreakerPhase = 'closed' | 'open' | 'half-open';

export interface BreakerState {
  phase: BreakerPhase;
  consecutiveFailures: number;
  /** When the breaker last opened (ms on the injected clock). */
  openedAt?: number;
  /** In half-open, whether the single trial request is out. */
  trialInFlight: boolean;
}

export interface BreakerOptions {
  /** Consecutive failures that open the breaker (default 3). */
  failureThreshold: number;
  /** Time open before a trial is allowed (default 30 s). */
  cooldownMs: number;
}

export const DEFAULT_BREAKER_OPTIONS: BreakerOptions = { failureThreshold: 3, cooldownMs: 30_000 };

export const CLOSED: BreakerState = { phase: 'closed', consecutiveFailures: 0, trialInFlight: false };

/** Asks whether a request may go out now; moves open → half-open (taking the trial slot) after the cool-down. */
export function breakerAcquire(
  state: BreakerState,
  now: number,
  opts: BreakerOptions = DEFAULT_BREAKER_OPTIONS,
): { allowed: boolean; state: BreakerState } {
  switch (state.phase) {
    case 'closed':
      return { allowed: true, state };
    case 'open':
      if (now - (state.openedAt ?? now) >= opts.cooldownMs)
        return { allowed: true, state: { ...state, phase: 'half-open', trialInFlight: true } };
      return { allowed: false, state };
    case 'half-open':
      if (state.trialInFlight) return { allowed: false, state };
      return { allowed: true, state: { ...state, trialInFlight: true } };
  }
}

/** A request succeeded: the breaker closes and the failure count resets. */
export function breakerSuccess(_state: BreakerState): BreakerState {
  return CLOSED;
}

/** A request failed: count it; open at the threshold, or re-open at once when the half-open trial failed. */
export function breakerFailure(state: BreakerState, now: number, opts: BreakerOptions = DEFAULT_BREAKER_OPTIONS): BreakerState {
  const consecutiveFailures = state.consecutiveFailures + 1;
  if (state.phase === 'half-open' || consecutiveFailures >= opts.failureThreshold) {
    return { phase: 'open', consecutiveFailures, openedAt: now, trialInFlight: false };
  }
  return { ...state, consecutiveFailures };
}

/** A request ended without a verdict (cancelled by the caller): give the trial slot back. */
export function breakerRelease(state: BreakerState): BreakerState {
  return state.phase === 'half-open' ? { ...state, trialInFlight: false } : state;
}

export interface BreakerSnapshotEntry {
  key: string;
  phase: BreakerPhase;
  consecutiveFailures: number;
  openedAt?: number;
}

export interface BreakerRegistry {
  acquire(key: string): boolean;
  success(key: string): void;
  failure(key: string): void;
  release(key: string): void;
  /** Current state of every breaker that has seen traffic (for metrics and the status page). */
  snapshot(): BreakerSnapshotEntry[];
  reset(): void;
}

/** A small keyed set of breakers (one per hospital code) on an injectable clock. */
export function createBreakerRegistry(options: Partial<BreakerOptions> = {}, now: () => number = Date.now): BreakerRegistry {
  const opts: BreakerOptions = { ...DEFAULT_BREAKER_OPTIONS, ...options };
  const states = new Map<string, BreakerState>();
  const get = (key: string): BreakerState => states.get(key) ?? CLOSED;
  return {
    acquire(key) {
      const r = breakerAcquire(get(key), now(), opts);
      states.set(key, r.state);
      return r.allowed;
    },
    success(key) {
      states.set(key, breakerSuccess(get(key)));
    },
    failure(key) {
      states.set(key, breakerFailure(get(key), now(), opts));
    },
    release(key) {
      states.set(key, breakerRelease(get(key)));
    },
    snapshot() {
      return [...states.entries()].map(([key, s]) => ({
        key,
        phase: s.phase,
        consecutiveFailures: s.consecutiveFailures,
        ...(s.openedAt === undefined ? {} : { openedAt: s.openedAt }),
      }));
    },
    reset() {
      states.clear();
    },
  };
}
