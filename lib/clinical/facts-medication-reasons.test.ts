import { describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { toClinicalFacts } from './facts';
import { medDispense, medRequest, medStatement } from './fixtures';
import type { ClinicalFact } from './types';

function one(r: Resource): ClinicalFact {
  const facts = toClinicalFacts([r], 'H1');
  expect(facts).toHaveLength(1);
  return facts[0]!;
}

describe('why a medication was stopped or changed, and what it was for', () => {
  const metformin = { code: '225487', date: '2024-06-01' };
  it.each<[string, Resource, string | undefined, string | undefined]>([
    [
      'statement statusReason (stopped for eGFR < 45)',
      { ...medStatement('s', { ...metformin, status: 'stopped' }), statusReason: [{ text: 'eGFR below 45: metformin stopped' }] },
      'eGFR below 45: metformin stopped',
      undefined,
    ],
    [
      'statement statusReason coded only',
      {
        ...medStatement('s', { ...metformin, status: 'on-hold' }),
        statusReason: [{ coding: [{ system: 'http://snomed.info/sct', code: '266721009', display: 'Absent response to treatment' }] }],
      },
      'Absent response to treatment',
      undefined,
    ],
    [
      'statement with two reasons',
      {
        ...medStatement('s', { ...metformin, status: 'stopped' }),
        statusReason: [{ text: 'eGFR below 45' }, { text: 'Lactic acidosis risk' }],
      },
      'eGFR below 45; Lactic acidosis risk',
      undefined,
    ],
    [
      'request statusReason',
      { ...medRequest('r', { ...metformin, status: 'stopped' }), statusReason: { text: 'eGFR below 45' } },
      'eGFR below 45',
      undefined,
    ],
    [
      'stopped request with only reasonCode: the indication, never a stop reason',
      { ...medRequest('r', { ...metformin, status: 'stopped' }), reasonCode: [{ text: 'Type 2 diabetes' }] },
      undefined,
      'Type 2 diabetes',
    ],
    [
      'active statement reasonCode is the indication',
      { ...medStatement('s', metformin), reasonCode: [{ text: 'Type 2 diabetes' }] },
      undefined,
      'Type 2 diabetes',
    ],
    ['stopped without any reason', medStatement('s', { ...metformin, status: 'stopped' }), undefined, undefined],
    ['dispense never carries one', medDispense('d', metformin), undefined, undefined],
  ])('%s', (_n, r, statusReason, indication) => {
    const f = one(r);
    if (f.kind !== 'medication') throw new Error('not a medication');
    expect([f.statusReason, f.indication]).toEqual([statusReason, indication]);
  });
});
