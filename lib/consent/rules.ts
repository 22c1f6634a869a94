/**
 * Pure consent-by-OTP rules: code generation and hashing, send limits and the verdict on one attempt.
 * No clock and no I/O: every function that depends on time takes `now`.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** How long a code sent by SMS can be used. */
export const OTP_TTL_MS = 5 * 60_000;
/** Wrong entries allowed on one challenge before it is void (resends never reset this). */
export const MAX_WRONG_ENTRIES = 5;
/** Minimum wait between two sends by the same doctor to the same patient. */
export const RESEND_AFTER_MS = 60_000;
/** Sends by one doctor to one patient within DOCTOR_WINDOW_MS. */
export const MAX_SENDS_PER_DOCTOR_15MIN = 3;
export const DOCTOR_WINDOW_MS = 15 * 60_000;
/** Sends to one patient by anyone within PATIENT_WINDOW_MS: protects the patient's phone from flooding. */
export const MAX_SENDS_PER_PATIENT_DAY = 10;
export const PATIENT_WINDOW_MS = 24 * 3600_000;
export const OTP_LENGTH = 6;

/** A fresh six-digit code from the CSPRNG (leading zeros kept). */
export function generateOtp(): string {
  return String(randomInt(0, 10 ** OTP_LENGTH)).padStart(OTP_LENGTH, '0');
}

/** What a code is bound to: it verifies only for this challenge, doctor, hospital and patient. */
export interface OtpBinding {
  challengeId: string;
  licence: string;
  hospitalCode: string;
  patientCid: string;
}

/** HMAC-SHA256 (hex) of the code and everything it is bound to; only this is stored, never the code. */
export function hashOtp(secret: string, binding: OtpBinding, code: string): string {
  const message = [binding.challengeId, binding.licence, binding.hospitalCode, binding.patientCid, code].join('\u001f');
  return createHmac('sha256', secret).update(message).digest('hex');
}

