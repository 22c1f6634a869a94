import { z } from 'zod';
import { normaliseLicenceNumber } from '../registry/licence';

/** The doctor sign-in form, shared by the browser form and the server (field errors name the message key). */
export const doctorSignInSchema = z.object({
  licence: z
    .string()
    .max(20, 'login.error.licenceFormat')
    .transform((v, ctx) => {
      const digits = normaliseLicenceNumber(v);
      if (!digits) {
        ctx.addIssue({ code: 'custom', message: 'login.error.licenceFormat' });
        return z.NEVER;
      }
      return digits;
    }),
  pin: z.string().regex(/^\d{6}$/, 'login.error.pinFormat'),
});
export type DoctorSignIn = z.infer<typeof doctorSignInSchema>;

/** Codes the sign-in can fail with; carried through next-auth's `error` string as `code` or `code:detail`. */
export type SignInFailure =
  | { code: 'format' }
  | { code: 'invalid' }
  | { code: 'locked'; retryAt: string }
  | { code: 'unavailable' }
  | { code: 'suspended'; reason: string }
  | { code: 'revoked'; reason: string }
  | { code: 'no-grant' };

export function encodeSignInFailure(f: SignInFailure): string {
  switch (f.code) {
    case 'locked':
      return `locked:${f.retryAt}`;
    case 'suspended':
    case 'revoked':
      return `${f.code}:${f.reason}`;
    case 'format':
    case 'invalid':
    case 'unavailable':
    case 'no-grant':
      return f.code;
  }
}

export function decodeSignInFailure(s: string): SignInFailure {
  const i = s.indexOf(':');
  const code = i < 0 ? s : s.slice(0, i);
  const detail = i < 0 ? '' : s.slice(i + 1);
  switch (code) {
    case 'locked':
      return { code, retryAt: detail };
    case 'suspended':
    case 'revoked':
      return { code, reason: detail };
    case 'format':
    case 'unavailable':
    case 'no-grant':
      return { code };
    default:
      return { code: 'invalid' };
  }
}
