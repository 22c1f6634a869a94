/**
 * Pure rules of the passkey second factor (NIST SP 800-63B AAL2): when a session must complete the passkey
 * step, when a doctor may bind a passkey on the strength of the PIN alone, how long a challenge lives and
 * which signature counters are accepted. No I/O here; the decisions are table-tested in policy.test.ts.
 */

/** A WebAuthn challenge is answered within this time or not at all (the browser's own timeout is 60 s). */
export const CHALLENGE_TTL_MS = 2 * 60_000;
/** The browser prompt's timeout, given to the authenticator. */
export const CEREMONY_TIMEOUT_MS = 60_000;
/** How long an admin's recovery permit lets a doctor register a new passkey with the PIN alone. */
export const PERMIT_HOURS = 24;
/** A doctor keeps at most this many passkeys (a phone, a laptop, a spare key…). */
export const MAX_PASSKEYS = 10;

export type PasskeyStep = 'none' | 'verify' | 'register' | 'blocked';

export interface SessionFactors {
  /** This session completed a passkey ceremony (sign-in verification or registration). */
  sessionVerified: boolean;
  /** The doctor has at least one passkey registered (not removed). */
  hasPasskey: boolean;
  /** The working hospital requires a passkey (false while no hospital is chosen). */
  hospitalRequires: boolean;
}

/**
 * What a session must do before anything else. A doctor who has a passkey always uses it: a passkey that
 * could be skipped would add nothing against a stolen PIN. Without one, only a hospital that requires it
 * stops the session: to register ('register') when allowed, else to ask the hospital admin ('blocked').
 */
export function decidePasskeyStep(factors: SessionFactors, mayEnrol: boolean): PasskeyStep {
  if (factors.sessionVerified) return 'none';
  if (factors.hasPasskey) return 'verify';
  if (!factors.hospitalRequires) return 'none';
  return mayEnrol ? 'register' : 'blocked';
}

/** Whether the session may do nothing but the passkey step (the entry guards' question; fail closed). */
export function passkeyStepPending(factors: SessionFactors): boolean {
  return decidePasskeyStep(factors, false) !== 'none';
}

export interface EnrolmentFacts {
  sessionVerified: boolean;
  hasPasskey: boolean;
  /** The doctor has had a passkey before (even if since removed). */
  everHadPasskey: boolean;
  /** The passkey policies of the hospitals where the doctor holds a grant in force. */
  hospitals: { required: boolean; allowBootstrap: boolean }[];
  /** A hospital admin's recovery/enrolment permit for this doctor is in force. */
  permitInForce: boolean;
}

export type EnrolmentBasis = 'verified-session' | 'permit' | 'voluntary' | 'bootstrap';

/**
 * On what grounds this session may bind a new passkey, or null if it may not. Binding on the PIN alone is
 * the weak point of any second factor (whoever holds the PIN could bind their own key), so:
 * - a session that already passed a passkey may add another;
 * - a doctor who has a passkey must use it first (never add one beside it on the PIN alone);
 * - an admin's permit (recovery after a lost passkey) allows it once;
 * - where none of the doctor's hospitals requires passkeys, it is voluntary hardening (the PIN alone
 *   already opens those sessions, so nothing is lost);
 * - where a hospital requires them, the PIN alone binds the doctor's first passkey only if every such
 *   hospital allows bootstrap and the doctor never had one (a removed one means: ask the admin).
 */
export function enrolmentBasis(facts: EnrolmentFacts): EnrolmentBasis | null {
  if (facts.sessionVerified) return 'verified-session';
  if (facts.hasPasskey) return null;
  if (facts.permitInForce) return 'permit';
  const requiring = facts.hospitals.filter((h) => h.required);
  if (requiring.length === 0) return 'voluntary';
  if (!facts.everHadPasskey && requiring.every((h) => h.allowBootstrap)) return 'bootstrap';
  return null;
}

/**
 * Whether an authenticator's signature counter may be accepted after `stored`. A counter that does not
 * go up means a cloned authenticator or a replay (WebAuthn §6.1.1); authenticators that keep no counter
 * (synced passkeys) always send 0, and 0 after 0 is accepted.
 */
export function counterAcceptable(stored: number, received: number): boolean {
  if (stored === 0 && received === 0) return true;
  return received > stored;
}

/** The signature counter inside authenticator data: bytes 33–36, big-endian, after the RP id hash and flags. */
export function counterOfAuthenticatorData(authData: Uint8Array): number | null {
  if (authData.length < 37) return null;
  return new DataView(authData.buffer, authData.byteOffset + 33, 4).getUint32(0, false);
}
