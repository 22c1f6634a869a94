import 'server-only';
import { and, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { doctorGrants, doctorPasskeys, hospitalPasskeyPolicy, passkeyEnrolmentPermits, sessions, webauthnChallenges } from '../db/schema';
import { CHALLENGE_TTL_MS } from './policy';

/**
 * The passkey tables: credentials, single-use challenges, hospital policies and recovery permits. All
 * state is in the database so that any instance can answer any step of a ceremony.
 */
export type PasskeyRow = typeof doctorPasskeys.$inferSelect;
export type ChallengePurpose = 'register' | 'sign-in' | 'step-up';

/**
 * Issues the challenge of a ceremony, bound to the session and doctor: any earlier one of this session
 * and purpose is replaced (one outstanding at a time), and expired ones of anyone are swept.
 */
export async function issueChallenge(
  db: Db,
  binding: { sessionId: string; licence: string; purpose: ChallengePurpose },
  challenge: string,
  now: Date,
): Promise<void> {
  await db.delete(webauthnChallenges).where(lte(webauthnChallenges.expiresAt, now));
  await db
    .insert(webauthnChallenges)
    .values({
      ...binding,
      licenceNumber: binding.licence,
      challenge,
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: [webauthnChallenges.sessionId, webauthnChallenges.purpose],
      set: { challenge, licenceNumber: binding.licence, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS), createdAt: now },
    });
}

/**
 * Takes the session's outstanding challenge for `purpose` out of the store (one DELETE … RETURNING, so two
 * concurrent answers cannot both get it) and returns it if it is still in force and the doctor's. An
 * answer that fails verification has still used its challenge up.
 */
export async function consumeChallenge(
  db: Db,
  binding: { sessionId: string; licence: string; purpose: ChallengePurpose },
  now: Date,
): Promise<string | null> {
  const [row] = await db
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.sessionId, binding.sessionId), eq(webauthnChallenges.purpose, binding.purpose)))
    .returning();
  if (!row || row.licenceNumber !== binding.licence || row.expiresAt.getTime() <= now.getTime()) return null;
  return row.challenge;
}

/** The doctor's passkeys in use, oldest first. */
export async function listPasskeys(db: Db, licence: string): Promise<PasskeyRow[]> {
  const rows = await db
    .select()
    .from(doctorPasskeys)
    .where(and(eq(doctorPasskeys.licenceNumber, licence), isNull(doctorPasskeys.removedAt)));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Whether the doctor has ever registered a passkey (removed ones count): PIN bootstrap is for the first only. */
export async function everHadPasskey(db: Db, licence: string): Promise<boolean> {
  const [row] = await db.select({ id: doctorPasskeys.id }).from(doctorPasskeys).where(eq(doctorPasskeys.licenceNumber, licence)).limit(1);
  return row !== undefined;
}

/** The doctor's passkey with this credential id, if it is theirs and in use. */
export async function findPasskey(db: Db, licence: string, credentialId: string): Promise<PasskeyRow | undefined> {
  const [row] = await db
    .select()
    .from(doctorPasskeys)
    .where(and(eq(doctorPasskeys.credentialId, credentialId), eq(doctorPasskeys.licenceNumber, licence), isNull(doctorPasskeys.removedAt)));
  return row;
}

export async function insertPasskey(
  db: Db,
  row: { licence: string; credentialId: string; publicKey: string; counter: number; transports: string[]; name: string },
  now: Date,
): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(doctorPasskeys).values({
    id,
    licenceNumber: row.licence,
    credentialId: row.credentialId,
    publicKey: row.publicKey,
    counter: row.counter,
    transports: row.transports,
    name: row.name,
    createdAt: now,
  });
  return id;
}

/**
 * Records a use: the new counter and the time, only if the counter still moves forward in the database
 * (so two concurrent answers with the same counter cannot both pass). False: refused as a regression.
 */
export async function recordPasskeyUse(db: Db, id: string, counter: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(doctorPasskeys)
    .set({ counter, lastUsedAt: now })
    .where(
      and(
        eq(doctorPasskeys.id, id),
        isNull(doctorPasskeys.removedAt),
        sql`(${doctorPasskeys.counter} < ${counter} OR (${doctorPasskeys.counter} = 0 AND ${counter} = 0))`,
      ),
    )
    .returning({ id: doctorPasskeys.id });
  return rows.length === 1;
}

