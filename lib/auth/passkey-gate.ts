import { passkeyStepPending } from '../passkey/policy';

/**
 * The post-sign-in passkey step as the entry guards see it: whether this session may do nothing but that
 * step. Its own function and its own redirect (PASSKEY_STEP_PATH), so other post-sign-in steps compose
 * beside it in lib/auth/guard.ts rather than inside it.
 */
export const PASSKEY_STEP_PATH = '/passkey';

export function passkeyGatePending(
  session: { hospitalCode: string | null; passkeyAt: Date | null },
  facts: { required: boolean; hasPasskey: boolean },
): boolean {
  return passkeyStepPending({
    sessionVerified: session.passkeyAt !== null,
    hasPasskey: facts.hasPasskey,
    hospitalRequires: session.hospitalCode !== null && facts.required,
  });
}
