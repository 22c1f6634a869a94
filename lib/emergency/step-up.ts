import 'server-only';
import { doctorActor } from '../audit/actor';
import { appendAudit } from '../audit/append';
import { LICENCE_POLICY } from '../auth/throttle';
import { releaseAttempt, reserveAttempt } from '../auth/throttle-store';
import { verifyPasskeyAssertion } from '../passkey/ceremonies';
import { authenticationResponseSchema } from '../passkey/schemas';
import { failure } from '../result';
import type { ReasonCode } from './rules';
import type { EmergencyDeps, EmergencyDoctor, EmergencyStartResult } from './service';

/**
 * The step-up before breaking the glass: proof, at that moment, that the doctor at the keyboard is the
 * signed-in one. A doctor with a passkey uses it (a fresh assertion against a single-use challenge bound
 * to this session); one without re-enters the council PIN (throttled per licence under `stepup:`).
 * Returns the refusal to answer with, or null when the step-up passed. Every refusal is audited.
 */
type Attempt = { cid: string; reasonCode: ReasonCode };

/** The audit row of a step-up that did not pass: why, and the emergency reason the doctor gave. */
async function auditRefusal(
  doctor: EmergencyDoctor,
  { cid, reasonCode }: Attempt,
  outcome: 'denied' | 'failure',
  reason: string,
  deps: EmergencyDeps,
  now: Date,
): Promise<void> {
  await appendAudit(
    deps.db,
    { ...doctorActor(doctor), action: 'emergency-start', outcome, patientCid: cid, purpose: 'ETREAT', details: { reason, reasonCode } },
    now,
  );
}

/** The PIN re-entered and checked with the council. */
export async function pinStepUp(
  doctor: EmergencyDoctor,
  pin: string,
  { cid, reasonCode }: Attempt,
  deps: EmergencyDeps,
  now: Date,
): Promise<EmergencyStartResult | null> {
  const key = `stepup:${doctor.licence}`;
  const decision = await reserveAttempt(deps.db, [{ key, policy: LICENCE_POLICY }], now);
  if (!decision.allowed) {
    await auditRefusal(doctor, { cid, reasonCode }, 'denied', 'stepup-throttled', deps, now);
    return { ...failure('locked'), retryAt: decision.retryAt.toISOString() };
  }
  const verified = await deps.registry.verifyCredentials(doctor.licence, pin);
  if (verified.outcome === 'unavailable') {
    // An outage is not the doctor's fault: refund the attempt. Still no access without a verified PIN.
    await releaseAttempt(deps.db, [key]);
    await auditRefusal(doctor, { cid, reasonCode }, 'failure', 'registry-unavailable', deps, now);
    return failure('registry-unavailable');
  }
  if (verified.outcome === 'invalid') {
    await auditRefusal(doctor, { cid, reasonCode }, 'denied', 'wrong-pin', deps, now);
    return failure('pin-wrong', { pin: { key: 'emergency.error.pinWrong' } });
  }
  await releaseAttempt(deps.db, [key]);
  return null;
}

/** The passkey assertion answering this session's step-up challenge (lib/passkey verifies and audits it). */
export async function passkeyStepUp(
  doctor: EmergencyDoctor,
  passkey: unknown,
  { cid, reasonCode }: Attempt,
  deps: EmergencyDeps,
  now: Date,
): Promise<EmergencyStartResult | null> {
  const response = authenticationResponseSchema.safeParse(passkey);
  let reason = 'passkey-invalid';
  // Without the session id or the relying party the assertion cannot be checked: refused (fail closed).
  if (response.success && doctor.sessionId && deps.webauthn) {
    const verified = await verifyPasskeyAssertion(
      {
        sessionId: doctor.sessionId,
        licence: doctor.licence,
        displayName: '',
        hospitalCode: doctor.hospitalCode,
        role: doctor.role,
        passkeyVerified: true,
        request: doctor.request,
      },
      'step-up',
      response.data,
      { db: deps.db, webauthn: deps.webauthn, secret: '', now: () => now },
    );
    if (verified.ok) return null;
    reason = `passkey-${verified.reason}`;
  }
  await auditRefusal(doctor, { cid, reasonCode }, 'denied', reason, deps, now);
  return failure('passkey-failed');
}
