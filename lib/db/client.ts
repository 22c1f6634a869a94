import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { applyMigrations, type SqlRunner } from './migrate';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  runner: SqlRunner;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Where the database lives: a PostgreSQL URL, or a PGlite folder (`memory://` for tests). */
export type DatabaseTarget = { url: string } | { pgliteDir: string };

/** Opens the database and applies pending migrations; a failed migration rolls back and throws. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const database = 'url' in target ? openPostgres(target.url) : await openPglite(target.pgliteDir);
  try {
    await applyMigrations(database.runner);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000 });
  // An idle client error (e.g. the server restarting) must not crash the process; queries will report it.
  pool.on('error', () => undefined);
  const runner: SqlRunner = {
    async exec(sqlText) {
      await pool.query(sqlText);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          exec: async (s) => {
            await client.query(s);
          },
          query: async (s, p) => (await client.query<Record<string, unknown>>(s, p)).rows,
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async query(sqlText, params) {
      return (await pool.query<Record<string, unknown>>(sqlText, params)).rows;
    },
  };
  return {
    db: drizzlePg(pool, { schema }),
    kind: 'postgres',
    runner,
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}

async function openPglite(dir: string): Promise<Database> {
  const inMemory = dir.startsWith('memory://');
  if (!inMemory) mkdirSync(path.resolve(dir), { recursive: true });
  const client = new PGlite(inMemory ? undefined : path.resolve(dir));
  await client.waitReady;
  const runner: SqlRunner = {
    async exec(sqlText) {
      await client.exec(sqlText);
    },
    async transaction(fn) {
      return client.transaction(async (tx) =>
        fn({
          exec: async (s) => {
            await tx.exec(s);
          },
          query: async (s, p) => (await tx.query<Record<string, unknown>>(s, p)).rows,
        }),
      );
    },
    async query(sqlText, params) {
      return (await client.query<Record<string, unknown>>(sqlText, params)).rows;
    },
  };
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    runner,
    ping: async () => {
      await client.query('SELECT 1');
    },
    close: () => client.close(),
  };
}
