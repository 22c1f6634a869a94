import 'server-only';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { auditLog } from '../db/schema';
import { GENESIS_HASH, hashAuditRecord, type AuditRecord } from './chain';

export { AUDIT_ACTIONS, PATIENT_ACCESS_ACTIONS, type AuditAction } from './actions';
import type { AuditAction } from './actions';

export interface AuditEntry {
  actorType: 'doctor' | 'admin' | 'service' | 'system' | 'anonymous';
  actorId?: string | null;
  actorRole?: string | null;
  hospitalCode?: string | null;
  action: AuditAction;
  outcome: 'success' | 'failure' | 'denied';
  patientCid?: string | null;
  purpose?: 'TREAT' | 'ETREAT' | null;
  accessRef?: string | null;
  clientIp?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  /** Facts about the event (counts, codes, reasons). Never a PIN, OTP, password, token or clinical content. */
  details?: Record<string, unknown>;
}

// One lock key for the whole chain: appends are serialised so concurrent writers never fork it.
const AUDIT_LOCK_KEY = 728101;

/** Rows per INSERT when appends are grouped (18 parameters a row stays far below PostgreSQL's 65,535). */
const MAX_GROUP_ROWS = 500;

type Written = { seq: number; id: string };

/** Locks the chain, then links and inserts the rows in order after the current last row. Call inside a transaction. */
async function writeLinked(tx: Db, items: readonly { entry: AuditEntry; at: Date }[]): Promise<Written[]> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = items.map(({ entry, at }) => {
    seq++;
    const record: AuditRecord = {
      seq,
      id: crypto.randomUUID(),
      at: at.toISOString(),
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      actorRole: entry.actorRole ?? null,
      hospitalCode: entry.hospitalCode ?? null,
      action: entry.action,
      outcome: entry.outcome,
      patientCid: entry.patientCid ?? null,
      purpose: entry.purpose ?? null,
      accessRef: entry.accessRef ?? null,
      clientIp: entry.clientIp ?? null,
      userAgent: entry.userAgent?.slice(0, 300) ?? null,
      requestId: entry.requestId ?? null,
      details: entry.details ?? {},
      prevHash,
    };
    prevHash = hashAuditRecord(record);
    return { ...record, actorType: entry.actorType, outcome: entry.outcome, purpose: entry.purpose ?? null, at, hash: prevHash };
  });
  await tx.insert(auditLog).values(rows);
  return rows.map((r) => ({ seq: r.seq, id: r.id }));
}

/**
 * Appends one row to the hash-chained audit log. Pass a transaction to write the audit row together with
 * the action it records; throws if the row cannot be written (callers fail closed).
 */
export async function appendAudit(db: Db, entry: AuditEntry, now: Date = new Date()): Promise<{ seq: number; id: string }> {
  // Nested in a caller's transaction the lock lasts until that transaction commits, keeping the chain linear.
  const [written] = await db.transaction((tx) => writeLinked(tx as unknown as Db, [{ entry, at: now }]));
  return written!;
}

interface GroupedRequest {
  items: { entry: AuditEntry; at: Date }[];
  resolve: (written: Written[]) => void;
  reject: (error: unknown) => void;
}

const groups = new WeakMap<Db, { queue: GroupedRequest[]; writing: boolean }>();

/**
 * Appends rows that record no other write (e.g. a clinical read) and resolves only once they are committed,
 * so callers still fail closed. Appends arriving while a group is being written wait and go together in
 * the next one: one transaction and one hold of the chain lock for many requests, instead of one each.
 * A caller's rows stay consecutive and commit or fail together. `db` must be the database, not a transaction.
 */
export function appendAuditGrouped(db: Db, entries: readonly AuditEntry[], now: Date = new Date()): Promise<Written[]> {
  let group = groups.get(db);
  if (!group) {
    group = { queue: [], writing: false };
    groups.set(db, group);
  }
  const queued = group;
  return new Promise<Written[]>((resolve, reject) => {
    queued.queue.push({ items: entries.map((entry) => ({ entry, at: now })), resolve, reject });
    if (!queued.writing) void writeGroups(db, queued);
  });
}

async function writeGroups(db: Db, group: { queue: GroupedRequest[]; writing: boolean }): Promise<void> {
  group.writing = true;
  while (group.queue.length > 0) {
    const batch: GroupedRequest[] = [];
    let rows = 0;
    while (group.queue.length > 0 && (batch.length === 0 || rows + group.queue[0]!.items.length <= MAX_GROUP_ROWS)) {
      const next = group.queue.shift()!;
      batch.push(next);
      rows += next.items.length;
    }
    try {
      const written = await db.transaction((tx) =>
        writeLinked(
          tx as unknown as Db,
          batch.flatMap((r) => r.items),
        ),
      );
      let offset = 0;
      for (const r of batch) {
        r.resolve(written.slice(offset, offset + r.items.length));
        offset += r.items.length;
      }
    } catch (error) {
      for (const r of batch) r.reject(error);
    }
  }
  group.writing = false;
}
