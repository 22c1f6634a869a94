/**
 * Creates a hospital admin and prints the one-time setup link:
 *   npm run admin:create -- --hospital 11535 --username somchai [--display-name "สมชาย ใจดี"] [--role privacy-officer]
 * Needs APP_URL and either DATABASE_URL (PostgreSQL) or PGLITE_DIR (embedded; default data/pglite).
 * The embedded database (PGlite) can be opened by one process only: stop the app while running this.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase } from '../db/client';
import { createAdminAccount, SETUP_LINK_HOURS } from './setup';

const cliEnvSchema = z.object({
  APP_URL: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  PGLITE_DIR: z.string().min(1).default('data/pglite'),
});

function fail(lines: string[]): never {
  for (const l of lines) console.error(l);
  process.exit(1);
}

async function main(): Promise<void> {
  let values: { hospital?: string; username?: string; 'display-name'?: string; role?: string };
  try {
    ({ values } = parseArgs({
      options: { hospital: { type: 'string' }, username: { type: 'string' }, 'display-name': { type: 'string' }, role: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    fail([error instanceof Error ? error.message : String(error)]);
  }
  const role = values.role ?? 'admin';
  if (!values.hospital || !values.username || (role !== 'admin' && role !== 'privacy-officer'))
    fail([
      'Usage: npm run admin:create -- --hospital <5-digit code> --username <name> [--display-name "..."] [--role admin|privacy-officer]',
    ]);
  const cleaned = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ''));
  const config = cliEnvSchema.safeParse(cleaned);
  if (!config.success)
    fail(config.error.issues.map((i) => `${i.path.join('.')}: ${i.code === 'invalid_type' ? 'is required but not set' : i.message}`));
  const target = config.data.DATABASE_URL ? { url: config.data.DATABASE_URL } : { pgliteDir: config.data.PGLITE_DIR };
  let database;
  try {
    database = await openDatabase(target);
  } catch (error) {
    fail([
      `Cannot open the database: ${error instanceof Error ? error.message : String(error)}`,
      ...('pgliteDir' in target
        ? ['With the embedded database the app must be stopped while admin:create runs (one process at a time).']
        : []),
    ]);
  }
  const result = await createAdminAccount(database.db, {
    hospitalCode: values.hospital,
    username: values.username,
    displayName: values['display-name'],
    role,
  }).finally(() => database.close());
  if (!result.ok) fail(result.errors);
  console.log(`Admin "${values.username.trim().toLowerCase()}" created for hospital ${values.hospital}.`);
  console.log(`Give them this one-time setup link (valid ${SETUP_LINK_HOURS} h, until ${result.expiresAt.toISOString()}):`);
  console.log(`  ${config.data.APP_URL}/admin/setup/${result.token}`);
}

await main();
