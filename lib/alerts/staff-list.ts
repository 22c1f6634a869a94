import 'server-only';
import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { adminActor, type AdminActor } from '../audit/actor';
import { appendAudit } from '../audit/append';
import type { Db } from '../db';
import { hospitalStaffIds, hospitalStaffLists } from '../db/schema';
import { failure, success, type Failure, type Success } from '../result';
import { parseStaffList, type StaffLineError } from './staff-list-parse';
import type { StaffListSummary } from './view-model';

/**
 * The keyed hash a staff list stores instead of a citizen ID (HMAC-SHA-256 under STAFF_LIST_KEY). Without
 * the key, a copy of the table cannot be turned back into IDs by trying all 13-digit numbers.
 */
export function staffCidHash(key: string, cid: string): string {
  return createHmac('sha256', key).update(`staff-list:${cid}`).digest('hex');
}

export type StaffListResult =
  Success<{ entries: number }> | (Failure<'invalid'> & { errors: StaffLineError[]; more: number; tooMany: boolean }) | Failure<'too-large'>;

/** The most characters a pasted or uploaded list may have (50,000 IDs with dashes and line ends). */
export const MAX_STAFF_LIST_CHARS = 1_000_000;

const INSERT_CHUNK = 1000;

export async function staffListSummary(database: Db, hospitalCode: string): Promise<StaffListSummary> {
  const [row] = await database.select().from(hospitalStaffLists).where(eq(hospitalStaffLists.hospitalCode, hospitalCode));
  return { entries: row?.entries ?? 0, replacedAt: row?.replacedAt.toISOString() ?? null };
}

async function writeList(tx: Db, admin: AdminActor, hashes: string[], now: Date): Promise<void> {
  await tx.delete(hospitalStaffIds).where(eq(hospitalStaffIds.hospitalCode, admin.hospitalCode));
  for (let i = 0; i < hashes.length; i += INSERT_CHUNK)
    await tx
      .insert(hospitalStaffIds)
      .values(hashes.slice(i, i + INSERT_CHUNK).map((cidHash) => ({ hospitalCode: admin.hospitalCode, cidHash })));
  await tx
    .insert(hospitalStaffLists)
    .values({ hospitalCode: admin.hospitalCode, entries: hashes.length, replacedBy: admin.adminId, replacedAt: now })
    .onConflictDoUpdate({
      target: hospitalStaffLists.hospitalCode,
      set: { entries: hashes.length, replacedBy: admin.adminId, replacedAt: now },
    });
}

/**
 * Replaces the hospital's staff list with the IDs in `text` (lib/alerts/staff-list-parse.ts), stored as keyed
 * hashes, all or nothing; audited `staff-list-replace` with counts only, in the same transaction. A list with
 * any bad line changes nothing and says which lines.
 */
export async function replaceStaffList(
  admin: AdminActor,
  text: string,
  deps: { db: Db; now: () => Date; staffListKey: string },
): Promise<StaffListResult> {
  if (text.length > MAX_STAFF_LIST_CHARS) return failure('too-large');
  const parsed = parseStaffList(text);
  if (!parsed.ok) return { ...failure('invalid'), errors: parsed.errors, more: parsed.more, tooMany: parsed.tooMany };
  const now = deps.now();
  const hashes = parsed.cids.map((cid) => staffCidHash(deps.staffListKey, cid));
  await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const before = await staffListSummary(tx, admin.hospitalCode);
    await writeList(tx, admin, hashes, now);
    await appendAudit(
      tx,
      { ...adminActor(admin), action: 'staff-list-replace', outcome: 'success', details: { before: before.entries, after: hashes.length } },
      now,
    );
  });
  return success({ entries: hashes.length });
}

/** Empties the hospital's staff list (no staff-record alerts until a new one is uploaded); audited with the count removed. */
export async function clearStaffList(admin: AdminActor, deps: { db: Db; now: () => Date }): Promise<Success<{ removed: number }>> {
  const now = deps.now();
  const removed = await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const before = await staffListSummary(tx, admin.hospitalCode);
    await writeList(tx, admin, [], now);
    await appendAudit(
      tx,
      { ...adminActor(admin), action: 'staff-list-clear', outcome: 'success', details: { before: before.entries } },
      now,
    );
    return before.entries;
  });
  return success({ removed });
}

/** Whether this patient is on the hospital's staff list (one indexed read of the hash). */
export async function isOnStaffList(database: Db, hospitalCode: string, cid: string, key: string): Promise<boolean> {
  const [row] = await database
    .select({ hospitalCode: hospitalStaffIds.hospitalCode })
    .from(hospitalStaffIds)
    .where(and(eq(hospitalStaffIds.hospitalCode, hospitalCode), eq(hospitalStaffIds.cidHash, staffCidHash(key, cid))))
    .limit(1);
  return row !== undefined;
}
