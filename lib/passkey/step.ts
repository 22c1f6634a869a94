import 'server-only';
import { registrationBasis, type PasskeyDeps, type PasskeySession } from './ceremonies';
import { decidePasskeyStep } from './policy';
import { listPasskeys } from './store';

export type PasskeyNextStep = 'none' | 'verify' | 'register' | 'blocked';

/**
 * Whether the start page offers a doctor (past the sign-in steps) to add a passkey: none yet, and one may
 * be registered now. An offer, not a step: it never stands between the doctor and their work.
 */
export async function passkeyOffered(
  doctor: Omit<PasskeySession, 'passkeyVerified' | 'displayName'>,
  deps: Pick<PasskeyDeps, 'db' | 'now'>,
): Promise<boolean> {
  if ((await listPasskeys(deps.db, doctor.licence)).length > 0) return false;
  return (await registrationBasis({ ...doctor, displayName: '', passkeyVerified: false }, deps)) !== null;
}

/**
 * What the sign-in screen shows after the PIN: nothing more, the passkey prompt, registration (required
 * here), or why not (ask the hospital admin).
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
  // The sign-in screen goes straight on after the PIN when no step is owed; the offer is made on the
  // start page instead (passkeyOffered), so it can never hold up a doctor at the door.
  return step;
}
