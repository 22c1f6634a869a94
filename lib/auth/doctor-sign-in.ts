import 'server-only';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append';
import { listGrantsInForce } from './grants';
import type { Db } from '../db';
import { doctorGrants } from '../db/schema';
import type { RequestContext } from '../http/request-context';
import { metrics } from '../metrics';
import type { DoctorRegistry } from '../registry/doctor-registry';
import { doctorSignInSchema, type SignInFailure } from './schemas';
import { createSession, type SessionRow } from './sessions';
import { ADDRESS_POLICY, LICENCE_POLICY } from './throttle';
import { releaseAttempt, reserveAttempt } from './throttle-store';

/**
 * Signs a doctor in: format check (no registry call on bad input), throttle per licence and per address,
 * registry verification, licence status, grants in force; creates a new session and audits every outcome.
 * Unknown licence and wrong PIN give the same answer.
 */
export async function signInDoctor(
  db: Db,
  registry: Pick<DoctorRegistry, 'verifyCredentials'>,
  raw: { licence?: unknown; pin?: unknown },
  ctx: RequestContext,
  lifetimeMs: number,
  now = new Date(),
): Promise<{ ok: true; session: SessionRow } | { ok: false; failure: SignInFailure }> {
  const parsed = doctorSignInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, failure: { code: 'format' } };
  const { licence, pin } = parsed.data;
  const audit = (outcome: 'success' | 'failure', details: Record<string, unknown>, hospitalCode: string | null = null) => {
    if (outcome === 'failure') metrics().signInFailures.inc({ reason: typeof details.reason === 'string' ? details.reason : 'other' });
    return appendAudit(
      db,
      {
        actorType: 'doctor',
        actorId: licence,
        action: 'sign-in',
        outcome,
        hospitalCode,
        clientIp: ctx.clientIp,
        userAgent: ctx.userAgent,
        requestId: ctx.requestId,
        details,
      },
      now,
    );
  };

  const keys = [
    { key: `licence:${licence}`, policy: LICENCE_POLICY },
    { key: `ip:${ctx.clientIp}`, policy: ADDRESS_POLICY },
  ];
  const decision = await reserveAttempt(db, keys, now);
  if (!decision.allowed) {
    await audit('failure', { reason: 'throttled', retryAt: decision.retryAt.toISOString() });
    return { ok: false, failure: { code: 'locked', retryAt: decision.retryAt.toISOString() } };
  }

  const verified = await registry.verifyCredentials(licence, pin);
  if (verified.outcome === 'unavailable') {
    // Not the doctor's fault: refund the attempt so an outage cannot lock anyone out.
    await releaseAttempt(
      db,
      keys.map((k) => k.key),
    );
    await audit('failure', { reason: 'registry-unavailable' });
    return { ok: false, failure: { code: 'unavailable' } };
  }
  if (verified.outcome === 'invalid') {
    await audit('failure', { reason: 'invalid-credentials' });
    return { ok: false, failure: { code: 'invalid' } };
  }
  await releaseAttempt(
    db,
    keys.map((k) => k.key),
  );
  const practitioner = verified.practitioner;
  if (practitioner.status !== 'active') {
    const reason = practitioner.statusReason ?? '';
    await audit('failure', { reason: `licence-${practitioner.status}` });
    return { ok: false, failure: { code: practitioner.status, reason } };
  }

  const grants = await listGrantsInForce(db, licence, now);
  if (grants.length === 0) {
    await audit('failure', { reason: 'no-grant' });
    return { ok: false, failure: { code: 'no-grant' } };
  }
  const only = grants.length === 1 ? grants[0]! : null;
  const displayName = `${practitioner.nameTh} / ${practitioner.nameEn}`;
  const session = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const s = await createSession(
      tx,
      { kind: 'doctor', subject: licence, displayName, hospitalCode: only?.hospitalCode ?? null, role: only?.role ?? null },
      lifetimeMs,
      now,
    );
    if (only) await tx.update(doctorGrants).set({ lastSignInAt: now }).where(eq(doctorGrants.id, only.id));
    await appendAudit(
      tx,
      {
        actorType: 'doctor',
        actorId: licence,
        actorRole: only?.role ?? null,
        action: 'sign-in',
        outcome: 'success',
        hospitalCode: only?.hospitalCode ?? null,
        clientIp: ctx.clientIp,
        userAgent: ctx.userAgent,
        requestId: ctx.requestId,
        details: { hospitals: grants.length },
      },
      now,
    );
    return s;
  });
  return { ok: true, session };
}
