import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { sessions } from '../db/schema';

export type SessionRow = typeof sessions.$inferSelect;

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
