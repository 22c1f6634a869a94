/** The Medical Council registry: licence verification and practitioner look-up. */
import { findPractitioner, verifyBodySchema, verifyPractitioner } from './council';
import { json } from './fault-responder';
import { readJson, sendJson } from './http-util';
import { requireToken, type RouteContext, type RouteRequest } from './route-context';

/** Routes under /council/, behind the council token. */
export async function routeCouncil(ctx: RouteContext, r: RouteRequest): Promise<void> {
  const { req, res, path, method } = r;
  requireToken(req, ctx.tokens.council, false);
  if (path === '/council/verify' && method === 'POST') {
    const body = verifyBodySchema.safeParse(await readJson(req));
    if (!body.success) return sendJson(res, 400, { error: 'expected {licenseNumber, pin} strings' });
    return ctx.responder.faulted('council', res, false, () => json(200, verifyPractitioner(body.data.licenseNumber, body.data.pin)));
  }
  const m = /^\/council\/practitioners\/([^/]+)$/.exec(path);
  if (m && method === 'GET') {
    const licence = decodeURIComponent(m[1]!);
    return ctx.responder.faulted('council', res, false, () => {
      const p = findPractitioner(licence);
      return p ? json(200, p) : json(404, { error: 'practitioner not found' });
    });
  }
  return sendJson(res, 404, { error: 'unknown council route' });
}
