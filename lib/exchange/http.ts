import 'server-only';
import { readStreamCapped } from '../http/bounded-body';

/**
 * The one HTTP primitive every external adapter (exchange, council registry, SMS gateway) uses. It never
 * throws for the failures a remote system can cause: slow or silent servers, oversized or non-JSON
 * bodies and error statuses all come back as values, so one sick hospital cannot break a page.
 * Messages are built from status codes and byte counts only — never from URLs (they carry citizen IDs
 * in query strings), request bodies or response bodies.
 */

export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export type HttpFailureKind = 'timeout' | 'network' | 'http' | 'too-large' | 'malformed';

export type HttpResult =
  | { ok: true; status: number; body: unknown }
  | {
      ok: false;
      kind: HttpFailureKind;
      status?: number;
      message: string;
      /** Parsed JSON of an error response (e.g. an OperationOutcome), when there was one. */
      body?: unknown;
      /** True when the caller's own signal (not our timer) ended the request. */
      cancelled?: boolean;
    };

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Serialised as JSON when present. */
  json?: unknown;
  /** Content type sent with `json` (default application/json). */
  contentType?: string;
  /** Time allowed for this call, including reading the body. */
  timeoutMs: number;
  /** Absolute deadline (epoch ms, Date.now clock) shared by several calls; the earlier limit wins. */
  deadlineAt?: number;
  signal?: AbortSignal;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
}

const JSON_CONTENT_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

function isJsonContentType(value: string | null): boolean {
  return value !== null && JSON_CONTENT_TYPE.test(value.trim());
}

/** Settles with `promise`, or rejects as soon as `signal` aborts (even if the promise ignores the signal). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('aborted'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error('request failed'));
      },
    );
  });
}

function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

type Fetched = { ok: true; response: Response; bytes: Uint8Array } | Extract<HttpResult, { ok: false }>;

/**
 * The shared part of every call: one fetch with a timeout (per call and an overall deadline), no
 * redirects (one could carry our bearer token to another host) and a streamed response-size cap.
 */
async function fetchCapped(req: HttpRequest, accept: string): Promise<Fetched> {
  const maxBytes = req.maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const budget = Math.min(req.timeoutMs, req.deadlineAt === undefined ? Infinity : req.deadlineAt - Date.now());
  if (req.signal?.aborted === true) return { ok: false, kind: 'timeout', message: 'request cancelled', cancelled: true };
  if (!(budget > 0)) return { ok: false, kind: 'timeout', message: 'deadline already passed' };

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, budget);
  const onCallerAbort = (): void => controller.abort();
  req.signal?.addEventListener('abort', onCallerAbort, { once: true });

  const abortedResult = (): Fetched =>
    timedOut
      ? { ok: false, kind: 'timeout', message: `no complete answer within ${Math.round(budget)} ms` }
      : { ok: false, kind: 'timeout', message: 'request cancelled', cancelled: true };

  try {
    const headers: Record<string, string> = { Accept: accept, ...req.headers };
    let body: string | undefined;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['Content-Type'] = req.contentType ?? 'application/json';
    }
    let response: Response;
    try {
      response = await raceAbort(
        (req.fetchImpl ?? fetch)(req.url, {
          method: req.method ?? 'GET',
          headers,
          body,
          signal: controller.signal,
          redirect: 'error', // a redirect could carry our bearer token to another host
          cache: 'no-store',
        }),
        controller.signal,
      );
    } catch {
      if (controller.signal.aborted) return abortedResult();
      return { ok: false, kind: 'network', message: 'could not connect or the connection failed' };
    }

    const declared = response.headers.get('content-length');
    if (declared !== null && Number(declared) > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return {
        ok: false,
        kind: 'too-large',
        status: response.status,
        message: `response declared ${declared} bytes, over the ${maxBytes}-byte limit`,
      };
    }

    let bytes: Uint8Array | null;
    try {
      bytes = await raceAbort(readStreamCapped(response.body, maxBytes), controller.signal);
    } catch {
      if (controller.signal.aborted) return abortedResult();
      return { ok: false, kind: 'network', status: response.status, message: 'connection failed while reading the response' };
    }
    if (bytes === null) {
      return { ok: false, kind: 'too-large', status: response.status, message: `response exceeded the ${maxBytes}-byte limit` };
    }
    return { ok: true, response, bytes };
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/**
 * Sends one JSON request with a timeout (per call and an overall deadline), a streamed response-size cap
 * and a content-type check. Resolves to a discriminated result; only programming errors throw.
 */
export async function requestJson(req: HttpRequest): Promise<HttpResult> {
  const fetched = await fetchCapped(req, 'application/fhir+json, application/json');
  if (!fetched.ok) return fetched;
  const { response, bytes } = fetched;
  const jsonType = isJsonContentType(response.headers.get('content-type'));
  const parsed = jsonType ? parseJson(bytes) : { ok: false as const };

  if (!response.ok) {
    return {
      ok: false,
      kind: 'http',
      status: response.status,
      message: `HTTP ${response.status}`,
      ...(parsed.ok ? { body: parsed.value } : {}),
    };
  }
  if (!jsonType) {
    return { ok: false, kind: 'malformed', status: response.status, message: 'response is not JSON (unexpected content type)' };
  }
  if (!parsed.ok) {
    return { ok: false, kind: 'malformed', status: response.status, message: 'response body is not valid JSON' };
  }
  return { ok: true, status: response.status, body: parsed.value };
}

export type BytesResult = { ok: true; status: number; contentType: string | null; bytes: Uint8Array } | Extract<HttpResult, { ok: false }>;

/** Like requestJson, for a body that is not JSON (a document's attachment): the bytes and their declared type. */
export async function requestBytes(req: HttpRequest): Promise<BytesResult> {
  const fetched = await fetchCapped(req, '*/*');
  if (!fetched.ok) return fetched;
  const { response, bytes } = fetched;
  if (!response.ok) return { ok: false, kind: 'http', status: response.status, message: `HTTP ${response.status}` };
  return { ok: true, status: response.status, contentType: response.headers.get('content-type'), bytes };
}