export async function renamePasskey(db: Db, licence: string, id: string, name: string): Promise<boolean> {
  const rows = await db
    .update(doctorPasskeys)
    .set({ name })
    .where(and(eq(doctorPasskeys.id, id), eq(doctorPasskeys.licenceNumber, licence), isNull(doctorPasskeys.removedAt)))
    .returning({ id: doctorPasskeys.id });
  return rows.length === 1;
}

/** Removes passkeys of the doctor (one, or all when `id` is null); returns how many. */
export async function removePasskeys(db: Db, licence: string, id: string | null, removedBy: string, now: Date): Promise<number> {
  const rows = await db
    .update(doctorPasskeys)
    .set({ removedAt: now, removedBy })
    .where(and(eq(doctorPasskeys.licenceNumber, licence), isNull(doctorPasskeys.removedAt), id ? eq(doctorPasskeys.id, id) : undefined))
    .returning({ id: doctorPasskeys.id });
  return rows.length;
}

export interface HospitalPasskeyPolicy {
  required: boolean;
  allowBootstrap: boolean;
}

export async function readHospitalPolicy(db: Db, hospitalCode: string): Promise<HospitalPasskeyPolicy> {
  const [row] = await db.select().from(hospitalPasskeyPolicy).where(eq(hospitalPasskeyPolicy.hospitalCode, hospitalCode));
  return { required: row?.required ?? false, allowBootstrap: row?.allowBootstrap ?? false };
}

export async function writeHospitalPolicy(
  db: Db,
  hospitalCode: string,
  policy: HospitalPasskeyPolicy,
  by: string,
  now: Date,
): Promise<void> {
  await db
    .insert(hospitalPasskeyPolicy)
    .values({ hospitalCode, ...policy, updatedBy: by, updatedAt: now })
    .onConflictDoUpdate({ target: hospitalPasskeyPolicy.hospitalCode, set: { ...policy, updatedBy: by, updatedAt: now } });
}

/** The passkey policies of every hospital where the doctor holds an active grant (unset = not required). */
export async function policiesOfDoctor(db: Db, licence: string, now: Date): Promise<HospitalPasskeyPolicy[]> {
  const rows = await db
    .select({ code: doctorGrants.hospitalCode, validUntil: doctorGrants.validUntil, policy: hospitalPasskeyPolicy })
    .from(doctorGrants)
    .leftJoin(hospitalPasskeyPolicy, eq(hospitalPasskeyPolicy.hospitalCode, doctorGrants.hospitalCode))
    .where(and(eq(doctorGrants.licenceNumber, licence), eq(doctorGrants.status, 'active')));
  return rows
    .filter((r) => r.validUntil === null || r.validUntil.getTime() > now.getTime())
    .map((r) => ({ required: r.policy?.required ?? false, allowBootstrap: r.policy?.allowBootstrap ?? false }));
}

export async function grantPermit(db: Db, licence: string, hospitalCode: string, expiresAt: Date, by: string, now: Date): Promise<void> {
  await db
    .insert(passkeyEnrolmentPermits)
    .values({ licenceNumber: licence, hospitalCode, expiresAt, createdBy: by, createdAt: now })
    .onConflictDoUpdate({
      target: [passkeyEnrolmentPermits.licenceNumber, passkeyEnrolmentPermits.hospitalCode],
      set: { expiresAt, createdBy: by, createdAt: now },
    });
}

export async function permitInForce(db: Db, licence: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ code: passkeyEnrolmentPermits.hospitalCode })
    .from(passkeyEnrolmentPermits)
    .where(and(eq(passkeyEnrolmentPermits.licenceNumber, licence), gt(passkeyEnrolmentPermits.expiresAt, now)))
    .limit(1);
  return row !== undefined;
}

/** A permit is used once: registering a passkey spends every permit the doctor holds. */
export async function spendPermits(db: Db, licence: string): Promise<void> {
  await db.delete(passkeyEnrolmentPermits).where(eq(passkeyEnrolmentPermits.licenceNumber, licence));
}

export async function markSessionPasskey(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ passkeyAt: now }).where(eq(sessions.id, sessionId));
}

/** Ends the doctor's open sessions (their passkeys were removed by an admin: a lost key's sessions end too). */
export async function endDoctorSessions(db: Db, licence: string, reason: string, now: Date): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.kind, 'doctor'), eq(sessions.subject, licence), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}
