import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNotNull } from 'drizzle-orm';
import { appendAudit } from '../audit/append';
import type { Db } from '../db';
import { admins } from '../db/schema';
import type { RequestContext } from '../http/request-context';
import { hashPassword, passwordProblem } from '../auth/password';
import { openSecret, sealSecret } from '../auth/secret-box';
import { generateTotpSecret, totpUri, verifyTotp } from '../auth/totp';
import type { Failure, Success } from '../result';
import { createAdminSchema, type CompleteSetup } from './schemas';

/** How long a one-time setup link stays usable. */
export const SETUP_LINK_HOURS = 72;

/** Only the SHA-256 of a setup token is stored, so a database dump cannot be used to take over an account. */
export function hashSetupToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export type CreateAdminResult = { ok: true; adminId: string; token: string; expiresAt: Date } | { ok: false; errors: string[] };

/**
 * Creates a hospital admin without a password or second factor and returns the one-time setup token (shown
 * once; only its hash is kept). Used by `npm run admin:create`.
 */
export async function createAdminAccount(
  db: Db,
  raw: { hospitalCode: string; username: string; displayName?: string; role?: 'admin' | 'privacy-officer' },
  now = new Date(),
): Promise<CreateAdminResult> {
  const parsed = createAdminSchema.safeParse({ ...raw, displayName: raw.displayName ?? raw.username });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => i.message) };
  const { hospitalCode, username, displayName } = parsed.data;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3600_000);
  const adminId = crypto.randomUUID();
  const inserted = await db
    .insert(admins)
    .values({
      id: adminId,
      hospitalCode,
      username,
      displayName,
      setupTokenHash: hashSetupToken(token),
      setupExpiresAt: expiresAt,
      status: 'active',
      role: raw.role ?? 'admin',
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: admins.id });
  if (inserted.length === 0) return { ok: false, errors: [`username "${username}" is already taken`] };
  return { ok: true, adminId, token, expiresAt };
}

export interface SetupAccount {
  adminId: string;
  username: string;
  displayName: string;
  hospitalCode: string;
}

/** The admin a setup token belongs to, if the token is known, unused and not expired. */
export async function findSetupAccount(db: Db, token: string, now = new Date()): Promise<SetupAccount | undefined> {
  const [a] = await db
    .select()
    .from(admins)
    .where(
      and(
        eq(admins.setupTokenHash, hashSetupToken(token)),
        isNotNull(admins.setupExpiresAt),
        gt(admins.setupExpiresAt, now),
        eq(admins.status, 'active'),
      ),
    );
  return a ? { adminId: a.id, username: a.username, displayName: a.displayName, hospitalCode: a.hospitalCode } : undefined;
}

/**
 * The pending TOTP secret for enrolment (created and stored sealed on first view, the same on reloads) and
 * its otpauth:// URI for the QR code.
 */
export async function beginTotpEnrolment(db: Db, account: SetupAccount, authSecret: string): Promise<{ secret: string; uri: string }> {
  const [a] = await db.select({ pending: admins.totpPendingSecret }).from(admins).where(eq(admins.id, account.adminId));
  let secret: string;
  if (a?.pending) {
    secret = openSecret(a.pending, authSecret);
  } else {
    secret = generateTotpSecret();
    await db
      .update(admins)
      .set({ totpPendingSecret: sealSecret(secret, authSecret) })
      .where(eq(admins.id, account.adminId));
  }
  return { secret, uri: totpUri(secret, `${account.username}@${account.hospitalCode}`) };
}

export type CompleteSetupResult =
  Success | Failure<'link-invalid' | 'totp-invalid' | 'too-short' | 'too-long' | 'common' | 'contains-username'>;

/**
 * Finishes the one-time setup: checks the new password and the first code from the authenticator, then
 * stores the password hash and the secret, and spends the token. Audited as 'admin-totp-enrol'.
 */
export async function completeAdminSetup(
  db: Db,
  input: Omit<CompleteSetup, 'confirm'>,
  ctx: RequestContext,
  authSecret: string,
  now = new Date(),
): Promise<CompleteSetupResult> {
  const account = await findSetupAccount(db, input.token, now);
  if (!account) return { ok: false, reason: 'link-invalid' };
  const problem = passwordProblem(input.password, account.username);
  if (problem) return { ok: false, reason: problem };
  const [row] = await db.select({ pending: admins.totpPendingSecret }).from(admins).where(eq(admins.id, account.adminId));
  if (!row?.pending) return { ok: false, reason: 'link-invalid' };
  const audit = (tx: Db, outcome: 'success' | 'failure', details: Record<string, unknown>) =>
    appendAudit(
      tx,
      {
        actorType: 'admin',
        actorId: account.adminId,
        actorRole: 'admin',
        hospitalCode: account.hospitalCode,
        action: 'admin-totp-enrol',
        outcome,
        clientIp: ctx.clientIp,
        userAgent: ctx.userAgent,
        requestId: ctx.requestId,
        details,
      },
      now,
    );
  const step = verifyTotp(openSecret(row.pending, authSecret), input.totp, now, null);
  if (step === null) {
    await audit(db, 'failure', { reason: 'invalid-totp' });
    return { ok: false, reason: 'totp-invalid' };
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // Conditional on the token hash so two concurrent submissions cannot both spend it.
    const done = await tx
      .update(admins)
      .set({
        passwordHash,
        totpSecret: row.pending,
        totpPendingSecret: null,
        totpLastStep: step,
        setupTokenHash: null,
        setupExpiresAt: null,
      })
      .where(and(eq(admins.id, account.adminId), eq(admins.setupTokenHash, hashSetupToken(input.token))))
      .returning({ id: admins.id });
    if (done.length === 0) return { ok: false, reason: 'link-invalid' } as const;
    await audit(tx, 'success', {});
    return { ok: true } as const;
  });
}
