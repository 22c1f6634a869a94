import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { auditLog } from '../db/schema';
import { checkpointSchema, compareWithCheckpoint, signCheckpoint, type Checkpoint, type CheckpointVerdict } from './checkpoint';

// No 'server-only': `npm run audit:verify` reads checkpoints from the command line too.

const FILE = /^checkpoint-(\d{12})-[\w-]+\.json$/;

/**
 * Writes a checkpoint as a new file: never overwriting one (`wx`), flushed to disk before returning. The
 * folder is meant to be append-only storage the database host cannot rewrite (another machine's mount,
 * WORM storage, a directory the app user may create files in but not change).
 */
export function writeCheckpoint(dir: string, checkpoint: Checkpoint): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `checkpoint-${String(checkpoint.seq).padStart(12, '0')}-${checkpoint.at.replace(/[:.]/g, '-')}.json`);
  const fd = openSync(file, 'wx');
  try {
    writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return file;
}

/** The checkpoint with the highest seq in the folder (files that do not parse are skipped), or null. */
export function readLatestCheckpoint(dir: string): Checkpoint | null {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => FILE.test(n));
  } catch {
    return null;
  }
  for (const name of names.sort().reverse()) {
    try {
      const parsed = checkpointSchema.safeParse(JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // A torn or foreign file is not a checkpoint; the next older one is.
    }
  }
  return null;
}

async function head(db: Db): Promise<{ seq: number; hash: string } | undefined> {
  const [row] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return row;
}

/** Signs and writes the chain's current head, unless the latest checkpoint already says exactly that. */
export async function recordCheckpoint(db: Db, key: KeyObject, dir: string, now: Date): Promise<Checkpoint | null> {
  const current = await head(db);
  if (!current) return null;
  const latest = readLatestCheckpoint(dir);
  if (latest && latest.seq === current.seq && latest.hash === current.hash) return null;
  const checkpoint = signCheckpoint(current, key, now);
  writeCheckpoint(dir, checkpoint);
  return checkpoint;
}

/** The log against its latest checkpoint; `none` when there is no checkpoint yet. */
export async function checkAgainstLatestCheckpoint(
  db: Db,
  key: KeyObject,
  dir: string,
): Promise<CheckpointVerdict & { checkpoint: Checkpoint | null }> {
  const checkpoint = readLatestCheckpoint(dir);
  if (!checkpoint) return { ok: true, checkpoint: null };
  const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, checkpoint.seq)).limit(1);
  const last = await head(db);
  return { ...compareWithCheckpoint(checkpoint, key, row?.hash, last?.seq ?? 0), checkpoint };
}
