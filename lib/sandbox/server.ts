/**
 * The sandbox HTTP server: one node:http process standing in for the health information exchange, the
 * Medical Council registry and the SMS gateway. Started by main.ts, or in-process by the contract tests.
 * The routes live in routes-*.ts; faults are applied by fault-responder.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxTokens } from './config';
import { DEFAULT_SEED } from './demo-catalog';
import { FaultResponder } from './fault-responder';
import type { FaultsPatch } from './faults';
import { generateDataset } from './generate';
import { HttpError, sendJson, sendOutcome } from './http-util';
import type { RouteContext, RouteRequest } from './route-context';
import { routeControl } from './routes-control';
import { routeCouncil } from './routes-council';
import { routeExchange } from './routes-exchange';
import { PhrStandIn } from './phr-stand-in';
import { routePhr } from './routes-phr';
import { routeSmsMessages, serveSmsInbox } from './routes-sms';
import { SandboxState } from './sandbox-state';

export { SandboxState } from './sandbox-state';

export interface StartSandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  /** Day the histories are counted back from (YYYY-MM-DD); default today, so demo data stays current. */
  anchorDate?: string;
  dataDir: string;
  latency?: 'default' | 'none';
  tokens?: Partial<SandboxTokens>;
  faults?: FaultsPatch;
  /** Receives one line per request; defaults to stdout. */
  log?: (line: string) => void;
}

export interface RunningSandbox {
  url: string;
  close(): Promise<void>;
  state: SandboxState;
}

const LOGGED_HEADERS = ['x-request-id', 'x-purpose-of-use', 'x-requesting-practitioner', 'x-requesting-organization'] as const;

/** Starts the sandbox; resolves once it is listening. */
export async function startSandbox(opts: StartSandboxOptions): Promise<RunningSandbox> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const tokens: SandboxTokens = {
    exchange: opts.tokens?.exchange ?? 'sandbox-exchange-token',
    council: opts.tokens?.council ?? 'sandbox-council-token',
    sms: opts.tokens?.sms ?? 'sandbox-sms-token',
    control: opts.tokens?.control ?? 'sandbox-control-token',
    phrUser: opts.tokens?.phrUser ?? 'sandbox-phr-user',
    phrPasswordHash: opts.tokens?.phrPasswordHash ?? 'sandbox-phr-password-hash',
  };
  const log = opts.log ?? ((line: string) => console.log(line));
  const state = new SandboxState(
    generateDataset(seed, opts.anchorDate ?? new Date().toISOString().slice(0, 10)),
    opts.dataDir,
    seed,
    opts.latency ?? 'default',
    (m) => console.warn(m),
  );
  if (opts.faults) state.faults.apply(opts.faults);
  const responder = new FaultResponder(state);
  const phr = new PhrStandIn(() => state.store, opts.anchorDate ?? new Date().toISOString().slice(0, 10), {
    user: tokens.phrUser,
    passwordHash: tokens.phrPasswordHash,
  });
  const ctx: RouteContext = { state, tokens, responder, phr };

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const base = `http://${req.headers.host ?? '127.0.0.1'}`;

    if (path === '/health' && method === 'GET') return sendJson(res, 200, { status: 'ok' });
    const r: RouteRequest = { req, res, url, path, method, base };

    if (path === '/sms' && method === 'GET') return serveSmsInbox(ctx, r);
    if (path.startsWith('/_sandbox/')) return routeControl(ctx, r);
    if (path.startsWith('/council/')) return routeCouncil(ctx, r);
    if (path === '/sms/messages') return routeSmsMessages(ctx, r);
    if (path.startsWith('/moph-phr/')) return routePhr(ctx, phr, r);
    // Everything else is the exchange's FHIR API.
    return routeExchange(ctx, r);
  }

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    } catch {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    }
    res.on('close', () => {
      const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
      const status = res.headersSent ? String(res.statusCode) : 'no-response';
      // Only the path and tracing headers: citizen IDs and phone numbers travel in query strings and bodies.
      const headers = LOGGED_HEADERS.map((h) => {
        const v = req.headers[h];
        return `${h.replace(/^x-/, '')}=${typeof v === 'string' ? v.slice(0, 100) : '-'}`;
      }).join(' ');
      log(`${req.method ?? '-'} ${url.pathname} ${status} ${ms}ms ${headers}`);
    });
    const isFhirPath = !/^\/(council|sms|_sandbox|health|moph-phr)/.test(url.pathname);
    route(req, res, url).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) {
        if (isFhirPath) sendOutcome(res, err.status, err.code, err.message);
        else sendJson(res, err.status, { error: err.message });
        return;
      }
      console.error('sandbox: unexpected error', err instanceof Error ? err.message : 'unknown');
      if (isFhirPath) sendOutcome(res, 500, 'exception', 'internal sandbox error');
      else sendJson(res, 500, { error: 'internal sandbox error' });
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4010, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        responder.releaseAll();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
