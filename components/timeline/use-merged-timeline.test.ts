import { describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { toClinicalFacts } from '@/lib/clinical/facts';
import { allergy, lab, medStatement, nka } from '@/lib/clinical/fixtures';
import { mergeTimeline } from '@/lib/clinical/merge';
import type { HospitalView } from '@/lib/timeline/types';
import { createMergeLoop, firstAnswerAlone, planMerge, type MergedTimeline } from './use-merged-timeline';

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

describe('createMergeLoop', () => {
  const now = '2024-06-30T12:00:00+07:00';
  const answer = (hcode: string, resources: Resource[]): HospitalView => ({
    ...view(hcode, 0),
    facts: toClinicalFacts(resources, hcode),
    records: resources.length,
  });
  const glucose = (id: string, value: number, day: number) =>
    lab(id, { code: '1558-6', value, unit: 'mmol/L', date: `2024-05-${String(day).padStart(2, '0')}T09:00:00+07:00` });
  const a = answer('10661', [glucose('a1', 5.5, 1), glucose('a2', 6.1, 2), nka('a3'), glucose('a4', 7, 4)]);
  const b = answer('13781', [glucose('b1', 5.5, 1), glucose('b2', 8.4, 2)]);
  const c = answer('11535', [
    allergy('c1', { code: '764146007', criticality: 'high', reactions: ['Rash'], date: '2024-02-01' }),
    medStatement('c2', { code: '225487', status: 'active', date: '2024-05-01' }),
    glucose('c3', 5.5, 3),
  ]);
  const whole = (views: HospitalView[]) =>
    mergeTimeline({ facts: views.flatMap((v) => v.facts), answered: views.map((v) => v.hcode), now });

  function loop() {
    const published: MergedTimeline[] = [];
    const merging = createMergeLoop(
      (state) => published.push(state),
      () => false,
    );
    return { merging, published };
  }

  it('shows the smallest waiting answer alone first, then everything: the whole merge of all of them', async () => {
    const { merging, published } = loop();
    merging.push([a, b, c], now);
    await merging.done();
    expect(published.map((p) => [...p.merged])).toEqual([[b], [b, a, c]]);
    expect(published[0]!.model).toStrictEqual(whole([b]));
    expect(published[1]!.model).toStrictEqual(whole([a, b, c]));
  });

  it('adds a later answer to the merge kept from before: entries it does not touch are the very same objects', async () => {
    const { merging, published } = loop();
    merging.push([a], now);
    await merging.done();
    merging.push([a, c], now);
    await merging.done();
    expect(published).toHaveLength(2);
    expect(published[1]!.model).toStrictEqual(whole([a, c]));
    expect(published[1]!.model.entries.filter((e) => published[0]!.model.entries.includes(e)).length).toBeGreaterThan(0);
    // The model handed out first is still the whole merge of the first answer.
    expect(published[0]!.model).toStrictEqual(whole([a]));
  });

  it('takes answers that arrive during a merge in one more merge', async () => {
    const { merging, published } = loop();
    merging.push([a], now);
    merging.push([a, b], now);
    merging.push([a, b, c], now);
    await merging.done();
    expect(published.at(-1)!.model).toStrictEqual(whole([a, b, c]));
    expect([...published.at(-1)!.merged]).toEqual([a, b, c]);
  });

  it('starts again when an answer is replaced (a retry) or withdrawn, so nothing of the old answer stays', async () => {
    const { merging, published } = loop();
    merging.push([a, b], now);
    await merging.done();
    const retried = answer('13781', [glucose('b9', 4.2, 5)]);
    merging.push([a, retried], now);
    await merging.done();
    expect(published.at(-1)!.model).toStrictEqual(whole([a, retried]));
    expect(published.at(-1)!.merged.has(b)).toBe(false);
    merging.push([retried], now);
    await merging.done();
    expect(published.at(-1)!.model).toStrictEqual(whole([retried]));
    expect([...published.at(-1)!.merged]).toEqual([retried]);
  });

  it('publishes nothing for the same answers in a new list', async () => {
    const { merging, published } = loop();
    merging.push([a, b], now);
    await merging.done();
    const count = published.length;
    merging.push([b, a], now);
    await merging.done();
    expect(published).toHaveLength(count);
  });
});
