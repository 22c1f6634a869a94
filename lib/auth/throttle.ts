/** Brute-force limits for one key (a licence number, an admin username or a client address). */
export interface ThrottlePolicy {
  /** Failures allowed back to back before each further attempt must wait. */
  freeFailures: number;
  /** Wait after the first failure beyond the free ones; doubles with each further failure. */
  baseDelayMs: number;
  /** Failures in a row after which the key is locked. */
  lockAfter: number;
  lockMs: number;
  /** Hard cap of failures in any 24 h window. */
  dailyMax: number;
}

export const LICENCE_POLICY: ThrottlePolicy = { freeFailures: 5, baseDelayMs: 30_000, lockAfter: 10, lockMs: 15 * 60_000, dailyMax: 100 };
// A hospital's doctors often share one outbound address, so the per-address limits are five times wider.
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 25, baseDelayMs: 30_000, lockAfter: 50, lockMs: 15 * 60_000, dailyMax: 500 };

const DAY_MS = 24 * 60 * 60_000;
const MAX_DELAY_MS = 15 * 60_000;

export interface ThrottleState {
  consecutiveFailures: number;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
  windowStartedAt: Date;
  windowFailures: number;
}

export const EMPTY_THROTTLE = (now: Date): ThrottleState => ({
  consecutiveFailures: 0,
  lastFailureAt: null,
  lockedUntil: null,
  windowStartedAt: now,
  windowFailures: 0,
});

/** The delay owed after `failures` consecutive failures: none up to the free ones, then 30 s doubling. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(MAX_DELAY_MS, policy.baseDelayMs * 2 ** (failures - policy.freeFailures));
}

/** Whether an attempt may be made now, and if not, from when. */
export function evaluateThrottle(
  state: ThrottleState,
  now: Date,
  policy: ThrottlePolicy,
): { allowed: true } | { allowed: false; retryAt: Date } {
  const windowActive = now.getTime() - state.windowStartedAt.getTime() < DAY_MS;
  if (windowActive && state.windowFailures >= policy.dailyMax)
    return { allowed: false, retryAt: new Date(state.windowStartedAt.getTime() + DAY_MS) };
  if (state.lockedUntil && state.lockedUntil > now) return { allowed: false, retryAt: state.lockedUntil };
  if (state.lastFailureAt) {
    const retryAt = new Date(state.lastFailureAt.getTime() + delayAfter(state.consecutiveFailures, policy));
    if (retryAt > now) return { allowed: false, retryAt };
  }
  return { allowed: true };
}

/** The state after one more failure at `now` (locking the key when the threshold is reached). */
export function recordFailure(state: ThrottleState, now: Date, policy: ThrottlePolicy): ThrottleState {
  const windowActive = now.getTime() - state.windowStartedAt.getTime() < DAY_MS;
  const lockExpired = state.lockedUntil !== null && state.lockedUntil <= now;
  // After a lock has been served the count restarts, so the next failures are free again but counted daily.
  const consecutive = (lockExpired ? 0 : state.consecutiveFailures) + 1;
  return {
    consecutiveFailures: consecutive,
    lastFailureAt: now,
    lockedUntil: consecutive >= policy.lockAfter ? new Date(now.getTime() + policy.lockMs) : lockExpired ? null : state.lockedUntil,
    windowStartedAt: windowActive ? state.windowStartedAt : now,
    windowFailures: (windowActive ? state.windowFailures : 0) + 1,
  };
}

/** The state after a success: the consecutive count resets, the daily count keeps what really failed. */
export function recordSuccess(state: ThrottleState): ThrottleState {
  return { ...state, consecutiveFailures: 0, lastFailureAt: null, lockedUntil: null };
}
