import { describe, expect, it } from 'vitest';
import { EXCHANGE_ERROR_KINDS, type ExchangeErrorKind } from './failure';
import { IDEMPOTENT_READ_RETRY, NO_RETRY, retryDelay, type RetryPolicy } from './retry';

const failure = (kind: ExchangeErrorKind) => ({ kind, message: 'm', ...(kind === 'http' ? { status: 503 } : {}) });

describe('IDEMPOTENT_READ_RETRY', () => {
  it.each<[ExchangeErrorKind, number | null, number | null]>([
    // kind,            after 0 retries, after 1 retry
    ['network', 0, null],
    ['timeout', null, null],
    ['cancelled', null, null],
    ['http', null, null],
    ['too-large', null, null],
    ['malformed', null, null],
    ['too-many-pages', null, null],
  ])('%s: first decision %s, second %s', (kind, first, second) => {
    expect(retryDelay(IDEMPOTENT_READ_RETRY, failure(kind), 0)).toBe(first);
    expect(retryDelay(IDEMPOTENT_READ_RETRY, failure(kind), 1)).toBe(second);
  });

  it('has a decision for every kind', () => {
    expect(Object.keys(IDEMPOTENT_READ_RETRY.retries).sort()).toEqual([...EXCHANGE_ERROR_KINDS].sort());
  });
});

describe('NO_RETRY', () => {
  it.each(EXCHANGE_ERROR_KINDS)('never retries %s', (kind) => {
    expect(retryDelay(NO_RETRY, failure(kind), 0)).toBeNull();
  });
});

describe('retryDelay backoff', () => {
  const policy: RetryPolicy = { ...NO_RETRY, retries: { ...NO_RETRY.retries, network: 4 }, backoffMs: [0, 100, 400] };

  it.each([
    [0, 0],
    [1, 100],
    [2, 400],
    [3, 400], // the last pause repeats
    [4, null], // attempts used up
  ])('after %i retries waits %s ms', (done, expected) => {
    expect(retryDelay(policy, failure('network'), done)).toBe(expected);
  });
});
