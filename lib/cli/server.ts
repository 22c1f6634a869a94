/**
 * The production HTTP server: Next.js behind a plain node:http server so that every request is counted and
 * timed by route, and SIGTERM drains in-flight requests (readiness turns 503 first) before the database pool
 * closes. Build output under /_next/static is sent from memory, compressed at build time (see
 * lib/http/static-assets.ts). Started by lib/cli/start.ts; usable directly: `node --import tsx lib/cli/server.ts`.
 */
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { env } from '../env';
import { readBodyCapped, replayRequest } from '../http/action-body';
import { ACTION_BODY_LIMIT, isActionRequest, screenActionBody, screenActionRequest, type Refusal } from '../http/action-screen';
import { stampClient } from '../http/client-address';
import { loadStaticAssets, serveStaticAsset } from '../http/static-assets';
import { metrics, routeLabel } from '../metrics';

const root = path.resolve(import.meta.dirname, '../..');
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';
const DRAIN_MS = 25_000;

const shared = globalThis as unknown as {
  __hlShuttingDown?: boolean;
  __hlDatabase?: Promise<{ close(): Promise<void> }>;
  __hlCheckpointNow?: () => Promise<void>;
};

function refuse(res: http.ServerResponse, refusal: Refusal): void {
  metrics().refusedRequests.inc({ reason: refusal.reason });
  res.writeHead(refusal.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(`${refusal.reason}\n`);
}

async function main(): Promise<void> {
  const app = next({ dev: false, dir: root, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const assets = await loadStaticAssets(path.join(root, process.env.NEXT_DIST_DIR ?? '.next', 'static'));
  // Which reverse proxies may tell us the client's address (TRUSTED_PROXIES); read once, validated.
  const trusted = env().TRUSTED_PROXIES;
  let inFlight = 0;
  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    inFlight++;
    res.on('close', () => {
      inFlight--;
      const route = routeLabel(req.url ?? '/');
      const m = metrics();
      m.httpRequests.inc({ method: req.method ?? 'GET', route, status: String(res.statusCode) });
      m.httpDuration.observe({ method: req.method ?? 'GET', route }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    stampClient(req, trusted);
    if (shared.__hlShuttingDown) res.setHeader('Connection', 'close');
    const refusal = screenActionRequest(req.method, req.headers);
    if (refusal) return refuse(res, refusal);
    if (isActionRequest(req.method, req.headers)) void handleAction(req, res);
    else if (!serveStaticAsset(assets, req, res)) void handle(req, res);
  });

  /** A server action's body is read and screened here (size, nesting, decodability), then replayed to Next. */
  async function handleAction(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body: Buffer | null;
    try {
      body = await readBodyCapped(req, ACTION_BODY_LIMIT);
    } catch {
      res.destroy(); // the client went away mid-body
      return;
    }
    if (body === null) {
      res.setHeader('Connection', 'close'); // the rest of the body is never read
      return refuse(res, { status: 413, reason: 'body-too-large' });
    }
    const refusal = screenActionBody(req.headers['content-type'], body);
    if (refusal) return refuse(res, refusal);
    await handle(replayRequest(req, body), res);
  }
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => {
    console.log(`Ready on http://${hostname}:${port}`);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    shared.__hlShuttingDown = true;
    console.log(`${signal}: draining ${inFlight} in-flight request(s)`);
    server.close();
    server.closeIdleConnections();
    const deadline = Date.now() + DRAIN_MS;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    server.closeAllConnections();
    // The last rows of this run are signed before the database closes (lib/startup.ts set the hook).
    await shared.__hlCheckpointNow?.();
    try {
      await (await shared.__hlDatabase)?.close();
    } catch {
      // Closing a pool that failed to open is not an error at shutdown.
    }
    console.log('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
