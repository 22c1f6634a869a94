import { describe, expect, it } from 'vitest';
import { ExchangeUnavailableError, failureFromHttp, reasonOf, type ExchangeFailure } from './failure';

describe('failureFromHttp', () => {
  it.each([
    [
      { ok: false as const, kind: 'timeout' as const, message: 'no complete answer within 8000 ms' },
      { kind: 'timeout', message: 'no complete answer within 8000 ms' },
    ],
    [
      { ok: false as const, kind: 'timeout' as const, message: 'request cancelled', cancelled: true },
      { kind: 'cancelled', message: 'request cancelled' },
    ],
    [
      { ok: false as const, kind: 'network' as const, message: 'could not connect' },
      { kind: 'network', message: 'could not connect' },
    ],
    [
      { ok: false as const, kind: 'http' as const, status: 503, message: 'HTTP 503', body: {} },
      { kind: 'http', status: 503, message: 'HTTP 503' },
    ],
    [
      { ok: false as const, kind: 'too-large' as const, status: 200, message: 'over' },
      { kind: 'too-large', status: 200, message: 'over' },
    ],
    [
      { ok: false as const, kind: 'malformed' as const, status: 200, message: 'not JSON' },
      { kind: 'malformed', status: 200, message: 'not JSON' },
    ],
  ])('%o → %o', (http, expected) => {
    expect(failureFromHttp(http)).toEqual(expected);
  });
});

describe('reasonOf', () => {
  it.each<[ExchangeFailure, string]>([
    [{ kind: 'http', status: 503, message: '' }, 'http-503'],
    [{ kind: 'http', message: '' }, 'http-0'],
    [{ kind: 'too-many-pages', message: '' }, 'too many pages'],
    [{ kind: 'network', message: '' }, 'network'],
    [{ kind: 'timeout', message: '' }, 'timeout'],
    [{ kind: 'malformed', message: '' }, 'malformed'],
    [{ kind: 'too-large', message: '' }, 'too-large'],
  ])('%o → %s', (failure, reason) => {
    expect(reasonOf(failure)).toBe(reason);
  });

  it('names the reason in ExchangeUnavailableError and keeps the kind', () => {
    const e = new ExchangeUnavailableError({ kind: 'http', status: 503, message: 'HTTP 503' });
    expect(e.message).toBe('exchange directory unavailable (http-503)');
    expect(e.kind).toBe('http');
  });
});
