import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that the hash covers (everything but the hash itself). */
export interface AuditRecord {
  seq: number;
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  hospitalCode: string | null;
  action: string;
  outcome: string;
  patientCid: string | null;
  purpose: string | null;
  accessRef: string | null;
  clientIp: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash = SHA-256(previous hash ‖ canonical row): editing, removing or reordering any row breaks every later hash. */
export function hashAuditRecord(record: AuditRecord): string {
  return createHash('sha256').update(record.prevHash).update('\n').update(canonicalJson(record)).digest('hex');
}

export type ChainBreak =
  | { ok: true; rows: number }
  | { ok: false; rows: number; seq: number; problem: 'gap' | 'prev-hash' | 'hash'; message: string };

/** Walks rows in seq order and reports the first missing, reordered or edited one. */
export function verifyChain(rows: Iterable<AuditRecord & { hash: string }>): ChainBreak {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const row of rows) {
    count++;
    if (row.seq !== expectedSeq) return { ok: false, rows: count, seq: row.seq, problem: 'gap', message: `row ${expectedSeq} is missing (found ${row.seq} next)` };
    if (row.prevHash !== prevHash) return { ok: false, rows: count, seq: row.seq, problem: 'prev-hash', message: `row ${row.seq} does not follow row ${row.seq - 1} (removed, reordered or replaced)` };
    if (hashAuditRecord(row) !== row.hash) return { ok: false, rows: count, seq: row.seq, problem: 'hash', message: `row ${row.seq} was edited after it was written` };
    prevHash = row.hash;
    expectedSeq++;
  }
  return { ok: true, rows: count };
}
