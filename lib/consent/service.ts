import 'server-only';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append';
import { metrics } from '../metrics';
import type { Db } from '../db';
import { consentChallenges, consents, smsSends } from '../db/schema';
import { formatTime, type Lang } from '../i18n/format';
import { hospitalLabel } from '../hospitals';
import { maskPhone } from '../sms/phone';
import { auditActor, type ConsentDeps, type ConsentDoctor } from './deps';
import { resolvePatient } from './lookup';
import {
  canSend,
  consentExpiresAt,
  generateOtp,
  hashOtp,
  judgeAttempt,
  otpExpiresAt,
  PATIENT_WINDOW_MS,
  RESEND_AFTER_MS,
  wrongVerdict,
  MAX_WRONG_ENTRIES,
  type ChallengeState,
  phoneSettlesAt,
} from './rules';
import { failure, success, type Failure, type Success } from '../result';
import { consentIdSchema, otpEntrySchema, patientSearchSchema, searchProblem, type SearchField } from './schemas';

export { consentAsFhir } from './fhir';

// Serialises sends for one patient so that two doctors (or two tabs) cannot both slip under a limit.
const SEND_LOCK_KEY = 728102;

export type SendOtpResult =
  | Success<{ challengeId: string; phoneMasked: string; expiresInMs: number; resendInMs: number }>
  | Failure<'invalid', SearchField>
  | Failure<'not-found' | 'no-sharing' | 'no-phone' | 'exchange-unavailable' | 'sms-failed'>
  | (Failure<'phone-recently-changed'> & { retryInMs: number })
  | (Failure<'resend-too-soon' | 'doctor-limit' | 'patient-daily-limit'> & { retryInMs: number });

export type VerifyOtpResult =
  | Success<{ consentId: string; expiresAt: string }>
  | Failure<'invalid', 'code'>
  | Failure<'not-found' | 'void' | 'expired' | 'used'>
  | (Failure<'wrong'> & { remaining: number });

function transaction<T>(database: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return database.transaction((tx) => fn(tx as unknown as Db));
}

/** The OTP message in the patient's language: who asks, where, why, and until when (Bangkok time). */
export function otpSmsText(lang: Lang, v: { code: string; doctorName: string; hospital: string; expiresAt: Date }): string {
  const time = formatTime(v.expiresAt.toISOString());
  if (lang === 'en')
    return `Health Link code ${v.code}. Give it only to ${v.doctorName}, ${v.hospital}, if you agree to them viewing your health records from other hospitals for your treatment. Valid until ${time} (Thailand time).`;
  return `รหัสยืนยัน ${v.code} แจ้งรหัสนี้แก่ ${v.doctorName} ${v.hospital} เฉพาะเมื่อท่านยินยอมให้ดูประวัติสุขภาพจากโรงพยาบาลอื่นเพื่อการรักษา ใช้ได้ถึง ${time} น.`;
}

/** "สมชาย ใจดี / Somchai Jaidee" → the part in the wanted language. */
function nameIn(displayName: string, lang: Lang): string {
  const [th, en] = displayName.split(' / ');
  return (lang === 'en' ? en : th)?.trim() || displayName;
}

/**
 * Sends (or re-sends) the consent code to the phone the exchange holds for the patient — looked up again
 * here, never taken from the browser. Enforces the send limits, keeps the wrong-entry count across
 * resends, records the send and audits it (never the code).
 */
