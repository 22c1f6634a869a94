import 'server-only';
import { createBreakerRegistry, type BreakerRegistry, type BreakerSnapshotEntry } from './breaker';
import { openConnection } from './connection';
import { fetchAttachment, fetchDocument, type AttachmentRead, type DocumentRead, type DocumentType } from './documents';
import { findPatient } from './find-patient';
import { findPatientsByName, type NameLookup, type NameQuery } from './find-patients-by-name';
import { createHospitalRecords } from './hospital-records';
import { createDirectory } from './organizations';
import { listSharingHospitals } from './sharing-hospitals';
import { createWindowPlan } from './window-plan';
import type {
  ExchangeContext,
  HospitalFetchResult,
  HospitalFetchStatus,
  HospitalInfo,
  PatientIdentity,
  PatientLookup,
  PatientQuery,
  SharingResult,
} from './types';

export type {
  ExchangeContext,
  HospitalFetchResult,
  HospitalFetchStatus,
  HospitalInfo,
  PatientIdentity,
  PatientLookup,
  PatientQuery,
  SharingResult,
};
export { ExchangeUnavailableError, type ExchangeErrorKind, type ExchangeFailure } from './failure';
export { HOSPITAL_SEARCHES } from './hospital-records';
export type { AttachmentRead, DocumentRead, DocumentType };

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
  /**
   * Send the high-volume searches as date windows in the one batch (default true; see date-windows.ts).
   * A hospital that refuses them, or whose windowed answer exceeds `maxResponseBytes`, is read unpartitioned.
   */
  partitionByDate?: boolean;
  /**
   * Read a patient without windows at a hospital where the last read was small (default true; see
   * window-plan.ts): no extra round trip, and a repeated load of a short record carries 15 searches, not 63.
   */
  learnWindowPlan?: boolean;
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
  findPatientsByName(query: NameQuery, ctx: ExchangeContext): Promise<NameLookup>;
  listSharingHospitals(cid: string, ctx: ExchangeContext): Promise<SharingResult>;
  fetchHospitalRecords(hcode: string, cid: string, ctx: ExchangeContext, opts?: { signal?: AbortSignal }): Promise<HospitalFetchResult>;
  fetchAllHospitals(
    hcodes: readonly string[],
    cid: string,
    ctx: ExchangeContext,
    opts?: { signal?: AbortSignal },
  ): Promise<HospitalFetchResult>[];
  breakerSnapshot(): BreakerSnapshotEntry[];
  /** One document of one hospital, patient-checked (read again when the physician opens it). */
  fetchDocument(hcode: string, cid: string, type: DocumentType, id: string, ctx: ExchangeContext): Promise<DocumentRead>;
  /** An attachment's bytes, from the exchange's own origin only, at most `maxBytes`. */
  fetchAttachment(hcode: string, url: string, ctx: ExchangeContext, maxBytes: number): Promise<AttachmentRead>;
}

/**
 * Creates the Health Link exchange client. All configuration arrives here (the lead wires it from env);
 * each method returns expected failures as values and never logs patient identifiers. The operations
 * live one per file over the shared connection (connection.ts); this only assembles them.
 */
export function createExchangeClient(config: ExchangeClientConfig): ExchangeClient {
  const conn = openConnection(config);
  const breaker: BreakerRegistry =
    config.breaker !== undefined && 'acquire' in config.breaker ? config.breaker : createBreakerRegistry(config.breaker ?? {}, conn.now);
  const directory = createDirectory(conn);
  const pageSize = config.pageSize ?? 500;
  const records = createHospitalRecords(conn, {
    breaker,
    pageSize,
    maxPages: config.maxPages ?? 200,
    ...(config.partitionByDate === undefined ? {} : { partitionByDate: config.partitionByDate }),
    ...(config.learnWindowPlan === false ? {} : { windowPlan: createWindowPlan({ pageSize, now: conn.now }) }),
    ...(config.onHospitalResult === undefined ? {} : { onHospitalResult: config.onHospitalResult }),
  });
  return {
    listOrganizations: () => directory.listOrganizations(),
    findPatient: (query, ctx) => findPatient(conn, query, ctx),
    findPatientsByName: (query, ctx) => findPatientsByName(conn, query, ctx),
    listSharingHospitals: (cid, ctx) => listSharingHospitals(conn, cid, ctx),
    fetchHospitalRecords: records.fetchHospitalRecords,
    fetchAllHospitals: records.fetchAllHospitals,
    breakerSnapshot: () => breaker.snapshot(),
    fetchDocument: (hcode, cid, type, id, ctx) => fetchDocument(conn, hcode, cid, type, id, ctx),
    fetchAttachment: (hcode, url, ctx, maxBytes) => fetchAttachment(conn, hcode, url, ctx, maxBytes),
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
