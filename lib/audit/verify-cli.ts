// Verifies the hash chain of the audit log: `npm run audit:verify` (DATABASE_URL or PGLITE_DIR, default data/pglite).
// With AUDIT_CHECKPOINT_DIR and AUDIT_CHECKPOINT_KEY it also checks the log against the latest signed
// checkpoint, which shows rows cut off the end (the chain alone cannot).
// Exit codes: 0 chain intact, 1 chain broken or behind its checkpoint, 2 database could not be opened.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { openDatabase, type Database } from '../db/client';
import { signingKeyFromSeed } from './checkpoint';
import { checkAgainstLatestCheckpoint } from './checkpoint-store';
import { verifyAuditLog } from './verify';

const cliEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  PGLITE_DIR: z.string().min(1).default('data/pglite'),
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_KEY: z.string().min(1).optional(),
});

const CLI_VARS = ['DATABASE_URL', 'PGLITE_DIR', 'AUDIT_CHECKPOINT_DIR', 'AUDIT_CHECKPOINT_KEY'];

async function main(): Promise<number> {
  const parsed = cliEnvSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([k, v]) => CLI_VARS.includes(k) && v)));
  if (!parsed.success) {
    console.error(`audit:verify: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return 2;
  }
  const { DATABASE_URL, PGLITE_DIR, AUDIT_CHECKPOINT_DIR, AUDIT_CHECKPOINT_KEY } = parsed.data;
  if (!DATABASE_URL && !existsSync(path.resolve(PGLITE_DIR))) {
    console.error(`audit:verify: no database at ${PGLITE_DIR} (set DATABASE_URL or PGLITE_DIR)`);
    return 2;
  }
  let database: Database;
  try {
    database = await openDatabase(DATABASE_URL ? { url: DATABASE_URL } : { pgliteDir: PGLITE_DIR });
  } catch (error) {
    console.error(`audit:verify: cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  try {
    const started = Date.now();
    const result = await verifyAuditLog(database.db, {
      onProgress: (rows) => {
        if (rows % 100_000 === 0 && rows > 0) console.error(`  … ${rows} rows checked`);
      },
    });
    if (result.ok) {
      console.log(`audit chain OK: ${result.rows} rows (${Date.now() - started} ms)`);
      if (!AUDIT_CHECKPOINT_DIR || !AUDIT_CHECKPOINT_KEY) {
        console.log('  no checkpoint checked (set AUDIT_CHECKPOINT_DIR and AUDIT_CHECKPOINT_KEY): rows cut off the end would not show');
        return 0;
      }
      const verdict = await checkAgainstLatestCheckpoint(database.db, signingKeyFromSeed(AUDIT_CHECKPOINT_KEY), AUDIT_CHECKPOINT_DIR);
      if (!verdict.checkpoint) {
        console.log(`  no checkpoint yet in ${AUDIT_CHECKPOINT_DIR}`);
        return 0;
      }
      if (verdict.ok) {
        console.log(`checkpoint OK: seq ${verdict.checkpoint.seq} signed at ${verdict.checkpoint.at} is in the log`);
        return 0;
      }
      console.log(`audit log ${verdict.problem.toUpperCase()} against its checkpoint: ${verdict.message}`);
      return 1;
    }
    console.log(`audit chain BROKEN at seq ${result.seq} (${result.problem}): ${result.message}`);
    console.log(`  rows before the break are intact; ${result.rows - 1} rows verified`);
    return 1;
  } catch (error) {
    console.error(`audit:verify: reading the log failed: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
