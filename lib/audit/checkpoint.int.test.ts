import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDatabase, DATABASE_KINDS } from '../testing/databases';
import { appendAudit } from './append';
import { signingKeyFromSeed } from './checkpoint';
import { checkAgainstLatestCheckpoint, readLatestCheckpoint, recordCheckpoint } from './checkpoint-store';

const run = promisify(execFile);
const seed = randomBytes(32).toString('base64');
const key = signingKeyFromSeed(seed);

describe.each(DATABASE_KINDS)('audit checkpoints outside the database on %s', (kind) => {
  let database: Database & { url?: string };
  let dir: string;
  beforeEach(async () => {
    database = await createTestDatabase(kind);
    dir = mkdtempSync(path.join(tmpdir(), 'hl-checkpoints-'));
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = async (n: number) => {
    for (let i = 0; i < n; i++)
      await appendAudit(database.db, {
        actorType: 'doctor',
        actorId: '12345',
        hospitalCode: '11535',
        action: 'clinical-read',
        outcome: 'success',
        patientCid: '1234567890121',
        purpose: 'TREAT',
      });
  };
  /** Cuts the newest rows off as someone with the database's superuser could. */
  const truncateFrom = async (seq: number) => {
    await database.runner.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await database.runner.exec(`DELETE FROM audit_log WHERE seq >= ${seq}`);
    await database.runner.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
  };

  it('signs the head once per change, and finds rows cut off the end that the chain alone cannot', async () => {
    await append(5);
    const first = await recordCheckpoint(database.db, key, dir, new Date());
    expect(first?.seq).toBe(5);
    expect(await recordCheckpoint(database.db, key, dir, new Date())).toBeNull();
    await append(2);
    expect((await recordCheckpoint(database.db, key, dir, new Date()))?.seq).toBe(7);
    expect(readdirSync(dir)).toHaveLength(2);
    expect(readLatestCheckpoint(dir)?.seq).toBe(7);
    expect(await checkAgainstLatestCheckpoint(database.db, key, dir)).toMatchObject({ ok: true });

    await truncateFrom(6); // the chain of rows 1–5 still verifies
    expect(await checkAgainstLatestCheckpoint(database.db, key, dir)).toMatchObject({ ok: false, problem: 'truncated' });
    expect(await checkAgainstLatestCheckpoint(database.db, signingKeyFromSeed(randomBytes(32).toString('base64')), dir)).toMatchObject({
      ok: false,
      problem: 'bad-signature',
    });
  });

  if (kind === 'postgres') {
    it('npm run audit:verify reports a log cut behind its checkpoint', async () => {
      await append(4);
      await recordCheckpoint(database.db, key, dir, new Date());
      const cli = () =>
        run('node', ['--conditions=react-server', '--import', 'tsx', 'lib/audit/verify-cli.ts'], {
          env: { ...process.env, DATABASE_URL: database.url!, AUDIT_CHECKPOINT_DIR: dir, AUDIT_CHECKPOINT_KEY: seed },
        }).then(
          (r) => ({ code: 0, out: r.stdout }),
          (e: unknown) => {
            const failure = e as { code: number; stdout: string; stderr: string };
            return { code: failure.code, out: failure.stdout + failure.stderr };
          },
        );
      expect(await cli()).toMatchObject({ code: 0, out: expect.stringContaining('checkpoint OK: seq 4') as string });
      await truncateFrom(3);
      const cut = await cli();
      expect(cut.code).toBe(1);
      expect(cut.out).toContain('audit chain OK: 2 rows');
      expect(cut.out).toContain('TRUNCATED against its checkpoint');
    });
  }
});
