import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { applyMigrations, listMigrations, type SqlRunner } from '../db/migrate';
import { createTestDatabase, DATABASE_KINDS } from '../testing/databases';
import { appendAudit, type AuditEntry } from './append';
import { archiveAuditMonths, verifyArchives } from './archive';
import { ensureAuditPartitions, listAuditPartitions, queryRows } from './partitions';
import { verifyAuditLog } from './verify';

const run = promisify(execFile);

const entry = (i: number): AuditEntry => ({
  actorType: 'doctor',
  actorId: String(10000 + i),
  hospitalCode: '11535',
  action: 'clinical-read',
  outcome: 'success',
  patientCid: '1234567890121',
  purpose: 'TREAT',
  details: { n: i },
});

const at = (month: number, day: number, second = 0) => new Date(Date.UTC(2026, month - 1, day, 8, 0, second));
const NOW = at(12, 6);

describe.each(DATABASE_KINDS)('audit_log month partitions on %s', (kind) => {
  let database: Database & { url?: string };
  let dir: string;
  beforeEach(async () => {
    database = await createTestDatabase(kind);
    dir = mkdtempSync(path.join(tmpdir(), 'hl-archive-'));
    for (const month of [8, 10]) await ensureAuditPartitions(database.db, at(month, 1)); // Aug–Nov
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Which table each seq is stored in. */
  async function homes(): Promise<Record<number, string>> {
    const rows = await queryRows<{ seq: string | number; part: string }>(
      database.db,
      sql`SELECT seq, tableoid::regclass::text AS part FROM audit_log ORDER BY seq`,
    );
    return Object.fromEntries(rows.map((r) => [Number(r.seq), r.part]));
  }

  it('stores each row in its month, keeps one chain across the months, and refuses TRUNCATE of a partition', async () => {
    await appendAudit(database.db, entry(1), at(8, 20));
    await appendAudit(database.db, entry(2), at(9, 3));
    await appendAudit(database.db, entry(3), at(10, 31));
    await appendAudit(database.db, entry(4), new Date(Date.UTC(2031, 0, 1))); // no partition yet: the default one
    expect(await homes()).toEqual({ 1: 'audit_log_p202608', 2: 'audit_log_p202609', 3: 'audit_log_p202610', 4: 'audit_log_pdefault' });
    expect(await verifyAuditLog(database.db, { batchSize: 2 })).toEqual({ ok: true, rows: 4 });
    // The default partition already holds January 2031, so that month's partition cannot be made.
    expect(await ensureAuditPartitions(database.db, new Date(Date.UTC(2030, 11, 15)))).toEqual(['2031-01']);
    await expect(database.runner.exec('TRUNCATE audit_log_p202609')).rejects.toThrow(/append-only/);
    await expect(database.runner.exec('DELETE FROM audit_log_p202609')).rejects.toThrow(/append-only/);
  });

  it('finds a row removed from a middle month', async () => {
    for (const [i, d] of [at(8, 2), at(9, 2), at(9, 3), at(10, 2)].entries()) await appendAudit(database.db, entry(i + 1), d);
    await database.runner.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await database.runner.exec('DELETE FROM audit_log_p202609 WHERE seq = 2');
    await database.runner.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: false, seq: 3, problem: 'gap' });
  });

  it('archives past months to files by seq, drops their partitions, and still verifies from the first row to the last', async () => {
    await appendAudit(database.db, entry(1), at(8, 2));
    await appendAudit(database.db, entry(2), at(9, 1)); // recorded before …
    await appendAudit(database.db, entry(3), at(8, 31)); // … a row of August: August's last seq is 3
    await appendAudit(database.db, entry(4), at(9, 20));
    await appendAudit(database.db, entry(5), at(10, 5));

    expect(await archiveAuditMonths(database.db, { through: '2026-12', dir, now: NOW })).toMatchObject({ ok: false, reason: 'not-past' });
    const first = await archiveAuditMonths(database.db, { through: '2026-08', dir, now: NOW });
    expect(first).toMatchObject({ ok: true, partitions: ['audit_log_p202608'], firstSeq: 1, lastSeq: 3, rows: 3 });
    const months = (await listAuditPartitions(database.db)).map((p) => p.month);
    expect(months).not.toContain('2026-08');
    expect(months).toEqual(expect.arrayContaining(['2026-09', '2026-10']));
    // Seq 2 stays online in September until September is archived; verification starts after seq 3.
    expect(await homes()).toMatchObject({ 2: 'audit_log_p202609', 4: 'audit_log_p202609', 5: 'audit_log_p202610' });
    expect(await verifyAuditLog(database.db)).toEqual({ ok: true, rows: 3 }); // 4, 5 and the archive's own row 6
    expect(await verifyArchives(database.db, dir)).toEqual({ ok: true, files: 1, rows: 3 });

    const second = await archiveAuditMonths(database.db, { through: '2026-09', dir, now: NOW });
    expect(second).toMatchObject({ ok: true, firstSeq: 4, lastSeq: 4, rows: 1 });
    expect(await verifyArchives(database.db, dir)).toEqual({ ok: true, files: 2, rows: 4 });
    expect(await verifyAuditLog(database.db)).toEqual({ ok: true, rows: 3 }); // 5, 6, 7

    const [firstFile] = readdirSync(dir).sort();
    const text = readFileSync(path.join(dir, firstFile!), 'utf8');
    writeFileSync(path.join(dir, firstFile!), text.replace('"n":2', '"n":9'));
    const tampered = await verifyArchives(database.db, dir);
    expect(tampered).toMatchObject({ ok: false, file: firstFile });
    expect(!tampered.ok && tampered.message).toMatch(/SHA-256/);
  });

  it('refuses to archive a broken chain', async () => {
    await appendAudit(database.db, entry(1), at(8, 2));
    await appendAudit(database.db, entry(2), at(8, 3));
    await database.runner.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await database.runner.exec(`UPDATE audit_log SET details = '{"n":7}' WHERE seq = 1`);
    await database.runner.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
    expect(await archiveAuditMonths(database.db, { through: '2026-08', dir, now: NOW })).toMatchObject({
      ok: false,
      reason: 'chain-broken',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it.runIf(kind === 'postgres')('npm run audit:archive archives, and npm run audit:verify checks the archive files', async () => {
    await appendAudit(database.db, entry(1), at(8, 2));
    await appendAudit(database.db, entry(2), at(10, 2));
    const env = { ...process.env, DATABASE_URL: database.url!, AUDIT_ARCHIVE_DIR: dir };
    const cli = (file: string, args: string[] = []) =>
      run('node', ['--conditions=react-server', '--import', 'tsx', `lib/audit/${file}`, ...args], { env }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: unknown) => ({ code: (e as { code: number }).code, out: (e as { stdout: string }).stdout }),
      );
    const archived = await cli('archive-cli.ts', ['--through', '2026-09']);
    expect([archived.code, archived.out]).toEqual([0, expect.stringContaining('seq 1…1 (1)') as unknown]);
    const verified = await cli('verify-cli.ts');
    expect([verified.code, verified.out]).toEqual([0, expect.stringContaining('archives OK: 1 files, 1 rows') as unknown]);
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file!), '');
    const bad = await cli('verify-cli.ts');
    expect([bad.code, bad.out]).toEqual([1, expect.stringContaining('audit archive BAD') as unknown]);
  });
});

describe('migration 0009 on a database that already has an audit trail', () => {
  it('moves every existing row into its month partition with the chain intact', async () => {
    const pglite = new PGlite();
    const runner: SqlRunner = {
      exec: async (text) => {
        await pglite.exec(text);
      },
      query: async (text, params) => (await pglite.query<Record<string, unknown>>(text, params)).rows,
      transaction: (fn) =>
        pglite.transaction((tx) =>
          fn({
            exec: async (text) => {
              await tx.exec(text);
            },
            query: async (text, params) => (await tx.query<Record<string, unknown>>(text, params)).rows,
          }),
        ),
    };
    const before = mkdtempSync(path.join(tmpdir(), 'hl-migrations-'));
    try {
      for (const m of listMigrations().filter((m) => m.version < '0009')) writeFileSync(path.join(before, m.name), m.sql);
      await applyMigrations(runner, before);
      // Two rows chained as lib/audit/append.ts writes them, a month apart, straight into the old table.
      const { drizzle } = await import('drizzle-orm/pglite');
      const schema = await import('../db/schema');
      const db = drizzle(pglite, { schema }) as unknown as Database['db'];
      await appendAudit(db, entry(1), at(7, 10));
      await appendAudit(db, entry(2), at(9, 10));
      await applyMigrations(runner);
      const parts = await pglite.query<{ seq: number; part: string }>(
        'SELECT seq, tableoid::regclass::text AS part FROM audit_log ORDER BY seq',
      );
      expect(parts.rows).toEqual([
        { seq: 1, part: 'audit_log_p202607' },
        { seq: 2, part: 'audit_log_p202609' },
      ]);
      expect(await verifyAuditLog(db)).toEqual({ ok: true, rows: 2 });
    } finally {
      rmSync(before, { recursive: true, force: true });
      await pglite.close();
    }
  });
});
