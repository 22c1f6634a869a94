/** The exchange's FHIR API: the index (Organization, Patient, Consent) and each hospital's search and batch. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { listOrganizations, readBinary, searchConsents, searchHospital, searchPatients, type HospitalSearchResult } from './exchange';
import { fhir, type Reply } from './fault-responder';
import type { FaultDecision } from './faults';
import { FHIR_JSON, HttpError, operationOutcome, readJson, sendJson, sendOutcome } from './http-util';
import { requireToken, type RouteContext, type RouteRequest } from './route-context';

function hospitalReply(ctx: RouteContext, result: HospitalSearchResult, decision: FaultDecision, type: string): Reply {
  if (result.status !== 200) return fhir(result.status, result.outcome);
  if (decision.wrongPatient) ctx.responder.injectWrongPatient(result.bundle, result.cid, type);
  return fhir(200, result.bundle);
}

const batchSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('batch'),
  entry: z.array(z.object({ request: z.object({ method: z.string(), url: z.string().min(1) }) }).loose()).max(100),
});

async function handleBatch(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, hcode: string, base: string): Promise<void> {
  const parsed = batchSchema.safeParse(await readJson(req));
  if (!parsed.success)
    throw new HttpError(
      400,
      `expected a FHIR batch Bundle of GET requests: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  await ctx.responder.faulted(hcode, res, true, (decision) => {
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
        const result = searchHospital(ctx.state.store, hcode, type, new URL(`${base}/hospitals/${hcode}/fhir/${rel}`), {
          refuseDateSearch: ctx.state.faults.refusesDateSearch(hcode),
        });
        if (result.status !== 200) return { resource: result.outcome, response: { status: String(result.status) } };
        if (decision.wrongPatient && !injected) {
          ctx.responder.injectWrongPatient(result.bundle, result.cid, type);
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

/** Everything not claimed by another route: the FHIR API, behind the exchange token. */
export async function routeExchange(ctx: RouteContext, r: RouteRequest): Promise<void> {
  const { req, res, url, path, method, base } = r;
  requireToken(req, ctx.tokens.exchange, true);
  if (method === 'GET' && (path === '/Organization' || path === '/Patient' || path === '/Consent')) {
    const bundle =
      path === '/Organization'
        ? listOrganizations(url)
        : path === '/Patient'
          ? searchPatients(ctx.state.store, url)
          : searchConsents(ctx.state.store, url);
    return ctx.responder.faulted('index', res, true, () => fhir(200, bundle));
  }
  const binary = /^\/hospitals\/(\d{5})\/fhir\/Binary\/([A-Za-z0-9\-.]{1,64})$/.exec(path);
  if (binary && method === 'GET') {
    const found = readBinary(ctx.state.store, binary[1]!, binary[2]!);
    if (found.status !== 200) return sendJson(res, found.status, found.outcome, FHIR_JSON);
    res.writeHead(200, { 'content-type': found.contentType, 'content-length': String(found.bytes.length), 'cache-control': 'no-store' });
    res.end(found.bytes);
    return;
  }
  const search = /^\/hospitals\/([^/]+)\/fhir\/([A-Za-z]+)$/.exec(path);
  if (search && method === 'GET') {
    const [, hcode, type] = search as unknown as [string, string, string];
    const result = searchHospital(ctx.state.store, hcode, type, url, { refuseDateSearch: ctx.state.faults.refusesDateSearch(hcode) });
    if (result.status === 404) return sendJson(res, 404, result.outcome, FHIR_JSON);
    return ctx.responder.faulted(hcode, res, true, (d) => hospitalReply(ctx, result, d, type));
  }
  const batch = /^\/hospitals\/([^/]+)\/fhir$/.exec(path);
  if (batch && method === 'POST') {
    const hcode = batch[1]!;
    if (!ctx.state.faults.defaultLatencyRanges()[hcode]) return sendOutcome(res, 404, 'not-found', `unknown hospital ${hcode}`);
    return handleBatch(ctx, req, res, hcode, base);
  }
  return sendOutcome(res, 404, 'not-found', `no route for ${method} ${path}`);
}
