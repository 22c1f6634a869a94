import 'server-only';
import { CID_SYSTEM } from '../identity/citizen-id';
import type { BreakerRegistry } from './breaker';
import { CID, HCODE, clinicalHeaders, send, type ExchangeConnection } from './connection';
import { dateWindows, mergeWindows, windowQuery, type DateWindow } from './date-windows';
import {
  followAllPages,
  hospitalFailureOf,
  keepOnce,
  NOT_SHARED,
  type FirstPage,
  type HospitalFailure,
  type PagingRun,
} from './hospital-paging';
import { exchangeContextSchema, type ExchangeContext, type HospitalFetchResult } from './types';
import type { WindowPlan } from './window-plan';
import { attachReferencedMedications, batchResponseSchema, parseEntryStatus, parseSearchset, partitionByPatient } from './validate';

/**
 * The searches sent in one batch to each hospital: every type the viewer shows, both categories where split.
 * Medicine records may name their drug only by `Medication/<id>`: those Medications are asked for with them.
 * `dateParam` marks the types whose volume grows with years of care: each is sent as one search per date
 * window (date-windows.ts), by its FHIR R4 date search parameter (Observation and DiagnosticReport `date` =
 * effective[x], Encounter `date` = period, MedicationRequest `authoredon`, MedicationDispense `whenhandedover`).
 */
export const HOSPITAL_SEARCHES: readonly { type: string; category?: string; include?: string; dateParam?: string }[] = [
  { type: 'AllergyIntolerance' },
  { type: 'MedicationStatement', include: 'MedicationStatement:medication' },
  { type: 'MedicationRequest', include: 'MedicationRequest:medication', dateParam: 'authoredon' },
  { type: 'MedicationDispense', include: 'MedicationDispense:medication', dateParam: 'whenhandedover' },
  { type: 'Condition' },
  { type: 'Observation', category: 'laboratory', dateParam: 'date' },
  { type: 'Observation', category: 'vital-signs', dateParam: 'date' },
  { type: 'DiagnosticReport', category: 'LAB', dateParam: 'date' },
  { type: 'DiagnosticReport', category: 'RAD' },
  { type: 'Immunization' },
  { type: 'Procedure' },
  { type: 'Encounter', dateParam: 'date' },
  // Clinical documents: discharge summaries, referral letters, full reports (attachments are fetched only when opened).
  { type: 'DocumentReference' },
  { type: 'Composition' },
  { type: 'Flag' },
];

export interface HospitalRecordsOptions {
  breaker: BreakerRegistry;
  /** `_count` asked for each search. */
  pageSize: number;
  /** Pages followed per search before the hospital's answer is treated as an error. */
  maxPages: number;
  /** Send the high-volume searches as date windows (default true; false reads every hospital unpartitioned). */
  partitionByDate?: boolean;
  /** When given, a patient whose last read at a hospital was small is read there without windows (window-plan.ts). */
  windowPlan?: WindowPlan;
  /** Called with every result (metrics); errors are swallowed. */
  onHospitalResult?: (result: HospitalFetchResult) => void;
}

type FetchOpts = { signal?: AbortSignal };

/** One entry of the batch: its URL, which HOSPITAL_SEARCHES row it reads (`group`), and whether it is one date window. */
interface BatchSearch {
  url: string;
  /** The resource type searched (read from the table, not parsed back out of the URL for each answer). */
  type: string;
  group: number;
  windowed: boolean;
}

/** The batch's searches: one per HOSPITAL_SEARCHES row, or one per date window when `windows` is given. */
function batchSearches(cid: string, pageSize: number, windows: readonly DateWindow[] | undefined): BatchSearch[] {
  const identifier = encodeURIComponent(`${CID_SYSTEM}|${cid}`);
  return HOSPITAL_SEARCHES.flatMap((s, group): BatchSearch[] => {
    const url = (dates: string): string =>
      `${s.type}?patient.identifier=${identifier}${s.category === undefined ? '' : `&category=${s.category}`}${dates}${s.include === undefined ? '' : `&_include=${s.include}`}&_count=${pageSize}`;
    if (windows === undefined || s.dateParam === undefined) return [{ url: url(''), type: s.type, group, windowed: false }];
    const param = s.dateParam;
    return windows.map((w) => ({ url: url(windowQuery(param, w)), type: s.type, group, windowed: true }));
  });
}

