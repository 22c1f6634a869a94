/**
 * The sandbox HTTP server: one node:http process standing in for the health information exchange, the
 * Medical Council registry and the SMS gateway. Started by main.ts, or in-process by the contract tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bundle, Reference, Resource } from '@medplum/fhirtypes';
import { z } from 'zod';
import { DEFAULT_SEED } from './demo-catalog';
import { findPractitioner, verifyBodySchema, verifyPractitioner } from './council';
import { listOrganizations, searchConsents, searchHospital, searchPatients, type HospitalSearchResult } from './exchange';
import { FaultController, faultsPatchSchema, type FaultDecision, type FaultsPatch } from './faults';
import { generateDataset } from './generate';
import {
  FHIR_JSON,
  HttpError,
  JSON_TYPE,
  hasBearer,
  isLoopbackAddress,
  operationOutcome,
  readBody,
  readJson,
  sendBody,
  sendJson,
  sendOutcome,
} from './http-util';
import { applyImportRecord, importTargetSchema, loadImportRecords, parseImportBundle, saveImportRecord } from './importer';
import type { Dataset } from './model';
import { SmsOutbox, renderInbox, sendSmsSchema } from './sms';
import { SandboxStore } from './store';
import type { SandboxTokens } from './config';

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

/** Live state, exposed to in-process tests. */
export class SandboxState {
  store: SandboxStore;
  readonly faults: FaultController;
  readonly outbox = new SmsOutbox();

  constructor(
    readonly dataset: Dataset,
    readonly dataDir: string,
    seed: number,
    latency: 'default' | 'none',
    private readonly warn: (msg: string) => void,
  ) {
    this.faults = new FaultController(seed, latency);
    this.store = this.buildStore();
  }

  private buildStore(): SandboxStore {
    const store = SandboxStore.fromDataset(this.dataset);
    for (const record of loadImportRecords(this.dataDir, this.warn)) applyImportRecord(store, record);
    store.finalise();
    return store;
  }

  /** Re-reads imports without touching faults or the SMS outbox. */
  reload(): void {
    this.store = this.buildStore();
  }

  /** Back to the seed state: data (with imports) reloaded, faults and outbox cleared. */
  reset(): void {
    this.faults.clear();
    this.outbox.clear();
    this.reload();
  }
}

export interface RunningSandbox {
  url: string;
  close(): Promise<void>;
  state: SandboxState;
}

interface Reply {
  status: number;
  body: unknown;
  contentType: string;
}

const HOLD_MS = 120_000;
const LOGGED_HEADERS = ['x-request-id', 'x-purpose-of-use', 'x-requesting-practitioner', 'x-requesting-organization'] as const;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function fhir(status: number, body: unknown): Reply {
  return { status, body, contentType: FHIR_JSON };
}

function json(status: number, body: unknown): Reply {
  return { status, body, contentType: JSON_TYPE };
}

/** Swaps the patient identifier on a copy of a resource, as a misbehaving hospital might. */
function withOtherPatient(resource: Resource, otherCid: string, type: string): Resource {
  const copy = structuredClone(resource) as unknown as Record<string, unknown>;
  copy.id = `${resource.id ?? 'injected'}-wrong-patient`;
  const field = type === 'AllergyIntolerance' || type === 'Immunization' ? 'patient' : 'subject';
  const ref = (copy[field] ?? {}) as Reference;
  const wrong: Reference = {
    ...ref,
    reference: 'Patient/WRONG-PATIENT',
    identifier: { system: ref.identifier?.system ?? 'https://terms.sil-th.org/id/th-cid', value: otherCid },
  };
  copy[field] = wrong;
  return copy as unknown as Resource;
}

