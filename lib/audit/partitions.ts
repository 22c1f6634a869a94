import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';

// No 'server-only': `npm run audit:archive` lists partitions from the command line too.

/** A month partition of audit_log, `audit_log_pYYYYMM`, holding rows whose `at` falls in that UTC month. */
export interface AuditPartition {
  name: string;
  /** `YYYY-MM`. */
  month: string;
}

/** Rows of a raw query: both drivers (PGlite, node-postgres) answer `{ rows }`, which Drizzle's generic type hides. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

const PARTITION_NAME = /^audit_log_p(\d{4})(\d{2})$/;

/** The first day (UTC) of the month `offset` months after the one containing `now`, as `YYYY-MM-DD`. */
export function monthStart(now: Date, offset = 0): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

/**
 * Makes sure this month's and next month's partitions exist, so rows written around midnight at a month's end
 * never fall into the default partition. Run at start-up and daily; idempotent and safe across instances
 * (the SQL function takes an advisory lock). Returns the months whose partition could not be made because
 * the default partition already holds rows of them (they stay there, chained and verified as any other).
 */
export async function ensureAuditPartitions(db: Db, now: Date): Promise<string[]> {
  const blocked: string[] = [];
  for (const day of [monthStart(now), monthStart(now, 1)]) {
    const [result] = await queryRows<{ ok: boolean }>(db, sql`SELECT audit_log_ensure_month(${day}::date) AS ok`);
    if (!result?.ok) blocked.push(day.slice(0, 7));
  }
  return blocked;
}

/** The month partitions attached to audit_log, oldest first (the default partition is not listed). */
export async function listAuditPartitions(db: Db): Promise<AuditPartition[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_log'::regclass`,
  );
  return rows
    .map((r) => PARTITION_NAME.exec(r.name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[0], month: `${m[1]}-${m[2]}` }))
    .sort((a, b) => a.month.localeCompare(b.month));
}
