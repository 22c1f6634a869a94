/** Hospital answers for the merge worker's tests: conflicts, a sealed record, and more entries than one chunk. */
import type { Resource } from '@medplum/fhirtypes';
import { toClinicalFacts } from '@/lib/clinical/facts';
import { allergy, condition, lab, medStatement, nka } from '@/lib/clinical/fixtures';
import type { HospitalView } from '@/lib/timeline/types';

export const NOW = '2024-06-30T12:00:00+07:00';

export function answer(hcode: string, resources: Resource[]): HospitalView {
  const facts = toClinicalFacts(resources, hcode);
  return {
    hcode,
    status: facts.length > 0 ? 'answered' : 'no-data',
    facts,
    records: facts.length,
    counts: {},
    newestDate: null,
    droppedWrongPatient: 0,
    droppedUnverifiable: 0,
    fetchedAt: '2024-06-30T05:00:00Z',
    elapsedMs: 200,
  };
}

/** Three hospitals: the same lab with values that disagree, an allergy beside "no known allergy", a sealed condition, 1,300 glucose results. */
export function answers(): HospitalView[] {
  const many = Array.from({ length: 1300 }, (_, i) =>
    lab(`glu${i}`, {
      code: '1558-6',
      value: 90 + (i % 40),
      unit: 'mg/dL',
      date: new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString(),
    }),
  );
  return [
    answer('10661', [
      lab('k1', { code: '2823-3', value: 4.1, unit: 'mmol/L', date: '2024-05-01T08:00:00+07:00' }),
      allergy('a1', { code: '294505008', text: 'Amoxicillin', criticality: 'high' }),
      condition('hiv', { code: 'B24', onset: '2018-01-01', security: ['HIV'] }),
      medStatement('m1', { code: '255301', date: '2024-01-01' }),
      ...many,
    ]),
    answer('11535', [lab('k2', { code: '2823-3', value: 6.3, unit: 'mmol/L', date: '2024-05-01T08:30:00+07:00' }), nka('n1')]),
    answer('13781', []),
  ];
}
