/**
 * What can go wrong when the viewer asks the exchange, as one typed kind instead of message text. Pure
 * (no I/O): the retry policy and every operation's mapping to its own result read `kind`, never strings.
 */
import type { HttpResult } from './http';

export type ExchangeErrorKind =
  /** Could not connect, or the connection dropped mid-answer (e.g. a reused keep-alive socket). */
  | 'network'
  /** Our per-call timer or the operation's shared deadline ended the call. */
  | 'timeout'
  /** The caller's own signal ended the call: says nothing about the remote side. */
  | 'cancelled'
  /** The exchange answered with an error status (`status` says which). */
  | 'http'
  /** The answer passed the response-size cap. */
  | 'too-large'
  /** Not JSON, not the FHIR shape we asked for, or a paging link that leaves where it should stay. */
  | 'malformed'
  /** A search kept linking `next` pages past the operation's page limit. */
  | 'too-many-pages';

export const EXCHANGE_ERROR_KINDS: readonly ExchangeErrorKind[] = [
  'network',
  'timeout',
  'cancelled',
  'http',
  'too-large',
  'malformed',
  'too-many-pages',
];

/** A failure as a value. `message` is patient-free (built from status codes and byte counts only). */
export interface ExchangeFailure {
  kind: ExchangeErrorKind;
  /** The HTTP status, for `http` (and when a body was refused after the status line). */
  status?: number;
  message: string;
}

export type ExchangeResult<T> = { ok: true; value: T } | { ok: false; failure: ExchangeFailure };

/** Types a transport failure of the shared HTTP primitive. */
export function failureFromHttp(r: Extract<HttpResult, { ok: false }>): ExchangeFailure {
  const kind: ExchangeErrorKind = r.kind === 'timeout' && r.cancelled === true ? 'cancelled' : r.kind;
  return { kind, ...(r.status === undefined ? {} : { status: r.status }), message: r.message };
}

/**
 * The short reason code a lookup reports as `unavailable` (recorded in the audit row's details):
 * `http-503`, `too many pages`, or the kind itself (`network`, `timeout`, `malformed`, …).
 */
export function reasonOf(failure: ExchangeFailure): string {
  switch (failure.kind) {
    case 'http':
      return `http-${failure.status ?? 0}`;
    case 'too-many-pages':
      return 'too many pages';
    case 'network':
    case 'timeout':
    case 'cancelled':
    case 'too-large':
    case 'malformed':
      return failure.kind;
  }
}

/** Thrown only by `listOrganizations` when the directory cannot be loaded and nothing is cached. */
export class ExchangeUnavailableError extends Error {
  readonly kind: ExchangeErrorKind;

  constructor(failure: ExchangeFailure) {
    super(`exchange directory unavailable (${reasonOf(failure)})`);
    this.name = 'ExchangeUnavailableError';
    this.kind = failure.kind;
  }
}
