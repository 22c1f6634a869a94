import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { openDatabase, type Database } from '../db/client';

// The audit command-line tools (audit:verify, audit:archive) run beside the app, not in it: they read their
// few settings here rather than through lib/env.ts, which validates the whole app's configuration.

const cliEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  PGLITE_DIR: z.string().min(1).default('data/pglite'),
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_KEY: z.string().min(1).optional(),
  AUDIT_ARCHIVE_DIR: z.string().min(1).optional(),
});

export type AuditCliEnv = z.infer<typeof cliEnvSchema>;

/**
 * Reads the tool's settings and opens the database (DATABASE_URL, or the PGlite folder PGLITE_DIR, default
 * data/pglite). Prints why and answers null when either fails; the caller exits with 2.
 */
export async function openAuditCliDatabase(tool: string): Promise<{ env: AuditCliEnv; database: Database } | null> {
  const parsed = cliEnvSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k in cliEnvSchema.shape && v)));
  if (!parsed.success) {
    console.error(`${tool}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return null;
  }
  const env = parsed.data;
  if (!env.DATABASE_URL && !existsSync(path.resolve(env.PGLITE_DIR))) {
    console.error(`${tool}: no database at ${env.PGLITE_DIR} (set DATABASE_URL or PGLITE_DIR)`);
    return null;
  }
  try {
    return { env, database: await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { pgliteDir: env.PGLITE_DIR }) };
  } catch (error) {
    console.error(`${tool}: cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** Runs a tool's main and exits with its code (2 on an unexpected error). */
export function runAuditCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
