import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { preparedPer } from '../db/prepared';
import { doctorGrants, hospitalPasskeyPolicy, sessions } from '../db/schema';

export type SessionRow = typeof sessions.$inferSelect;
type GrantRow = typeof doctorGrants.$inferSelect;

/** Starts a new server-side session with a fresh random id (never reusing one: no fixation). */
export async function createSession(
  db: Db,
  input: { kind: 'doctor' | 'admin'; subject: string; displayName: string; hospitalCode: string | null; role: string | null },
  lifetimeMs: number,
  now = new Date(),
): Promise<SessionRow> {
  const id = randomBytes(32).toString('base64url');
  const [row] = await db
    .insert(sessions)
    .values({ id, ...input, createdAt: now, lastSeenAt: now, registryCheckedAt: now, expiresAt: new Date(now.getTime() + lifetimeMs) })
    .returning();
  return row!;
}

export async function loadSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

const sessionWithGrantQuery = preparedPer((db) =>
  db
    .select({
      session: sessions,
      grant: doctorGrants,
      // The passkey step's facts (lib/auth/passkey-gate.ts) come in the same round trip.
      passkeyRequired: hospitalPasskeyPolicy.required,
      hasPasskey: sql<boolean>`(${sessions.kind} = 'doctor' AND EXISTS (SELECT 1 FROM doctor_passkeys p WHERE p.licence_number = ${sessions.subject} AND p.removed_at IS NULL))`,
    })
    .from(sessions)
    .leftJoin(
      doctorGrants,
      and(
        eq(sessions.kind, 'doctor'),
        eq(doctorGrants.licenceNumber, sessions.subject),
        eq(doctorGrants.hospitalCode, sessions.hospitalCode),
      ),
    )
    .leftJoin(hospitalPasskeyPolicy, and(eq(sessions.kind, 'doctor'), eq(hospitalPasskeyPolicy.hospitalCode, sessions.hospitalCode)))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('load_session_with_grant'),
);

/**
 * The session and, for a doctor who has chosen a hospital, their grant row at that hospital (whatever its
 * status: the caller judges it), read together in one round trip on every authenticated request.
 */
export async function loadSessionWithGrant(
  db: Db,
  id: string,
): Promise<{ row: SessionRow; grant: GrantRow | null; passkey: { required: boolean; hasPasskey: boolean } } | undefined> {
  const [found] = await sessionWithGrantQuery(db).execute({ id });
  return (
    found && {
      row: found.session,
      grant: found.grant,
      // PGlite and node-postgres both give a boolean; anything else is read as "yes" (fail closed).
      passkey: { required: found.passkeyRequired === true, hasPasskey: (found.hasPasskey as unknown) !== false },
    }
  );
}

export async function touchSession(db: Db, id: string, now = new Date(), registryChecked = false): Promise<void> {
  await db
    .update(sessions)
    .set(registryChecked ? { lastSeenAt: now, registryCheckedAt: now } : { lastSeenAt: now })
    .where(eq(sessions.id, id));
}

/** Ends a session for good (sign-out, revocation, timeout); every later request with it is refused. */
export async function endSession(db: Db, id: string, reason: string, now = new Date()): Promise<void> {
  await db.update(sessions).set({ endedAt: now, endReason: reason }).where(eq(sessions.id, id));
}

export async function setSessionHospital(db: Db, id: string, hospitalCode: string, role: string): Promise<void> {
  await db.update(sessions).set({ hospitalCode, role }).where(eq(sessions.id, id));
}
