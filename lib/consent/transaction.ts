import 'server-only';
import type { Db } from '../db';

/** Runs `fn` in one database transaction, typed as the same `Db` the consent services write through. */
export function transaction<T>(database: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return database.transaction((tx) => fn(tx as unknown as Db));
}
