import 'server-only';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append';
import { metrics } from '../metrics';
import type { Db } from '../db';
import type { PatientIdentity } from '../exchange/types';
import { consentChallenges, smsSends } from '../db/schema';
import { formatTime, type Lang } from '../i18n/format';
import { hospitalLabel } from '../hospitals';
import type { SmsSendResult } from '../sms/sms-gateway';
import { maskPhone } from '../sms/phone';
import { auditActor, type ConsentDeps, type ConsentDoctor } from './deps';
import { resolvePatient } from './lookup';
import { canSend, generateOtp, hashOtp, otpExpiresAt, PATIENT_WINDOW_MS, RESEND_AFTER_MS, phoneSettlesAt, type SendVerdict } from './rules';
import { failure, type Failure, type Success } from '../result';
import { patientSearchSchema, searchProblem, type PatientSearch, type SearchField } from './schemas';
import { transaction } from './transaction';

// Serialises sends for one patient so that two doctors (or two tabs) cannot both slip under a limit.
const SEND_LOCK_KEY = 728102;

export type SendOtpResult =
  | Success<{ challengeId: string; phoneMasked: string; expiresInMs: number; resendInMs: number }>
  | Failure<'invalid', SearchField>
  | Failure<'not-found' | 'no-sharing' | 'no-phone' | 'exchange-unavailable' | 'sms-failed'>
  | (Failure<'phone-recently-changed'> & { retryInMs: number })
  | (Failure<'resend-too-soon' | 'doctor-limit' | 'patient-daily-limit'> & { retryInMs: number });

/** The patient a code can go to, with the phone the exchange holds for them. */
interface Recipient {
  ok: true;
  patient: PatientIdentity & { cid: string };
  phone: string;
  /** The hospitals the exchange says the patient shares with, kept on the challenge and then the consent. */
  sharing: string[];
}

/** The code of one send: what the patient will read out, and until when it is valid. */
interface OtpCode {
  code: string;
  expiresAt: Date;
  now: Date;
}

/** A send counted against the limits and its challenge stored, before the SMS goes out. */
interface Reservation {
  ok: true;
  challengeId: string;
  sendId: string;
  resend: boolean;
  sendCount: number;
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
  const recipient = await resolveRecipient(doctor, parsed.data, deps);
  if (!recipient.ok) return recipient;
  const { patient, phone } = recipient;
  const now = deps.now();
  const refused = await refuseRecentlyChangedPhone(doctor, patient, now, deps);
  if (refused) return refused;
  const otp: OtpCode = { code: generateOtp(), expiresAt: otpExpiresAt(now), now };

  const reserved = await reserveOtpSend(doctor, patient, recipient.sharing, otp, deps);
  if (!reserved.ok) return { ok: false, reason: reserved.reason, retryInMs: Math.max(0, reserved.retryAt.getTime() - now.getTime()) };

  const lang: Lang = patient.language === 'en' ? 'en' : 'th';
  const sent = await sendOtpSms(doctor, phone, lang, otp, deps);
  await recordSendOutcome(doctor, patient.cid, { reserved, sent, lang, now }, deps);
  if (!sent.ok) return { ok: false, reason: 'sms-failed' };
  return {
    ok: true,
    challengeId: reserved.challengeId,
    phoneMasked: maskPhone(phone),
    expiresInMs: otp.expiresAt.getTime() - now.getTime(),
    resendInMs: RESEND_AFTER_MS,
  };
}

/**
 * The patient, looked up at the exchange, and their phone; or why no code can go to them. An exchange that
 * does not answer is audited (the doctor tried to send and could not); the other refusals are not.
 */
