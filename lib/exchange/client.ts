import 'server-only';
import { CID_SYSTEM, CID_SYSTEM_DOPA, CID_SYSTEMS } from '../identity/citizen-id';
import { SYSTEMS } from '../clinical/terminology';
import { createBreakerRegistry, type BreakerRegistry, type BreakerSnapshotEntry } from './breaker';
import { requestJson, type HttpResult } from './http';
import {
  attachReferencedMedications,
  consentSchema,
  isSafeNextLink,
  organizationSchema,
  parseEntryStatus,
  parseSearchset,
  partitionByPatient,
  patientSchema,
  searchTypeOf,
  batchResponseSchema,
  type ExchangeResource,
  type HumanNameBody,
  type PatientBody,
} from './validate';
import {
  exchangeContextSchema,
  type ExchangeContext,
  type HospitalFetchResult,
  type HospitalFetchStatus,
  type HospitalInfo,
  type PatientIdentity,
  type PatientLookup,
  type PatientQuery,
  type SharingResult,
} from './types';

export type { ExchangeContext, HospitalFetchResult, HospitalFetchStatus, HospitalInfo, PatientIdentity, PatientLookup, PatientQuery, SharingResult };

export interface ExchangeClientConfig {
  /** Exchange base URL, e.g. `https://exchange.example/` (the sandbox URL in dev and tests). */
  baseUrl: string;
  token: string;
  /** Whole-hospital deadline: the batch plus every next page (default 8000 ms). */
  timeoutMs?: number;
  /** Cap on each response body (default 10 MB). */
  maxResponseBytes?: number;
  /** `_count` asked for each search (default 500: few round trips keep a busy record within the deadline). */
  pageSize?: number;
  /** Pages followed per search before the hospital's answer is treated as an error (default 200). */
  maxPages?: number;
  fetchImpl?: typeof fetch;
  /** Clock for the breaker, the directory cache and `fetchedAt` (default Date.now). */
  now?: () => number;
  /** Breaker tuning, or a shared registry. */
  breaker?: BreakerRegistry | { failureThreshold?: number; cooldownMs?: number };
  /** Called with every hospital result (metrics). Must not throw; errors are swallowed. */
  onHospitalResult?: (result: HospitalFetchResult) => void;
}

export interface ExchangeClient {
  listOrganizations(): Promise<HospitalInfo[]>;
  findPatient(query: PatientQuery, ctx?: ExchangeContext): Promise<PatientLookup>;
  listSharingHospitals(cid: string, ctx: ExchangeContext): Promise<SharingResult>;
  fetchHospitalRecords(hcode: string, cid: string, ctx: ExchangeContext, opts?: { signal?: AbortSignal }): Promise<HospitalFetchResult>;
  fetchAllHospitals(hcodes: readonly string[], cid: string, ctx: ExchangeContext, opts?: { signal?: AbortSignal }): Promise<HospitalFetchResult>[];
  breakerSnapshot(): BreakerSnapshotEntry[];
}

/** Thrown only by `listOrganizations` when the directory cannot be loaded and nothing is cached. */
export class ExchangeUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExchangeUnavailableError';
  }
}

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
];

const DIRECTORY_TTL_MS = 10 * 60 * 1000;
const MAX_DIRECTORY_PAGES = 20;
const HCODE = /^\d{5}$/;
const CID = /^\d{13}$/;
const PASSPORT = /^[A-Z0-9]{5,20}$/i;

type Failure = { status: Exclude<HospitalFetchStatus, 'answered' | 'no-data' | 'circuit-open'>; error: string; cancelled?: boolean };

/** Maps a transport failure to the hospital status the UI shows. */
function failureFromHttp(r: Extract<HttpResult, { ok: false }>): Failure {
  switch (r.kind) {
    case 'timeout':
      return { status: 'timeout', error: r.message, ...(r.cancelled === true ? { cancelled: true } : {}) };
    case 'malformed':
      return { status: 'malformed', error: r.message };
    case 'too-large':
      return { status: 'error', error: r.message };
    case 'network':
      return { status: 'error', error: r.message };
    case 'http':
      if (r.status === 403) return { status: 'not-shared', error: 'the patient does not share records with this hospital' };
      if (r.status === 404) return { status: 'error', error: 'the exchange does not know this hospital' };
      return { status: 'error', error: `hospital answered HTTP ${r.status ?? 0}` };
  }
}

