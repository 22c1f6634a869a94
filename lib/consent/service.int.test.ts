import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { findActiveAccess } from '../access/patient-access';
import { appendAudit } from '../audit/append';
import type { Database } from '../db';
import { auditLog, consentChallenges, consents, smsSends } from '../db/schema';
import { createExchangeClient } from '../exchange/client';
import { findDemoPatient } from '../sandbox/demo-catalog';
import { createSmsGateway, type SmsGateway } from '../sms/sms-gateway';
import { DATABASE_KINDS, createTestDatabase } from '../testing/databases';
import { TEST_TOKENS } from '../testing/global-setup';
import type { ConsentDeps, ConsentDoctor } from './deps';
import { lookupPatient } from './lookup';
import { MAX_LOOKUPS_PER_DOCTOR_HOUR, MAX_SENDS_PER_PATIENT_DAY, OTP_TTL_MS } from './rules';
import { endConsent, sendConsentOtp, verifyConsentOtp } from './service';

const sandboxUrl = inject('sandboxUrl');
const SOMSRI = '3100400123456';
const SECRET = 'integration-secret-0123456789abcdef012345';
const T0 = new Date('2026-11-20T03:00:00Z');

const doctorA: ConsentDoctor = {
  licence: '12345',
  hospitalCode: '11535',
  role: 'doctor',
  displayName: 'นพ.ทดสอบ ใจดี / Dr Thotsop Jaidee',
  request: { clientIp: '127.0.0.1', userAgent: 'vitest', requestId: 'int-consent-a' },
};
const doctorB: ConsentDoctor = {
  ...doctorA,
  licence: '34567',
  displayName: 'พญ.บี / Dr B',
  request: { ...doctorA.request, requestId: 'int-consent-b' },
};
const cid = (value: string) => ({ by: 'cid', value });

/** The real SMS gateway (sandbox), remembering what it sent so the test can read the code. */
function recordingSms(): SmsGateway & { texts: string[] } {
  const real = createSmsGateway({ baseUrl: sandboxUrl, token: TEST_TOKENS.sms, timeoutMs: 30_000 });
  const texts: string[] = [];
  return {
    texts,
    async send(to, text) {
      texts.push(text);
      return real.send(to, text);
    },
  };
}

function codeIn(text: string | undefined): string {
  const m = /(?:code|รหัสยืนยัน) (\d{6})/.exec(text ?? '');
  if (!m?.[1]) throw new Error('no code in SMS');
  return m[1];
}

