// Archives past months of the audit log: `npm run audit:archive -- --through 2025-11` (DATABASE_URL or
// PGLITE_DIR; AUDIT_ARCHIVE_DIR is where the files go). Verifies the chain, writes the rows of every month
// partition up to that month to a new file with its SHA-256, records the boundary, then detaches and drops
// those partitions — see docs/operations-audit.md "Archiving past months" for the whole procedure.
// Run it as the table's owner, with the app stopped when the database is PGlite.
// Exit codes: 0 archived, 1 refused (chain broken, month not past, nothing to archive), 2 could not run.
import { parseArgs } from 'node:util';
import { archiveAuditMonths } from './archive';
import { openAuditCliDatabase, runAuditCli } from './cli-database';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { through: { type: 'string' } } });
  if (!values.through || !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.through)) {
    console.error('audit:archive: give the last month to archive as --through YYYY-MM');
    return 2;
  }
  const opened = await openAuditCliDatabase('audit:archive');
  if (!opened) return 2;
  const { env, database } = opened;
  if (!env.AUDIT_ARCHIVE_DIR) {
    console.error('audit:archive: set AUDIT_ARCHIVE_DIR to the (write-once) folder the archive files go to');
    await database.close();
    return 2;
  }
  try {
    const outcome = await archiveAuditMonths(database.db, { through: values.through, dir: env.AUDIT_ARCHIVE_DIR, now: new Date() });
    if (!outcome.ok) {
      console.log(`audit:archive refused (${outcome.reason}): ${outcome.message}`);
      return 1;
    }
    console.log(`archived ${outcome.partitions.join(', ')}: rows seq ${outcome.firstSeq}…${outcome.lastSeq} (${outcome.rows})`);
    if (outcome.file) console.log(`  file: ${outcome.file}`);
    return 0;
  } finally {
    await database.close();
  }
}

runAuditCli(main);
