import 'server-only';
import { createHmac } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { appendAudit } from '../audit/append';
import type { Db } from '../db';
import type { RequestContext } from '../http/request-context';
import { failure, success, type Failure, type Success } from '../result';
import type { WebauthnConfig } from './config';
import {
  CEREMONY_TIMEOUT_MS,
  counterAcceptable,
  counterOfAuthenticatorData,
  enrolmentBasis,
  MAX_PASSKEYS,
  type EnrolmentBasis,
} from './policy';
import type { AuthenticationResponse, RegistrationResponse } from './schemas';
import {
  consumeChallenge,
  everHadPasskey,
  findPasskey,
  insertPasskey,
  issueChallenge,
  listPasskeys,
  markSessionPasskey,
  permitInForce,
  policiesOfDoctor,
  recordPasskeyUse,
  spendPermits,
  type ChallengePurpose,
} from './store';

/** What the ceremonies need from outside: the database, the relying party, the secret (user handles), the clock. */
export interface PasskeyDeps {
  db: Db;
  webauthn: WebauthnConfig;
  secret: string;
  now: () => Date;
}

/** The signed-in doctor's session as the ceremonies see it (the passkey step may still be pending). */
export interface PasskeySession {
  sessionId: string;
  licence: string;
  displayName: string;
  hospitalCode: string | null;
  role: string | null;
  passkeyVerified: boolean;
  request: RequestContext;
}

function actor(session: PasskeySession) {
  return {
    actorType: 'doctor' as const,
    actorId: session.licence,
    actorRole: session.role,
    hospitalCode: session.hospitalCode,
    clientIp: session.request.clientIp,
    userAgent: session.request.userAgent,
    requestId: session.request.requestId,
  };
}

/**
 * A stable, opaque WebAuthn user handle per doctor: an authenticator replaces rather than duplicates a
 * doctor's discoverable credential, and the licence number itself is never stored on the device as the id.
 */
function userHandle(secret: string, licence: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHmac('sha256', secret).update(`webauthn-user:${licence}`).digest());
}

/** PostgreSQL's unique_violation, on the error or the driver error it wraps. */
function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && typeof current === 'object' && current !== null; depth++) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** On what grounds this session may register a passkey now (null: it may not). */
export async function registrationBasis(session: PasskeySession, deps: Pick<PasskeyDeps, 'db' | 'now'>): Promise<EnrolmentBasis | null> {
  const now = deps.now();
  const [keys, ever, hospitals, permit] = await Promise.all([
    listPasskeys(deps.db, session.licence),
    everHadPasskey(deps.db, session.licence),
    policiesOfDoctor(deps.db, session.licence, now),
    permitInForce(deps.db, session.licence, now),
  ]);
  if (keys.length >= MAX_PASSKEYS) return null;
  return enrolmentBasis({
    sessionVerified: session.passkeyVerified,
    hasPasskey: keys.length > 0,
    everHadPasskey: ever,
    hospitals,
    permitInForce: permit,
  });
}

/** Starts registering a passkey: options for the browser, and the challenge kept server-side for 2 minutes. */
export async function startPasskeyRegistration(
  session: PasskeySession,
  deps: PasskeyDeps,
): Promise<Success<{ options: PublicKeyCredentialCreationOptionsJSON }> | Failure<'not-allowed'>> {
  const now = deps.now();
  if ((await registrationBasis(session, deps)) === null) {
    await appendAudit(
      deps.db,
      { ...actor(session), action: 'passkey-register', outcome: 'denied', details: { reason: 'not-allowed' } },
      now,
    );
    return failure('not-allowed');
  }
  const existing = await listPasskeys(deps.db, session.licence);
  const options = await generateRegistrationOptions({
    rpName: deps.webauthn.rpName,
    rpID: deps.webauthn.rpId,
    userName: session.licence,
    userDisplayName: session.displayName,
    userID: userHandle(deps.secret, session.licence),
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((k) => ({ id: k.credentialId, transports: k.transports })),
    // User verification is what makes the passkey a multi-factor authenticator (something you have,
    // unlocked by something you know or are): required, not preferred.
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    // ES256 and RS256 only: what every platform and roaming authenticator supports.
    supportedAlgorithmIDs: [-7, -257],
  });
  await issueChallenge(deps.db, { sessionId: session.sessionId, licence: session.licence, purpose: 'register' }, options.challenge, now);
  return success({ options });
}

/**
 * Finishes registering: the challenge is taken (single use), the attestation verified against the RP id
 * and origins with user verification, the credential stored, the session counted as passkey-verified and
 * any recovery permit spent — all with the audit row in one transaction.
 */
