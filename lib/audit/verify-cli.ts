// Verifies the hash chain of the audit log: `npm run audit:verify` (DATABASE_URL or PGLITE_DIR, default data/pglite).
// The chain is read across every month partition, starting after the newest archive if months were archived.
// With AUDIT_ARCHIVE_DIR it also checks every archive file against what was recorded when it was written.
// With AUDIT_CHECKPOINT_DIR and AUDIT_CHECKPOINT_KEY it also checks the log against the latest signed
// checkpoint, which shows rows cut off the end (the chain alone cannot).
// Exit codes: 0 chain intact, 1 chain broken, an archive bad, or the log behind its checkpoint; 2 database could not be opened.
import { verifyArchives } from './archive';
import { signingKeyFromSeed } from './checkpoint';
import { checkAgainstLatestCheckpoint } from './checkpoint-store';
import { openAuditCliDatabase, runAuditCli, type AuditCliEnv } from './cli-database';
import type { Db } from '../db';
import { latestArchiveBoundary, verifyAuditLog } from './verify';

async function main(): Promise<number> {
  const opened = await openAuditCliDatabase('audit:verify');
  if (!opened) return 2;
  const { env, database } = opened;
  try {
    const started = Date.now();
    const boundary = await latestArchiveBoundary(database.db);
    const result = await verifyAuditLog(database.db, {
      onProgress: (rows) => {
        if (rows % 100_000 === 0 && rows > 0) console.error(`  … ${rows} rows checked`);
      },
    });
    if (!result.ok) {
      console.log(`audit chain BROKEN at seq ${result.seq} (${result.problem}): ${result.message}`);
      console.log(`  rows before the break are intact; ${result.rows - 1} rows verified`);
      return 1;
    }
    const from = boundary ? ` after the archive ending at seq ${boundary.seq}` : '';
    console.log(`audit chain OK: ${result.rows} rows${from} (${Date.now() - started} ms)`);
    if (!(await archivesOk(database.db, env, boundary !== null))) return 1;
    return (await checkpointOk(database.db, env)) ? 0 : 1;
  } catch (error) {
    console.error(`audit:verify: reading the log failed: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await database.close();
  }
}

async function archivesOk(db: Db, env: AuditCliEnv, archived: boolean): Promise<boolean> {
  if (!archived) return true;
  if (!env.AUDIT_ARCHIVE_DIR) {
    console.log('  archives not checked (set AUDIT_ARCHIVE_DIR to the folder of the archive files)');
    return true;
  }
  const verdict = await verifyArchives(db, env.AUDIT_ARCHIVE_DIR);
  if (verdict.ok) {
    console.log(`archives OK: ${verdict.files} files, ${verdict.rows} rows, chained from the first row to the database`);
    return true;
  }
  console.log(`audit archive BAD: ${verdict.file}: ${verdict.message}`);
  return false;
}

async function checkpointOk(db: Db, env: AuditCliEnv): Promise<boolean> {
  const { AUDIT_CHECKPOINT_DIR: dir, AUDIT_CHECKPOINT_KEY: key } = env;
  if (!dir || !key) {
    console.log('  no checkpoint checked (set AUDIT_CHECKPOINT_DIR and AUDIT_CHECKPOINT_KEY): rows cut off the end would not show');
    return true;
  }
  const verdict = await checkAgainstLatestCheckpoint(db, signingKeyFromSeed(key), dir);
  if (!verdict.checkpoint) {
    console.log(`  no checkpoint yet in ${dir}`);
    return true;
  }
  if (verdict.ok) {
    console.log(`checkpoint OK: seq ${verdict.checkpoint.seq} signed at ${verdict.checkpoint.at} is in the log`);
    return true;
  }
  console.log(`audit log ${verdict.problem.toUpperCase()} against its checkpoint: ${verdict.message}`);
  return false;
}

runAuditCli(main);