function thaiScript(s: string): boolean {
  return /[\u0E00-\u0E7F]/.test(s);
}

function nameText(n: HumanNameBody): string {
  if (n.text !== undefined && n.text.trim() !== '') return n.text.trim();
  const given = (n.given ?? []).join(' ');
  const prefix = (n.prefix ?? []).join(' ');
  const family = n.family ?? '';
  // Thai writes the title joined to the given name (นางสมศรี มีสุข); English separates them.
  const head = thaiScript(prefix + given) ? `${prefix}${given}` : [prefix, given].filter((s) => s !== '').join(' ');
  return [head, family].filter((s) => s !== '').join(' ');
}

function toIdentity(p: PatientBody, query: PatientQuery): PatientIdentity | null {
  const ids = p.identifier ?? [];
  const cid = ids.find((i) => i.system !== undefined && (CID_SYSTEMS as readonly string[]).includes(i.system) && i.value !== undefined && CID.test(i.value))?.value;
  const passport = ids.find((i) => i.system === SYSTEMS.passport && i.value !== undefined)?.value;
  // The exchange must answer about the person we asked for; anything else is a mix-up.
  if ('cid' in query ? cid !== query.cid : passport?.toUpperCase() !== query.passport.toUpperCase()) return null;
  const names = (p.name ?? []).map(nameText).filter((s) => s !== '');
  const nameTh = names.find(thaiScript) ?? names[0] ?? '';
  const nameEn = names.find((s) => !thaiScript(s)) ?? nameTh;
  const phones = (p.telecom ?? []).filter((t) => t.system === 'phone' && t.use === 'mobile' && t.value !== undefined && t.value.trim() !== '');
  const phone = phones.sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))[0]?.value?.trim();
  const comms = p.communication ?? [];
  const comm = comms.find((c) => c.preferred === true) ?? comms[0];
  const langCode = comm?.language.coding?.[0]?.code ?? '';
  const gender = p.gender === 'male' || p.gender === 'female' || p.gender === 'other' ? p.gender : 'unknown';
  return {
    ...(cid === undefined ? {} : { cid }),
    ...(passport === undefined ? {} : { passport }),
    nameTh,
    nameEn,
    gender,
    birthDate: p.birthDate ?? '',
    ...(phone === undefined ? {} : { phone }),
    language: langCode.toLowerCase().startsWith('en') ? 'en' : 'th',
  };
}

const FACILITY_KINDS = ['hospital', 'clinic', 'pharmacy'] as const;

function kindOf(org: { type?: { coding?: { system?: string; code?: string; display?: string }[]; text?: string }[] }): HospitalInfo['kind'] {
  // Prefer the exchange's explicit facility-kind coding; fall back to reading the words.
  const explicit = (org.type ?? []).flatMap((t) => t.coding ?? []).find((c) => c.system?.endsWith('/facility-kind') === true)?.code;
  const known = FACILITY_KINDS.find((k) => k === explicit);
  if (known !== undefined) return known;
  const words = (org.type ?? [])
    .flatMap((t) => [t.text ?? '', ...(t.coding ?? []).flatMap((c) => [c.code ?? '', c.display ?? ''])])
    .join(' ')
    .toLowerCase();
  if (words.includes('pharmacy')) return 'pharmacy';
  if (words.includes('clinic')) return 'clinic';
  if (words.includes('hospital') || /\bprov\b/.test(words)) return 'hospital';
  return 'other';
}

/**
 * Creates the Health Link exchange client. All configuration arrives here (the lead wires it from env);
 * each method returns expected failures as values and never logs patient identifiers.
 */
