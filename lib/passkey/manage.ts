import 'server-only';
import { adminActor, type AdminActor } from '../audit/actor';
import { appendAudit } from '../audit/append';
import type { Db } from '../db';
import { findHospitalDoctor } from '../admin/doctor-access';
import { failure, success, type Failure, type Success } from '../result';
import type { PasskeySession } from './ceremonies';
import { PERMIT_HOURS } from './policy';
import {
  endDoctorSessions,
  grantPermit,
  listPasskeys,
  readHospitalPolicy,
  removePasskeys,
  renamePasskey,
  writeHospitalPolicy,
  type HospitalPasskeyPolicy,
} from './store';

/** One passkey as the doctor's settings page shows it (no key material). */
export interface PasskeyView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Who manages their own passkeys: a doctor whose session has passed the passkey step. */
type Owner = Pick<PasskeySession, 'licence' | 'role' | 'request'> & { hospitalCode: string | null };

function actor(session: Owner) {
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

export async function listPasskeyViews(db: Db, licence: string): Promise<PasskeyView[]> {
  return (await listPasskeys(db, licence)).map((k) => ({
    id: k.id,
    name: k.name,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  }));
}

/** Renames one of the doctor's own passkeys (another's id is not found). Audited. */
export async function renameOwnPasskey(
  session: Owner,
  input: { id: string; name: string },
  deps: { db: Db; now: () => Date },
): Promise<Success | Failure<'not-found'>> {
  const done = await renamePasskey(deps.db, session.licence, input.id, input.name);
  if (!done) return failure('not-found');
  await appendAudit(
    deps.db,
    { ...actor(session), action: 'passkey-rename', outcome: 'success', details: { passkeyId: input.id } },
    deps.now(),
  );
  return success({});
}

/**
 * Removes one of the doctor's own passkeys. The last one is kept while the working hospital requires
 * passkeys: removing it would lock the doctor out at their next sign-in (the admin's recovery is the way
 * to replace a lost one). Audited, refusals too.
 */
export async function removeOwnPasskey(
  session: Owner,
  input: { id: string },
  deps: { db: Db; now: () => Date },
): Promise<Success | Failure<'not-found' | 'last-required'>> {
  const now = deps.now();
  const keys = await listPasskeys(deps.db, session.licence);
  if (!keys.some((k) => k.id === input.id)) return failure('not-found');
  if (keys.length === 1 && session.hospitalCode && (await readHospitalPolicy(deps.db, session.hospitalCode)).required) {
    await appendAudit(
      deps.db,
      { ...actor(session), action: 'passkey-remove', outcome: 'denied', details: { passkeyId: input.id, reason: 'last-required' } },
      now,
    );
    return failure('last-required');
  }
  await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await removePasskeys(tx, session.licence, input.id, `doctor:${session.licence}`, now);
    await appendAudit(tx, { ...actor(session), action: 'passkey-remove', outcome: 'success', details: { passkeyId: input.id } }, now);
  });
  return success({});
}

export type { HospitalPasskeyPolicy };

/** The admin's hospital's passkey policy (not set = not required). */
export async function hospitalPolicyOf(db: Db, hospitalCode: string): Promise<HospitalPasskeyPolicy> {
  return readHospitalPolicy(db, hospitalCode);
}

/** Sets the admin's own hospital's passkey policy; audited with the before and after. */
export async function setHospitalPasskeyPolicy(
  admin: AdminActor,
  policy: HospitalPasskeyPolicy,
  deps: { db: Db; now: () => Date },
): Promise<Success> {
  const now = deps.now();
  await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const before = await readHospitalPolicy(tx, admin.hospitalCode);
    await writeHospitalPolicy(tx, admin.hospitalCode, policy, admin.adminId, now);
    await appendAudit(tx, { ...adminActor(admin), action: 'passkey-policy', outcome: 'success', details: { before, after: policy } }, now);
  });
  return success({});
}

/** How many passkeys the doctor behind a grant of this hospital has (null: no such grant here). */
export async function doctorPasskeyCount(db: Db, hospitalCode: string, grantId: string): Promise<number | null> {
  const grant = await findHospitalDoctor(db, hospitalCode, grantId);
  if (!grant) return null;
  return (await listPasskeys(db, grant.licence)).length;
}

/**
 * Lost-passkey recovery by a hospital admin of a hospital where the doctor holds a grant: every passkey
 * of the doctor is removed, the doctor's open sessions end (a lost key may be in other hands), and a
 * permit lets the doctor register a new passkey with the PIN at their next sign-in (within 24 h, once).
 * The admin is expected to have confirmed who is asking (in person or by a call back); audited.
 */
export async function resetDoctorPasskeys(
  admin: AdminActor,
  grantId: string,
  deps: { db: Db; now: () => Date },
): Promise<Success<{ removed: number }> | null> {
  const now = deps.now();
  const grant = await findHospitalDoctor(deps.db, admin.hospitalCode, grantId, now);
  if (!grant) return null;
  const removed = await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const count = await removePasskeys(tx, grant.licence, null, `admin:${admin.adminId}`, now);
    const ended = await endDoctorSessions(tx, grant.licence, 'passkeys-reset', now);
    await grantPermit(tx, grant.licence, admin.hospitalCode, new Date(now.getTime() + PERMIT_HOURS * 3_600_000), admin.adminId, now);
    await appendAudit(
      tx,
      {
        ...adminActor(admin),
        action: 'passkey-reset',
        outcome: 'success',
        details: { licence: grant.licence, removed: count, sessionsEnded: ended },
      },
      now,
    );
    return count;
  });
  return success({ removed });
}
