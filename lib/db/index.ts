import 'server-only';
import { env } from '../env';
import { openDatabase, type Database } from './client';

const globalForDb = globalThis as unknown as { __hlDatabase?: Promise<Database> };

/**
 * The process-wide database. Kept on globalThis because Next.js may load this module more than once in one
 * process (one copy per bundle layer), and two PGlite instances on one folder would corrupt it.
 */
export function database(): Promise<Database> {
  if (!globalForDb.__hlDatabase) {
    const config = env();
    const pending = openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { pgliteDir: config.PGLITE_DIR });
    // A failed open must not be cached forever: the next call retries.
    pending.catch(() => {
      globalForDb.__hlDatabase = undefined;
    });
    globalForDb.__hlDatabase = pending;
  }
  return globalForDb.__hlDatabase;
}

/** The Drizzle handle for queries. */
export async function db() {
  return (await database()).db;
}

export type { Db, Database } from './client';
