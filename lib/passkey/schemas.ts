import { z } from 'zod';

/**
 * What the browser sends back from a WebAuthn ceremony (the JSON form @simplewebauthn/browser produces),
 * bounded before the library parses it: base64url strings of sane length, nothing else trusted.
 */
const b64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);

export const registrationResponseSchema = z.object({
  id: b64url(1400),
  rawId: b64url(1400),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  response: z.object({
    clientDataJSON: b64url(4000),
    attestationObject: b64url(16000),
    transports: z
      .array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']))
      .max(8)
      .optional(),
    authenticatorData: b64url(8000).optional(),
    publicKey: b64url(4000).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
  }),
});

export const authenticationResponseSchema = z.object({
  id: b64url(1400),
  rawId: b64url(1400),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  response: z.object({
    clientDataJSON: b64url(4000),
    authenticatorData: b64url(8000),
    signature: b64url(2000),
    userHandle: b64url(200).optional(),
  }),
});

/** A passkey's label, shown to the doctor (e.g. "iPad ward 5"); the doctor's own words, not personal data of patients. */
export const passkeyNameSchema = z.string().trim().min(1, 'passkey.error.name').max(40, 'passkey.error.name');

export const finishRegistrationSchema = z.object({ response: registrationResponseSchema, name: passkeyNameSchema.optional() });
export const finishAuthenticationSchema = z.object({ response: authenticationResponseSchema });
export const renamePasskeySchema = z.object({ id: z.uuid(), name: passkeyNameSchema });
export const removePasskeySchema = z.object({ id: z.uuid() });
export const hospitalPolicySchema = z.object({ required: z.boolean(), allowBootstrap: z.boolean() });
export const resetDoctorPasskeysSchema = z.object({ grantId: z.uuid() });

export type RegistrationResponse = z.output<typeof registrationResponseSchema>;
export type AuthenticationResponse = z.output<typeof authenticationResponseSchema>;

/** The admin's policy form: checkboxes are "on" when ticked and absent otherwise. */
export const hospitalPolicyFormSchema = z
  .instanceof(FormData)
  .transform((form) => ({ required: form.get('required') === 'on', allowBootstrap: form.get('allowBootstrap') === 'on' }))
  .pipe(hospitalPolicySchema);

export const resetDoctorPasskeysFormSchema = z
  .instanceof(FormData)
  .transform((form) => ({ grantId: form.get('grantId') }))
  .pipe(resetDoctorPasskeysSchema);
