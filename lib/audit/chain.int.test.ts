import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { AppError } from '../errors';
import { createTestDatabase, DATABASE_KINDS } from '../testing/databases';
import { openDatabase } from '../db/client';
import { appendAudit, appendAuditGrouped, type AuditEntry } from './append';
import { withAuditedRead } from './read';
import { verifyAuditLog } from './verify';

const run = promisify(execFile);

const entry = (i: number): AuditEntry => ({
  actorType: 'doctor',
  actorId: String(10000 + i),
  actorRole: 'doctor',
  hospitalCode: '11535',
  action: 'clinical-read',
  outcome: 'success',
  patientCid: '1234567890121',
  purpose: 'TREAT',
  details: { hospitals: ['10661'], types: { Observation: i } },
});

/** Tampers as a superuser would: switches the append-only triggers off, changes rows, switches them back on. */
async function tamper(database: Database, statements: string[]): Promise<void> {
  await database.runner.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
  for (const s of statements) await database.runner.exec(s);
  await database.runner.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
}

describe.each(DATABASE_KINDS)('audit chain on %s', (kind) => {
  let database: Database & { url?: string };
  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await database.close();
  });

  async function seed(n: number): Promise<void> {
    for (let i = 1; i <= n; i++) await appendAudit(database.db, entry(i), new Date(Date.UTC(2026, 10, 1, 8, 0, i)));
  }

  it('verifies an untouched chain, also across batch boundaries', async () => {
    await seed(12);
    expect(await verifyAuditLog(database.db)).toEqual({ ok: true, rows: 12 });
    expect(await verifyAuditLog(database.db, { batchSize: 5 })).toEqual({ ok: true, rows: 12 });
    expect(await verifyAuditLog(database.db, { batchSize: 4 })).toEqual({ ok: true, rows: 12 });
  });

  it('detects an edited row', async () => {
    await seed(6);
    await tamper(database, [`UPDATE audit_log SET details = '{"hospitals":["10661"],"types":{"Observation":99}}' WHERE seq = 4`]);
    expect(await verifyAuditLog(database.db, { batchSize: 2 })).toMatchObject({ ok: false, seq: 4, problem: 'hash' });
  });

  it('detects an edited row whose hash was recomputed naively (the next row no longer follows)', async () => {
    await seed(6);
    await tamper(database, [`UPDATE audit_log SET outcome = 'denied', hash = repeat('a', 64) WHERE seq = 2`]);
    const result = await verifyAuditLog(database.db);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.seq).toBe(2);
  });

  it('detects a deleted row', async () => {
    await seed(6);
    await tamper(database, ['DELETE FROM audit_log WHERE seq = 3']);
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: false, seq: 4, problem: 'gap' });
  });

  it('detects a deleted row hidden by renumbering the rest', async () => {
    await seed(6);
    await tamper(database, [
      'DELETE FROM audit_log WHERE seq = 3',
      'UPDATE audit_log SET seq = -seq WHERE seq > 3',
      'UPDATE audit_log SET seq = -seq - 1 WHERE seq < 0',
    ]);
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: false, seq: 3, problem: 'prev-hash' });
  });

  it('detects reordered rows', async () => {
    await seed(6);
    await tamper(database, [
      'UPDATE audit_log SET seq = 100 WHERE seq = 3',
      'UPDATE audit_log SET seq = 3 WHERE seq = 4',
      'UPDATE audit_log SET seq = 4 WHERE seq = 100',
    ]);
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: false, seq: 3, problem: 'prev-hash' });
  });

  it('keeps one linear chain under 50 parallel appends', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => appendAudit(database.db, entry(i))));
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await verifyAuditLog(database.db)).toEqual({ ok: true, rows: 50 });
  });

  describe('appendAuditGrouped', () => {
    it('keeps one linear chain when 60 grouped and 20 single appends race', async () => {
      const grouped = Array.from({ length: 60 }, (_, i) =>
        appendAuditGrouped(
          database.db,
          i % 3 === 0 ? [entry(i), { ...entry(i), action: 'safety-wrong-patient', outcome: 'failure' }] : [entry(i)],
        ),
      );
      const single = Array.from({ length: 20 }, (_, i) => appendAudit(database.db, entry(100 + i)));
      const [groupedRows, singleRows] = await Promise.all([Promise.all(grouped), Promise.all(single)]);
      const seqs = [...groupedRows.flat(), ...singleRows].map((r) => r.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      // A caller's rows are consecutive, in the order given.
      for (const rows of groupedRows) expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => rows[0]!.seq + i));
      const pairs = await database.runner.query(
        "SELECT a.action AS first, b.action AS second FROM audit_log a JOIN audit_log b ON b.seq = a.seq + 1 WHERE b.action = 'safety-wrong-patient'",
      );
      expect(pairs).toHaveLength(20);
      for (const pair of pairs) expect(pair.first).toBe('clinical-read');
      // Concurrent callers really shared transactions (otherwise this would only test appendAudit again).
      const transactions = await database.runner.query('SELECT count(DISTINCT xmin::text)::int AS n FROM audit_log');
      expect(Number(transactions[0]!.n)).toBeLessThan(80);
      expect(await verifyAuditLog(database.db)).toEqual({ ok: true, rows: 100 });
    });

    it('fails every caller of a group that cannot be written, then writes the next group', async () => {
      await seed(1);
      await database.runner.exec('ALTER TABLE audit_log RENAME TO audit_log_gone');
      const failed = await Promise.allSettled([
        appendAuditGrouped(database.db, [entry(2)]),
        appendAuditGrouped(database.db, [entry(3)]),
        appendAuditGrouped(database.db, [entry(4)]),
      ]);
      await database.runner.exec('ALTER TABLE audit_log_gone RENAME TO audit_log');
      expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      const [written] = await appendAuditGrouped(database.db, [entry(5)]);
      expect(written?.seq).toBe(2);
      expect(await verifyAuditLog(database.db)).toEqual({ ok: true, rows: 2 });
    });

    if (kind === 'postgres') {
      it('keeps one chain when two app instances (two pools) append in groups at once', async () => {
        const other = await openDatabase({ url: database.url! });
        try {
          const a = Array.from({ length: 40 }, (_, i) => appendAuditGrouped(database.db, [entry(i)]));
          const b = Array.from({ length: 40 }, (_, i) => appendAuditGrouped(other.db, [entry(100 + i), entry(200 + i)]));
          await Promise.all([...a, ...b]);
        } finally {
          await other.close();
        }
        expect(await verifyAuditLog(database.db)).toEqual({ ok: true, rows: 120 });
      });
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE while the triggers are on', async () => {
    await seed(2);
    await expect(database.runner.query("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(database.runner.query('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(/append-only/);
    await expect(database.runner.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await verifyAuditLog(database.db)).toEqual({ ok: true, rows: 2 });
  });

  describe('withAuditedRead (fail closed)', () => {
    it('writes the audit row, then returns the data', async () => {
      const data = await withAuditedRead(
        database.db,
        (r: { count: number }) => ({ ...entry(1), details: { count: r.count } }),
        () => Promise.resolve({ count: 7 }),
      );
      expect(data).toEqual({ count: 7 });
      const rows = await database.runner.query('SELECT action, details FROM audit_log');
      expect(rows).toEqual([{ action: 'clinical-read', details: { count: 7 } }]);
    });

    it('returns nothing and throws audit-unavailable when the insert fails', async () => {
      const broken = new Proxy(database.db, {
        get(target, prop, receiver) {
          if (prop === 'transaction') return () => Promise.reject(new Error('connection lost'));
          return Reflect.get(target, prop, receiver) as unknown;
        },
      });
      let got: unknown = 'untouched';
      const error = await withAuditedRead(broken, entry(1), () => Promise.resolve('secret')).then(
        (d) => (got = d),
        (e: unknown) => e,
      );
      expect(got).toBe('untouched');
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('audit-unavailable');
      expect((error as AppError).status).toBe(503);
    });

    it('fails closed when the audit table itself is unavailable', async () => {
      await database.runner.exec('ALTER TABLE audit_log RENAME TO audit_log_gone');
      try {
        await expect(withAuditedRead(database.db, entry(1), () => Promise.resolve('secret'))).rejects.toMatchObject({
          code: 'audit-unavailable',
        });
      } finally {
        await database.runner.exec('ALTER TABLE audit_log_gone RENAME TO audit_log');
      }
      expect(await verifyAuditLog(database.db)).toEqual({ ok: true, rows: 0 });
    });

    it('records a failing read as a failure and rethrows its error', async () => {
      await expect(
        withAuditedRead(database.db, entry(1), () => Promise.reject(new AppError('unavailable', { th: 'x', en: 'x' }))),
      ).rejects.toMatchObject({ code: 'unavailable' });
      const rows = await database.runner.query('SELECT outcome, details FROM audit_log');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ outcome: 'failure', details: { error: 'unavailable' } });
    });
  });

  if (kind === 'postgres') {
    it('npm run audit:verify exits 0 on a sound chain, 1 on a break, 2 without a database', async () => {
      await seed(5);
      const cli = (url: string) =>
        run('node', ['--conditions=react-server', '--import', 'tsx', 'lib/audit/verify-cli.ts'], {
          env: { ...process.env, DATABASE_URL: url },
        }).then(
          (r) => ({ code: 0, out: r.stdout }),
          (e: unknown) => {
            const failure = e as { code: number; stdout: string; stderr: string };
            return { code: failure.code, out: failure.stdout + failure.stderr };
          },
        );
      const ok = await cli(database.url!);
      expect(ok).toMatchObject({ code: 0 });
      expect(ok.out).toContain('audit chain OK: 5 rows');
      await tamper(database, ['UPDATE audit_log SET client_ip = $$10.0.0.9$$ WHERE seq = 2']);
      const bad = await cli(database.url!);
      expect(bad.code).toBe(1);
      expect(bad.out).toMatch(/BROKEN at seq 2 \(hash\)/);
      const missing = await cli(database.url!.replace(/\/[^/]*$/, '/no_such_database'));
      expect(missing.code).toBe(2);
    });
  }
});
