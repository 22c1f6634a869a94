import 'server-only';
import { sendWithRetry, type ExchangeConnection } from './connection';
import type { ExchangeResult } from './failure';
import { IDEMPOTENT_READ_RETRY } from './retry';
import { isSafeNextLink, parseSearchset } from './validate';

/**
 * Follows the `next` links of a top-level search (directory, patient index, consents) within one
 * deadline. Each page must be a searchset of `type`, and each link must stay on the exchange. These are
 * idempotent GETs: each page is tried again as IDEMPOTENT_READ_RETRY allows (a dropped connection, once).
 */
export async function searchAll(
  conn: ExchangeConnection,
  firstUrl: string,
  type: string,
  headers: Record<string, string>,
  maxPageCount: number,
): Promise<ExchangeResult<unknown[]>> {
  const deadlineAt = Date.now() + conn.timeoutMs;
  const resources: unknown[] = [];
  let url: string | undefined = firstUrl;
  for (let page = 0; url !== undefined; page++) {
    if (page >= maxPageCount) return { ok: false, failure: { kind: 'too-many-pages', message: `more than ${maxPageCount} pages` } };
    if (page > 0 && !isSafeNextLink(url, conn.baseUrl, '/'))
      return { ok: false, failure: { kind: 'malformed', message: 'a paging link leaves the exchange' } };
    const r = await sendWithRetry(conn, { url, headers, deadlineAt }, IDEMPOTENT_READ_RETRY);
    if (!r.ok) return r;
    const parsed = parseSearchset(r.value, type);
    if (!parsed.ok) return { ok: false, failure: { kind: 'malformed', message: parsed.reason } };
    resources.push(...parsed.resources);
    url = parsed.nextUrl;
  }
  return { ok: true, value: resources };
}