/** Starts the sandbox; resolves once it is listening. */
export async function startSandbox(opts: StartSandboxOptions): Promise<RunningSandbox> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const tokens: SandboxTokens = {
    exchange: opts.tokens?.exchange ?? 'sandbox-exchange-token',
    council: opts.tokens?.council ?? 'sandbox-council-token',
    sms: opts.tokens?.sms ?? 'sandbox-sms-token',
    control: opts.tokens?.control ?? 'sandbox-control-token',
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
  const held = new Set<NodeJS.Timeout>();
  let errorCounter = 0;

  function otherCid(cid: string): string {
    for (const p of state.store.patients.values()) if (p.cid !== cid) return p.cid;
    return '3100400012344';
  }

  function injectWrongPatient(bundle: Bundle, cid: string, type: string): void {
    const first = bundle.entry?.[0]?.resource;
    const base: Resource = first ?? ({ resourceType: type, id: 'injected', status: 'final' } as unknown as Resource);
    const injected = withOtherPatient(base, otherCid(cid), type);
    bundle.entry = [...(bundle.entry ?? []), { fullUrl: `urn:uuid:${injected.id ?? ''}`, resource: injected, search: { mode: 'match' } }];
  }

  function hold(res: ServerResponse): void {
    // A hung upstream: never answer, but drop the socket eventually so nothing leaks.
    const timer = setTimeout(() => {
      held.delete(timer);
      res.socket?.destroy();
    }, HOLD_MS);
    timer.unref();
    held.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      held.delete(timer);
    });
  }

  function writeReply(res: ServerResponse, reply: Reply, decision?: FaultDecision): void {
    const isFhir = reply.contentType === FHIR_JSON;
    switch (decision?.malformed) {
      case 'html':
        sendBody(
          res,
          200,
          'text/html; charset=utf-8',
          '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>upstream proxy error</p></body></html>',
        );
        return;
      case 'truncated': {
        const text = JSON.stringify(reply.body);
        sendBody(res, reply.status, reply.contentType, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
        return;
      }
      case 'wrong-type':
        sendJson(
          res,
          reply.status,
          isFhir
            ? { resourceType: 'Binary', id: 'unexpected', contentType: 'text/plain', data: 'bm90IGEgYnVuZGxl' }
            : ['unexpected', 'shape'],
          reply.contentType,
        );
        return;
      case undefined:
        sendJson(res, reply.status, reply.body, reply.contentType);
        return;
    }
  }

  async function faulted(
    target: string,
    res: ServerResponse,
    isFhir: boolean,
    produce: (d: FaultDecision) => Reply | Promise<Reply>,
  ): Promise<void> {
    const decision = state.faults.decide(target);
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    if (decision.timeout) {
      hold(res);
      return;
    }
    if (decision.error) {
      errorCounter += 1;
      const status = [503, 500, 502][errorCounter % 3] ?? 503;
      if (isFhir) sendOutcome(res, status, 'transient', 'simulated upstream failure');
      else sendJson(res, status, { error: 'simulated upstream failure' });
      return;
    }
    writeReply(res, await produce(decision), decision);
  }

  function hospitalReply(result: HospitalSearchResult, decision: FaultDecision, type: string): Reply {
    if (result.status !== 200) return fhir(result.status, result.outcome);
    if (decision.wrongPatient) injectWrongPatient(result.bundle, result.cid, type);
    return fhir(200, result.bundle);
  }

  const batchSchema = z.object({
    resourceType: z.literal('Bundle'),
    type: z.literal('batch'),
    entry: z.array(z.object({ request: z.object({ method: z.string(), url: z.string().min(1) }) }).loose()).max(100),
  });

  async function handleBatch(req: IncomingMessage, res: ServerResponse, hcode: string, base: string): Promise<void> {
    const parsed = batchSchema.safeParse(await readJson(req));
    if (!parsed.success)
      throw new HttpError(
        400,
        `expected a FHIR batch Bundle of GET requests: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    await faulted(hcode, res, true, (decision) => {
      let injected = false;
      const entry = parsed.data.entry.map((e) => {
        const { method, url } = e.request;
        const rel = url.replace(/^\//, '');
        const type = rel.split('?')[0] ?? '';
        if (method.toUpperCase() !== 'GET')
          return { resource: operationOutcome('not-supported', 'only GET is supported in a batch'), response: { status: '405' } };
        if (type.includes('/'))
          return { resource: operationOutcome('not-found', `unsupported request url ${url}`), response: { status: '404' } };
        try {
          const result = searchHospital(state.store, hcode, type, new URL(`${base}/hospitals/${hcode}/fhir/${rel}`));
          if (result.status !== 200) return { resource: result.outcome, response: { status: String(result.status) } };
          if (decision.wrongPatient && !injected) {
            injectWrongPatient(result.bundle, result.cid, type);
            injected = true;
          }
          return { resource: result.bundle, response: { status: '200' } };
        } catch (err) {
          if (err instanceof HttpError)
            return { resource: operationOutcome(err.code, err.message), response: { status: String(err.status) } };
          throw err;
        }
      });
      return fhir(200, { resourceType: 'Bundle', type: 'batch-response', entry });
    });
  }

  function requireToken(req: IncomingMessage, token: string, isFhir: boolean): void {
    if (hasBearer(req, token)) return;
    throw new HttpError(401, isFhir ? 'missing or invalid bearer token' : 'unauthorized', 'login');
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const base = `http://${req.headers.host ?? '127.0.0.1'}`;

    if (path === '/health' && method === 'GET') return sendJson(res, 200, { status: 'ok' });

    if (path === '/sms' && method === 'GET') {
      if (!isLoopbackAddress(req.socket.remoteAddress))
        return sendJson(res, 403, { error: 'the SMS inbox page is only served to loopback clients' });
      return sendBody(res, 200, 'text/html; charset=utf-8', renderInbox(state.outbox.list().slice(0, 100)));
    }

    if (path.startsWith('/_sandbox/')) {
      requireToken(req, tokens.control, false);
      if (path === '/_sandbox/faults' && method === 'GET')
        return sendJson(res, 200, { faults: state.faults.snapshot(), defaultLatency: state.faults.defaultLatencyRanges() });
      if (path === '/_sandbox/faults' && method === 'POST') {
        const patch = faultsPatchSchema.safeParse(await readJson(req));
        if (!patch.success)
          return sendJson(res, 400, { error: patch.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
        state.faults.apply(patch.data);
        return sendJson(res, 200, { faults: state.faults.snapshot() });
      }
      if (path === '/_sandbox/reset' && method === 'POST') {
        state.reset();
        return sendJson(res, 200, { status: 'reset' });
      }
      if (path === '/_sandbox/reload' && method === 'POST') {
        state.reload();
        return sendJson(res, 200, { status: 'reloaded' });
      }
      if (path === '/_sandbox/import' && method === 'POST') {
        const target = importTargetSchema.safeParse({
          hcode: url.searchParams.get('hospital') ?? '',
          cid: url.searchParams.get('cid') ?? '',
          phone: url.searchParams.get('phone') ?? undefined,
        });
        if (!target.success)
          return sendJson(res, 400, { error: target.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
        const parsed = parseImportBundle(await readBody(req), 'request-body.json', target.data, new Date().toISOString());
        if (!parsed.ok) return sendJson(res, 400, { error: parsed.reason });
        saveImportRecord(state.dataDir, parsed.record, 0);
        state.reload();
        return sendJson(res, 201, { imported: parsed.record.resources.length });
      }
      return sendJson(res, 404, { error: 'unknown control route' });
    }

    if (path.startsWith('/council/')) {
      requireToken(req, tokens.council, false);
      if (path === '/council/verify' && method === 'POST') {
        const body = verifyBodySchema.safeParse(await readJson(req));
        if (!body.success) return sendJson(res, 400, { error: 'expected {licenseNumber, pin} strings' });
        return faulted('council', res, false, () => json(200, verifyPractitioner(body.data.licenseNumber, body.data.pin)));
      }
      const m = /^\/council\/practitioners\/([^/]+)$/.exec(path);
      if (m && method === 'GET') {
        const licence = decodeURIComponent(m[1]!);
        return faulted('council', res, false, () => {
          const p = findPractitioner(licence);
          return p ? json(200, p) : json(404, { error: 'practitioner not found' });
        });
      }
      return sendJson(res, 404, { error: 'unknown council route' });
    }

    if (path === '/sms/messages') {
      requireToken(req, tokens.sms, false);
      if (method === 'POST') {
        const body = sendSmsSchema.safeParse(await readJson(req));
        if (!body.success)
          return sendJson(res, 400, { error: body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
        return faulted('sms', res, false, () => json(202, { id: state.outbox.send(body.data.to, body.data.text).id, status: 'queued' }));
      }
      if (method === 'GET') {
        const to = url.searchParams.get('to');
        return faulted('sms', res, false, () => json(200, { messages: state.outbox.list(to ?? undefined) }));
      }
      return sendJson(res, 405, { error: 'method not allowed' });
    }

    // Everything else is the exchange's FHIR API.
    requireToken(req, tokens.exchange, true);
    if (method === 'GET' && (path === '/Organization' || path === '/Patient' || path === '/Consent')) {
      const bundle =
        path === '/Organization'
          ? listOrganizations(url)
          : path === '/Patient'
            ? searchPatients(state.store, url)
            : searchConsents(state.store, url);
      return faulted('index', res, true, () => fhir(200, bundle));
    }
    const search = /^\/hospitals\/([^/]+)\/fhir\/([A-Za-z]+)$/.exec(path);
    if (search && method === 'GET') {
      const [, hcode, type] = search as unknown as [string, string, string];
      const result = searchHospital(state.store, hcode, type, url);
      if (result.status === 404) return sendJson(res, 404, result.outcome, FHIR_JSON);
      return faulted(hcode, res, true, (d) => hospitalReply(result, d, type));
    }
    const batch = /^\/hospitals\/([^/]+)\/fhir$/.exec(path);
    if (batch && method === 'POST') {
      const hcode = batch[1]!;
      if (!state.faults.defaultLatencyRanges()[hcode]) return sendOutcome(res, 404, 'not-found', `unknown hospital ${hcode}`);
      return handleBatch(req, res, hcode, base);
    }
    return sendOutcome(res, 404, 'not-found', `no route for ${method} ${path}`);
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
    const isFhirPath = !/^\/(council|sms|_sandbox|health)/.test(url.pathname);
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
        for (const t of held) clearTimeout(t);
        held.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
