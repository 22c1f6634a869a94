import { describe, expect, it } from 'vitest';
import type { HospitalView } from '@/lib/timeline/types';
import { firstAnswerAlone, planMerge } from './use-merged-timeline';

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

describe('planMerge', () => {
  const now = '2026-12-06T10:00:00+07:00';
  const a = view('10661', 12);
  const b = view('13781', 9000);
  const c = view('11535', 300);

  it('starts from nothing the first time', () => {
    expect(planMerge(undefined, [a, b], now)).toEqual({ fresh: true, add: [a, b] });
  });
  it('adds only the answers not merged yet, in the order of the views', () => {
    expect(planMerge({ now, added: [b] }, [a, b, c], now)).toEqual({ fresh: false, add: [a, c] });
  });
  it('has nothing to add when the same answers come in a new list', () => {
    expect(planMerge({ now, added: [a, b] }, [b, a], now)).toEqual({ fresh: false, add: [] });
  });
  it('starts again when a merged answer is replaced (a retry or a refresh gives a new answer for the same hospital)', () => {
    const retried = { ...a };
    expect(planMerge({ now, added: [a, b] }, [retried, b, c], now)).toEqual({ fresh: true, add: [retried, b, c] });
  });
  it('starts again when a merged answer is withdrawn', () => {
    expect(planMerge({ now, added: [a, b] }, [b], now)).toEqual({ fresh: true, add: [b] });
  });
  it('starts again when now changes', () => {
    expect(planMerge({ now, added: [a] }, [a, b], '2026-12-07T10:00:00+07:00')).toEqual({ fresh: true, add: [a, b] });
  });
});
