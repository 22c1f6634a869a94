import { describe, expect, it } from 'vitest';
import { toClinicalFacts } from './facts';
import { encounter, lab } from './fixtures';
import { dayOf, mergeTimeline, timeOf } from './merge';

describe('dayOf: the source’s own calendar day', () => {
  it.each([
    // Z carries no local clock: Bangkok's day (20:30Z is 03:30 on the 20th in Bangkok).
    ['2023-01-19T20:30:00Z', '2023-01-20'],
    ['2023-01-19T20:30:00.000Z', '2023-01-20'],
    ['2023-01-19T20:30:00-00:00', '2023-01-20'],
    ['2023-01-19T23:45:00+07:00', '2023-01-19'],
    ['2023-01-19T23:45:00+01:00', '2023-01-19'],
    ['2023-01-19T20:30:00-05:00', '2023-01-19'],
    ['2023-01-19', '2023-01-19'],
    ['2023-01', '2023-01'],
    ['2023', '2023'],
  ])('%s → %s', (iso, expected) => {
    expect(dayOf(iso, timeOf(iso))).toBe(expected);
  });
  it('undated stays undated', () => {
    expect(dayOf(null, Number.NaN)).toBeNull();
  });
});

describe('timeline entries carry the source’s day', () => {
  it('a visit late in the evening abroad is on its own day; a Z value on Bangkok’s', () => {
    const facts = [
      ...toClinicalFacts([encounter('e1', { cls: 'AMB', start: '2023-01-19T23:45:00+01:00' })], 'H1'),
      ...toClinicalFacts([encounter('e2', { cls: 'AMB', start: '2023-01-19T20:30:00Z' })], 'H2'),
      ...toClinicalFacts([lab('l1', { code: '2345-7', value: 5.5, unit: 'mmol/L', date: '2023-01-19T20:30:00-05:00' })], 'H3'),
    ];
    const model = mergeTimeline({ facts, answered: ['H1', 'H2', 'H3'], now: '2023-02-01T00:00:00+07:00' });
    const days = Object.fromEntries(model.entries.map((e) => [e.sources[0]!.hospitalCode, e.day]));
    expect(days).toEqual({ H1: '2023-01-19', H2: '2023-01-20', H3: '2023-01-19' });
  });
});
