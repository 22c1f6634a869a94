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
  // Only the hashed fields: a row read back from the database also carries its own `hash`, which must not count.
  const fields: AuditRecord = {
    seq: record.seq,
    id: record.id,
    at: record.at,
    actorType: record.actorType,
    actorId: record.actorId,
    actorRole: record.actorRole,
    hospitalCode: record.hospitalCode,
    action: record.action,
    outcome: record.outcome,
    patientCid: record.patientCid,
    purpose: record.purpose,
    accessRef: record.accessRef,
    clientIp: record.clientIp,
    userAgent: record.userAgent,
    requestId: record.requestId,
    details: record.details,
    prevHash: record.prevHash,
  };
  return createHash('sha256').update(record.prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

export type ChainBreak =
  { ok: true; rows: number } | { ok: false; rows: number; seq: number; problem: 'gap' | 'prev-hash' | 'hash'; message: string };

/** A row of the chain by its seq and hash: where verification starts (the genesis, or an archive boundary). */
export interface ChainPoint {
  seq: number;
  hash: string;
}

/**
 * An incremental chain checker for streaming: feed rows in seq order with `push`; it returns the first break
 * (and keeps returning it), or null while the chain holds. `result()` gives the verdict so far. `after` is the
 * row the first pushed row must follow: the genesis, or the last row of the newest archive.
 */
export function createChainVerifier(after: ChainPoint = { seq: 0, hash: GENESIS_HASH }): {
  push(row: AuditRecord & { hash: string }): ChainBreak | null;
  result(): ChainBreak;
} {
  let prevHash = after.hash;
  let expectedSeq = after.seq + 1;
  let count = 0;
  let broken: ChainBreak | null = null;
  const check = (row: AuditRecord & { hash: string }): ChainBreak | null => {
    if (row.seq !== expectedSeq) {
      const message =
        row.seq > expectedSeq
          ? `row ${expectedSeq} is missing (found ${row.seq} next)`
          : `row ${row.seq} is out of order (expected ${expectedSeq})`;
      return { ok: false, rows: count, seq: row.seq, problem: 'gap', message };
    }
    if (row.prevHash !== prevHash)
      return {
        ok: false,
        rows: count,
        seq: row.seq,
        problem: 'prev-hash',
        message: `row ${row.seq} does not follow row ${row.seq - 1} (removed, reordered or replaced)`,
      };
    if (hashAuditRecord(row) !== row.hash)
      return { ok: false, rows: count, seq: row.seq, problem: 'hash', message: `row ${row.seq} was edited after it was written` };
    return null;
  };
  return {
    push(row) {
      if (broken) return broken;
      count++;
      broken = check(row);
      if (!broken) {
        prevHash = row.hash;
        expectedSeq++;
      }
      return broken;
    },
    result() {
      return broken ?? { ok: true, rows: count };
    },
  };
}

/** Walks rows in seq order and reports the first missing, reordered or edited one. */
export function verifyChain(rows: Iterable<AuditRecord & { hash: string }>): ChainBreak {
  const verifier = createChainVerifier();
  for (const row of rows) if (verifier.push(row)) break;
  return verifier.result();
}
