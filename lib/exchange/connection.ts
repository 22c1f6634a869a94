import 'server-only';
import { requestJson, type HttpRequest } from './http';
import { failureFromHttp, type ExchangeResult } from './failure';
import { NO_RETRY, retryDelay, type RetryPolicy } from './retry';
import type { ExchangeContext } from './types';

/** 5-digit hospital code (hcode) and 13-digit citizen ID, as the exchange's URLs accept them. */
export const HCODE = /^\d{5}$/;
export const CID = /^\d{13}$/;

/**
 * What every exchange operation shares: where the exchange is, how we authenticate, and the limits on
 * each call. Built once by `createExchangeClient`; the operations receive it instead of a closure.
 */
export interface ExchangeConnection {
  /** Base URL without a trailing slash. */
  baseUrl: string;
  /** The bearer header alone (directory calls carry no clinical context). */
  auth: Readonly<Record<string, string>>;
  /** Time allowed per call, and the whole-operation deadline (a hospital's batch plus its pages). */
  timeoutMs: number;
  maxBytes: number | undefined;
  fetchImpl: typeof fetch | undefined;
  /** Clock for caches and timestamps (deadlines use Date.now, like the HTTP primitive). */
  now: () => number;
}

export interface ConnectionConfig {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  maxResponseBytes?: number;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

/** Validates the configuration and fails loudly on a bad URL or an empty token. */
export function openConnection(config: ConnectionConfig): ExchangeConnection {
  let base: URL;
  try {
    base = new URL(config.baseUrl);
  } catch {
    throw new Error('exchange client: baseUrl is not a valid URL');
  }
  if (config.token.trim() === '') throw new Error('exchange client: token is empty');
  return {
    baseUrl: base.toString().replace(/\/+$/, ''),
    auth: { Authorization: `Bearer ${config.token}` },
    timeoutMs: config.timeoutMs ?? 8000,
    maxBytes: config.maxResponseBytes,
    fetchImpl: config.fetchImpl,
    now: config.now ?? Date.now,
  };
}

/** The bearer token plus who asks and why, as the exchange records it for every clinical call. */
export function clinicalHeaders(conn: ExchangeConnection, ctx: ExchangeContext): Record<string, string> {
  return {
    ...conn.auth,
    'X-Request-Id': ctx.requestId,
    'X-Purpose-Of-Use': ctx.purpose,
    'X-Requesting-Practitioner': ctx.practitioner,
    'X-Requesting-Organization': ctx.organization,
  };
}

export type ExchangeRequest = Pick<HttpRequest, 'url' | 'method' | 'headers' | 'json' | 'contentType' | 'deadlineAt' | 'signal'>;

/** One call with the connection's timeout, size cap and deadline; failures come back typed. */
export async function send(conn: ExchangeConnection, req: ExchangeRequest): Promise<ExchangeResult<unknown>> {
  const r = await requestJson({ ...req, timeoutMs: conn.timeoutMs, maxBytes: conn.maxBytes, fetchImpl: conn.fetchImpl });
  return r.ok ? { ok: true, value: r.body } : { ok: false, failure: failureFromHttp(r) };
}

/** `send`, tried again as the policy allows (only for idempotent requests). The deadline still binds. */
export async function sendWithRetry(
  conn: ExchangeConnection,
  req: ExchangeRequest,
  policy: RetryPolicy = NO_RETRY,
): Promise<ExchangeResult<unknown>> {
  for (let retries = 0; ; retries++) {
    const r = await send(conn, req);
    if (r.ok) return r;
    const delay = retryDelay(policy, r.failure, retries);
    if (delay === null) return r;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
