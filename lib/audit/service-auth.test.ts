import { describe, expect, it } from 'vitest';
import { hasServiceToken, parseFhirDateParams, parsePatientParam } from './service-auth';

const token = 'demo-service-token-0123456789';

describe('service token', () => {
  it.each([
    [`Bearer ${token}`, true],
    [`Bearer ${token}x`, false],
    [`bearer ${token}`, false],
    [token, false],
    ['', false],
    [`Bearer ${token} extra`, false],
  ])('%j → %s', (header, ok) => {
    expect(hasServiceToken(new Headers(header ? { authorization: header } : {}), token)).toBe(ok);
  });
  it('never accepts an empty expected token', () => {
    expect(hasServiceToken(new Headers({ authorization: 'Bearer ' }), '')).toBe(false);
  });
});

describe('FHIR date params', () => {
  it('builds a Bangkok-day period from ge/le', () => {
    expect(parseFhirDateParams(['ge2026-11-01', 'le2026-11-30'])).toEqual({
      since: new Date('2026-10-31T17:00:00Z'),
      until: new Date('2026-11-30T17:00:00Z'),
    });
  });
  it('handles eq, gt, lt and date-times', () => {
    expect(parseFhirDateParams(['2026-11-05'])).toEqual({
      since: new Date('2026-11-04T17:00:00Z'),
      until: new Date('2026-11-05T17:00:00Z'),
    });
    expect(parseFhirDateParams(['lt2026-11-05T10:00:00Z'])).toEqual({ until: new Date('2026-11-05T10:00:00Z') });
    expect(parseFhirDateParams(['gt2026-11-05'])).toEqual({ since: new Date('2026-11-05T17:00:00Z') });
  });
  it.each([['ge2026-1-1'], ['ne2026-11-01'], ['2026-11-01; DROP'], ['ge2026-13-40']])('refuses %s', (v) => {
    expect(parseFhirDateParams([v])).toBeNull();
  });
});

describe('patient search parameter', () => {
  it.each([
    ['1101700000002', null],
    ['https://terms.sil-th.org/id/th-cid|1101700000002', null],
  ])('validates the check digit of %s', (v, expected) => {
    // 1101700000002 has a wrong check digit on purpose.
    expect(parsePatientParam(v)).toBe(expected);
  });
  it('accepts a bare or system-qualified valid ID and refuses foreign systems', () => {
    const cid = '1101700000001';
    expect(parsePatientParam(cid)).toBe(cid);
    expect(parsePatientParam(`http://dopa.go.th|${cid}`)).toBe(cid);
    expect(parsePatientParam(`https://example.org/ssn|${cid}`)).toBeNull();
    expect(parsePatientParam(null)).toBeNull();
  });
});
