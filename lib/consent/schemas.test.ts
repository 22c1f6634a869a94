import { describe, expect, it } from 'vitest';
import { formatPartialCitizenId, patientSearchSchema, searchProblem } from './schemas';

describe('patientSearchSchema', () => {
  it.each([
    ['1-1120-34563-56-2', '1112034563562'],
    ['1 1120 34563 56 2', '1112034563562'],
    ['3100400123456', '3100400123456'],
    ['0099912345673', '0099912345673'],
  ])('accepts %s as %s', (value, cid) => {
    expect(patientSearchSchema.parse({ by: 'cid', value })).toEqual({ by: 'cid', value: cid });
  });

  it.each([
    ['', { key: 'consent.cid.error.empty' }],
    ['31004001234x6', { key: 'consent.cid.error.digits' }],
    ['310040012345', { key: 'consent.cid.error.length', vars: { length: 12 } }],
    ['3100400123457', { key: 'consent.cid.error.checksum', vars: { expected: 6, actual: 7 } }],
  ])('refuses %j with %o', (value, expected) => {
    expect(searchProblem({ by: 'cid', value })).toEqual(expected);
  });

  it('normalises passports and refuses bad ones', () => {
    expect(patientSearchSchema.parse({ by: 'passport', value: 'aa 1234567' })).toEqual({ by: 'passport', value: 'AA1234567' });
    expect(searchProblem({ by: 'passport', value: 'A1' })).toEqual({ key: 'consent.passport.error.format' });
  });

  it('refuses unknown search kinds', () => {
    expect(searchProblem({ by: 'name', value: 'x' })).not.toBeNull();
  });
});

describe('formatPartialCitizenId', () => {
  it.each([
    ['', ''],
    ['1', '1'],
    ['12', '1-2'],
    ['11120', '1-1120'],
    ['111203', '1-1120-3'],
    ['1112034563562', '1-1120-34563-56-2'],
    ['1-1120-34563-56-2', '1-1120-34563-56-2'],
    ['1 1120 34563 56 2 99', '1-1120-34563-56-2'],
    ['ab12', '1-2'],
  ])('%j → %j', (input, expected) => {
    expect(formatPartialCitizenId(input)).toBe(expected);
  });
});
