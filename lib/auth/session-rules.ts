/** Session lifetime rules, pure so they can be tested without a clock or database. */
export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
}

export type SessionVerdict = { valid: true } | { valid: false; reason: 'ended' | 'idle' | 'expired' };

/** A session is valid until it is ended, idle longer than the idle timeout, or past its absolute lifetime. */
export function judgeSession(s: SessionTimes, now: Date, idleMs: number): SessionVerdict {
  if (s.endedAt) return { valid: false, reason: 'ended' };
  if (now >= s.expiresAt) return { valid: false, reason: 'expired' };
  if (now.getTime() - s.lastSeenAt.getTime() >= idleMs) return { valid: false, reason: 'idle' };
  return { valid: true };
}

/** Recording every request would write on every click; recording at most every 30 s is exact enough for a 30 min idle rule. */
export const TOUCH_INTERVAL_MS = 30_000;

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}

/** How often a signed-in doctor's licence is re-checked with the Medical Council registry. */
export const REGISTRY_RECHECK_MS = 60_000;

export type LicenceVerdict = { kind: 'active' } | { kind: 'unavailable' } | { kind: 'end'; reason: string };

/**
 * What the registry's answer means for a signed-in doctor: keep working, end the session (and why), or no
 * answer — a registry outage ends nothing; the check is simply tried again.
 */
export function licenceVerdict(
  lookup: { outcome: 'found'; practitioner: { status: string } } | { outcome: 'not-found' } | { outcome: 'unavailable' },
): LicenceVerdict {
  if (lookup.outcome === 'unavailable') return { kind: 'unavailable' };
  if (lookup.outcome === 'not-found') return { kind: 'end', reason: 'licence-unknown' };
  return lookup.practitioner.status === 'active' ? { kind: 'active' } : { kind: 'end', reason: `licence-${lookup.practitioner.status}` };
}

/** Whether an access grant is in force now: active and not past its end date. */
export function grantInForce(g: { status: string; validUntil: Date | null }, now: Date): boolean {
  return g.status === 'active' && (g.validUntil === null || g.validUntil > now);
}
