/** The control routes (/_sandbox/…) the tests and the import CLI use to steer the running sandbox. */
import { faultsPatchSchema } from './faults';
import { readBody, readJson, sendJson } from './http-util';
import { importTargetSchema, parseImportBundle, saveImportRecord } from './importer';
import { requireToken, type RouteContext, type RouteRequest } from './route-context';

/** Faults, reset, reload and import; all behind the control token. */
export async function routeControl(ctx: RouteContext, r: RouteRequest): Promise<void> {
  const { req, res, url, path, method } = r;
  requireToken(req, ctx.tokens.control, false);
  if (path === '/_sandbox/faults' && method === 'GET')
    return sendJson(res, 200, { faults: ctx.state.faults.snapshot(), defaultLatency: ctx.state.faults.defaultLatencyRanges() });
  if (path === '/_sandbox/faults' && method === 'POST') {
    const patch = faultsPatchSchema.safeParse(await readJson(req));
    if (!patch.success) return sendJson(res, 400, { error: patch.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    ctx.state.faults.apply(patch.data);
    return sendJson(res, 200, { faults: ctx.state.faults.snapshot() });
  }
  if (path === '/_sandbox/reset' && method === 'POST') {
    ctx.state.reset();
    ctx.phr?.reset();
    return sendJson(res, 200, { status: 'reset' });
  }
  if (path === '/_sandbox/reload' && method === 'POST') {
    ctx.state.reload();
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
    saveImportRecord(ctx.state.dataDir, parsed.record, 0);
    ctx.state.reload();
    return sendJson(res, 201, { imported: parsed.record.resources.length });
  }
  return sendJson(res, 404, { error: 'unknown control route' });
}
