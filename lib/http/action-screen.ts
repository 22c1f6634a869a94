/**
 * Refusals that Next.js would turn into 500s, answered as 4xx before Next sees the request: a server
 * action posted from another site (Next logs "Invalid Server Actions request" and answers 500), or one with
 * a body over the limit Next enforces by throwing. A 500 pages the on-call and hides an attack among real
 * errors; a 403/413 says what happened. Pure; lib/cli/server.ts applies it and counts each refusal.
 */

/** Next's own default server action body limit (1 MB). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export type Refusal = { status: 403 | 413; reason: 'foreign-origin' | 'body-too-large' };

type HeaderBag = Record<string, string | string[] | undefined>;

const first = (h: HeaderBag, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Null when the request may go on to Next; otherwise the status and reason to refuse it with. */
export function screenActionRequest(method: string | undefined, headers: HeaderBag): Refusal | null {
  if (method !== 'POST' || first(headers, 'next-action') === undefined) return null;
  const origin = first(headers, 'origin');
  if (origin !== undefined && origin !== 'null') {
    let originHost: string | null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    const host = first(headers, 'x-forwarded-host') ?? first(headers, 'host');
    if (originHost === null || originHost !== host) return { status: 403, reason: 'foreign-origin' };
  } else if (origin === 'null') {
    return { status: 403, reason: 'foreign-origin' };
  }
  const length = Number(first(headers, 'content-length') ?? NaN);
  if (Number.isFinite(length) && length > ACTION_BODY_LIMIT) return { status: 413, reason: 'body-too-large' };
  return null;
}