/** A batch answer read: first pages and includes, a failure that voids the hospital, or "the hospital refused date windows". */
type BatchRead =
  | { ok: true; firstPages: FirstPage[]; included: unknown[] }
  | { ok: false; failure: HospitalFailure }
  | { ok: false; refusedWindows: true };

/** Reads the batch-response: one searchset per search, in order, or the failure that voids the hospital. */
function readBatch(body: unknown, searches: readonly BatchSearch[]): BatchRead {
  const parsedBatch = batchResponseSchema.safeParse(body);
  if (!parsedBatch.success || parsedBatch.data.entry.length !== searches.length) {
    return { ok: false, failure: { status: 'malformed', error: 'the hospital did not return a valid batch-response' } };
  }
  const firstPages: FirstPage[] = [];
  const included: unknown[] = [];
  let refusedWindows = false;
  for (const [i, entry] of parsedBatch.data.entry.entries()) {
    const search = searches[i]!;
    const code = parseEntryStatus(entry.response.status);
    if (code === 403) return { ok: false, failure: NOT_SHARED };
    // A server without date prefixes or `:missing` on this type refuses the window (4xx): read it the old way.
    // Not for "too slow" or "too many requests": those are the hospital's trouble, and a second read adds to it.
    if (search.windowed && code >= 400 && code < 500 && code !== 408 && code !== 429) {
      refusedWindows = true;
      continue;
    }
    if (!(code >= 200 && code < 300))
      return {
        ok: false,
        failure: {
          status: 'error',
          error: `a search at this hospital failed (${Number.isNaN(code) ? 'unreadable status' : `HTTP ${code}`})`,
        },
      };
    const type = search.type;
    const page = parseSearchset(entry.resource, type);
    if (!page.ok) return { ok: false, failure: { status: 'malformed', error: page.reason } };
    firstPages.push({
      type,
      group: search.group,
      resources: page.resources,
      ...(page.nextUrl === undefined ? {} : { next: page.nextUrl }),
    });
    included.push(...page.included);
  }
  if (refusedWindows) return { ok: false, refusedWindows: true };
  return { ok: true, firstPages, included };
}

const emptyResult = (hcode: string) => ({
  hcode,
  resources: [],
  counts: {},
  droppedWrongPatient: 0,
  droppedUnverifiable: 0,
  droppedDisallowed: 0,
  pages: 0,
});

/** Keeps what carries this patient's citizen ID, puts included Medications inside their records, counts. */
function assemble(
  hcode: string,
  cid: string,
  raw: readonly unknown[],
  included: readonly unknown[],
  pages: number,
): Omit<HospitalFetchResult, 'fetchedAt' | 'elapsedMs'> {
  const partition = partitionByPatient(raw, cid);
  const kept = attachReferencedMedications(partition.kept, included);
  const counts: Record<string, number> = {};
  for (const res of partition.kept) counts[res.resourceType] = (counts[res.resourceType] ?? 0) + 1;
  return {
    hcode,
    status: kept.length > 0 ? 'answered' : 'no-data',
    resources: kept,
    counts,
    droppedWrongPatient: partition.droppedWrongPatient,
    droppedUnverifiable: partition.droppedUnverifiable,
    droppedDisallowed: partition.droppedDisallowed,
    pages,
  };
}

/** A complete read, with what the window plan learns from it: the largest windowable search and whether any needed `next` pages. */
type HospitalRead = { ok: true; raw: unknown[]; largestSearch: number; followedNext: boolean } | { ok: false; failure: HospitalFailure };

