import 'server-only';
import { seedDemoData } from './admin/demo-seed';
import { recordCheckpoint } from './audit/checkpoint-store';
import { signingKeyFromSeed } from './audit/checkpoint';
import { ensureAuditPartitions } from './audit/partitions';
import { startLicenceRefresh } from './auth/licence-refresh';
import { database, db } from './db';
import { startDailyDigests } from './digest/schedule';
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
  startAuditCheckpoints(config);
  startAuditPartitionUpkeep();
  startDailyDigests(); // the patient's daily access digest (lib/digest): claimed per patient and day, sent once
  logger().info({ db: d.kind, appEnv: config.APP_ENV, sandbox: config.SANDBOX_MODE }, 'started');
}

/**
 * Signs the audit chain's head every AUDIT_CHECKPOINT_MINUTES into AUDIT_CHECKPOINT_DIR, and once more when
 * the server stops (lib/cli/server.ts calls the hook left on globalThis). A failed checkpoint is logged and
 * tried again next time; it never stops the app (the chain itself still guards every row).
 */
function startAuditCheckpoints(config: ReturnType<typeof env>): void {
  const { AUDIT_CHECKPOINT_KEY: seed, AUDIT_CHECKPOINT_DIR: dir } = config;
  if (!seed || !dir) return;
  const key = signingKeyFromSeed(seed);
  const checkpoint = async () => {
    try {
      const written = await recordCheckpoint(await db(), key, dir, new Date());
      if (written) logger().info({ seq: written.seq }, 'audit checkpoint written');
    } catch (error) {
      logger().error({ error: error instanceof Error ? error.message : 'unknown' }, 'audit checkpoint failed');
    }
  };
  (globalThis as { __hlCheckpointNow?: () => Promise<void> }).__hlCheckpointNow = checkpoint;
  void checkpoint();
  setInterval(() => void checkpoint(), config.AUDIT_CHECKPOINT_MINUTES * 60_000).unref();
}

/** How often the next month's audit partition is made ahead (it only has to exist before the month begins). */
const PARTITION_UPKEEP_HOURS = 6;

/**
 * Makes this month's and next month's audit_log partitions at start-up and every few hours, so rows never
 * pile up in the default partition (which would stop that month from being archived on its own). A failure
 * is logged and tried again; appends still succeed meanwhile (into the default partition).
 */
function startAuditPartitionUpkeep(): void {
  const upkeep = async () => {
    try {
      const blocked = await ensureAuditPartitions(await db(), new Date());
      if (blocked.length > 0)
        logger().warn({ months: blocked }, 'audit partitions not made: rows of these months are in the default partition');
    } catch (error) {
      logger().error({ error: error instanceof Error ? error.message : 'unknown' }, 'audit partition upkeep failed');
    }
  };
  void upkeep();
  setInterval(() => void upkeep(), PARTITION_UPKEEP_HOURS * 3_600_000).unref();
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
