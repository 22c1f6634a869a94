import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../audit/append';
import type { Db } from '../db';
import { admins } from '../db/schema';
import { env } from '../env';
import type { RequestContext } from '../http/request-context';
import { verifyPassword } from './password';
import { openSecret } from './secret-box';
import { createSession, type SessionRow } from './sessions';
import { ADDRESS_POLICY, LICENCE_POLICY } from './throttle';
import { releaseAttempt, reserveAttempt } from './throttle-store';
import { verifyTotp } from './totp';

export const adminSignInSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,40}$/),
  password: z.string().min(1).max(128),
  totp: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});

// Verifying against a fixed hash when the user does not exist keeps the timing of both refusals alike.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export type AdminSignInCode = 'format' | 'invalid' | `locked:${string}`;

/**
 * Signs a hospital admin in with username, password and TOTP (mandatory; enrolment happens through the
 * one-time setup link, never here). Same throttling as doctors; every outcome audited.
 */
export async function signInAdmin(
  db: Db,
  raw: { username?: unknown; password?: unknown; totp?: unknown },
  ctx: RequestContext,
  lifetimeMs: number,
  now = new Date(),
): Promise<{ ok: true; session: SessionRow } | { ok: false; code: AdminSignInCode }> {
  const parsed = adminSignInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'format' };
  const { username, password, totp } = parsed.data;
  const keys = [
    { key: `admin:${username}`, policy: LICENCE_POLICY },
    { key: `ip:${ctx.clientIp}`, policy: ADDRESS_POLICY },
  ];
  const audit = (tx: Db, outcome: 'success' | 'failure', actorId: string, hospitalCode: string | null, details: Record<string, unknown>) =>
    appendAudit(
      tx,
      {
        actorType: 'admin',
        actorId,
        actorRole: 'admin',
        hospitalCode,
        action: 'admin-sign-in',
        outcome,
        clientIp: ctx.clientIp,
        userAgent: ctx.userAgent,
        requestId: ctx.requestId,
        details,
      },
      now,
    );

  const decision = await reserveAttempt(db, keys, now);
  if (!decision.allowed) {
    await audit(db, 'failure', username, null, { reason: 'throttled' });
    return { ok: false, code: `locked:${decision.retryAt.toISOString()}` };
  }
  const [admin] = await db.select().from(admins).where(eq(admins.username, username));
  const passwordOk = await verifyPassword(password, admin?.passwordHash ?? DUMMY_HASH);
  if (!admin || !passwordOk || admin.status !== 'active' || !admin.totpSecret) {
    await audit(db, 'failure', admin?.id ?? username, admin?.hospitalCode ?? null, {
      reason: !admin || !passwordOk ? 'invalid-credentials' : admin.status !== 'active' ? 'disabled' : 'not-enrolled',
    });
    return { ok: false, code: 'invalid' };
  }
  const step = verifyTotp(openSecret(admin.totpSecret, env().AUTH_SECRET), totp, now, admin.totpLastStep);
  if (step === null) {
    await audit(db, 'failure', admin.id, admin.hospitalCode, { reason: 'invalid-totp' });
    return { ok: false, code: 'invalid' };
  }
  await releaseAttempt(
    db,
    keys.map((k) => k.key),
  );
  const session = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx.update(admins).set({ totpLastStep: step, lastSignInAt: now }).where(eq(admins.id, admin.id));
    const s = await createSession(
      tx,
      { kind: 'admin', subject: admin.id, displayName: admin.displayName, hospitalCode: admin.hospitalCode, role: admin.role },
      lifetimeMs,
      now,
    );
    await audit(tx, 'success', admin.id, admin.hospitalCode, {});
    return s;
  });
  return { ok: true, session };
}
