import { describe, expect, it } from 'vitest';
import { grantInForce, judgeSession, licenceVerdict, needsTouch } from './session-rules';

const t = (m: number) => new Date(Date.UTC(2026, 10, 22, 8, 0) + m * 60_000);
const IDLE = 30 * 60_000;
const base = { createdAt: t(0), lastSeenAt: t(0), expiresAt: t(12 * 60), endedAt: null };

describe('judgeSession', () => {
  it.each([
    ['fresh', base, t(1), { valid: true }],
    ['idle 29 min', base, t(29), { valid: true }],
    ['idle 30 min', base, t(30), { valid: false, reason: 'idle' }],
    ['active but past 12 h', { ...base, lastSeenAt: t(12 * 60 - 1) }, t(12 * 60), { valid: false, reason: 'expired' }],
    ['signed out', { ...base, endedAt: t(5) }, t(6), { valid: false, reason: 'ended' }],
  ])('%s', (_name, session, now, verdict) => {
    expect(judgeSession(session, now, IDLE)).toEqual(verdict);
  });

  it('keeps a session alive while it is used', () => {
    expect(judgeSession({ ...base, lastSeenAt: t(600) }, t(620), IDLE)).toEqual({ valid: true });
  });
});

describe('grantInForce and needsTouch', () => {
  it.each([
    [{ status: 'active', validUntil: null }, true],
    [{ status: 'active', validUntil: t(10) }, true],
    [{ status: 'active', validUntil: t(-1) }, false],
    [{ status: 'suspended', validUntil: null }, false],
    [{ status: 'revoked', validUntil: null }, false],
  ])('%j in force: %s', (grant, expected) => {
    expect(grantInForce(grant, t(0))).toBe(expected);
  });
  it('touches at most every 30 s', () => {
    expect(needsTouch(t(0), new Date(t(0).getTime() + 29_000))).toBe(false);
    expect(needsTouch(t(0), new Date(t(0).getTime() + 30_000))).toBe(true);
  });
});

describe('licenceVerdict', () => {
  it.each([
    [{ outcome: 'found', practitioner: { status: 'active' } }, { kind: 'active' }],
    [
      { outcome: 'found', practitioner: { status: 'suspended' } },
      { kind: 'end', reason: 'licence-suspended' },
    ],
    [
      { outcome: 'found', practitioner: { status: 'revoked' } },
      { kind: 'end', reason: 'licence-revoked' },
    ],
    [{ outcome: 'not-found' }, { kind: 'end', reason: 'licence-unknown' }],
    [{ outcome: 'unavailable' }, { kind: 'unavailable' }],
  ] as const)('%j → %j', (lookup, expected) => {
    expect(licenceVerdict(lookup)).toEqual(expected);
  });
});
