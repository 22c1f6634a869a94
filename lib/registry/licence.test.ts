import { describe, expect, it } from 'vitest';
import { formatLicenceNumber, normaliseLicenceNumber } from './licence';

describe('normaliseLicenceNumber', () => {
  it.each([
    ['ว.12345', '12345'],
    ['ว12345', '12345'],
    ['ว. 12345', '12345'],
    ['ว 12345', '12345'],
    ['12345', '12345'],
    ['  12345  ', '12345'],
    ['๑๒๓๔๕', '12345'],
    ['ว.๑๒๓๔๕', '12345'],
    ['ว.๑2๓4๕', '12345'],
    ['١٢٣٤٥', '12345'],
    ['1234', '1234'],
    ['123456', '123456'],
    ['ว .12345', '12345'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseLicenceNumber(input)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['ว.'],
    ['123'],
    ['1234567'],
    ['12a45'],
    ['ก.12345'],
    ['ว..12345'],
    ['12345ว'],
    ['12 345'],
    ['-12345'],
    ['ว.12345; DROP'],
    ['１２３４５'],
  ])('%j → null', (input) => {
    expect(normaliseLicenceNumber(input)).toBeNull();
  });

  it('formats for display', () => {
    expect(formatLicenceNumber('12345')).toBe('ว.12345');
  });
});
