import 'server-only';
import { headers } from 'next/headers';
import { CLIENT_IP_HEADER } from './client-address';

export interface RequestContext {
  clientIp: string;
  userAgent: string;
  requestId: string;
}

/** Client address, user agent and a request id for audit rows, from the incoming request headers. */
export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  return fromHeaders(h);
}

/** Same, from any Headers object (route handlers, next-auth's request). */
export function fromHeaders(h: Headers | Record<string, string | string[] | undefined>): RequestContext {
  const get = (name: string): string | undefined => {
    if (h instanceof Headers) return h.get(name) ?? undefined;
    const v = h[name];
    return Array.isArray(v) ? v[0] : v;
  };
  // Stamped by the server from the socket and the trusted proxies only (lib/http/client-address.ts); a
  // client's own X-Forwarded-For is never read here. Under `next dev` nothing stamps it: 'unknown'.
  const clientIp = (get(CLIENT_IP_HEADER) || 'unknown').slice(0, 64);
  const requestId = get('x-request-id')?.slice(0, 64) || crypto.randomUUID();
  return { clientIp, userAgent: (get('user-agent') ?? '').slice(0, 300), requestId };
}

/**
 * Checks that a state-changing request comes from our own pages: same-origin `Origin` (or, if absent,
 * `Referer`). Route handlers call it on every POST; server actions get the same check from Next.js.
 */
export function isSameOrigin(request: Request, appUrl: string): boolean {
  const expected = new URL(appUrl).origin;
  const origin = request.headers.get('origin');
  if (origin) return origin === expected || origin === new URL(request.url).origin;
  const referer = request.headers.get('referer');
  if (referer) {
    try {
      const o = new URL(referer).origin;
      return o === expected || o === new URL(request.url).origin;
    } catch {
      return false;
    }
  }
  return false;
}
