/** The SMS gateway (send and list messages) and the inbox page that shows what was "sent". */
import { json } from './fault-responder';
import { isLoopbackAddress, readJson, sendBody, sendJson } from './http-util';
import { requireToken, type RouteContext, type RouteRequest } from './route-context';
import { renderInbox, sendSmsSchema } from './sms';

/** GET /sms: the inbox page, for loopback clients only (it shows every message sent). */
export function serveSmsInbox(ctx: RouteContext, r: RouteRequest): void {
  const { req, res } = r;
  if (!isLoopbackAddress(req.socket.remoteAddress))
    return sendJson(res, 403, { error: 'the SMS inbox page is only served to loopback clients' });
  return sendBody(res, 200, 'text/html; charset=utf-8', renderInbox(ctx.state.outbox.list().slice(0, 100)));
}

/** /sms/messages: send (POST) or list (GET), behind the SMS token. */
export async function routeSmsMessages(ctx: RouteContext, r: RouteRequest): Promise<void> {
  const { req, res, url, method } = r;
  requireToken(req, ctx.tokens.sms, false);
  if (method === 'POST') {
    const body = sendSmsSchema.safeParse(await readJson(req));
    if (!body.success) return sendJson(res, 400, { error: body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    return ctx.responder.faulted('sms', res, false, () =>
      json(202, { id: ctx.state.outbox.send(body.data.to, body.data.text).id, status: 'queued' }),
    );
  }
  if (method === 'GET') {
    const to = url.searchParams.get('to');
    return ctx.responder.faulted('sms', res, false, () => json(200, { messages: ctx.state.outbox.list(to ?? undefined) }));
  }
  return sendJson(res, 405, { error: 'method not allowed' });
}
