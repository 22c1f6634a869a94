import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/client';

export type DatabaseKind = 'pglite' | 'postgres';

/** Both engines every database-facing test runs against. */
export const DATABASE_KINDS: DatabaseKind[] = ['pglite', 'postgres'];

/** The admin URL of the throw-away PostgreSQL server started by lib/cli/with-postgres.sh. */
export function postgresAdminUrl(): string {
  const url = inject('postgresUrl');
  if (!url) throw new Error('TEST_POSTGRES_URL is not set: run integration tests through `npm run test:integration`');
  return url;
}

/** Creates an empty, migrated database of the given kind (a new PostgreSQL database per call). */
export async function createTestDatabase(kind: DatabaseKind): Promise<Database & { url?: string }> {
  if (kind === 'pglite') return openDatabase({ pgliteDir: 'memory://' });
  const adminUrl = postgresAdminUrl();
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  return { ...(await openDatabase({ url })), url };
}
