import 'server-only';
import { db } from '../db';
import { logger } from '../log';
import { services } from '../services';
import { DIGEST_CHECK_MS } from './rules';
import { sendDailyDigests } from './service';

/**
 * Every instance looks for yesterday's digests every DIGEST_CHECK_MS (and once at start): the claimed rows
 * in access_digest_sends make the instances share the work, each digest going out once. A failed run is
 * logged (counts only) and tried again at the next look; it never stops the app.
 */
export function startDailyDigests(): void {
  const run = async () => {
    try {
      const adapters = services();
      const result = await sendDailyDigests({ db: await db(), exchange: adapters.exchange, sms: adapters.sms, now: () => new Date() });
      if (result.sent + result.failed + result.noPhone > 0) logger().info({ ...result }, 'access digests sent');
    } catch (error) {
      logger().error({ error: error instanceof Error ? error.message : 'unknown' }, 'access digest run failed');
    }
  };
  void run();
  setInterval(() => void run(), DIGEST_CHECK_MS).unref();
}