export async function sendConsentOtp(doctor: ConsentDoctor, input: unknown, deps: ConsentDeps): Promise<SendOtpResult> {
  const parsed = patientSearchSchema.safeParse(input);
  if (!parsed.success) return failure('invalid', { value: searchProblem(input) ?? { key: 'consent.cid.error.digits' } });
  const resolved = await resolvePatient(doctor, parsed.data, deps);
  if (resolved.outcome === 'exchange-unavailable') {
    await appendAudit(
      deps.db,
      {
        ...auditActor(doctor),
        action: 'otp-send',
        outcome: 'failure',
        patientCid: parsed.data.by === 'cid' ? parsed.data.value : null,
        purpose: 'TREAT',
        details: { reason: 'exchange-unavailable', exchangeReason: resolved.reason.slice(0, 60) },
      },
      deps.now(),
    );
    return { ok: false, reason: 'exchange-unavailable' };
  }
  if (resolved.outcome !== 'found') return { ok: false, reason: resolved.outcome };
  if (resolved.sharing.length === 0) return { ok: false, reason: 'no-sharing' };
  const { patient } = resolved;
  const phone = patient.phone;
  if (!phone) return { ok: false, reason: 'no-phone' };
  const cid = patient.cid;
  const now = deps.now();
  const settles = phoneSettlesAt(patient.phoneSince, now);
  if (settles) {
    await appendAudit(
      deps.db,
      {
        ...auditActor(doctor),
        action: 'otp-send',
        outcome: 'denied',
        patientCid: cid,
        purpose: 'TREAT',
        details: { reason: 'phone-recently-changed' },
      },
      now,
    );
    return { ...failure('phone-recently-changed'), retryInMs: settles.getTime() - now.getTime() };
  }
  const code = generateOtp();
  const expiresAt = otpExpiresAt(now);
  const actor = auditActor(doctor);

  const reserved = await transaction(deps.db, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEND_LOCK_KEY}, hashtext(${cid}))`);
    const history = await tx
      .select({ licence: smsSends.licenceNumber, sentAt: smsSends.sentAt })
      .from(smsSends)
      .where(and(eq(smsSends.patientCid, cid), eq(smsSends.kind, 'otp'), gt(smsSends.sentAt, new Date(now.getTime() - PATIENT_WINDOW_MS))));
    const verdict = canSend(history, doctor.licence, now);
    if (!verdict.ok) {
      await appendAudit(
        tx,
        { ...actor, action: 'otp-send', outcome: 'denied', patientCid: cid, purpose: 'TREAT', details: { reason: verdict.reason } },
        now,
      );
      return verdict;
    }
    const [open] = await tx
      .select({ id: consentChallenges.id, sendCount: consentChallenges.sendCount })
      .from(consentChallenges)
      .where(
        and(
          eq(consentChallenges.licenceNumber, doctor.licence),
          eq(consentChallenges.hospitalCode, doctor.hospitalCode),
          eq(consentChallenges.patientCid, cid),
          eq(consentChallenges.purpose, 'TREAT'),
          eq(consentChallenges.status, 'pending'),
          gt(consentChallenges.createdAt, new Date(now.getTime() - PATIENT_WINDOW_MS)),
        ),
      )
      .orderBy(desc(consentChallenges.createdAt))
      .limit(1);
    const challengeId = open?.id ?? crypto.randomUUID();
    const codeHash = hashOtp(
      deps.secret,
      { challengeId, licence: doctor.licence, hospitalCode: doctor.hospitalCode, patientCid: cid },
      code,
    );
    if (open) {
      // A resend replaces the code and its expiry; wrong_attempts is deliberately left as it is.
      await tx
        .update(consentChallenges)
        .set({ codeHash, codeExpiresAt: expiresAt, lastSentAt: now, sendCount: sql`${consentChallenges.sendCount} + 1` })
        .where(eq(consentChallenges.id, challengeId));
    } else {
      await tx.insert(consentChallenges).values({
        id: challengeId,
        licenceNumber: doctor.licence,
        hospitalCode: doctor.hospitalCode,
        patientCid: cid,
        purpose: 'TREAT',
        codeHash,
        codeExpiresAt: expiresAt,
        lastSentAt: now,
        sendCount: 1,
        wrongAttempts: 0,
        status: 'pending',
        createdAt: now,
      });
    }
    const sendId = crypto.randomUUID();
    await tx
      .insert(smsSends)
      .values({ id: sendId, patientCid: cid, licenceNumber: doctor.licence, hospitalCode: doctor.hospitalCode, kind: 'otp', sentAt: now });
    return { ok: true as const, challengeId, sendId, resend: open !== undefined, sendCount: (open?.sendCount ?? 0) + 1 };
  });
  if (!reserved.ok) return { ok: false, reason: reserved.reason, retryInMs: Math.max(0, reserved.retryAt.getTime() - now.getTime()) };

  const lang: Lang = patient.language === 'en' ? 'en' : 'th';
  const directory = await deps.exchange
    .listOrganizations()
    .then((list) => new Map(list.map((h) => [h.code, h])))
    .catch(() => new Map());
  const text = otpSmsText(lang, {
    code,
    doctorName: nameIn(doctor.displayName, lang),
    hospital: hospitalLabel(directory, doctor.hospitalCode, lang),
    expiresAt,
  });
  const sent = await deps.sms.send(phone, text);
  metrics().otpMessages.inc({ outcome: sent.ok ? 'sent' : 'failed' });

  await transaction(deps.db, async (tx) => {
    if (!sent.ok) {
      // The patient never got this code: give the send back (limits count SMS actually sent) and make the code unusable.
      await tx.delete(smsSends).where(eq(smsSends.id, reserved.sendId));
      await tx.update(consentChallenges).set({ codeExpiresAt: now }).where(eq(consentChallenges.id, reserved.challengeId));
    }
    await appendAudit(
      tx,
      {
        ...actor,
        action: 'otp-send',
        outcome: sent.ok ? 'success' : 'failure',
        patientCid: cid,
        purpose: 'TREAT',
        accessRef: reserved.challengeId,
        details: sent.ok ? { resend: reserved.resend, sendCount: reserved.sendCount, language: lang } : { reason: `sms-${sent.reason}` },
      },
      now,
    );
  });
  if (!sent.ok) return { ok: false, reason: 'sms-failed' };
  return {
    ok: true,
    challengeId: reserved.challengeId,
    phoneMasked: maskPhone(phone),
    expiresInMs: expiresAt.getTime() - now.getTime(),
    resendInMs: RESEND_AFTER_MS,
  };
}

/**
 * Checks a code the patient read out. Only the doctor, at the hospital, who asked can use it; on success
 * the challenge is closed and the consent (TREAT, CONSENT_HOURS) starts in the same transaction as its
 * audit rows. A wrong code is counted atomically; the fifth voids the challenge.
 */
export async function verifyConsentOtp(doctor: ConsentDoctor, input: unknown, deps: ConsentDeps): Promise<VerifyOtpResult> {
  const parsed = otpEntrySchema.safeParse(input);
  if (!parsed.success) return failure('invalid', { code: { key: 'consent.otp.error.format' } });
  const { challengeId, code } = parsed.data;
  const now = deps.now();
  const actor = auditActor(doctor);
  return transaction(deps.db, async (tx) => {
    const [row] = await tx.select().from(consentChallenges).where(eq(consentChallenges.id, challengeId)).for('update');
    if (!row) return { ok: false, reason: 'not-found' } as const;
    const challenge: ChallengeState = row;
    const verdict = judgeAttempt(
      challenge,
      { licence: doctor.licence, hospitalCode: doctor.hospitalCode, patientCid: row.patientCid, code },
      deps.secret,
      now,
    );
    const audit = (outcome: 'success' | 'failure' | 'denied', details: Record<string, unknown>) => {
      metrics().otpMessages.inc({ outcome: outcome === 'success' ? 'verified' : 'wrong' });
      return appendAudit(
        tx,
        { ...actor, action: 'otp-verify', outcome, patientCid: row.patientCid, purpose: 'TREAT', accessRef: challengeId, details },
        now,
      );
    };
    switch (verdict.kind) {
      case 'wrong-binding':
        // Someone else's challenge: refused without touching its attempt count.
        await audit('denied', { reason: 'wrong-binding' });
        return { ok: false, reason: 'not-found' } as const;
      case 'used':
      case 'void':
      case 'expired':
        await audit('failure', { reason: verdict.kind });
        return { ok: false, reason: verdict.kind } as const;
      case 'wrong': {
        const [counted] = await tx
          .update(consentChallenges)
          .set({
            wrongAttempts: sql`${consentChallenges.wrongAttempts} + 1`,
            status: sql`CASE WHEN ${consentChallenges.wrongAttempts} + 1 >= ${MAX_WRONG_ENTRIES} THEN 'void' ELSE ${consentChallenges.status} END`,
          })
          .where(and(eq(consentChallenges.id, challengeId), eq(consentChallenges.status, 'pending')))
          .returning({ wrongAttempts: consentChallenges.wrongAttempts });
        const after = wrongVerdict(counted?.wrongAttempts ?? MAX_WRONG_ENTRIES);
        await audit('failure', {
          reason: 'wrong-code',
          wrongAttempts: counted?.wrongAttempts ?? MAX_WRONG_ENTRIES,
          voided: after.kind === 'void',
        });
        return after.kind === 'wrong'
          ? ({ ok: false, reason: 'wrong', remaining: after.remaining } as const)
          : ({ ok: false, reason: 'void' } as const);
      }
      case 'verified': {
        await tx.update(consentChallenges).set({ status: 'verified' }).where(eq(consentChallenges.id, challengeId));
        const consentId = crypto.randomUUID();
        const expiresAt = consentExpiresAt(now, deps.consentHours);
        await tx.insert(consents).values({
          id: consentId,
          licenceNumber: doctor.licence,
          hospitalCode: doctor.hospitalCode,
          patientCid: row.patientCid,
          purpose: 'TREAT',
          method: 'otp',
          challengeId,
          startedAt: now,
          expiresAt,
        });
        await audit('success', { sendCount: row.sendCount, wrongAttempts: row.wrongAttempts });
        await appendAudit(
          tx,
          {
            ...actor,
            action: 'consent-start',
            outcome: 'success',
            patientCid: row.patientCid,
            purpose: 'TREAT',
            accessRef: consentId,
            details: { method: 'otp', hours: deps.consentHours, challengeId },
          },
          now,
        );
        return { ok: true, consentId, expiresAt: expiresAt.toISOString() } as const;
      }
    }
  });
}

/** Ending a consent: `not-found` covers another doctor's, an already ended one and a malformed id alike. */
export type EndConsentResult = Success | Failure<'not-found'>;

/** Ends this doctor's consent early (e.g. the patient withdrew it, or care is over); audited. */
export async function endConsent(
  doctor: ConsentDoctor,
  consentId: unknown,
  deps: ConsentDeps,
  reason = 'ended-by-doctor',
): Promise<EndConsentResult> {
  const id = consentIdSchema.safeParse(consentId);
  if (!id.success) return failure('not-found');
  const now = deps.now();
  return transaction(deps.db, async (tx) => {
    const [ended] = await tx
      .update(consents)
      .set({ endedAt: now, endReason: reason })
      .where(
        and(
          eq(consents.id, id.data),
          eq(consents.licenceNumber, doctor.licence),
          eq(consents.hospitalCode, doctor.hospitalCode),
          isNull(consents.endedAt),
        ),
      )
      .returning({ patientCid: consents.patientCid });
    if (!ended) return failure('not-found');
    await appendAudit(
      tx,
      {
        ...auditActor(doctor),
        action: 'consent-end',
        outcome: 'success',
        patientCid: ended.patientCid,
        purpose: 'TREAT',
        accessRef: id.data,
        details: { reason },
      },
      now,
    );
    return success({});
  });
}
