import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/browser';

/** The browser's side of a passkey ceremony, as a value: the response, or why there is none. */
export type Ceremony<T> = { ok: true; response: T } | { ok: false; reason: 'unsupported' | 'cancelled' };

/** Asks the authenticator to create a passkey (the server's options, its challenge inside). */
export async function createPasskey(optionsJSON: PublicKeyCredentialCreationOptionsJSON): Promise<Ceremony<RegistrationResponseJSON>> {
  if (!browserSupportsWebAuthn()) return { ok: false, reason: 'unsupported' };
  try {
    return { ok: true, response: await startRegistration({ optionsJSON }) };
  } catch {
    // NotAllowedError (cancelled, timed out), InvalidStateError (already registered here): the user tries again.
    return { ok: false, reason: 'cancelled' };
  }
}

/** Asks the authenticator to sign the server's challenge with one of the doctor's passkeys. */
export async function getPasskeyAssertion(
  optionsJSON: PublicKeyCredentialRequestOptionsJSON,
): Promise<Ceremony<AuthenticationResponseJSON>> {
  if (!browserSupportsWebAuthn()) return { ok: false, reason: 'unsupported' };
  try {
    return { ok: true, response: await startAuthentication({ optionsJSON }) };
  } catch {
    return { ok: false, reason: 'cancelled' };
  }
}

/** The server actions a passkey component is handed (components do no I/O of their own). */
export type StartResult<O> = { ok: true; options: O } | { ok: false; reason: string };
export type FinishResult = { ok: true } | { ok: false; reason: string };

export interface PasskeyActions {
  startSignIn: () => Promise<StartResult<PublicKeyCredentialRequestOptionsJSON>>;
  finishSignIn: (input: { response: AuthenticationResponseJSON }) => Promise<FinishResult>;
  startRegistration: () => Promise<StartResult<PublicKeyCredentialCreationOptionsJSON>>;
  finishRegistration: (input: { response: RegistrationResponseJSON; name?: string }) => Promise<FinishResult>;
}
