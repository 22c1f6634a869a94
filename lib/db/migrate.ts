import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

type Row = Record<string, unknown>;

/** The few raw operations migrations and locks need, over PGlite or a PostgreSQL pool alike. */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<Row[]>;
  transaction<T>(
    fn: (tx: { exec(sql: string): Promise<void>; query(sql: string, params?: unknown[]): Promise<Row[]> }) => Promise<T>,
  ): Promise<T>;
}

export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib', 'db', 'migrations');

/** Lists migration files in version order (`0001_name.sql`, `0002_…`). */
export function listMigrations(dir = MIGRATIONS_DIR): { version: string; name: string; sql: string }[] {
  return readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.slice(0, 4), name: f, sql: readFileSync(/*turbopackIgnore: true*/ path.join(dir, f), 'utf8') }));
}

/**
 * Applies every migration not yet recorded, each in its own transaction, under an advisory lock so that
 * several instances starting together apply each migration once. A failure rolls that migration back and throws.
 */
export async function applyMigrations(runner: SqlRunner, dir = MIGRATIONS_DIR): Promise<string[]> {
  const applied: string[] = [];
  // Under the same lock: two instances starting on an empty database would otherwise both try to create the
  // table, and CREATE TABLE IF NOT EXISTS is not safe against that race (one fails on pg_type's unique index).
  await runner.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(728100)');
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
  });
  for (const migration of listMigrations(dir)) {
    await runner.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(728100)');
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new Error(
          `Migration ${migration.name} failed and was rolled back: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.name);
    });
  }
  return applied;
}