/** Constant-time comparison of a typed code against the stored hash. */
export function verifyOtpHash(secret: string, binding: OtpBinding, code: string, storedHash: string): boolean {
  const expected = Buffer.from(hashOtp(secret, binding, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === expected.length && timingSafeEqual(expected, stored);
}

/** One earlier OTP SMS to this patient (any doctor). */
export interface SendRecord {
  licence: string;
  sentAt: Date;
}

export type SendVerdict = { ok: true } | { ok: false; reason: 'resend-too-soon' | 'doctor-limit' | 'patient-daily-limit'; retryAt: Date };

/**
 * May `licence` send another OTP SMS to this patient now? `history` is the patient's OTP sends (any
 * order, any doctor). The most restrictive limit that applies wins, with the latest retry time.
 */
export function canSend(
  history: readonly SendRecord[],
  licence: string,
  now: Date,
  perPatientDay: number = MAX_SENDS_PER_PATIENT_DAY,
): SendVerdict {
  const t = now.getTime();
  const patientDay = history
    .filter((s) => s.sentAt.getTime() > t - PATIENT_WINDOW_MS)
    .map((s) => s.sentAt.getTime())
    .sort((a, b) => a - b);
  const mine = history
    .filter((s) => s.licence === licence)
    .map((s) => s.sentAt.getTime())
    .sort((a, b) => a - b);
  const mineWindow = mine.filter((at) => at > t - DOCTOR_WINDOW_MS);
  if (patientDay.length >= perPatientDay) {
    // Frees up when enough of the oldest sends leave the 24-hour window.
    const oldestCounted = patientDay[patientDay.length - perPatientDay]!;
    return { ok: false, reason: 'patient-daily-limit', retryAt: new Date(oldestCounted + PATIENT_WINDOW_MS) };
  }
  if (mineWindow.length >= MAX_SENDS_PER_DOCTOR_15MIN) {
    const oldestCounted = mineWindow[mineWindow.length - MAX_SENDS_PER_DOCTOR_15MIN]!;
    return { ok: false, reason: 'doctor-limit', retryAt: new Date(oldestCounted + DOCTOR_WINDOW_MS) };
  }
  const last = mine[mine.length - 1];
  if (last !== undefined && t - last < RESEND_AFTER_MS)
    return { ok: false, reason: 'resend-too-soon', retryAt: new Date(last + RESEND_AFTER_MS) };
  return { ok: true };
}

/** The stored state of a challenge that an attempt is judged against. */
export interface ChallengeState {
  id: string;
  licenceNumber: string;
  hospitalCode: string;
  patientCid: string;
  codeHash: string;
  codeExpiresAt: Date;
  wrongAttempts: number;
  status: 'pending' | 'verified' | 'void';
}

/** Who is entering the code, and the code. */
export interface Attempt {
  licence: string;
  hospitalCode: string;
  patientCid: string;
  code: string;
}

export type AttemptVerdict =
  | { kind: 'verified' }
  | { kind: 'wrong'; remaining: number }
  | { kind: 'void' }
  | { kind: 'expired' }
  | { kind: 'used' }
  | { kind: 'wrong-binding' };

/**
 * The verdict on one code entry. A challenge belongs to one doctor at one hospital for one patient: anyone
 * else gets `wrong-binding` (and does not use up the owner's attempts). `wrong.remaining` counts this
 * entry; `wrong` with 0 remaining is the entry that voids it (`void` means it already was).
 */
export function judgeAttempt(challenge: ChallengeState, attempt: Attempt, secret: string, now: Date): AttemptVerdict {
  if (
    challenge.licenceNumber !== attempt.licence ||
    challenge.hospitalCode !== attempt.hospitalCode ||
    challenge.patientCid !== attempt.patientCid
  )
    return { kind: 'wrong-binding' };
  if (challenge.status === 'verified') return { kind: 'used' };
  if (challenge.status === 'void' || challenge.wrongAttempts >= MAX_WRONG_ENTRIES) return { kind: 'void' };
  if (now.getTime() >= challenge.codeExpiresAt.getTime()) return { kind: 'expired' };
  const binding: OtpBinding = {
    challengeId: challenge.id,
    licence: attempt.licence,
    hospitalCode: attempt.hospitalCode,
    patientCid: attempt.patientCid,
  };
  if (/^\d{6}$/.test(attempt.code) && verifyOtpHash(secret, binding, attempt.code, challenge.codeHash)) return { kind: 'verified' };
  // Still `wrong` at zero remaining: the caller must count this entry, which is what voids the challenge.
  return { kind: 'wrong', remaining: Math.max(0, MAX_WRONG_ENTRIES - challenge.wrongAttempts - 1) };
}

/** The verdict after the stored wrong-entry count became `wrongAttempts` (from the atomic increment). */
export function wrongVerdict(wrongAttempts: number): AttemptVerdict {
  const remaining = MAX_WRONG_ENTRIES - wrongAttempts;
  return remaining > 0 ? { kind: 'wrong', remaining } : { kind: 'void' };
}

/** When a code sent at `now` stops working. */
export function otpExpiresAt(now: Date): Date {
  return new Date(now.getTime() + OTP_TTL_MS);
}

/** When a consent started at `now` ends, given the configured hours (bounded 1–72). */
export function consentExpiresAt(now: Date, hours: number): Date {
  const bounded = Math.min(72, Math.max(1, Math.floor(hours)));
  return new Date(now.getTime() + bounded * 3600_000);
}

/** How long a newly registered phone number waits before it may receive a consent code. */
export const PHONE_SETTLE_MS = 7 * 24 * 3600_000;

/**
 * A code sent to a number that changed in the last week could reach whoever changed it (SIM-swap): the
 * patient's consent is then refused until the number has settled. `phoneSince` is when the exchange began
 * holding the number (absent when it does not say). Returns when codes may be sent again, or null.
 */
export function phoneSettlesAt(phoneSince: string | undefined, now: Date): Date | null {
  if (phoneSince === undefined) return null;
  const since = Date.parse(phoneSince);
  if (Number.isNaN(since)) return null;
  const settles = since + PHONE_SETTLE_MS;
  return settles > now.getTime() ? new Date(settles) : null;
}

/** Patient lookups one doctor may make in an hour: a clinic day needs far fewer; a trawl through records needs more. */
export const MAX_LOOKUPS_PER_DOCTOR_HOUR = 60;
export const LOOKUP_WINDOW_MS = 3600_000;

/**
 * Whether a doctor may look up one more patient, given the times of their lookups in the last hour (any
 * order). When not, the moment the oldest counted lookup leaves the window.
 */
export function lookupVerdict(recent: readonly Date[], now: Date): { ok: true } | { ok: false; retryAt: Date } {
  const inWindow = recent.map((d) => d.getTime()).filter((t) => now.getTime() - t < LOOKUP_WINDOW_MS);
  if (inWindow.length < MAX_LOOKUPS_PER_DOCTOR_HOUR) return { ok: true };
  inWindow.sort((a, b) => a - b);
  return { ok: false, retryAt: new Date(inWindow[inWindow.length - MAX_LOOKUPS_PER_DOCTOR_HOUR]! + LOOKUP_WINDOW_MS) };
}
