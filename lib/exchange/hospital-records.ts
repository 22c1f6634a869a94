import 'server-only';
import { CID_SYSTEM } from '../identity/citizen-id';
import type { BreakerRegistry } from './breaker';
import { CID, HCODE, clinicalHeaders, send, type ExchangeConnection } from './connection';
import { followAllPages, hospitalFailureOf, NOT_SHARED, type FirstPage, type HospitalFailure, type PagingRun } from './hospital-paging';
import { exchangeContextSchema, type ExchangeContext, type HospitalFetchResult } from './types';
import {
  attachReferencedMedications,
  batchResponseSchema,
  parseEntryStatus,
  parseSearchset,
  partitionByPatient,
  searchTypeOf,
} from './validate';

/**
 * The searches sent in one batch to each hospital: every type the viewer shows, both categories where split.
 * Medicine records may name their drug only by `Medication/<id>`: those Medications are asked for with them.
 */
export const HOSPITAL_SEARCHES: readonly { type: string; category?: string; include?: string }[] = [
  { type: 'AllergyIntolerance' },
  { type: 'MedicationStatement', include: 'MedicationStatement:medication' },
  { type: 'MedicationRequest', include: 'MedicationRequest:medication' },
  { type: 'MedicationDispense', include: 'MedicationDispense:medication' },
  { type: 'Condition' },
  { type: 'Observation', category: 'laboratory' },
  { type: 'Observation', category: 'vital-signs' },
  { type: 'DiagnosticReport', category: 'LAB' },
  { type: 'DiagnosticReport', category: 'RAD' },
  { type: 'Immunization' },
  { type: 'Procedure' },
  { type: 'Encounter' },
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
  /** Called with every result (metrics); errors are swallowed. */
  onHospitalResult?: (result: HospitalFetchResult) => void;
}

type FetchOpts = { signal?: AbortSignal };

function searchUrls(cid: string, pageSize: number): string[] {
  const identifier = encodeURIComponent(`${CID_SYSTEM}|${cid}`);
  return HOSPITAL_SEARCHES.map(
    (s) =>
      `${s.type}?patient.identifier=${identifier}${s.category === undefined ? '' : `&category=${s.category}`}${s.include === undefined ? '' : `&_include=${s.include}`}&_count=${pageSize}`,
  );
}

/** Reads the batch-response: one searchset per search, in order, or the failure that voids the hospital. */
function readBatch(
  body: unknown,
  searches: readonly string[],
  included: unknown[],
): { ok: true; firstPages: FirstPage[] } | { ok: false; failure: HospitalFailure } {
  const parsedBatch = batchResponseSchema.safeParse(body);
  if (!parsedBatch.success || parsedBatch.data.entry.length !== searches.length) {
    return { ok: false, failure: { status: 'malformed', error: 'the hospital did not return a valid batch-response' } };
  }
  const firstPages: FirstPage[] = [];
  for (const [i, entry] of parsedBatch.data.entry.entries()) {
    const code = parseEntryStatus(entry.response.status);
    if (code === 403) return { ok: false, failure: NOT_SHARED };
    if (!(code >= 200 && code < 300))
      return {
        ok: false,
        failure: {
          status: 'error',
          error: `a search at this hospital failed (${Number.isNaN(code) ? 'unreadable status' : `HTTP ${code}`})`,
        },
      };
    const type = searchTypeOf(searches[i]!);
    const page = parseSearchset(entry.resource, type);
    if (!page.ok) return { ok: false, failure: { status: 'malformed', error: page.reason } };
    firstPages.push({ type, resources: page.resources, ...(page.nextUrl === undefined ? {} : { next: page.nextUrl }) });
    included.push(...page.included);
  }
  return { ok: true, firstPages };
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

/** Sends the batch, reads it, follows every next page; returns the raw matches or the failure. */
async function readHospital(
  run: PagingRun,
  cid: string,
  pageSize: number,
): Promise<{ ok: true; raw: unknown[] } | { ok: false; failure: HospitalFailure }> {
  const searches = searchUrls(cid, pageSize);
  const batch = { resourceType: 'Bundle', type: 'batch', entry: searches.map((url) => ({ request: { method: 'GET', url } })) };
  run.pages++;
  const url = `${run.conn.baseUrl}/hospitals/${run.hcode}/fhir`;
  const r = await send(run.conn, {
    url,
    method: 'POST',
    headers: run.headers,
    json: batch,
    contentType: 'application/fhir+json',
    deadlineAt: run.deadlineAt,
    signal: run.controller.signal,
  });
  if (!r.ok) return { ok: false, failure: hospitalFailureOf(r.failure) };
  const read = readBatch(r.value, searches, run.included);
  if (!read.ok) return read;
  const all = await followAllPages(run, read.firstPages);
  return all.ok ? { ok: true, raw: all.value } : { ok: false, failure: hospitalFailureOf(all.failure) };
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
      const r = await readHospital(run, cid, opts.pageSize);
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
