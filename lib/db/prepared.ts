import 'server-only';
import type { Db } from './client';

/**
 * One prepared query per database handle, built on first use. A named prepared statement is parsed and
 * planned once per connection instead of on every request, and Drizzle skips rebuilding the SQL text.
 */
export function preparedPer<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let prepared = cache.get(db);
    if (prepared === undefined) {
      prepared = build(db);
      cache.set(db, prepared);
    }
    return prepared;
  };
}
