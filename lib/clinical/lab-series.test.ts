import { describe, expect, it } from 'vitest';
import type { Observation } from '@medplum/fhirtypes';
import { toClinicalFacts } from './facts';
import { lab } from './fixtures';
import { mergeTimeline } from './merge';
import { SYSTEMS } from './terminology';

/** Lab series from one hospital's observations: which series exist, in which unit, and kept apart or not. */
function merge(resources: Observation[]) {
  return mergeTimeline({ facts: toClinicalFacts(resources, 'A'), answered: ['A'], now: '2024-06-30T12:00:00+07:00' });
}

describe('lab series: kept apart only when the unit measures a different quantity', () => {
  it.each<[string, Observation[], [string, string, boolean, number[]][]]>([
    [
      'an analyte our tables do not know, in one unit, is a normal series',
      [
        lab('x1', { code: '2532-0', text: 'LDH', value: 210, unit: 'U/L', date: '2024-01-01' }),
        lab('x2', { code: '2532-0', text: 'LDH', value: 250, unit: 'U/L', date: '2024-02-01' }),
      ],
      [[`${SYSTEMS.loinc}|2532-0`, 'U/L', true, [210, 250]]],
    ],
    [
      'an unknown analyte in two units of one quantity is one series, in the newest unit',
      [
        lab('x1', { code: '2532-0', text: 'X', value: 2, unit: 'g/L', date: '2024-01-01' }),
        lab('x2', { code: '2532-0', text: 'X', value: 150, unit: 'mg/dL', date: '2024-02-01' }),
      ],
      [[`${SYSTEMS.loinc}|2532-0`, 'mg/dL', true, [200, 150]]],
    ],
    [
      'an unknown analyte in units of different quantities keeps the lesser one apart',
      [
        lab('x1', { code: '2532-0', text: 'X', value: 2, unit: 'mmol/L', date: '2024-01-01' }),
        lab('x2', { code: '2532-0', text: 'X', value: 150, unit: 'mg/dL', date: '2024-02-01' }),
        lab('x3', { code: '2532-0', text: 'X', value: 3, unit: 'mmol/L', date: '2024-03-01' }),
      ],
      [
        [`${SYSTEMS.loinc}|2532-0`, 'mmol/L', true, [2, 3]],
        [`${SYSTEMS.loinc}|2532-0|mg/dL`, 'mg/dL', false, [150]],
      ],
    ],
    [
      'third-party LOINC variants join the known analyte series',
      [
        lab('c1', { code: '2160-0', value: 1.1, unit: 'mg/dL', date: '2024-01-01' }),
        lab('c2', { code: '38483-4', value: 1.3, unit: 'mg/dL', date: '2024-02-01' }),
        lab('c3', { code: '14682-9', value: 132.6, unit: 'umol/L', date: '2024-03-01' }),
      ],
      [['creatinine', 'mg/dL', true, [1.1, 1.3, 1.5]]],
    ],
    [
      'a known analyte in a unit of its own quantity is converted, not kept apart',
      [
        lab('h1', { code: '718-7', value: 13.5, unit: 'g/dL', date: '2024-01-01' }),
        lab('h2', { code: '30313-1', value: 12.1, unit: 'mg/mL', date: '2024-02-01' }),
      ],
      [['haemoglobin', 'g/dL', true, [13.5, 1.21]]],
    ],
  ])('%s', (_name, resources, expected) => {
    const m = merge(resources);
    expect(m.labs.map((s) => [s.key, s.unit, s.canonical, s.points.map((p) => p.value)])).toEqual(expected);
  });
});
