import { describe, expect, it } from 'vitest';
import { checkCitizenId, computeCitizenIdCheckDigit, formatCitizenId, withCitizenIdCheckDigit } from './citizen-id';

describe('checkCitizenId', () => {
  it.each([
    ['1-1120-34563-56-2', { ok: true, cid: '1112034563562' }],
    ['1 1120 34563 56 2', { ok: true, cid: '1112034563562' }],
    ['1112034563562', { ok: true, cid: '1112034563562' }],
  ])('accepts %s', (input, expected) => {
    expect(checkCitizenId(input)).toEqual(expected);
  });

  it('names the expected check digit when the checksum fails', () => {
    expect(checkCitizenId('1112034563563')).toEqual({ ok: false, reason: 'checksum', expectedCheckDigit: 2, actualCheckDigit: 3 });
  });

  it.each([
    ['', 'empty'],
    ['11120345635a2', 'not-digits'],
    ['111203456356', 'length'],
  ])('refuses %j as %s', (input, reason) => {
    expect(checkCitizenId(input)).toMatchObject({ ok: false, reason });
  });

  it('warns about, but accepts, IDs starting with 0', () => {
    const cid = withCitizenIdCheckDigit('012345678901');
    expect(checkCitizenId(cid)).toEqual({ ok: true, cid, warning: 'starts-with-zero' });
  });

  it('computes check digits that the validator accepts', () => {
    for (const first12 of ['310040012345', '573990000001', '199000000000']) {
      expect(checkCitizenId(`${first12}${computeCitizenIdCheckDigit(first12)}`).ok).toBe(true);
    }
  });

  it('formats like the ID card', () => {
    expect(formatCitizenId('1112034563562')).toBe('1-1120-34563-56-2');
  });
});
