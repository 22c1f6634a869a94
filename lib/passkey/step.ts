import 'server-only';
import { registrationBasis, type PasskeyDeps, type PasskeySession } from './ceremonies';
import { decidePasskeyStep } from './policy';
import { listPasskeys } from './store';

export type PasskeyNextStep = 'none' | 'verify' | 'register' | 'blocked' | 'offer';

/**
 * What the sign-in screen shows after the PIN: nothing more, the passkey prompt, registration (required
 * here), why not (ask the admin), or an offer to add a passkey that the doctor may skip.
 */
export async function passkeyNextStep(
  session: PasskeySession & { hospitalRequires: boolean },
  deps: Pick<PasskeyDeps, 'db' | 'now'>,
): Promise<PasskeyNextStep> {
  const hasPasskey = (await listPasskeys(deps.db, session.licence)).length > 0;
  const basis = await registrationBasis(session, deps);
  const step = decidePasskeyStep(
    { sessionVerified: session.passkeyVerified, hasPasskey, hospitalRequires: session.hospitalRequires },
    basis !== null,
  );
  if (step === 'none' && !hasPasskey && !session.passkeyVerified && basis !== null) return 'offer';
  return step;
}
