/**
 * Pure rules of emergency (break-the-glass) access: the form schema shared by browser and server, the
 * duration bounds, expiry, and the patient notice text. No I/O here.
 */
import { z } from 'zod';
import type { MessageKey } from '../i18n/messages';
import { checkCitizenId } from '../identity/citizen-id';
import type { FieldErrors } from '../result';

export const REASON_CODES = ['unconscious', 'life-threatening', 'no-capacity', 'other'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const REASON_TEXT_MIN = 10;
export const REASON_TEXT_MAX = 500;
/** Bounds of EMERGENCY_HOURS: an emergency access never lasts under an hour nor beyond a day. */
export const EMERGENCY_HOURS_MIN = 1;
export const EMERGENCY_HOURS_MAX = 24;

/** Message keys used as zod messages, so the browser and the server show the same words. */
export const EMERGENCY_ERROR_KEYS = {
  cid: 'emergency.error.cid',
  reasonCode: 'emergency.error.reasonCode',
  reasonText: 'emergency.error.reasonText',
  reasonTextLong: 'emergency.error.reasonTextLong',
  attestation: 'emergency.error.attestation',
  pin: 'emergency.error.pinFormat',
} as const;

/** A citizen ID as typed or scanned (dashes and spaces allowed), reduced to 13 checksum-valid digits. */
export const emergencyCidSchema = z
  .string()
  .max(40, EMERGENCY_ERROR_KEYS.cid)
  .transform((v, ctx) => {
    const check = checkCitizenId(v);
    if (check.ok) return check.cid;
    ctx.addIssue({ code: 'custom', message: EMERGENCY_ERROR_KEYS.cid });
    return z.NEVER;
  });

export const emergencyLookupSchema = z.object({ cid: emergencyCidSchema });

/** The emergency access form. Checkbox and radio values arrive as strings from FormData. */
export const emergencyStartSchema = z.object({
  cid: emergencyCidSchema,
  reasonCode: z.enum(REASON_CODES, { message: EMERGENCY_ERROR_KEYS.reasonCode }),
  reasonText: z
    .string({ message: EMERGENCY_ERROR_KEYS.reasonText })
    .trim()
    .min(REASON_TEXT_MIN, EMERGENCY_ERROR_KEYS.reasonText)
    .max(REASON_TEXT_MAX, EMERGENCY_ERROR_KEYS.reasonTextLong),
  attestation: z.literal(true, { message: EMERGENCY_ERROR_KEYS.attestation }),
  pin: z.string({ message: EMERGENCY_ERROR_KEYS.pin }).regex(/^\d{6}$/, EMERGENCY_ERROR_KEYS.pin),
});
export type EmergencyStart = z.output<typeof emergencyStartSchema>;
export type EmergencyField = keyof EmergencyStart;

/**
 * The form of a doctor who has a passkey: the step-up is the passkey assertion (checked by the service
 * against the session's single-use challenge) instead of the PIN.
 */
export const emergencyStartPasskeySchema = emergencyStartSchema.omit({ pin: true }).extend({ passkey: z.unknown().optional() });

/** Turns FormData values into the schema's input (checkbox "on" → true; absent → undefined). */
export function emergencyFormInput(get: (name: string) => unknown): Record<string, unknown> {
  const str = (name: string) => {
    const v = get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const attest = str('attestation');
  return {
    cid: str('cid'),
    reasonCode: str('reasonCode'),
    reasonText: str('reasonText'),
    attestation: attest === 'on' || attest === 'true' ? true : undefined,
    pin: str('pin'),
  };
}

/** Field → message key for the first problem of each field (for the form's inline errors). */
export function emergencyFieldErrors(input: unknown, stepUp: 'pin' | 'passkey' = 'pin'): FieldErrors<EmergencyField> {
  const parsed = (stepUp === 'pin' ? emergencyStartSchema : emergencyStartPasskeySchema).safeParse(input);
  if (parsed.success) return {};
  const errors: FieldErrors<EmergencyField> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(field in emergencyStartSchema.shape)) continue;
    const key = field as EmergencyField;
    // Every message in the schema is an `emergency.error.*` key (EMERGENCY_ERROR_KEYS); zod's own are replaced.
    const message = (issue.message.startsWith('emergency.') ? issue.message : EMERGENCY_ERROR_KEYS[key]) as MessageKey;
    errors[key] ??= { key: message };
  }
  return errors;
}

/** Clamps a configured duration to the allowed bounds (whole hours). */
export function clampEmergencyHours(hours: number): number {
  if (!Number.isFinite(hours)) return EMERGENCY_HOURS_MIN;
  return Math.min(EMERGENCY_HOURS_MAX, Math.max(EMERGENCY_HOURS_MIN, Math.floor(hours)));
}

/** When an emergency access started at `now` ends on its own. */
export function emergencyExpiry(now: Date, hours: number): Date {
  return new Date(now.getTime() + clampEmergencyHours(hours) * 3_600_000);
}

/** Whether an access is still in force at `now` (ended or past its expiry → no). */
export function isEmergencyActive(access: { expiresAt: Date; endedAt: Date | null }, now: Date): boolean {
  return access.endedAt === null && access.expiresAt.getTime() > now.getTime();
}

/** Milliseconds left before expiry, never negative. */
export function remainingMs(expiresAt: Date | string, now: Date): number {
  return Math.max(0, new Date(expiresAt).getTime() - now.getTime());
}

/** "2026-11-22 07:15" style time in Bangkok for SMS (SMS has no locale; keep it unambiguous). */
function bangkokStamp(at: Date, lang: 'th' | 'en'): string {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const year = local.getUTCFullYear() + (lang === 'th' ? 543 : 0);
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${year} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/**
 * The SMS telling the patient their record was opened in an emergency. Names the hospital and the time,
 * never the reason or any clinical content (an SMS can be read by anyone holding the phone).
 */
export function emergencyNoticeText(lang: 'th' | 'en', hospitalName: string, at: Date): string {
  const when = bangkokStamp(at, lang);
  return lang === 'en'
    ? `Health Link: your health record was opened in an emergency by ${hospitalName} at ${when}. If you have questions, contact the hospital.`
    : `Health Link: ข้อมูลสุขภาพของท่านถูกเปิดดูในกรณีฉุกเฉินโดย ${hospitalName} เมื่อ ${when} น. หากมีข้อสงสัยโปรดติดต่อโรงพยาบาล`;
}
