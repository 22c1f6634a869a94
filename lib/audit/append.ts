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

/**
 * Appends one row to the hash-chained audit log. Pass a transaction to write the audit row together with
 * the action it records; throws if the row cannot be written (callers fail closed).
 */
export async function appendAudit(db: Db, entry: AuditEntry, now: Date = new Date()): Promise<{ seq: number; id: string }> {
  const write = async (tx: Db) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
    const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    const record: AuditRecord = {
      seq: (last?.seq ?? 0) + 1,
      id: crypto.randomUUID(),
      at: now.toISOString(),
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
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const hash = hashAuditRecord(record);
    await tx.insert(auditLog).values({ ...record, actorType: entry.actorType, outcome: entry.outcome, purpose: entry.purpose ?? null, at: now, hash });
    return { seq: record.seq, id: record.id };
  };
  // Nested in a caller's transaction the lock lasts until that transaction commits, keeping the chain linear.
  return db.transaction((tx) => write(tx as unknown as Db));
}
