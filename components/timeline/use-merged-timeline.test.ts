import { describe, expect, it } from 'vitest';
import type { HospitalView } from '@/lib/timeline/types';
import { firstAnswerAlone } from './use-merged-timeline';

const view = (hcode: string, records: number): HospitalView => ({
  hcode,
  status: 'answered',
  facts: Array.from({ length: records }, () => ({}) as HospitalView['facts'][number]),
  records,
  counts: {},
  newestDate: null,
  droppedWrongPatient: 0,
  droppedUnverifiable: 0,
  fetchedAt: '2026-12-06T03:00:00Z',
  elapsedMs: 200,
});

describe('firstAnswerAlone', () => {
  const small = view('10661', 12);
  const large = view('13781', 9000);
  it('takes the answer with the fewest records when several wait and nothing is shown yet', () => {
    expect(firstAnswerAlone([large, small, view('11535', 300)], false)).toBe(small);
  });
  it.each([
    ['one answer', [large], false],
    ['no answer', [], false],
    ['something already on screen', [large, small], true],
  ] as const)('does not split with %s', (_what, views, shown) => {
    expect(firstAnswerAlone(views, shown)).toBeUndefined();
  });
});
