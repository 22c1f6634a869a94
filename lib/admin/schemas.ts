/** Input schemas shared by the admin console's client forms and its server actions. */
import { z } from 'zod';
import { normaliseLicenceNumber } from '../registry/licence';

const licence = z
  .string()
  .max(20)
  .transform((v, ctx) => {
    const n = normaliseLicenceNumber(v);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: 'admin.error.licenceFormat' });
      return z.NEVER;
    }
    return n;
  });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'admin.error.dateFormat');
export const grantRoleSchema = z.enum(['doctor', 'ed']);

export const lookupDoctorSchema = z.object({ licence });
export type LookupDoctor = z.infer<typeof lookupDoctorSchema>;

export const addDoctorSchema = z.object({
  licence,
  role: grantRoleSchema,
  validUntil: z.union([z.literal(''), isoDate]),
});
export type AddDoctor = z.infer<typeof addDoctorSchema>;

export const grantChangeSchema = z.discriminatedUnion('kind', [
  z.object({ grantId: z.uuid(), kind: z.literal('role'), role: grantRoleSchema }),
  z.object({ grantId: z.uuid(), kind: z.literal('suspend') }),
  z.object({ grantId: z.uuid(), kind: z.literal('reinstate') }),
  z.object({ grantId: z.uuid(), kind: z.literal('revoke') }),
  z.object({ grantId: z.uuid(), kind: z.literal('end-date'), validUntil: z.union([z.literal(''), isoDate]) }),
]);
export type GrantChangeInput = z.infer<typeof grantChangeSchema>;

export const grantStatusFilterSchema = z.enum(['all', 'active', 'suspended', 'revoked', 'expired']).catch('all');
export type GrantStatusFilter = z.infer<typeof grantStatusFilterSchema>;

/** One-time setup links carry 32 random bytes, base64url. */
export const setupTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const completeSetupSchema = z
  .object({
    token: setupTokenSchema,
    password: z.string().min(1, 'admin.setup.error.passwordRequired').max(128, 'admin.setup.error.too-long'),
    confirm: z.string(),
    totp: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'admin.setup.error.totpFormat'),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'admin.setup.error.mismatch' });
export type CompleteSetup = z.infer<typeof completeSetupSchema>;

export const createAdminSchema = z.object({
  hospitalCode: z.string().regex(/^\d{5}$/, 'hospital code must be 5 digits'),
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,40}$/, 'username: 3–40 of a-z 0-9 . _ -'),
  displayName: z.string().trim().min(1).max(120),
});
export type CreateAdmin = z.infer<typeof createAdminSchema>;
