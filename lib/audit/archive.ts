import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { and, asc, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { auditArchive, auditLog } from '../db/schema';
import { appendAudit } from './append';
import { createChainVerifier, GENESIS_HASH, type AuditRecord, type ChainPoint } from './chain';
import { listAuditPartitions, monthStart, queryRows } from './partitions';
import { latestArchiveBoundary, toAuditRecord, verifyAuditLog, VERIFY_BATCH_SIZE } from './verify';

// No 'server-only': this is the code of `npm run audit:archive`, an operator's command, not a request path.

export type ArchiveOutcome =
  | { ok: true; partitions: string[]; rows: number; firstSeq: number; lastSeq: number; file: string | null }
  | { ok: false; reason: 'not-past' | 'nothing-to-archive' | 'chain-broken' | 'file-exists'; message: string };

/**
 * Archives every month partition up to and including `through` (`YYYY-MM`, a month before the current one):
 *
 * 1. verifies the chain still in the database (from the genesis or the previous archive);
 * 2. writes every row after the previous archive up to the newest row of those months, in seq order, as JSON
 *    lines to a new file in `dir` (never overwriting one), checking the chain again as it writes, flushed to
 *    disk, with its SHA-256;
 * 3. in one transaction: records the boundary (first/last seq, last hash, file and checksum) in audit_archive,
 *    appends an `audit-archive` row to the chain, and detaches and drops the archived partitions.
 *
 * A row is archived by seq, not by month: a row of the next month whose seq is before the boundary (a request
 * begun before midnight and recorded after) goes into this file too, and stays online until its own month is
 * archived; verification of what is online starts after the boundary, so it is never counted twice.
 * Needs the table owner's rights (DETACH/DROP), which the app's own database user should not have.
 */
export async function archiveAuditMonths(db: Db, options: { through: string; dir: string; now: Date }): Promise<ArchiveOutcome> {
  if (`${options.through}-01` >= monthStart(options.now))
    return { ok: false, reason: 'not-past', message: `${options.through} is not before the current month; only past months are archived` };
  const partitions = (await listAuditPartitions(db)).filter((p) => p.month <= options.through);
  if (partitions.length === 0) return { ok: false, reason: 'nothing-to-archive', message: `no month partition up to ${options.through}` };
  const chain = await verifyAuditLog(db);
  if (!chain.ok) return { ok: false, reason: 'chain-broken', message: `the chain is broken at seq ${chain.seq}: ${chain.message}` };

  const start: ChainPoint = (await latestArchiveBoundary(db)) ?? { seq: 0, hash: GENESIS_HASH };
  const names = partitions.map((p) => p.name);
  const [newest] = await queryRows<{ seq: string | number | null }>(
    db,
    sql`SELECT max(seq) AS seq FROM audit_log WHERE tableoid::regclass::text IN (${sql.join(
      names.map((n) => sql`${n}`),
      sql`, `,
    )})`,
  );
  const lastSeq = Math.max(Number(newest?.seq ?? 0), start.seq);
  let file: string | null = null;
  let last: ChainPoint = start;
  if (lastSeq > start.seq) {
    file = path.join(options.dir, `audit-archive-${pad(start.seq + 1)}-${pad(lastSeq)}.jsonl`);
    if (existsSync(file))
      return { ok: false, reason: 'file-exists', message: `${file} exists without a recorded archive (an interrupted run): move it away` };
    const written = await writeArchiveFile(db, file, start, lastSeq);
    last = written.last;
    await db.transaction(async (tx) => {
      await tx.insert(auditArchive).values({
        firstSeq: start.seq + 1,
        lastSeq,
        lastHash: last.hash,
        prevHash: start.hash,
        rows: lastSeq - start.seq,
        partitions: names,
        fileName: path.basename(file!),
        fileSha256: written.sha256,
      });
      await recordAndDetach(tx, names, { firstSeq: start.seq + 1, lastSeq, sha256: written.sha256 }, options.now);
    });
  } else {
    await db.transaction((tx) => recordAndDetach(tx as unknown as Db, names, { firstSeq: null, lastSeq: null, sha256: null }, options.now));
  }
  return { ok: true, partitions: names, rows: lastSeq - start.seq, firstSeq: start.seq + 1, lastSeq, file };
}

const pad = (n: number) => String(n).padStart(12, '0');

async function recordAndDetach(
  tx: Db,
  names: string[],
  range: { firstSeq: number | null; lastSeq: number | null; sha256: string | null },
  now: Date,
): Promise<void> {
  await appendAudit(
    tx,
    { actorType: 'system', action: 'audit-archive', outcome: 'success', details: { partitions: names, ...range } },
    now,
  );
  for (const name of names) {
    await tx.execute(sql.raw(`ALTER TABLE audit_log DETACH PARTITION "${name}"`));
    await tx.execute(sql.raw(`DROP TABLE "${name}"`));
  }
}

/** Streams rows (start.seq, lastSeq] to a new file, verifying the chain as it goes; throws on any break. */
async function writeArchiveFile(db: Db, file: string, start: ChainPoint, lastSeq: number): Promise<{ sha256: string; last: ChainPoint }> {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'wx');
  const hash = createHash('sha256');
  const verifier = createChainVerifier(start);
  let last = start;
  try {
    for (let after = start.seq; after < lastSeq;) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(gt(auditLog.seq, after), lte(auditLog.seq, lastSeq)))
        .orderBy(asc(auditLog.seq))
        .limit(VERIFY_BATCH_SIZE);
      if (rows.length === 0) throw new Error(`rows after seq ${after} are missing`);
      let chunk = '';
      for (const row of rows) {
        const record = toAuditRecord(row);
        const broken = verifier.push(record);
        if (broken && !broken.ok) throw new Error(`chain broken at seq ${broken.seq} while archiving: ${broken.message}`);
        chunk += `${JSON.stringify(record)}\n`;
        last = { seq: record.seq, hash: record.hash };
      }
      writeSync(fd, chunk);
      hash.update(chunk);
      after = last.seq;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), last };
}

