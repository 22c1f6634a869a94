import { describe, expect, it } from 'vitest';
import { preferredEncoding, type Encoding } from './accept-encoding';

describe('preferredEncoding', () => {
  const all: Encoding[] = ['identity', 'br', 'gzip'];
  it.each([
    ['gzip, deflate, br, zstd', all, 'br'],
    ['gzip, deflate', all, 'gzip'],
    ['br;q=0, gzip', all, 'gzip'],
    ['br;q=0, gzip;q=0', all, 'identity'],
    ['GZIP', all, 'gzip'],
    ['*', all, 'br'],
    ['*;q=0, gzip;q=0.5', all, 'gzip'],
    ['identity', all, 'identity'],
    ['', all, 'identity'],
    [undefined, all, 'identity'],
    ['br, gzip', ['identity'] as Encoding[], 'identity'],
    ['br;q=abc, gzip', all, 'gzip'],
  ] as const)('%j with %j → %s', (header, available, expected) => {
    expect(preferredEncoding(header, available)).toBe(expected);
  });
});