export function createExchangeClient(config: ExchangeClientConfig): ExchangeClient {
  let base: URL;
  try {
    base = new URL(config.baseUrl);
  } catch {
    throw new Error('exchange client: baseUrl is not a valid URL');
  }
  if (config.token.trim() === '') throw new Error('exchange client: token is empty');
  const baseUrl = base.toString().replace(/\/+$/, '');
  const timeoutMs = config.timeoutMs ?? 8000;
  const maxBytes = config.maxResponseBytes;
  const pageSize = config.pageSize ?? 500;
  const maxPages = config.maxPages ?? 200;
  const now = config.now ?? Date.now;
  const fetchImpl = config.fetchImpl;
  const breaker: BreakerRegistry =
    config.breaker !== undefined && 'acquire' in config.breaker ? config.breaker : createBreakerRegistry(config.breaker ?? {}, now);
  const auth = { Authorization: `Bearer ${config.token}` };

  const clinicalHeaders = (ctx: ExchangeContext): Record<string, string> => ({
    ...auth,
    'X-Request-Id': ctx.requestId,
    'X-Purpose-Of-Use': ctx.purpose,
    'X-Requesting-Practitioner': ctx.practitioner,
    'X-Requesting-Organization': ctx.organization,
  });

  const get = (url: string, headers: Record<string, string>, extra: { deadlineAt?: number; signal?: AbortSignal } = {}): Promise<HttpResult> =>
    requestJson({ url, headers, timeoutMs, maxBytes, fetchImpl, ...extra });

  /** Follows `next` links of a top-level search (directory, patient, consent) within one deadline. */
  async function searchAll(firstUrl: string, type: string, headers: Record<string, string>, maxPageCount: number): Promise<{ ok: true; resources: unknown[] } | { ok: false; reason: string }> {
    const deadlineAt = Date.now() + timeoutMs;
    const resources: unknown[] = [];
    let url: string | undefined = firstUrl;
    for (let page = 0; url !== undefined; page++) {
      if (page >= maxPageCount) return { ok: false, reason: 'too many pages' };
      if (page > 0 && !isSafeNextLink(url, baseUrl, '/')) return { ok: false, reason: 'malformed' };
      const r = await get(url, headers, { deadlineAt });
      if (!r.ok) return { ok: false, reason: r.kind === 'http' ? `http-${r.status ?? 0}` : r.kind };
      const parsed = parseSearchset(r.body, type);
      if (!parsed.ok) return { ok: false, reason: 'malformed' };
      resources.push(...parsed.resources);
      url = parsed.nextUrl;
    }
    return { ok: true, resources };
  }

  let directory: { at: number; value: HospitalInfo[] } | undefined;
  let directoryLoading: Promise<HospitalInfo[]> | undefined;

  async function loadDirectory(): Promise<HospitalInfo[]> {
    const r = await searchAll(`${baseUrl}/Organization?active=true`, 'Organization', auth, MAX_DIRECTORY_PAGES);
    if (!r.ok) {
      if (directory !== undefined) return directory.value; // stale public data beats none
      throw new ExchangeUnavailableError(`exchange directory unavailable (${r.reason})`);
    }
    const hospitals: HospitalInfo[] = [];
    for (const raw of r.resources) {
      const org = organizationSchema.safeParse(raw);
      if (!org.success) continue;
      const code = org.data.identifier?.find((i) => i.system === SYSTEMS.hcode)?.value;
      if (code === undefined || !HCODE.test(code)) continue;
      const nameTh = org.data.name ?? code;
      hospitals.push({ code, nameTh, nameEn: org.data.alias?.[0] ?? nameTh, kind: kindOf(org.data) });
    }
    directory = { at: now(), value: hospitals };
    return hospitals;
  }

  async function findOnce(system: string, value: string, query: PatientQuery, headers: Record<string, string>): Promise<PatientLookup> {
    const url = `${baseUrl}/Patient?identifier=${encodeURIComponent(`${system}|${value}`)}`;
    const r = await searchAll(url, 'Patient', headers, 5);
    if (!r.ok) return { outcome: 'unavailable', reason: r.reason };
    if (r.resources.length === 0) return { outcome: 'not-found' };
    if (r.resources.length > 1) return { outcome: 'unavailable', reason: 'ambiguous' };
    const parsed = patientSchema.safeParse(r.resources[0]);
    if (!parsed.success) return { outcome: 'unavailable', reason: 'malformed' };
    const identity = toIdentity(parsed.data, query);
    if (identity === null) return { outcome: 'unavailable', reason: 'mismatch' };
    return { outcome: 'found', patient: identity };
  }

  function finish(result: HospitalFetchResult): HospitalFetchResult {
    try {
      config.onHospitalResult?.(result);
    } catch {
      // Metrics must never change what a doctor sees.
    }
    return result;
  }

  async function fetchHospitalRecords(hcode: string, cid: string, ctx: ExchangeContext, opts: { signal?: AbortSignal } = {}): Promise<HospitalFetchResult> {
    const startedPerf = performance.now();
    const empty = {
      hcode,
      resources: [] as ExchangeResource[],
      counts: {} as Record<string, number>,
      droppedWrongPatient: 0,
      droppedUnverifiable: 0,
      droppedDisallowed: 0,
      pages: 0,
    };
    const stamp = (): { fetchedAt: string; elapsedMs: number } => ({ fetchedAt: new Date(now()).toISOString(), elapsedMs: Math.round(performance.now() - startedPerf) });

    if (!HCODE.test(hcode) || !CID.test(cid) || !exchangeContextSchema.safeParse(ctx).success) {
      return finish({ ...empty, status: 'error', error: 'invalid request (hospital code, citizen ID or context)', ...stamp() });
    }
    if (!breaker.acquire(hcode)) {
      return finish({ ...empty, status: 'circuit-open', error: 'hospital temporarily skipped after repeated failures', ...stamp() });
    }

    // One controller for the whole hospital: the first failing page stops the others.
    const controller = new AbortController();
    const onCallerAbort = (): void => controller.abort();
    opts.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const deadlineAt = Date.now() + timeoutMs;
    const headers = clinicalHeaders(ctx);
    const hospitalBase = `${baseUrl}/hospitals/${hcode}/fhir`;
    let pages = 0;

    const fail = (f: Failure): HospitalFetchResult => {
      // "Not shared" is a healthy answer; a caller's cancellation says nothing about the hospital.
      if (f.status === 'not-shared') breaker.success(hcode);
      else if (f.cancelled === true) breaker.release(hcode);
      else breaker.failure(hcode);
      return finish({ ...empty, pages, status: f.status, error: f.error, ...stamp() });
    };

    try {
      const identifier = encodeURIComponent(`${CID_SYSTEM}|${cid}`);
      const searches = HOSPITAL_SEARCHES.map(
        (s) => `${s.type}?patient.identifier=${identifier}${s.category === undefined ? '' : `&category=${s.category}`}${s.include === undefined ? '' : `&_include=${s.include}`}&_count=${pageSize}`,
      );
      const batch = {
        resourceType: 'Bundle',
        type: 'batch',
        entry: searches.map((url) => ({ request: { method: 'GET', url } })),
      };
      pages++;
      const r = await requestJson({
        url: hospitalBase,
        method: 'POST',
        headers,
        json: batch,
        contentType: 'application/fhir+json',
        timeoutMs,
        deadlineAt,
        signal: controller.signal,
        maxBytes,
        fetchImpl,
      });
      if (!r.ok) return fail(failureFromHttp(r));
      const parsedBatch = batchResponseSchema.safeParse(r.body);
      if (!parsedBatch.success || parsedBatch.data.entry.length !== searches.length) {
        return fail({ status: 'malformed', error: 'the hospital did not return a valid batch-response' });
      }

      const firstPages: { type: string; resources: unknown[]; next?: string }[] = [];
      const included: unknown[] = [];
      for (const [i, entry] of parsedBatch.data.entry.entries()) {
        const code = parseEntryStatus(entry.response.status);
        if (code === 403) return fail({ status: 'not-shared', error: 'the patient does not share records with this hospital' });
        if (!(code >= 200 && code < 300)) return fail({ status: 'error', error: `a search at this hospital failed (${Number.isNaN(code) ? 'unreadable status' : `HTTP ${code}`})` });
        const type = searchTypeOf(searches[i]!);
        const page = parseSearchset(entry.resource, type);
        if (!page.ok) return fail({ status: 'malformed', error: page.reason });
        firstPages.push({ type, resources: page.resources, ...(page.nextUrl === undefined ? {} : { next: page.nextUrl }) });
        included.push(...page.included);
      }

      // Each search's remaining pages are sequential (each links the next); searches run in parallel.
      const follow = async (first: (typeof firstPages)[number]): Promise<{ ok: true; resources: unknown[] } | { ok: false; failure: Failure }> => {
        const resources = [...first.resources];
        let next = first.next;
        let followed = 0;
        while (next !== undefined) {
          if (followed >= maxPages) return { ok: false, failure: { status: 'error', error: `more than ${maxPages} pages for one search` } };
          if (!isSafeNextLink(next, baseUrl, `/hospitals/${hcode}/fhir/`)) return { ok: false, failure: { status: 'malformed', error: 'a paging link points outside this hospital' } };
          followed++;
          pages++;
          const pr = await get(next, headers, { deadlineAt, signal: controller.signal });
          if (!pr.ok) return { ok: false, failure: failureFromHttp(pr) };
          const page = parseSearchset(pr.body, first.type);
          if (!page.ok) return { ok: false, failure: { status: 'malformed', error: page.reason } };
          resources.push(...page.resources);
          included.push(...page.included);
          next = page.nextUrl;
        }
        return { ok: true, resources };
      };

      let firstFailure: Failure | undefined;
      const all = await Promise.all(
        firstPages.map(async (p) => {
          const res = await follow(p);
          if (!res.ok && firstFailure === undefined) {
            firstFailure = res.failure;
            controller.abort();
          }
          return res;
        }),
      );
      if (firstFailure !== undefined) return fail(firstFailure);

      // A resource can match two searches (e.g. an Observation in two categories): keep it once.
      const seen = new Set<string>();
      const raw: unknown[] = [];
      for (const res of all) {
        if (!res.ok) continue;
        for (const item of res.resources) {
          const key = typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string' && 'resourceType' in item && typeof item.resourceType === 'string' ? `${item.resourceType}/${item.id}` : undefined;
          if (key !== undefined) {
            if (seen.has(key)) continue;
            seen.add(key);
          }
          raw.push(item);
        }
      }
      const partition = partitionByPatient(raw, cid);
      const kept = attachReferencedMedications(partition.kept, included);
      const counts: Record<string, number> = {};
      for (const res of partition.kept) counts[res.resourceType] = (counts[res.resourceType] ?? 0) + 1;
      breaker.success(hcode);
      return finish({
        hcode,
        status: kept.length > 0 ? 'answered' : 'no-data',
        resources: kept,
        counts,
        droppedWrongPatient: partition.droppedWrongPatient,
        droppedUnverifiable: partition.droppedUnverifiable,
        droppedDisallowed: partition.droppedDisallowed,
        pages,
        ...stamp(),
      });
    } finally {
      opts.signal?.removeEventListener('abort', onCallerAbort);
      controller.abort(); // nothing may keep running for this hospital after we answer
    }
  }

  /**
   * Fetches one hospital's records for a patient: one batch search for every type, then each search's
   * `next` pages, all within the per-hospital deadline. Resources are validated and kept only if they
   * carry this citizen's ID. All-or-nothing: on timeout, error or a malformed page the result has NO
   * resources from this hospital, so partial pages are never shown as complete. Never throws.
   */
  async function safeFetchHospitalRecords(hcode: string, cid: string, ctx: ExchangeContext, opts?: { signal?: AbortSignal }): Promise<HospitalFetchResult> {
    try {
      return await fetchHospitalRecords(hcode, cid, ctx, opts);
    } catch {
      // Defensive: an unexpected bug in one hospital's handling must not reject the whole page.
      breaker.failure(hcode);
      return finish({
        hcode,
        status: 'error',
        resources: [],
        counts: {},
        droppedWrongPatient: 0,
        droppedUnverifiable: 0,
        droppedDisallowed: 0,
        pages: 0,
        fetchedAt: new Date(now()).toISOString(),
        elapsedMs: 0,
        error: 'internal error while reading this hospital',
      });
    }
  }

  return {
    /** Lists the exchange's hospitals (public directory data, cached in memory for 10 minutes). */
    async listOrganizations() {
      if (directory !== undefined && now() - directory.at < DIRECTORY_TTL_MS) return directory.value;
      directoryLoading ??= loadDirectory().finally(() => {
        directoryLoading = undefined;
      });
      return directoryLoading;
    },

    /**
     * Looks a person up in the exchange's patient index by citizen ID (th-cid system first, then DOPA)
     * or passport. A returned Patient that does not carry the queried identifier is reported as
     * unavailable, never as found. `phone` is the full registered mobile number: callers mask it.
     */
    async findPatient(query, ctx) {
      const headers = ctx !== undefined && exchangeContextSchema.safeParse(ctx).success ? clinicalHeaders(ctx) : auth;
      if ('cid' in query) {
        if (!CID.test(query.cid)) return { outcome: 'not-found' };
        const first = await findOnce(CID_SYSTEM, query.cid, query, headers);
        if (first.outcome !== 'not-found') return first;
        return findOnce(CID_SYSTEM_DOPA, query.cid, query, headers);
      }
      if (!PASSPORT.test(query.passport)) return { outcome: 'not-found' };
      return findOnce(SYSTEMS.passport, query.passport, query, headers);
    },

    /**
     * The hospitals a patient has an active sharing consent with. Consents naming another citizen make
     * the whole answer untrustworthy (unavailable) rather than being silently mixed in.
     */
    async listSharingHospitals(cid, ctx) {
      if (!CID.test(cid) || !exchangeContextSchema.safeParse(ctx).success) return { ok: false, reason: 'invalid request' };
      const url = `${baseUrl}/Consent?patient.identifier=${encodeURIComponent(`${CID_SYSTEM}|${cid}`)}&category=sharing`;
      const r = await searchAll(url, 'Consent', clinicalHeaders(ctx), 20);
      if (!r.ok) return { ok: false, reason: r.reason };
      const hcodes: string[] = [];
      for (const raw of r.resources) {
        const c = consentSchema.safeParse(raw);
        if (!c.success) return { ok: false, reason: 'malformed' };
        const pid = c.data.patient?.identifier;
        if (pid?.system !== undefined && (CID_SYSTEMS as readonly string[]).includes(pid.system) && pid.value !== cid) return { ok: false, reason: 'mismatch' };
        if (c.data.status !== 'active' || c.data.provision?.type === 'deny') continue;
        const actor = c.data.provision?.actor?.[0]?.reference;
        const byIdentifier = actor?.identifier?.system === SYSTEMS.hcode ? actor.identifier.value : undefined;
        const byReference = /^Organization\/(\d{5})$/.exec(actor?.reference ?? '')?.[1];
        const hcode = byIdentifier ?? byReference;
        if (hcode !== undefined && HCODE.test(hcode) && !hcodes.includes(hcode)) hcodes.push(hcode);
      }
      return { ok: true, hcodes };
    },

    fetchHospitalRecords: safeFetchHospitalRecords,

    /**
     * Starts every hospital's fetch at once and returns one promise per hospital (same order as the
     * deduplicated `hcodes`), so the caller can stream each as it settles (see `inArrivalOrder`).
     * None of the promises rejects.
     */
    fetchAllHospitals(hcodes, cid, ctx, opts) {
      const unique = [...new Set(hcodes)];
      return unique.map((h) => safeFetchHospitalRecords(h, cid, ctx, opts));
    },

    breakerSnapshot() {
      return breaker.snapshot();
    },
  };
}

/** Yields settled values in the order they arrive (for streaming hospital results to the browser). */
export async function* inArrivalOrder<T>(promises: readonly Promise<T>[]): AsyncGenerator<T> {
  const pending = new Map(promises.map((p, i) => [i, p.then((value) => ({ i, value }))]));
  while (pending.size > 0) {
    const { i, value } = await Promise.race(pending.values());
    pending.delete(i);
    yield value;
  }
}
