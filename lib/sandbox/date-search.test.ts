import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { HttpError } from './http-util';
import { compareRange, dateFilter, dateRange } from './date-search';

const ms = (iso: string): number => Date.parse(iso);

describe('dateRange', () => {
  it.each([
    ['2020', '2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z'],
    ['2020-02', '2020-02-01T00:00:00Z', '2020-03-01T00:00:00Z'],
    ['2020-02-29', '2020-02-29T00:00:00Z', '2020-03-01T00:00:00Z'],
    ['2020-02-29T10:15+07:00', '2020-02-29T03:15:00Z', '2020-02-29T03:16:00Z'],
    ['2020-02-29T10:15:30Z', '2020-02-29T10:15:30Z', '2020-02-29T10:15:31Z'],
    ['2020-02-29T10:15:30.250-03:00', '2020-02-29T13:15:30.250Z', '2020-02-29T13:15:30.251Z'],
  ])('%s covers its whole precision', (text, lo, hi) => {
    expect(dateRange(text)).toEqual({ lo: ms(lo), hi: ms(hi) });
  });

  it.each(['', 'yesterday', '2020-13', '2020-01-32', '20200101'])('%j is not a date', (text) => {
    expect(dateRange(text)).toBeUndefined();
  });
});

describe('compareRange (R4 range semantics)', () => {
  const day = dateRange('2025-12-06')!;
  const within = dateRange('2025-12-06T10:00:00Z')!;
  const before = dateRange('2025-12-05T23:59:59Z')!;
  const straddling = { lo: ms('2025-12-01T00:00:00Z'), hi: ms('2026-01-01T00:00:00Z') };

  it('ge and lt of one value split every point in two, with nothing in neither', () => {
    for (const t of [within, before, day]) expect(compareRange('ge', t, day) !== compareRange('lt', t, day)).toBe(true);
  });

  it('a range across the value matches both ge and lt (the client keeps it once)', () => {
    expect(compareRange('ge', straddling, day)).toBe(true);
    expect(compareRange('lt', straddling, day)).toBe(true);
  });

  it('eq is containment, ne its negation, gt/le the other split', () => {
    expect(compareRange('eq', within, day)).toBe(true);
    expect(compareRange('eq', straddling, day)).toBe(false);
    expect(compareRange('ne', straddling, day)).toBe(true);
    expect(compareRange('gt', within, day)).toBe(false);
    expect(compareRange('le', within, day)).toBe(true);
    expect(compareRange('gt', straddling, day)).toBe(true);
  });
});

describe('dateFilter', () => {
  const obs = (id: string, extra: Record<string, unknown>): Resource => ({ resourceType: 'Observation', id, ...extra }) as Resource;
  const records = [
    obs('point', { effectiveDateTime: '2025-06-01T08:00:00+07:00' }),
    obs('year', { effectiveDateTime: '2024' }),
    obs('period', { effectivePeriod: { start: '2024-11-20', end: '2025-01-10' } }),
    obs('ongoing', { effectivePeriod: { start: '2020-01-01' } }),
    obs('timing', { effectiveTiming: { event: ['2019-03-01T00:00:00Z', '2019-04-01T00:00:00Z'] } }),
    obs('none', {}),
    obs('empty-period', { effectivePeriod: {} }),
  ];
  const ids = (query: string, type: 'Observation' | 'Encounter' = 'Observation'): string[] => {
    const f = dateFilter(type, new URLSearchParams(query));
    return records.filter((r) => f === undefined || f(r)).map((r) => r.id!);
  };

  it('ANDs repeated parameters into a window and ORs comma-separated values', () => {
    expect(ids('date=ge2025-01-01&date=lt2026-01-01')).toEqual(['point', 'period', 'ongoing']);
    expect(ids('date=ge2024-01-01&date=lt2025-01-01')).toEqual(['year', 'period', 'ongoing']);
    expect(ids('date=lt2020-01-01')).toEqual(['timing']);
    expect(ids('date=eq2024,eq2019')).toEqual(['year', 'timing']);
  });

  it('finds the undated with :missing=true (an empty Period is not a date) and the dated with :missing=false', () => {
    expect(ids('date:missing=true')).toEqual(['none', 'empty-period']);
    expect(ids('date:missing=false')).toEqual(['point', 'year', 'period', 'ongoing', 'timing']);
  });

  it('ignores parameters that are not a date parameter of the type, and asks nothing without one', () => {
    expect(dateFilter('Observation', new URLSearchParams('category=laboratory&_count=5'))).toBeUndefined();
    expect(dateFilter('AllergyIntolerance', new URLSearchParams('date=ge2020'))).toBeUndefined();
  });

  it('reads each type by its own R4 parameter', () => {
    const enc = { resourceType: 'Encounter', id: 'e', period: { start: '2025-01-01', end: '2025-01-02' } } as Resource;
    expect(dateFilter('Encounter', new URLSearchParams('date=ge2025-01-01'))!(enc)).toBe(true);
    const md = { resourceType: 'MedicationDispense', id: 'd', whenHandedOver: '2025-03-01' } as Resource;
    expect(dateFilter('MedicationDispense', new URLSearchParams('whenhandedover=lt2025-03-01'))!(md)).toBe(false);
    expect(dateFilter('MedicationDispense', new URLSearchParams('whenhandedover:missing=false'))!(md)).toBe(true);
    const mr = { resourceType: 'MedicationRequest', id: 'r' } as Resource;
    expect(dateFilter('MedicationRequest', new URLSearchParams('authoredon:missing=true'))!(mr)).toBe(true);
  });

  it.each([
    ['date=sa2020', /unsupported prefix sa/],
    ['date=ap2020', /unsupported prefix ap/],
    ['date=ge2020-1', /must be a FHIR date/],
    ['date:exact=2020', /unsupported modifier :exact/],
    ['date:missing=maybe', /must be true or false/],
  ])('answers 400 for %s', (query, message) => {
    expect(() => dateFilter('Observation', new URLSearchParams(query))).toThrow(HttpError);
    expect(() => dateFilter('Observation', new URLSearchParams(query))).toThrow(message);
  });

  it('refuses every date parameter when the hospital is switched to behave like a server without them', () => {
    expect(() => dateFilter('Observation', new URLSearchParams('date=ge2020'), true)).toThrow(/not supported at this hospital/);
    expect(dateFilter('Observation', new URLSearchParams('category=laboratory'), true)).toBeUndefined();
  });
});
