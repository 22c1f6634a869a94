import { describe, expect, it } from 'vitest';
import {
  canSend,
  consentExpiresAt,
  DOCTOR_WINDOW_MS,
  generateOtp,
  hashOtp,
  judgeAttempt,
  MAX_SENDS_PER_DOCTOR_15MIN,
  MAX_SENDS_PER_PATIENT_DAY,
  MAX_WRONG_ENTRIES,
  OTP_TTL_MS,
  otpExpiresAt,
  PATIENT_WINDOW_MS,
  RESEND_AFTER_MS,
  verifyOtpHash,
  wrongVerdict,
  type ChallengeState,
  type SendRecord,
  phoneSettlesAt,
  lookupVerdict,
  LOOKUP_WINDOW_MS,
  MAX_LOOKUPS_PER_DOCTOR_HOUR,
} from './rules';

const SECRET = 'test-secret-0123456789abcdef0123456789';
const NOW = new Date('2026-11-20T03:00:00Z');
const at = (msBefore: number) => new Date(NOW.getTime() - msBefore);
const binding = {
  challengeId: '6f1c1f0e-3a0b-4c59-9a53-7c9c1f2a0b11',
  licence: '12345',
  hospitalCode: '11535',
  patientCid: '3100400123456',
};

describe('constants', () => {
  it('keep the documented safe bounds', () => {
    expect(OTP_TTL_MS).toBe(5 * 60_000);
    expect(MAX_WRONG_ENTRIES).toBe(5);
    expect(RESEND_AFTER_MS).toBe(60_000);
    expect(MAX_SENDS_PER_DOCTOR_15MIN).toBe(3);
    expect(MAX_SENDS_PER_PATIENT_DAY).toBe(10);
  });
});

describe('generateOtp', () => {
  it('always gives six digits (leading zeros kept) and varies', () => {
    const codes = Array.from({ length: 200 }, generateOtp);
    for (const c of codes) expect(c).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(150);
  });
});

describe('hashOtp / verifyOtpHash', () => {
  const stored = hashOtp(SECRET, binding, '012345');
  it('stores a hash, not the code', () => {
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain('012345');
  });
  it.each([
    ['the right code and binding', binding, '012345', SECRET, true],
    ['a wrong code', binding, '012346', SECRET, false],
    ['another challenge', { ...binding, challengeId: '00000000-0000-4000-8000-000000000000' }, '012345', SECRET, false],
    ['another doctor', { ...binding, licence: '34567' }, '012345', SECRET, false],
    ['another hospital', { ...binding, hospitalCode: '10669' }, '012345', SECRET, false],
    ['another patient', { ...binding, patientCid: '3100400456781' }, '012345', SECRET, false],
    ['another secret', binding, '012345', 'other-secret-0123456789abcdef01234567', false],
  ])('%s → %s', (_name, b, code, secret, ok) => {
    expect(verifyOtpHash(secret, b, code, stored)).toBe(ok);
  });
  it('refuses a malformed stored hash without throwing', () => {
    expect(verifyOtpHash(SECRET, binding, '012345', 'abc')).toBe(false);
  });
});

