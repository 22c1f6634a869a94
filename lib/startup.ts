import 'server-only';
import { seedDemoData } from './admin/demo-seed';
import { startLicenceRefresh } from './auth/licence-refresh';
import { database, db } from './db';
import { env } from './env';
import { logger } from './log';
import { services } from './services';

/** Start-up: validate configuration, open the database (migrations run), seed demo data in sandbox mode. */
export async function startUp(): Promise<void> {
  const config = env();
  const d = await database();
  if (config.SANDBOX_MODE) await seedDemoData(d.db, config.AUTH_SECRET);
  // Licences of doctors at work are re-checked ahead of the 60 s rule, so their requests need not wait.
  startLicenceRefresh(db, () => services().registry);
  logger().info({ db: d.kind, appEnv: config.APP_ENV, sandbox: config.SANDBOX_MODE }, 'started');
}

/** startUp, but a failure prints its reason and stops the process: nothing half-starts. */
export async function startUpOrExit(): Promise<void> {
  try {
    await startUp();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