/** Sends one batch and reads it; `refusedWindows` and `tooLarge` are the answers that call for the unpartitioned read. */
async function sendBatch(run: PagingRun, searches: readonly BatchSearch[]): Promise<BatchRead | { ok: false; tooLarge: true }> {
  const batch = { resourceType: 'Bundle', type: 'batch', entry: searches.map((s) => ({ request: { method: 'GET', url: s.url } })) };
  run.pages++;
  const r = await send(run.conn, {
    url: `${run.conn.baseUrl}/hospitals/${run.hcode}/fhir`,
    method: 'POST',
    headers: run.headers,
    json: batch,
    contentType: 'application/fhir+json',
    deadlineAt: run.deadlineAt,
    signal: run.controller.signal,
  });
  if (!r.ok)
    return r.failure.kind === 'too-large' && searches.some((s) => s.windowed)
      ? { ok: false, tooLarge: true }
      : { ok: false, failure: hospitalFailureOf(r.failure) };
  return readBatch(r.value, searches);
}

/**
 * Follows every first page's `next` links, then joins the windows of each search (a record matched by two
 * windows kept once, conflicting copies refused) and the searches (a record in two categories kept once).
 */
async function completeRead(run: PagingRun, firstPages: readonly FirstPage[]): Promise<HospitalRead> {
  const all = await followAllPages(run, firstPages);
  if (!all.ok) return { ok: false, failure: hospitalFailureOf(all.failure) };
  const byGroup = new Map<number, unknown[][]>();
  for (const [i, page] of firstPages.entries()) {
    const lists = byGroup.get(page.group) ?? [];
    lists.push(all.value[i]!);
    byGroup.set(page.group, lists);
  }
  const merged: unknown[] = [];
  let largestSearch = 0;
  for (const [group, lists] of byGroup) {
    const windowable = HOSPITAL_SEARCHES[group]?.dateParam !== undefined;
    // An unwindowed search is joined as it always was (keepOnce below); only windows are compared.
    if (lists.length === 1) {
      merged.push(...lists[0]!);
      if (windowable) largestSearch = Math.max(largestSearch, lists[0]!.length);
      continue;
    }
    const m = mergeWindows(lists);
    if (!m.ok) return { ok: false, failure: { status: 'malformed', error: m.reason } };
    merged.push(...m.value);
    if (windowable) largestSearch = Math.max(largestSearch, m.value.length);
  }
  return {
    ok: true,
    raw: keepOnce(merged),
    largestSearch,
    followedNext: firstPages.some((p) => p.next !== undefined && HOSPITAL_SEARCHES[p.group]?.dateParam !== undefined),
  };
}

/**
 * Reads one hospital: the date-windowed batch first; if the hospital refuses a window (no date prefixes or
 * `:missing`) or the windowed answer exceeds the response cap, the unpartitioned batch and its `next` pages,
 * exactly as before windows existed. Nothing from the refused attempt is kept.
 */
async function readHospital(
  run: PagingRun,
  cid: string,
  pageSize: number,
  windows: readonly DateWindow[] | undefined,
): Promise<HospitalRead> {
  if (windows !== undefined) {
    const windowed = await sendBatch(run, batchSearches(cid, pageSize, windows));
    if (windowed.ok) {
      run.included.push(...windowed.included);
      return completeRead(run, windowed.firstPages);
    }
    if ('failure' in windowed) return windowed;
  }
  const plain = await sendBatch(run, batchSearches(cid, pageSize, undefined));
  if (plain.ok) {
    run.included.push(...plain.included);
    return completeRead(run, plain.firstPages);
  }
  // Without windows neither refusal applies: a 4xx is an error and an oversized answer is a failure.
  if ('failure' in plain) return plain;
  return { ok: false, failure: { status: 'error', error: "the hospital's answer was too large" } };
}

/** "Not shared" is a healthy answer; a caller's cancellation says nothing about the hospital. */
function settleBreaker(breaker: BreakerRegistry, hcode: string, f: HospitalFailure): void {
  if (f.status === 'not-shared') breaker.success(hcode);
  else if (f.cancelled === true) breaker.release(hcode);
  else breaker.failure(hcode);
}

export interface HospitalRecords {
  fetchHospitalRecords: (hcode: string, cid: string, ctx: ExchangeContext, opts?: FetchOpts) => Promise<HospitalFetchResult>;
  fetchAllHospitals: (hcodes: readonly string[], cid: string, ctx: ExchangeContext, opts?: FetchOpts) => Promise<HospitalFetchResult>[];
}