describe('canSend', () => {
  const me = '12345';
  const other = '34567';
  const rec = (licence: string, msBefore: number): SendRecord => ({ licence, sentAt: at(msBefore) });
  const cases: { name: string; history: SendRecord[]; expected: ReturnType<typeof canSend> }[] = [
    { name: 'first send', history: [], expected: { ok: true } },
    { name: 'resend after 59 s', history: [rec(me, 59_000)], expected: { ok: false, reason: 'resend-too-soon', retryAt: at(-1_000) } },
    { name: 'resend after exactly 60 s', history: [rec(me, 60_000)], expected: { ok: true } },
    { name: 'another doctor sent 10 s ago', history: [rec(other, 10_000)], expected: { ok: true } },
    { name: 'third send in 15 min', history: [rec(me, 120_000), rec(me, 600_000)], expected: { ok: true } },
    {
      name: 'fourth send in 15 min',
      history: [rec(me, 120_000), rec(me, 300_000), rec(me, 600_000)],
      expected: { ok: false, reason: 'doctor-limit', retryAt: new Date(at(600_000).getTime() + DOCTOR_WINDOW_MS) },
    },
    {
      name: 'three sends, oldest just outside 15 min',
      history: [rec(me, 120_000), rec(me, 300_000), rec(me, DOCTOR_WINDOW_MS)],
      expected: { ok: true },
    },
    {
      name: 'ten sends to the patient in 24 h by several doctors',
      history: Array.from({ length: 10 }, (_, i) => rec(`1000${i}`, (i + 1) * 3600_000)),
      expected: { ok: false, reason: 'patient-daily-limit', retryAt: new Date(at(10 * 3600_000).getTime() + PATIENT_WINDOW_MS) },
    },
    {
      name: 'nine sends to the patient in 24 h',
      history: Array.from({ length: 9 }, (_, i) => rec(`1000${i}`, (i + 1) * 3600_000)),
      expected: { ok: true },
    },
    {
      name: 'ten sends but the oldest is over 24 h ago',
      history: Array.from({ length: 10 }, (_, i) => rec(`1000${i}`, (i + 1) * 3600_000 * 2.45)),
      expected: { ok: true },
    },
  ];
  it.each(cases)('$name', ({ history, expected }) => {
    expect(canSend(history, me, NOW)).toEqual(expected);
  });

  it("takes a deployment's own per-patient daily limit (CONSENT_CODES_PER_PATIENT_DAY)", () => {
    const ten = Array.from({ length: 10 }, (_, i) => rec(`1000${i}`, (i + 1) * 3600_000));
    expect(canSend(ten, me, NOW, 11)).toEqual({ ok: true });
    expect(canSend(ten.slice(0, 3), me, NOW, 3)).toMatchObject({ ok: false, reason: 'patient-daily-limit' });
  });
});

describe('judgeAttempt', () => {
  const challenge: ChallengeState = {
    id: binding.challengeId,
    licenceNumber: binding.licence,
    hospitalCode: binding.hospitalCode,
    patientCid: binding.patientCid,
    codeHash: hashOtp(SECRET, binding, '482913'),
    codeExpiresAt: new Date(NOW.getTime() + 60_000),
    wrongAttempts: 0,
    status: 'pending',
  };
  const attempt = { licence: binding.licence, hospitalCode: binding.hospitalCode, patientCid: binding.patientCid, code: '482913' };
  it.each([
    { name: 'right code', c: challenge, a: attempt, expected: { kind: 'verified' } },
    { name: 'first wrong code', c: challenge, a: { ...attempt, code: '000000' }, expected: { kind: 'wrong', remaining: 4 } },
    {
      name: 'fourth wrong code',
      c: { ...challenge, wrongAttempts: 3 },
      a: { ...attempt, code: '000000' },
      expected: { kind: 'wrong', remaining: 1 },
    },
    {
      name: 'fifth wrong code leaves none (it voids once counted)',
      c: { ...challenge, wrongAttempts: 4 },
      a: { ...attempt, code: '000000' },
      expected: { kind: 'wrong', remaining: 0 },
    },
    { name: 'right code after five wrong ones', c: { ...challenge, wrongAttempts: 5 }, a: attempt, expected: { kind: 'void' } },
    { name: 'right code on a void challenge', c: { ...challenge, status: 'void' as const }, a: attempt, expected: { kind: 'void' } },
    { name: 'right code after expiry', c: { ...challenge, codeExpiresAt: NOW }, a: attempt, expected: { kind: 'expired' } },
    {
      name: 'right code one ms before expiry',
      c: { ...challenge, codeExpiresAt: new Date(NOW.getTime() + 1) },
      a: attempt,
      expected: { kind: 'verified' },
    },
    { name: 'code already used', c: { ...challenge, status: 'verified' as const }, a: attempt, expected: { kind: 'used' } },
    { name: 'another doctor', c: challenge, a: { ...attempt, licence: '34567' }, expected: { kind: 'wrong-binding' } },
    { name: 'another hospital', c: challenge, a: { ...attempt, hospitalCode: '10669' }, expected: { kind: 'wrong-binding' } },
    { name: 'another patient', c: challenge, a: { ...attempt, patientCid: '3100400456781' }, expected: { kind: 'wrong-binding' } },
    { name: 'malformed code counts as wrong', c: challenge, a: { ...attempt, code: '48291' }, expected: { kind: 'wrong', remaining: 4 } },
  ])('$name', ({ c, a, expected }) => {
    expect(judgeAttempt(c, a, SECRET, NOW)).toEqual(expected);
  });

  it('a code hashed for another challenge does not verify here even with the same doctor and patient', () => {
    const foreign = {
      ...challenge,
      codeHash: hashOtp(SECRET, { ...binding, challengeId: '11111111-1111-4111-8111-111111111111' }, '482913'),
    };
    expect(judgeAttempt(foreign, attempt, SECRET, NOW)).toEqual({ kind: 'wrong', remaining: 4 });
  });
});

