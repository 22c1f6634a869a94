import { describe, expect, it } from 'vitest';
import { hasServiceToken, parseFhirDateParams } from './service-auth';

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
    expect(parseFhirDateParams(['ge2026-11-01', 'le2026-11-30'])).toEqual({ since: new Date('2026-10-31T17:00:00Z'), until: new Date('2026-11-30T17:00:00Z') });
  });
  it('handles eq, gt, lt and date-times', () => {
    expect(parseFhirDateParams(['2026-11-05'])).toEqual({ since: new Date('2026-11-04T17:00:00Z'), until: new Date('2026-11-05T17:00:00Z') });
    expect(parseFhirDateParams(['lt2026-11-05T10:00:00Z'])).toEqual({ until: new Date('2026-11-05T10:00:00Z') });
    expect(parseFhirDateParams(['gt2026-11-05'])).toEqual({ since: new Date('2026-11-05T17:00:00Z') });
  });
  it.each([['ge2026-1-1'], ['ne2026-11-01'], ['2026-11-01; DROP'], ['ge2026-13-40']])('refuses %s', (v) => {
    expect(parseFhirDateParams([v])).toBeNull();
  });
});
