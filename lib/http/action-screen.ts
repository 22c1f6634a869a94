/**
 * Refusals that Next.js would turn into 500s, answered as 4xx before Next sees the request: a server
 * action posted from another site (Next logs "Invalid Server Actions request" and answers 500), or one with
 * a body over the limit Next enforces by throwing. A 500 pages the on-call and hides an attack among real
 * errors; a 403/413 says what happened. Pure; lib/cli/server.ts applies it and counts each refusal.
 */

/** Next's own default server action body limit (1 MB). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * Deepest nesting of arrays/objects an action body may carry. The app's actions take flat form values (a few
 * levels with React's reply encoding); React's decoder recurses per level, and 5,000 levels overflow the stack.
 */
export const ACTION_MAX_NESTING = 64;

export type Refusal =
  { status: 403 | 413; reason: 'foreign-origin' | 'body-too-large' } | { status: 400; reason: 'too-deeply-nested' | 'undecodable-body' };

type HeaderBag = Record<string, string | string[] | undefined>;

const first = (h: HeaderBag, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/** A server action call: a POST naming the action in its `Next-Action` header. */
export function isActionRequest(method: string | undefined, headers: HeaderBag): boolean {
  return method === 'POST' && first(headers, 'next-action') !== undefined;
}

/** Null when the request may go on to Next; otherwise the status and reason to refuse it with. */
export function screenActionRequest(method: string | undefined, headers: HeaderBag): Refusal | null {
  if (!isActionRequest(method, headers)) return null;
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

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * The deepest nesting of `[`/`{` outside JSON strings, stopping as soon as it passes `limit`. A raw newline
 * ends any string (JSON strings cannot hold one), so a multipart body's plain text fields with a stray quote
 * cannot hide the JSON parts after them.
 */
export function nestingDepth(body: Uint8Array, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE || c === NEWLINE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPENERS.has(c)) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (CLOSERS.has(c) && depth > 0) depth--;
  }
  return deepest;
}

/**
 * Screens a server action's body (already read, within ACTION_BODY_LIMIT) before Next decodes it: nesting
 * deeper than ACTION_MAX_NESTING, and a text body that is not JSON (React sends arguments without files as a
 * JSON text), are refused with 400 instead of the 500 Next's decoder would answer.
 */
export function screenActionBody(contentType: string | undefined, body: Uint8Array): Refusal | null {
  if (nestingDepth(body, ACTION_MAX_NESTING) > ACTION_MAX_NESTING) return { status: 400, reason: 'too-deeply-nested' };
  if ((contentType ?? '').toLowerCase().startsWith('text/plain')) {
    try {
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
      return { status: 400, reason: 'undecodable-body' };
    }
  }
  return null;
}
