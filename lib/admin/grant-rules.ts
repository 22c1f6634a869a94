/** Rules for hospital access grants, pure so they can be tested without a clock or database. */
import { TIME_ZONE } from '../i18n/format';

export type GrantRole = 'doctor' | 'ed';
export type GrantStatus = 'active' | 'suspended' | 'revoked';
/** What an admin sees: an active grant past its end date shows as expired. */
export type GrantDisplayStatus = GrantStatus | 'expired';

export interface GrantState {
  status: GrantStatus;
  role: GrantRole;
  validUntil: Date | null;
}

export type GrantChange =
  | { kind: 'role'; role: GrantRole }
  | { kind: 'suspend' }
  | { kind: 'reinstate' }
  | { kind: 'revoke' }
  | { kind: 'end-date'; validUntil: Date | null };

export type GrantChangeRefusal = 'revoked-final' | 'not-active' | 'not-suspended' | 'unchanged' | 'end-date-past';

export type GrantChangeResult = { ok: true; next: GrantState; endsSessions: boolean } | { ok: false; reason: GrantChangeRefusal };

/**
 * Applies an admin's change to a grant. Revocation is final: nothing changes a revoked grant again.
 * Suspension and revocation also end the doctor's open sessions at the hospital.
 */
export function applyGrantChange(current: GrantState, change: GrantChange, now: Date): GrantChangeResult {
  if (current.status === 'revoked') return { ok: false, reason: 'revoked-final' };
  switch (change.kind) {
    case 'role':
      if (change.role === current.role) return { ok: false, reason: 'unchanged' };
      return { ok: true, next: { ...current, role: change.role }, endsSessions: false };
    case 'suspend':
      if (current.status !== 'active') return { ok: false, reason: 'not-active' };
      return { ok: true, next: { ...current, status: 'suspended' }, endsSessions: true };
    case 'reinstate':
      if (current.status !== 'suspended') return { ok: false, reason: 'not-suspended' };
      return { ok: true, next: { ...current, status: 'active' }, endsSessions: false };
    case 'revoke':
      return { ok: true, next: { ...current, status: 'revoked' }, endsSessions: true };
    case 'end-date':
      if (change.validUntil !== null && change.validUntil <= now) return { ok: false, reason: 'end-date-past' };
      if ((change.validUntil?.getTime() ?? null) === (current.validUntil?.getTime() ?? null)) return { ok: false, reason: 'unchanged' };
      return { ok: true, next: { ...current, validUntil: change.validUntil }, endsSessions: false };
  }
}

/** The status an admin sees for a grant now. */
export function displayStatus(g: { status: GrantStatus; validUntil: Date | null }, now: Date): GrantDisplayStatus {
  if (g.status === 'active' && g.validUntil !== null && g.validUntil <= now) return 'expired';
  return g.status;
}

/**
 * An end date typed as YYYY-MM-DD means "through that day" in Thailand: the grant lasts until the last
 * millisecond of the day in Asia/Bangkok (UTC+7, no daylight saving). Null for an impossible date.
 */
export function endOfThaiDay(isoDate: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  // 24:00 Bangkok time is 17:00 UTC the same day.
  return new Date(Date.UTC(y, mo - 1, d, 17, 0, 0, 0) - 1);
}

/** The Bangkok calendar date (YYYY-MM-DD) of an instant, for a date input's value. */
export function thaiDateOf(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