describe('wrongVerdict, expiries', () => {
  it.each([
    [1, { kind: 'wrong', remaining: 4 }],
    [4, { kind: 'wrong', remaining: 1 }],
    [5, { kind: 'void' }],
    [6, { kind: 'void' }],
  ])('%i wrong entries → %o', (n, expected) => {
    expect(wrongVerdict(n)).toEqual(expected);
  });
  it('codes last five minutes', () => {
    expect(otpExpiresAt(NOW).getTime() - NOW.getTime()).toBe(OTP_TTL_MS);
  });
  it.each([
    [12, 12],
    [0, 1],
    [100, 72],
  ])('consent of %i h lasts %i h (bounded)', (hours, expected) => {
    expect(consentExpiresAt(NOW, hours).getTime() - NOW.getTime()).toBe(expected * 3600_000);
  });
});

describe('phoneSettlesAt', () => {
  const now = new Date('2026-12-06T00:00:00Z');
  it.each([
    ['no date from the exchange', undefined, null],
    ['changed two days ago: codes from the seventh day', '2026-12-04', '2026-12-11T00:00:00.000Z'],
    ['changed exactly seven days ago', '2026-11-29', null],
    ['changed long ago', '2020-01-01', null],
    ['a date that does not parse', 'soon', null],
  ])('%s', (_what, since, expected) => {
    expect(phoneSettlesAt(since, now)?.toISOString() ?? null).toBe(expected);
  });
});

describe('lookupVerdict', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const many = (n: number, m: number) => Array.from({ length: n }, () => minutesAgo(m));
  it.each([
    ['none yet', [], true],
    ['one short of the limit', many(MAX_LOOKUPS_PER_DOCTOR_HOUR - 1, 10), true],
    ['at the limit within the hour', many(MAX_LOOKUPS_PER_DOCTOR_HOUR, 10), false],
    ['at the limit, but all over an hour ago', many(MAX_LOOKUPS_PER_DOCTOR_HOUR, 61), true],
  ])('%s', (_what, recent, ok) => {
    expect(lookupVerdict(recent, now).ok).toBe(ok);
  });

  it('names when the oldest counted lookup leaves the hour', () => {
    const recent = [...many(MAX_LOOKUPS_PER_DOCTOR_HOUR - 1, 5), minutesAgo(40)];
    const verdict = lookupVerdict(recent, now);
    expect(verdict.ok ? null : verdict.retryAt.toISOString()).toBe(new Date(minutesAgo(40).getTime() + LOOKUP_WINDOW_MS).toISOString());
  });
});