async function resolveRecipient(
  doctor: ConsentDoctor,
  search: PatientSearch,
  deps: ConsentDeps,
): Promise<Recipient | Failure<'not-found' | 'no-sharing' | 'no-phone' | 'exchange-unavailable'>> {
  const resolved = await resolvePatient(doctor, search, deps);
  if (resolved.outcome === 'exchange-unavailable') {
    await appendAudit(
      deps.db,
      {
        ...auditActor(doctor),
        action: 'otp-send',
        outcome: 'failure',
        patientCid: search.by === 'cid' ? search.value : null,
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
  return { ok: true, patient, phone, sharing: resolved.sharing };
}

/**
 * SIM-swap guard: no code to a number that changed at the exchange in the last days. Refused and audited,
 * with how long until codes may be sent again; null when the number has settled.
 */
async function refuseRecentlyChangedPhone(
  doctor: ConsentDoctor,
  patient: Recipient['patient'],
  now: Date,
  deps: ConsentDeps,
): Promise<(Failure<'phone-recently-changed'> & { retryInMs: number }) | null> {
  const settles = phoneSettlesAt(patient.phoneSince, now);
  if (!settles) return null;
  await appendAudit(
    deps.db,
    {
      ...auditActor(doctor),
      action: 'otp-send',
      outcome: 'denied',
      patientCid: patient.cid,
      purpose: 'TREAT',
      details: { reason: 'phone-recently-changed' },
    },
    now,
  );
  return { ...failure('phone-recently-changed'), retryInMs: settles.getTime() - now.getTime() };
}

/**
 * Checks the send limits and, when they allow it, stores the code and counts the send — all in one
 * transaction under a per-patient advisory lock, so two concurrent sends cannot both pass the limits.
 * A refusal is audited in the same transaction.
 */
async function reserveOtpSend(
  doctor: ConsentDoctor,
  patient: { cid: string; province?: string },
  sharing: readonly string[],
  otp: OtpCode,
  deps: ConsentDeps,
): Promise<Reservation | Exclude<SendVerdict, { ok: true }>> {
  const { now } = otp;
  const { cid } = patient;
  return transaction(deps.db, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEND_LOCK_KEY}, hashtext(${cid}))`);
    const history = await tx
      .select({ licence: smsSends.licenceNumber, sentAt: smsSends.sentAt })
      .from(smsSends)
      .where(and(eq(smsSends.patientCid, cid), eq(smsSends.kind, 'otp'), gt(smsSends.sentAt, new Date(now.getTime() - PATIENT_WINDOW_MS))));
    const verdict = canSend(history, doctor.licence, now, deps.codesPerPatientDay);
    if (!verdict.ok) {
      await appendAudit(
        tx,
        {
          ...auditActor(doctor),
          action: 'otp-send',
          outcome: 'denied',
          patientCid: cid,
          purpose: 'TREAT',
          details: { reason: verdict.reason },
        },
        now,
      );
      return verdict;
    }
    const { challengeId, open } = await storeChallenge(tx, doctor, patient, sharing, otp, deps.secret);
    const sendId = crypto.randomUUID();
    await tx
      .insert(smsSends)
      .values({ id: sendId, patientCid: cid, licenceNumber: doctor.licence, hospitalCode: doctor.hospitalCode, kind: 'otp', sentAt: now });
    return { ok: true as const, challengeId, sendId, resend: open !== undefined, sendCount: (open?.sendCount ?? 0) + 1 };
  });
}

/**
 * Puts the new code on this doctor's open challenge for the patient (a resend), or opens one. Reusing the
 * challenge is what keeps the wrong-entry count across resends.
 */
async function storeChallenge(
  tx: Db,
  doctor: ConsentDoctor,
  { cid, province }: { cid: string; province?: string },
  sharing: readonly string[],
  { code, expiresAt, now }: OtpCode,
  secret: string,
): Promise<{ challengeId: string; open: { id: string; sendCount: number } | undefined }> {
  // The patient's province (a DOPA code, no address) goes with the challenge to the consent, for the
  // outside-catchment alert at record open (lib/alerts); a resend keeps the exchange's latest answer.
  const patientProvince = province ?? null;
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
  const codeHash = hashOtp(secret, { challengeId, licence: doctor.licence, hospitalCode: doctor.hospitalCode, patientCid: cid }, code);
  if (open) {
    // A resend replaces the code and its expiry; wrong_attempts is deliberately left as it is.
    await tx
      .update(consentChallenges)
      .set({
        codeHash,
        codeExpiresAt: expiresAt,
        lastSentAt: now,
        sendCount: sql`${consentChallenges.sendCount} + 1`,
        patientProvince,
        sharingHcodes: [...sharing],
      })
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
      patientProvince,
      sharingHcodes: [...sharing],
    });
  }
  return { challengeId, open };
}

/** Texts the code in the patient's language, naming the doctor and their hospital; outside any transaction. */
async function sendOtpSms(doctor: ConsentDoctor, phone: string, lang: Lang, otp: OtpCode, deps: ConsentDeps): Promise<SmsSendResult> {
  const directory = await deps.exchange
    .listOrganizations()
    .then((list) => new Map(list.map((h) => [h.code, h])))
    .catch(() => new Map());
  const text = otpSmsText(lang, {
    code: otp.code,
    doctorName: nameIn(doctor.displayName, lang),
    hospital: hospitalLabel(directory, doctor.hospitalCode, lang),
    expiresAt: otp.expiresAt,
  });
  const sent = await deps.sms.send(phone, text);
  metrics().otpMessages.inc({ outcome: sent.ok ? 'sent' : 'failed' });
  return sent;
}

/** Audits the send's outcome; a failed SMS gives the reserved send back and makes its code unusable. */
async function recordSendOutcome(
  doctor: ConsentDoctor,
  cid: string,
  { reserved, sent, lang, now }: { reserved: Reservation; sent: SmsSendResult; lang: Lang; now: Date },
  deps: ConsentDeps,
): Promise<void> {
  await transaction(deps.db, async (tx) => {
    if (!sent.ok) {
      // The patient never got this code: give the send back (limits count SMS actually sent) and make the code unusable.
      await tx.delete(smsSends).where(eq(smsSends.id, reserved.sendId));
      await tx.update(consentChallenges).set({ codeExpiresAt: now }).where(eq(consentChallenges.id, reserved.challengeId));
    }
    await appendAudit(
      tx,
      {
        ...auditActor(doctor),
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
}
