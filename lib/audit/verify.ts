import 'server-only';
import { asc, desc, gt } from 'drizzle-orm';
import type { Db } from '../db';
import { auditArchive, auditLog } from '../db/schema';
import { createChainVerifier, type AuditRecord, type ChainBreak, type ChainPoint } from './chain';

export const VERIFY_BATCH_SIZE = 5000;

type AuditRow = typeof auditLog.$inferSelect;

/** The hashed form of a stored row (timestamps back to the ISO text they were hashed as). */
export function toAuditRecord(row: AuditRow): AuditRecord & { hash: string } {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    actorRole: row.actorRole,
    hospitalCode: row.hospitalCode,
    action: row.action,
    outcome: row.outcome,
    patientCid: row.patientCid,
    purpose: row.purpose,
    accessRef: row.accessRef,
    clientIp: row.clientIp,
    userAgent: row.userAgent,
    requestId: row.requestId,
    details: row.details,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** The last row of the newest archive (lib/audit/archive.ts), which the rows still online must follow; null if none. */
export async function latestArchiveBoundary(db: Db): Promise<ChainPoint | null> {
  const [row] = await db
    .select({ seq: auditArchive.lastSeq, hash: auditArchive.lastHash })
    .from(auditArchive)
    .orderBy(desc(auditArchive.lastSeq))
    .limit(1);
  return row ?? null;
}

/**
 * Verifies the audit chain in the database — across every month partition, from the genesis or from the end
 * of the newest archive — reading it in seq order in batches (keyset paging) so memory stays flat however
 * long the log is. Stops at the first missing, reordered or edited row.
 */
export async function verifyAuditLog(
  db: Db,
  options: { batchSize?: number; onProgress?: (rows: number) => void } = {},
): Promise<ChainBreak> {
  const batchSize = options.batchSize ?? VERIFY_BATCH_SIZE;
  const start = (await latestArchiveBoundary(db)) ?? undefined;
  const verifier = createChainVerifier(start);
  // Rows at or before the boundary may remain in a month not yet archived; they are in the archive's file.
  let after = start?.seq ?? 0;
  let seen = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(batchSize);
    for (const row of rows) {
      if (verifier.push(toAuditRecord(row))) return verifier.result();
    }
    seen += rows.length;
    options.onProgress?.(seen);
    if (rows.length < batchSize) return verifier.result();
    after = rows[rows.length - 1]!.seq;
  }
}
