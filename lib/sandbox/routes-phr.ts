/**
 * The MOPH-PHR stand-in's HTTP face, under /moph-phr (docs/sandbox.md):
 *   POST /moph-phr/token?Action=get_moph_access_token   MOPH Account Center: {user, password_hash, hospital_code} → JWT (text)
 *   POST /moph-phr/api/RequestTokenv1                   {cid} → OTP to the Mor Prom app            (JWT)
 *   POST /moph-phr/api/WebApp?Action=ValidateOTP        {cid, otp}                                  (JWT)
 *   POST /moph-phr/api/WebApp?Action=<read>[&mode=&Code=] {cid, otp} → {result, MessageCode, …}    (JWT)
 *   GET  /moph-phr/_inbox?cid=                          the Mor Prom notifications sent (control token)
 *   GET  /moph-phr/inbox                                the same as a page, for demos (loopback clients only)
 * Faults apply under the target `phr`.
 */
import { z } from 'zod';
import { json, type Reply } from './fault-responder';
import { escapeHtml, HttpError, isLoopbackAddress, readJson, sendBody, sendJson } from './http-util';
import type { MophPromNotification, PhrAnswer, PhrStandIn } from './phr-stand-in';
import { requireToken, type RouteContext, type RouteRequest } from './route-context';

const cidOtpSchema = z.object({ cid: z.string().regex(/^\d{13}$/), otp: z.string().min(1).max(20) });
const cidSchema = z.object({ cid: z.string().regex(/^\d{13}$/) });

/** The demo's view of the patients' Mor Prom apps: every notification sent, newest first (no scripts). */
function renderMorPromInbox(items: MophPromNotification[]): string {
  const rows = items
    .map((n) => `<tr><td>${escapeHtml(n.sentAt)}</td><td>${escapeHtml(n.cid)}</td><td>${escapeHtml(n.text)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Sandbox Mor Prom app notifications</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}</style>
</head><body><h1>Sandbox Mor Prom (หมอพร้อม) app notifications</h1><p>Codes the MOPH-PHR stand-in sent to patients' Mor Prom apps, newest first. Refreshes every 5 seconds.</p>
<table><thead><tr><th>Sent at</th><th>Citizen ID</th><th>Text</th></tr></thead><tbody>
${rows || '<tr><td colspan="3">No notifications yet.</td></tr>'}
</tbody></table></body></html>`;
}

/** The documented envelope around every answer. */
function envelope(answer: PhrAnswer, req: RouteRequest, started: number): Reply {
  return json(200, {
    ...(answer.result === undefined ? {} : { result: answer.result }),
    MessageCode: answer.code,
    Message: answer.message,
    RequestTime: new Date(started).toISOString(),
    EndpointIP: '127.0.0.1',
    EndpointPort: Number(new URL(req.base).port || 80),
    processing_time_ms: Date.now() - started,
  });
}

/** The reader's JWT from MOPH Account Center; a hospital upload token (`HCODE:TOKEN`) is refused for reads. */
function requireJwt(phr: PhrStandIn, r: RouteRequest): void {
  const match = /^Bearer\s+(.+)$/i.exec(r.req.headers.authorization ?? '');
  if (!match || !phr.hasToken(match[1]!.trim())) throw new HttpError(401, 'missing or invalid MOPH Account Center token', 'login');
}

async function body<T>(schema: z.ZodType<T>, r: RouteRequest): Promise<T> {
  const parsed = schema.safeParse(await readJson(r.req));
  if (!parsed.success) throw new HttpError(400, 'body must be {"cid": 13 digits, "otp"?: code}');
  return parsed.data;
}

export async function routePhr(ctx: RouteContext, phr: PhrStandIn, r: RouteRequest): Promise<void> {
  const { res, url, path, method } = r;
  const started = Date.now();
  if (path === '/moph-phr/_inbox' && method === 'GET') {
    requireToken(r.req, ctx.tokens.control, false);
    return sendJson(res, 200, { notifications: phr.notifications(url.searchParams.get('cid') ?? undefined) });
  }
  if (path === '/moph-phr/inbox' && method === 'GET') {
    if (!isLoopbackAddress(r.req.socket.remoteAddress))
      return sendJson(res, 403, { error: 'the Mor Prom inbox page is only served to loopback clients' });
    return sendBody(res, 200, 'text/html; charset=utf-8', renderMorPromInbox(phr.notifications()));
  }
  if (method !== 'POST') return sendJson(res, 405, { error: 'method not allowed' });
  if (path === '/moph-phr/token') {
    if (url.searchParams.get('Action') !== 'get_moph_access_token') throw new HttpError(404, 'unknown action');
    const creds = (await readJson(r.req)) as Record<string, unknown>;
    return ctx.responder.faulted('phr', res, false, () => {
      const jwt = phr.issueToken(creds ?? {});
      // The real service answers the bare JWT; here it is a JSON string (docs/phr.md: the adapter takes both).
      return jwt === undefined ? json(401, { error: 'invalid credentials' }) : json(200, jwt);
    });
  }
  if (path === '/moph-phr/api/RequestTokenv1') {
    requireJwt(phr, r);
    const { cid } = await body(cidSchema, r);
    return ctx.responder.faulted('phr', res, false, () => envelope(phr.requestOtp(cid), r, started));
  }
  if (path === '/moph-phr/api/WebApp') {
    requireJwt(phr, r);
    const action = url.searchParams.get('Action') ?? '';
    const { cid, otp } = await body(cidOtpSchema, r);
    return ctx.responder.faulted('phr', res, false, () =>
      envelope(
        action === 'ValidateOTP'
          ? phr.validateOtp(cid, otp)
          : phr.read(action, url.searchParams.get('mode'), url.searchParams.get('Code'), cid, otp),
        r,
        started,
      ),
    );
  }
  return sendBody(res, 404, 'application/json; charset=utf-8', JSON.stringify({ error: 'not found' }));
}
