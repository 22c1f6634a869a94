import 'server-only';
import { send, type ExchangeConnection } from './connection';
import { resourceKey } from './date-windows';
import type { ExchangeFailure, ExchangeResult } from './failure';
import type { HospitalFetchStatus } from './types';
import { isSafeNextLink, parseSearchset } from './validate';

/** Why one hospital's fetch failed, as the status chip and the breaker see it. */
export type HospitalFailure = {
  status: Exclude<HospitalFetchStatus, 'answered' | 'no-data' | 'circuit-open'>;
  error: string;
  cancelled?: boolean;
};

export const NOT_SHARED: HospitalFailure = { status: 'not-shared', error: 'the patient does not share records with this hospital' };

/** Maps a typed exchange failure to the hospital status the UI shows. */
export function hospitalFailureOf(f: ExchangeFailure): HospitalFailure {
  switch (f.kind) {
    case 'timeout':
      return { status: 'timeout', error: f.message };
    case 'cancelled':
      return { status: 'timeout', error: f.message, cancelled: true };
    case 'malformed':
      return { status: 'malformed', error: f.message };
    case 'too-large':
    case 'network':
    case 'too-many-pages':
      return { status: 'error', error: f.message };
    case 'http':
      if (f.status === 403) return NOT_SHARED;
      if (f.status === 404) return { status: 'error', error: 'the exchange does not know this hospital' };
      return { status: 'error', error: `hospital answered HTTP ${f.status ?? 0}` };
  }
}

/** The first page of one search, as the batch answered it. */
export interface FirstPage {
  type: string;
  /** Which search this page answers (a search sent as date windows has one first page per window). */
  group: number;
  resources: unknown[];
  next?: string;
}

export interface PagingRun {
  conn: ExchangeConnection;
  hcode: string;
  headers: Record<string, string>;
  maxPages: number;
  deadlineAt: number;
  /** Aborted on the first failure so the other searches stop too. */
  controller: AbortController;
  /** Requests made so far (the batch counts as one). */
  pages: number;
  /** `_include`d resources from every page (Medications named by medicine records). */
  included: unknown[];
}

/** Follows one search's `next` links in order (each page links the next), keeping every page's matches. */
async function followPages(run: PagingRun, first: FirstPage): Promise<ExchangeResult<unknown[]>> {
  const resources = [...first.resources];
  let next = first.next;
  let followed = 0;
  while (next !== undefined) {
    if (followed >= run.maxPages)
      return { ok: false, failure: { kind: 'too-many-pages', message: `more than ${run.maxPages} pages for one search` } };
    if (!isSafeNextLink(next, run.conn.baseUrl, `/hospitals/${run.hcode}/fhir/`))
      return { ok: false, failure: { kind: 'malformed', message: 'a paging link points outside this hospital' } };
    followed++;
    run.pages++;
    const r = await send(run.conn, { url: next, headers: run.headers, deadlineAt: run.deadlineAt, signal: run.controller.signal });
    if (!r.ok) return r;
    const page = parseSearchset(r.value, first.type);
    if (!page.ok) return { ok: false, failure: { kind: 'malformed', message: page.reason } };
    resources.push(...page.resources);
    run.included.push(...page.included);
    next = page.nextUrl;
  }
  return { ok: true, value: resources };
}

/**
 * Follows every search's remaining pages, searches in parallel. All-or-nothing: the first failure aborts
 * the others and is returned alone. On success, each first page's matches with its following pages', in
 * the order of `firstPages` (the caller joins them: see `keepOnce`).
 */
export async function followAllPages(run: PagingRun, firstPages: readonly FirstPage[]): Promise<ExchangeResult<unknown[][]>> {
  let firstFailure: ExchangeFailure | undefined;
  const all = await Promise.all(
    firstPages.map(async (p) => {
      const res = await followPages(run, p);
      if (!res.ok && firstFailure === undefined) {
        firstFailure = res.failure;
        run.controller.abort();
      }
      return res;
    }),
  );
  if (firstFailure !== undefined) return { ok: false, failure: firstFailure };
  return { ok: true, value: all.map((res) => (res.ok ? res.value : [])) };
}

/** Drops repeats of the same `resourceType/id` (e.g. an Observation in two categories); items without an id are all kept. */
export function keepOnce(items: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const item of items) {
    const key = resourceKey(item);
    if (key !== undefined) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push(item);
  }
  return out;
}
