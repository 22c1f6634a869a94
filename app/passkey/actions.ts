'use server';

import { doctorPasskeyAction } from '@/lib/entry/actions';
import {
  finishPasskeyRegistration,
  startPasskeyAuthentication,
  startPasskeyRegistration,
  verifyPasskeyAssertion,
} from '@/lib/passkey/ceremonies';
import { finishAuthenticationSchema, finishRegistrationSchema } from '@/lib/passkey/schemas';
import { passkeyNextStep } from '@/lib/passkey/step';
import { failure } from '@/lib/result';

const INVALID = failure('invalid');

/** After the PIN: which passkey step this session has before it (or an offer to add one). */
export const passkeyNextStepAction = doctorPasskeyAction({}, async ({ session, deps }) => ({
  ok: true as const,
  step: await passkeyNextStep(session, deps),
}));

/** Options for the browser's passkey prompt at sign-in; the challenge stays server-side, bound to this session. */
export const startPasskeySignInAction = doctorPasskeyAction({}, async ({ session, deps }) =>
  startPasskeyAuthentication(session, 'sign-in', deps),
);

/** Verifies the sign-in assertion; on success this session has passed the passkey step. */
export const finishPasskeySignInAction = doctorPasskeyAction(
  { input: finishAuthenticationSchema, invalid: INVALID },
  async ({ session, deps }, { response }) => verifyPasskeyAssertion(session, 'sign-in', response, deps),
);

/** Options for registering a passkey, if this session may (lib/passkey/policy.ts enrolmentBasis). */
export const startPasskeyRegistrationAction = doctorPasskeyAction({}, async ({ session, deps }) => startPasskeyRegistration(session, deps));

/** Verifies and stores the new passkey. */
export const finishPasskeyRegistrationAction = doctorPasskeyAction(
  { input: finishRegistrationSchema, invalid: INVALID },
  async ({ session, deps }, input) => finishPasskeyRegistration(session, input, deps),
);