/** One hospital's fetch, its breaker and its metrics callback, over the shared connection. */
export function createHospitalRecords(conn: ExchangeConnection, opts: HospitalRecordsOptions): HospitalRecords {
  const { breaker } = opts;
  const finish = (result: HospitalFetchResult): HospitalFetchResult => {
    try {
      opts.onHospitalResult?.(result);
    } catch {
      // Metrics must never change what a doctor sees.
    }
    return result;
  };

  async function fetchUnsafe(hcode: string, cid: string, ctx: ExchangeContext, fetchOpts: FetchOpts): Promise<HospitalFetchResult> {
    const startedPerf = performance.now();
    const stamp = (): { fetchedAt: string; elapsedMs: number } => ({
      fetchedAt: new Date(conn.now()).toISOString(),
      elapsedMs: Math.round(performance.now() - startedPerf),
    });
    if (!HCODE.test(hcode) || !CID.test(cid) || !exchangeContextSchema.safeParse(ctx).success) {
      return finish({
        ...emptyResult(hcode),
        status: 'error',
        error: 'invalid request (hospital code, citizen ID or context)',
        ...stamp(),
      });
    }
    if (!breaker.acquire(hcode)) {
      return finish({
        ...emptyResult(hcode),
        status: 'circuit-open',
        error: 'hospital temporarily skipped after repeated failures',
        ...stamp(),
      });
    }
    // One controller for the whole hospital: the first failing page stops the others.
    const controller = new AbortController();
    const onCallerAbort = (): void => controller.abort();
    fetchOpts.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const run: PagingRun = {
      conn,
      hcode,
      headers: clinicalHeaders(conn, ctx),
      maxPages: opts.maxPages,
      deadlineAt: Date.now() + conn.timeoutMs,
      controller,
      pages: 0,
      included: [],
    };
    try {
      const windowed = opts.partitionByDate !== false && (opts.windowPlan?.wantsWindows(hcode, cid) ?? true);
      const r = await readHospital(run, cid, opts.pageSize, windowed ? dateWindows(conn.now()) : undefined);
      if (r.ok) opts.windowPlan?.learn(hcode, cid, r);
      if (!r.ok) {
        settleBreaker(breaker, hcode, r.failure);
        return finish({ ...emptyResult(hcode), pages: run.pages, status: r.failure.status, error: r.failure.error, ...stamp() });
      }
      const result = assemble(hcode, cid, r.raw, run.included, run.pages);
      breaker.success(hcode);
      return finish({ ...result, ...stamp() });
    } finally {
      fetchOpts.signal?.removeEventListener('abort', onCallerAbort);
      controller.abort(); // nothing may keep running for this hospital after we answer
    }
  }

  /**
   * Fetches one hospital's records for a patient: one batch search for every type, then each search's
   * `next` pages, all within the per-hospital deadline. Resources are validated and kept only if they
   * carry this citizen's ID. All-or-nothing: on timeout, error or a malformed page the result has NO
   * resources from this hospital, so partial pages are never shown as complete. Never throws.
   */
  async function fetchHospitalRecords(
    hcode: string,
    cid: string,
    ctx: ExchangeContext,
    fetchOpts: FetchOpts = {},
  ): Promise<HospitalFetchResult> {
    try {
      return await fetchUnsafe(hcode, cid, ctx, fetchOpts);
    } catch {
      // Defensive: an unexpected bug in one hospital's handling must not reject the whole page.
      breaker.failure(hcode);
      return finish({
        ...emptyResult(hcode),
        status: 'error',
        fetchedAt: new Date(conn.now()).toISOString(),
        elapsedMs: 0,
        error: 'internal error while reading this hospital',
      });
    }
  }

  /**
   * Starts every hospital's fetch at once and returns one promise per hospital (same order as the
   * deduplicated `hcodes`), so the caller can stream each as it settles (see `inArrivalOrder`).
   * None of the promises rejects.
   */
  function fetchAllHospitals(
    hcodes: readonly string[],
    cid: string,
    ctx: ExchangeContext,
    fetchOpts?: FetchOpts,
  ): Promise<HospitalFetchResult>[] {
    return [...new Set(hcodes)].map((h) => fetchHospitalRecords(h, cid, ctx, fetchOpts));
  }

  return { fetchHospitalRecords, fetchAllHospitals };
}