export type ArchiveVerdict =
  { ok: true; files: number; rows: number } | { ok: false; files: number; rows: number; file: string; message: string };

/**
 * Checks every recorded archive against its file in `dir`: the files follow one another without a gap, each
 * file's SHA-256 is the one recorded, and its rows form an unbroken chain from the previous archive's last
 * hash to its own. Together with verifyAuditLog this covers the chain from the genesis to today's last row.
 */
export async function verifyArchives(db: Db, dir: string): Promise<ArchiveVerdict> {
  const archives = await db.select().from(auditArchive).orderBy(asc(auditArchive.lastSeq));
  let previous: ChainPoint = { seq: 0, hash: GENESIS_HASH };
  let rows = 0;
  for (const [i, archive] of archives.entries()) {
    const fail = (message: string): ArchiveVerdict => ({ ok: false, files: i, rows, file: archive.fileName, message });
    if (archive.firstSeq !== previous.seq + 1 || archive.prevHash !== previous.hash)
      return fail(`does not follow the previous archive (expected to start after seq ${previous.seq})`);
    const file = path.join(dir, archive.fileName);
    if (!existsSync(file)) return fail('the file is missing');
    const checked = await checkArchiveFile(file, previous);
    if (checked.sha256 !== archive.fileSha256) return fail('its SHA-256 differs from the one recorded when it was written');
    if (checked.problem) return fail(checked.problem);
    if (checked.last.seq !== archive.lastSeq || checked.last.hash !== archive.lastHash)
      return fail(`it ends at seq ${checked.last.seq}, not at the recorded seq ${archive.lastSeq}`);
    rows += checked.rows;
    previous = { seq: archive.lastSeq, hash: archive.lastHash };
  }
  return { ok: true, files: archives.length, rows };
}

async function checkArchiveFile(
  file: string,
  start: ChainPoint,
): Promise<{ sha256: string; last: ChainPoint; rows: number; problem?: string }> {
  const hash = createHash('sha256');
  const verifier = createChainVerifier(start);
  let last = start;
  let rows = 0;
  let problem: string | undefined;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    hash.update(`${line}\n`);
    if (problem) continue;
    rows++;
    try {
      const record = JSON.parse(line) as AuditRecord & { hash: string };
      const broken = verifier.push(record);
      if (broken && !broken.ok) problem = `row ${broken.seq}: ${broken.message}`;
      else last = { seq: record.seq, hash: record.hash };
    } catch {
      problem = `line ${rows} is not a JSON row`;
    }
  }
  return { sha256: hash.digest('hex'), last, rows, problem };
}