describe.each(DATABASE_KINDS)('consent by OTP on %s', (kind) => {
  let database: Database;
  let sms: ReturnType<typeof recordingSms>;
  let clock: Date;
  let deps: ConsentDeps;
  // On an unexpected failure, say what the audit trail recorded (e.g. why the exchange was unavailable).
  const explain = async (reason: string) =>
    `${reason}: ${JSON.stringify((await database.db.select().from(auditLog)).map((r) => r.details))}`;
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    sms = recordingSms();
    clock = T0;
    deps = {
      db: database.db,
      exchange: createExchangeClient({ baseUrl: sandboxUrl, token: TEST_TOKENS.exchange, timeoutMs: 30_000 }),
      sms,
      secret: SECRET,
      consentHours: 12,
      now: () => clock,
    };
  });
  afterEach(async () => {
    await database.close();
  });

  it('looks patients up with every outcome, identity only, audited with the ID in its own column', async () => {
    const found = await lookupPatient(doctorA, cid('3-1004-00123-45-6'), deps);
    expect(found).toMatchObject({
      ok: true,
      patient: {
        nameEn: 'Somsri Meesuk',
        phoneMasked: '••• ••• 5678',
        sharingHospitals: 5,
        gender: 'female',
        birthDate: '1964-03-12',
        age: 62,
      },
    });
    expect(JSON.stringify(found)).not.toContain('0812345678');
    expect(await lookupPatient(doctorA, cid('3100400456781'), deps)).toMatchObject({
      ok: false,
      reason: 'no-sharing',
      patient: { sharingHospitals: 0 },
    });
    expect(await lookupPatient(doctorA, cid('3100400567893'), deps)).toMatchObject({
      ok: false,
      reason: 'no-phone',
      patient: { phoneMasked: null },
    });
    expect(await lookupPatient(doctorA, cid('3100400012344'), deps)).toEqual({ ok: false, reason: 'not-found' });
    expect(await lookupPatient(doctorA, cid('3100400123457'), deps)).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { value: { key: 'consent.cid.error.checksum', vars: { expected: 6, actual: 7 } } },
    });
    expect(await lookupPatient(doctorA, { by: 'passport', value: 'aa1234567' }, deps)).toMatchObject({
      ok: true,
      patient: { identifier: 'AA1234567', nameEn: 'John Smith', language: 'en' },
    });
    expect(await lookupPatient(doctorA, cid('0099912345673'), deps)).toMatchObject({ ok: true, warning: 'starts-with-zero' });

    const rows = await database.db.select().from(auditLog).where(eq(auditLog.action, 'patient-lookup'));
    expect(rows.map((r) => r.details.result)).toEqual(['found', 'found-no-sharing', 'found-no-phone', 'not-found', 'found', 'found']);
    expect(rows[0]).toMatchObject({ patientCid: SOMSRI, actorId: '12345', hospitalCode: '11535', outcome: 'success' });
    for (const r of rows) expect(JSON.stringify(r.details)).not.toMatch(/\d{13}|AA1234567/);
  });

  it('reports an unreachable exchange as retryable', async () => {
    const down = {
      ...deps,
      exchange: createExchangeClient({ baseUrl: 'http://127.0.0.1:9', token: TEST_TOKENS.exchange, timeoutMs: 1000 }),
    };
    expect(await lookupPatient(doctorA, cid(SOMSRI), down)).toEqual({ ok: false, reason: 'exchange-unavailable' });
    expect(await sendConsentOtp(doctorA, cid(SOMSRI), down)).toEqual({ ok: false, reason: 'exchange-unavailable' });
  });

  it('refuses to send where consent by OTP cannot work', async () => {
    expect(await sendConsentOtp(doctorA, cid('3100400567893'), deps)).toEqual({ ok: false, reason: 'no-phone' });
    expect(await sendConsentOtp(doctorA, cid('3100400456781'), deps)).toEqual({ ok: false, reason: 'no-sharing' });
    expect(await sendConsentOtp(doctorA, cid('3100400012344'), deps)).toEqual({ ok: false, reason: 'not-found' });
    // Wanida's number changed at the exchange two days ago: no code until it has settled for seven.
    const changed = await sendConsentOtp(doctorA, cid('3100400901238'), deps);
    expect(changed).toMatchObject({ ok: false, reason: 'phone-recently-changed' });
    expect(!changed.ok && 'retryInMs' in changed && changed.retryInMs).toBeGreaterThan(4 * 86_400_000);
    expect(sms.texts).toEqual([]);
  });

  it('sends a Thai SMS, verifies the code and starts a consent only this doctor at this hospital can use', async () => {
    const sent = await sendConsentOtp(doctorA, cid(SOMSRI), deps);
    if (!sent.ok) throw new Error(await explain(sent.reason));
    expect(sent).toMatchObject({ phoneMasked: '••• ••• 5678', expiresInMs: OTP_TTL_MS });
    const text = sms.texts[0] ?? '';
    expect(text).toContain('นพ.ทดสอบ ใจดี');
    expect(text).toContain('(11535)');
    expect(text).toContain('เพื่อการรักษา');
    expect(text).toContain('10:05'); // expiry in Bangkok time (03:05 UTC)
    const code = codeIn(text);
    const [challenge] = await database.db.select().from(consentChallenges).where(eq(consentChallenges.id, sent.challengeId));
    expect(challenge?.codeHash).not.toContain(code);

    // Doctor B (same hospital) cannot use A's challenge, and does not use up A's attempts.
    expect(await verifyConsentOtp(doctorB, { challengeId: sent.challengeId, code }, deps)).toEqual({ ok: false, reason: 'not-found' });
    expect(await verifyConsentOtp({ ...doctorA, hospitalCode: '10661' }, { challengeId: sent.challengeId, code }, deps)).toEqual({
      ok: false,
      reason: 'not-found',
    });

    advance(60_000);
    const ok = await verifyConsentOtp(doctorA, { challengeId: sent.challengeId, code }, deps);
    if (!ok.ok) throw new Error(ok.reason);
    expect(new Date(ok.expiresAt).getTime() - clock.getTime()).toBe(12 * 3600_000);
    const [consent] = await database.db.select().from(consents).where(eq(consents.id, ok.consentId));
    expect(consent).toMatchObject({
      licenceNumber: '12345',
      hospitalCode: '11535',
      patientCid: SOMSRI,
      purpose: 'TREAT',
      method: 'otp',
      challengeId: sent.challengeId,
      endedAt: null,
      // The province the exchange gave (a DOPA code), carried from the challenge for the outside-catchment alert.
      patientProvince: '10',
    });
    // The hospitals named when the code went out travel to the consent: the record page asks them at once.
    expect([...(consent?.sharingHcodes ?? [])].sort()).toEqual([...findDemoPatient('somsri').sharesWith].sort());

    expect(await findActiveAccess(database.db, doctorA, ok.consentId, clock)).toMatchObject({
      kind: 'consent',
      cid: SOMSRI,
      province: '10',
    });
    expect(await findActiveAccess(database.db, doctorB, ok.consentId, clock)).toBeNull();
    expect(await findActiveAccess(database.db, { licence: '12345', hospitalCode: '10661' }, ok.consentId, clock)).toBeNull();

    // The code is spent.
    expect(await verifyConsentOtp(doctorA, { challengeId: sent.challengeId, code }, deps)).toEqual({ ok: false, reason: 'used' });

    const audit = await database.db.select().from(auditLog);
    const actions = audit.map((r) => `${r.action}:${r.outcome}`);
    expect(actions).toEqual([
      'otp-send:success',
      'otp-verify:denied',
      'otp-verify:denied',
      'otp-verify:success',
      'consent-start:success',
      'otp-verify:failure',
    ]);
    expect(JSON.stringify(audit)).not.toContain(code);
    expect(audit.find((r) => r.action === 'consent-start')?.accessRef).toBe(ok.consentId);

    expect(await endConsent(doctorB, ok.consentId, deps)).toEqual({ ok: false, reason: 'not-found' });
    expect(await endConsent(doctorA, ok.consentId, deps)).toEqual({ ok: true });
    expect(await findActiveAccess(database.db, doctorA, ok.consentId, clock)).toBeNull();
    const [end] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'consent-end'));
    expect(end).toMatchObject({ patientCid: SOMSRI, accessRef: ok.consentId });
  });

  it('sends in English to an English-speaking patient found by passport', async () => {
    const sent = await sendConsentOtp(doctorA, { by: 'passport', value: 'AA1234567' }, deps);
    expect(sent).toMatchObject({ ok: true, phoneMasked: '••• ••• 9999' });
    expect(sms.texts[0]).toMatch(
      /^Health Link code \d{6}\. Give it only to Dr Thotsop Jaidee, .*\(11535\).*for your treatment\. Valid until 10:05/,
    );
  });

  it('voids the challenge at the fifth wrong code; a resend does not reset the count', async () => {
    const first = await sendConsentOtp(doctorA, cid(SOMSRI), deps);
    if (!first.ok) throw new Error(await explain(first.reason));
    const wrong = (c: string) =>
      verifyConsentOtp(doctorA, { challengeId: first.challengeId, code: c === codeIn(sms.texts.at(-1)) ? '999999' : c }, deps);
    expect(await wrong('000000')).toEqual({ ok: false, reason: 'wrong', remaining: 4 });
    expect(await wrong('111111')).toEqual({ ok: false, reason: 'wrong', remaining: 3 });
    advance(61_000);
    const resent = await sendConsentOtp(doctorA, cid(SOMSRI), deps);
    expect(resent).toMatchObject({ ok: true, challengeId: first.challengeId });
    const oldCode = codeIn(sms.texts[0]);
    const newCode = codeIn(sms.texts[1]);
    if (oldCode !== newCode)
      expect(await verifyConsentOtp(doctorA, { challengeId: first.challengeId, code: oldCode }, deps)).toEqual({
        ok: false,
        reason: 'wrong',
        remaining: 2,
      });
    else expect(await wrong('222222')).toEqual({ ok: false, reason: 'wrong', remaining: 2 });
    expect(await wrong('333333')).toEqual({ ok: false, reason: 'wrong', remaining: 1 });
    expect(await wrong('444444')).toEqual({ ok: false, reason: 'void' });
    // Even the right code is useless now.
    expect(await verifyConsentOtp(doctorA, { challengeId: first.challengeId, code: newCode }, deps)).toEqual({ ok: false, reason: 'void' });
    const [row] = await database.db.select().from(consentChallenges).where(eq(consentChallenges.id, first.challengeId));
    expect(row).toMatchObject({ status: 'void', wrongAttempts: 5, sendCount: 2 });
    expect(await database.db.select().from(consents)).toEqual([]);

    // A new request after a void starts a new challenge.
    advance(61_000);
    const again = await sendConsentOtp(doctorA, cid(SOMSRI), deps);
    expect(again.ok && again.challengeId !== first.challengeId).toBe(true);
  });

  it('counts concurrent wrong entries exactly and lets a double-submitted right code start one consent', async () => {
    const sent = await sendConsentOtp(doctorA, cid(SOMSRI), deps);
    if (!sent.ok) throw new Error(await explain(sent.reason));
    const right = codeIn(sms.texts[0]);
    const wrongCode = right === '000000' ? '111111' : '000000';
    const results = await Promise.all(
      Array.from({ length: 6 }, () => verifyConsentOtp(doctorA, { challengeId: sent.challengeId, code: wrongCode }, deps)),
    );
    const summary = results.map((r) => (r.ok ? 'ok' : r.reason === 'wrong' ? `wrong-${r.remaining}` : r.reason)).sort();
    expect(summary).toEqual(['void', 'void', 'wrong-1', 'wrong-2', 'wrong-3', 'wrong-4']);
    const [row] = await database.db.select().from(consentChallenges).where(eq(consentChallenges.id, sent.challengeId));
    expect(row).toMatchObject({ status: 'void', wrongAttempts: 5 });

    advance(61_000);
    const again = await sendConsentOtp(doctorA, cid(SOMSRI), deps);
    if (!again.ok) throw new Error(await explain(again.reason));
    const code = codeIn(sms.texts[1]);
    const twice = await Promise.all([0, 1].map(() => verifyConsentOtp(doctorA, { challengeId: again.challengeId, code }, deps)));
    expect(twice.filter((r) => r.ok)).toHaveLength(1);
    expect(twice.find((r) => !r.ok)).toEqual({ ok: false, reason: 'used' });
    expect(await database.db.select().from(consents)).toHaveLength(1);
  });

  it('refuses an expired code (the server decides, with its own clock)', async () => {
    const sent = await sendConsentOtp(doctorA, cid(SOMSRI), deps);
    if (!sent.ok) throw new Error(await explain(sent.reason));
    advance(OTP_TTL_MS);
    expect(await verifyConsentOtp(doctorA, { challengeId: sent.challengeId, code: codeIn(sms.texts[0]) }, deps)).toEqual({
      ok: false,
      reason: 'expired',
    });
    const [row] = await database.db.select().from(consentChallenges).where(eq(consentChallenges.id, sent.challengeId));
    expect(row?.status).toBe('pending');
  });

  it('enforces the resend wait and the per-doctor limit, and records every send', async () => {
    expect(await sendConsentOtp(doctorA, cid(SOMSRI), deps)).toMatchObject({ ok: true });
    advance(30_000);
    expect(await sendConsentOtp(doctorA, cid(SOMSRI), deps)).toEqual({ ok: false, reason: 'resend-too-soon', retryInMs: 30_000 });
    // Another doctor is not held back by A's wait.
    expect(await sendConsentOtp(doctorB, cid(SOMSRI), deps)).toMatchObject({ ok: true });
    advance(31_000);
    expect(await sendConsentOtp(doctorA, cid(SOMSRI), deps)).toMatchObject({ ok: true });
    advance(61_000);
    expect(await sendConsentOtp(doctorA, cid(SOMSRI), deps)).toMatchObject({ ok: true });
    advance(61_000);
    const fourth = await sendConsentOtp(doctorA, cid(SOMSRI), deps);
    expect(fourth).toEqual({ ok: false, reason: 'doctor-limit', retryInMs: 15 * 60_000 - (30_000 + 31_000 + 61_000 + 61_000) });
    const sends = await database.db
      .select()
      .from(smsSends)
      .where(and(eq(smsSends.patientCid, SOMSRI), eq(smsSends.licenceNumber, '12345')));
    expect(sends).toHaveLength(3);
    const denied = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'otp-send'), eq(auditLog.outcome, 'denied')));
    expect(denied.map((r) => r.details.reason)).toEqual(['resend-too-soon', 'doctor-limit']);
  });

  it('caps the SMS a patient receives in a day, whoever asks', async () => {
    for (let i = 0; i < MAX_SENDS_PER_PATIENT_DAY; i++) {
      expect(await sendConsentOtp({ ...doctorA, licence: String(20000 + i) }, cid(SOMSRI), deps)).toMatchObject({ ok: true });
      advance(60_000);
    }
    expect(await sendConsentOtp(doctorA, cid(SOMSRI), deps)).toMatchObject({ ok: false, reason: 'patient-daily-limit' });
  });

  it('gives the send back and disables the code when the SMS gateway refuses', async () => {
    const failing: SmsGateway = { send: () => Promise.resolve({ ok: false, reason: 'unavailable' }) };
    expect(await sendConsentOtp(doctorA, cid(SOMSRI), { ...deps, sms: failing })).toEqual({ ok: false, reason: 'sms-failed' });
    expect(await database.db.select().from(smsSends)).toEqual([]);
    expect(await sendConsentOtp(doctorA, cid(SOMSRI), deps)).toMatchObject({ ok: true });
  });

  it('limits patient lookups per doctor per hour, counted from the audit trail, and audits the refusal', async () => {
    const earlier = new Date(clock.getTime() - 30 * 60_000);
    for (let i = 0; i < MAX_LOOKUPS_PER_DOCTOR_HOUR; i++) {
      await appendAudit(
        database.db,
        { actorType: 'doctor', actorId: doctorA.licence, action: 'patient-lookup', outcome: 'success', purpose: 'TREAT' },
        earlier,
      );
    }
    const refused = await lookupPatient(doctorA, cid(SOMSRI), deps);
    expect(refused).toEqual({ ok: false, reason: 'lookup-limit', retryInMs: 30 * 60_000, limit: MAX_LOOKUPS_PER_DOCTOR_HOUR });
    const denied = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'patient-lookup'), eq(auditLog.outcome, 'denied')));
    expect(denied.map((r) => r.details.reason)).toEqual(['lookup-limit']);
    // Another doctor is not affected, and the first may search again once the hour has passed.
    expect(await lookupPatient(doctorB, cid(SOMSRI), deps)).toMatchObject({ ok: true });
    advance(30 * 60_000 + 1);
    expect(await lookupPatient(doctorA, cid(SOMSRI), deps)).toMatchObject({ ok: true });
  });
});