export async function finishPasskeyRegistration(
  session: PasskeySession,
  input: { response: RegistrationResponse; name?: string | undefined },
  deps: PasskeyDeps,
): Promise<Success<{ passkeyId: string }> | Failure<'expired' | 'not-allowed' | 'invalid' | 'duplicate'>> {
  const now = deps.now();
  const fail = async (reason: 'expired' | 'not-allowed' | 'invalid' | 'duplicate') => {
    await appendAudit(deps.db, { ...actor(session), action: 'passkey-register', outcome: 'failure', details: { reason } }, now);
    return failure(reason);
  };
  const challenge = await consumeChallenge(deps.db, { sessionId: session.sessionId, licence: session.licence, purpose: 'register' }, now);
  if (!challenge) return fail('expired');
  const basis = await registrationBasis(session, deps);
  if (basis === null) return fail('not-allowed');
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: deps.webauthn.origins,
      expectedRPID: deps.webauthn.rpId,
      requireUserVerification: true,
      supportedAlgorithmIDs: [-7, -257],
    });
  } catch {
    return fail('invalid');
  }
  if (!verified.verified) return fail('invalid');
  const { credential } = verified.registrationInfo;
  const count = (await listPasskeys(deps.db, session.licence)).length;
  const name = input.name ?? `Passkey ${count + 1}`;
  try {
    const passkeyId = await deps.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const id = await insertPasskey(
        tx,
        {
          licence: session.licence,
          credentialId: credential.id,
          publicKey: Buffer.from(credential.publicKey).toString('base64url'),
          counter: credential.counter,
          transports: credential.transports ?? [],
          name,
        },
        now,
      );
      await markSessionPasskey(tx, session.sessionId, now);
      await spendPermits(tx, session.licence);
      await appendAudit(
        tx,
        {
          ...actor(session),
          action: 'passkey-register',
          outcome: 'success',
          details: {
            passkeyId: id,
            basis,
            userVerified: verified.registrationInfo.userVerified,
            backedUp: verified.registrationInfo.credentialBackedUp,
          },
        },
        now,
      );
      return id;
    });
    return success({ passkeyId });
  } catch (error) {
    // The credential id is unique: the same authenticator registered twice (or by two doctors) is refused.
    if (isUniqueViolation(error)) return fail('duplicate');
    throw error;
  }
}

/** Starts a passkey assertion (at sign-in or to step up for break-the-glass) against the doctor's own passkeys. */
export async function startPasskeyAuthentication(
  session: PasskeySession,
  purpose: Exclude<ChallengePurpose, 'register'>,
  deps: PasskeyDeps,
): Promise<Success<{ options: PublicKeyCredentialRequestOptionsJSON }> | Failure<'no-passkey'>> {
  const keys = await listPasskeys(deps.db, session.licence);
  if (keys.length === 0) return failure('no-passkey');
  const options = await generateAuthenticationOptions({
    rpID: deps.webauthn.rpId,
    allowCredentials: keys.map((k) => ({ id: k.credentialId, transports: k.transports })),
    userVerification: 'required',
    timeout: CEREMONY_TIMEOUT_MS,
  });
  await issueChallenge(deps.db, { sessionId: session.sessionId, licence: session.licence, purpose }, options.challenge, deps.now());
  return success({ options });
}

export type AssertionFailure = 'expired' | 'unknown-passkey' | 'invalid' | 'counter-regression';

/**
 * Verifies a passkey assertion of this session for `purpose`: the challenge is taken (single use), the
 * credential must be the doctor's own and in use, the signature valid with user verification, and the
 * counter must move forward (else refused as a possible clone). Every outcome is audited
 * ('passkey-verify', with the purpose); at sign-in the session then counts as passkey-verified.
 */
export async function verifyPasskeyAssertion(
  session: PasskeySession,
  purpose: Exclude<ChallengePurpose, 'register'>,
  response: AuthenticationResponse,
  deps: PasskeyDeps,
): Promise<Success<{ passkeyId: string }> | Failure<AssertionFailure>> {
  const now = deps.now();
  const fail = async (reason: AssertionFailure, passkeyId?: string) => {
    await appendAudit(
      deps.db,
      { ...actor(session), action: 'passkey-verify', outcome: 'failure', details: { purpose, reason, passkeyId } },
      now,
    );
    return failure(reason);
  };
  const challenge = await consumeChallenge(deps.db, { sessionId: session.sessionId, licence: session.licence, purpose }, now);
  if (!challenge) return fail('expired');
  const key = await findPasskey(deps.db, session.licence, response.id);
  if (!key) return fail('unknown-passkey');
  const received = counterOfAuthenticatorData(Buffer.from(response.response.authenticatorData, 'base64url'));
  if (received === null) return fail('invalid', key.id);
  if (!counterAcceptable(key.counter, received)) return fail('counter-regression', key.id);
  let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: deps.webauthn.origins,
      expectedRPID: deps.webauthn.rpId,
      credential: {
        id: key.credentialId,
        publicKey: new Uint8Array(Buffer.from(key.publicKey, 'base64url')),
        counter: key.counter,
        transports: key.transports,
      },
      requireUserVerification: true,
    });
  } catch {
    return fail('invalid', key.id);
  }
  if (!verified.verified) return fail('invalid', key.id);
  const ok = await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    if (!(await recordPasskeyUse(tx, key.id, verified.authenticationInfo.newCounter, now))) return false;
    if (purpose === 'sign-in') await markSessionPasskey(tx, session.sessionId, now);
    await appendAudit(
      tx,
      { ...actor(session), action: 'passkey-verify', outcome: 'success', details: { purpose, passkeyId: key.id } },
      now,
    );
    return true;
  });
  if (!ok) return fail('counter-regression', key.id);
  return success({ passkeyId: key.id });
}
