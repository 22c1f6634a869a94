import 'server-only';
import { database } from './db';
import { env } from './env';

export type Check = 'ok' | 'down';

async function timed<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness plus the database: the process is up and can reach its state. */
export async function checkHealth(): Promise<{ status: 'ok' | 'degraded'; db: Check; dbKind?: 'pglite' | 'postgres' }> {
  try {
    const d = await timed(database(), 5000);
    await timed(d.ping(), 2000);
    return { status: 'ok', db: 'ok', dbKind: d.kind };
  } catch {
    return { status: 'degraded', db: 'down' };
  }
}

async function reachable(url: string, token?: string): Promise<Check> {
  try {
    const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(3000) });
    return res.status < 500 ? 'ok' : 'down';
  } catch {
    return 'down';
  }
}

/** Readiness: database, exchange, council registry and SMS gateway all reachable. */
export async function checkReadiness(): Promise<{
  status: 'ready' | 'not-ready' | 'shutting-down';
  db: Check;
  exchange: Check;
  registry: Check;
  sms: Check;
}> {
  const config = env();
  const [health, exchange, registry, sms] = await Promise.all([
    checkHealth(),
    reachable(`${config.EXCHANGE_URL}/Organization?active=true&_count=1`, config.EXCHANGE_TOKEN),
    reachable(`${config.COUNCIL_URL}/council/practitioners/0000`, config.COUNCIL_TOKEN),
    reachable(`${config.SMS_URL}/sms/messages?to=0000000000`, config.SMS_TOKEN),
  ]);
  const all = { db: health.db, exchange, registry, sms };
  // The production server sets this on SIGTERM so the load balancer stops sending new requests.
  if ((globalThis as { __hlShuttingDown?: boolean }).__hlShuttingDown) return { status: 'shutting-down', ...all };
  return { status: Object.values(all).every((c) => c === 'ok') ? 'ready' : 'not-ready', ...all };
}
