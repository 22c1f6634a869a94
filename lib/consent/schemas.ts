/**
 * Input schemas shared by the browser form and the server actions (pure: no server imports), and the
 * mapping from a citizen-ID problem to a translatable message.
 */
import { z } from 'zod';
import { checkCitizenId, type CitizenIdCheck } from '../identity/citizen-id';
import type { MessageKey } from '../i18n/messages';
import type { FieldMessage } from '../result';

/** Why a typed citizen ID is refused, in words the form can show (null when it is acceptable). */
export function citizenIdProblem(check: CitizenIdCheck): FieldMessage | null {
  if (check.ok) return null;
  switch (check.reason) {
    case 'empty':
      return { key: 'consent.cid.error.empty' };
    case 'not-digits':
      return { key: 'consent.cid.error.digits' };
    case 'length':
      return { key: 'consent.cid.error.length', vars: { length: check.length ?? 0 } };
    case 'checksum':
      return { key: 'consent.cid.error.checksum', vars: { expected: check.expectedCheckDigit, actual: check.actualCheckDigit } };
  }
}

export const PASSPORT_PATTERN = /^[A-Z0-9]{6,12}$/;

/** Passport numbers are typed in any case with stray spaces. */
export function normalisePassport(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** What the doctor searches by: a citizen ID (normalised and checksum-valid) or a passport number. */
export const patientSearchSchema = z.discriminatedUnion('by', [
  z.object({
    by: z.literal('cid'),
    value: z
      .string()
      .max(40)
      .transform((v, ctx) => {
        const check = checkCitizenId(v);
        if (check.ok) return check.cid;
        const problem = citizenIdProblem(check);
        ctx.addIssue({ code: 'custom', message: problem?.key ?? 'consent.cid.error.digits', params: problem?.vars });
        return z.NEVER;
      }),
  }),
  z.object({
    by: z.literal('passport'),
    value: z
      .string()
      .max(40)
      .transform(normalisePassport)
      .refine((v) => PASSPORT_PATTERN.test(v), { message: 'consent.passport.error.format' }),
  }),
  // A person chosen from a search by name: the sealed token of that candidate (lib/consent/candidate-token.ts).
  z.object({ by: z.literal('candidate'), value: z.string().min(1).max(400) }),
]);
export type PatientSearch = z.output<typeof patientSearchSchema>;
export type PatientSearchInput = z.input<typeof patientSearchSchema>;

/** The first problem with a search, as a translatable message (for client and server alike). */
export function searchProblem(input: unknown): FieldMessage | null {
  const parsed = patientSearchSchema.safeParse(input);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  if (!issue) return { key: 'consent.cid.error.digits' };
  const params = 'params' in issue ? (issue.params as Record<string, string | number> | undefined) : undefined;
  const key = issue.message.startsWith('consent.') ? (issue.message as MessageKey) : 'consent.cid.error.digits';
  return params ? { key, vars: params } : { key };
}

export const otpEntrySchema = z.object({
  challengeId: z.uuid(),
  code: z.string().regex(/^\d{6}$/, 'consent.otp.error.format'),
});
export type OtpEntry = z.infer<typeof otpEntrySchema>;

export const consentIdSchema = z.uuid();

const CID_GROUPS = [1, 4, 5, 2, 1] as const;

/** Formats the digits typed so far as the ID card prints them (`1-2345-67890-12-3`), at most 13 digits. */
export function formatPartialCitizenId(input: string): string {
  const digits = input.replace(/\D/g, '').slice(0, 13);
  const parts: string[] = [];
  let at = 0;
  for (const size of CID_GROUPS) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join('-');
}

/** The one input field of a patient search, as `fieldErrors` names it. */
export type SearchField = 'value';
