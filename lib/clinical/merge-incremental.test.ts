/**
 * The merge kept between answers (createMerger) on a small record built to touch every path that must be
 * redone when an answer arrives: a duplicate whose representative changes (a smaller id arrives later), a
 * same-day disagreement across time zones, "no known allergy" against an allergy recorded later, a stop
 * against a current drug, a hospital that answered with nothing. Every arrival order and every batching
 * gives the whole merge; a model already handed out never changes. (lib/conformance/merger-orders.test.ts
 * checks the same on the demo patients and the conformance examples.)
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { toClinicalFacts } from './facts';
import { allergy, lab, medStatement, nka } from './fixtures';
import { createMerger, mergeTimeline } from './merge';
import { SYSTEMS } from './terminology';
import type { MergeInput, TimelineModel } from './types';

const NOW = '2024-06-30T12:00:00+07:00';

interface Answer {
  hcode: string;
  facts: MergeInput['facts'];
}

const answer = (hcode: string, resources: Resource[]): Answer => ({ hcode, facts: toClinicalFacts(resources, hcode) });

const ANSWERS: Answer[] = [
  answer('B', [
    lab('g1', { code: '1558-6', value: 5.5, unit: 'mmol/L', date: '2024-05-02T09:00:00+07:00' }),
    // 00:30 in Bangkok on 3 May, still 2 May where it was written: one day for the merge, two for the source.
    lab('g2', { code: '1558-6', value: 9.1, unit: 'mmol/L', date: '2024-05-02T18:30:00+01:00' }),
    allergy('a1', { code: '764146007', criticality: 'high', reactions: ['Rash'], date: '2024-02-01' }),
    medStatement('m1', { code: '225487', status: 'stopped', date: '2024-05-01', dose: '1 tab bid' }),
  ]),
  answer('A', [
    lab('g3', { system: SYSTEMS.tmlt, code: '320186', value: 5.5, unit: 'mmol/L', date: '2024-05-02T10:30:00+07:00' }),
    lab('g4', { code: '1558-6', value: 6.2, unit: 'mmol/L', date: '2024-05-03T00:30:00+07:00' }),
    nka('n1'),
    medStatement('m2', { code: '225487', status: 'active', date: '2024-05-01', dose: '1 tab bid' }),
  ]),
  answer('C', []),
  answer('D', [lab('g5', { code: '1558-6', value: 5.5, unit: 'mmol/L', date: '2024-05-02T11:00:00+07:00' }), nka('n2')]),
];

function whole(answers: readonly Answer[]): TimelineModel {
  return mergeTimeline({ facts: answers.flatMap((a) => a.facts), answered: answers.map((a) => a.hcode), now: NOW });
}

function run<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** Every way to cut n answers into consecutive batches, as batch sizes. */
function batchings(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (let first = 1; first <= n; first++) for (const rest of batchings(n - first)) out.push([first, ...rest]);
  return out;
}

describe('createMerger', () => {
  const expected = whole(ANSWERS);

  it('builds a record with each path it must redo', () => {
    const glucose = expected.entries.filter((e) => e.kind === 'lab');
    expect(glucose.find((e) => e.recordedAt === 3)?.hospitals).toEqual(['A', 'B', 'D']);
    expect(glucose.filter((e) => e.conflict?.reason === 'value')).toHaveLength(2);
    expect(expected.entries.filter((e) => e.conflict?.reason === 'no-known-allergy').map((e) => e.hospitals)).toEqual([['A', 'D']]);
    expect(expected.medications[0]!.conflicts.map((c) => c.reason)).toEqual(['status']);
    expect(expected.answered).toEqual(['A', 'B', 'C', 'D']);
  });

  it('gives the whole merge in every arrival order and batching, and never changes a model handed out', () => {
    let runs = 0;
    for (const order of permutations(ANSWERS)) {
      for (const sizes of batchings(order.length)) {
        const merger = createMerger(NOW);
        const taken: { model: TimelineModel; given: Answer[] }[] = [];
        let at = 0;
        for (const size of sizes) {
          const batch = order.slice(at, at + size);
          at += size;
          run(merger.add({ facts: batch.flatMap((a) => a.facts), answered: batch.map((a) => a.hcode) }));
          taken.push({ model: run(merger.model()), given: order.slice(0, at) });
        }
        expect(taken.at(-1)!.model).toStrictEqual(expected);
        for (const t of taken) expect(t.model).toStrictEqual(whole(t.given));
        runs++;
      }
    }
    expect(runs).toBe(24 * 8);
  });

  it('the whole merge itself does not depend on the order hospitals answer in', () => {
    for (const order of permutations(ANSWERS)) expect(whole(order)).toStrictEqual(expected);
  });

  it('a chain of near results (100 ~ 100.15 ~ 100.3, but 100 ≁ 100.3) groups the same in every order', () => {
    const chain = (hcode: string, value: number): Answer =>
      answer(hcode, [lab(hcode.toLowerCase(), { code: '2345-7', value, unit: 'mg/dL', date: '2024-05-02T09:00:00+07:00' })]);
    const answers = [chain('B', 100.15), chain('C', 100.3), chain('A', 100), answer('D', [nka('n1')])];
    const once = whole(answers);
    // Hospitals taken in code order: A and B are one result, C's disagrees with it.
    expect(once.entries.filter((e) => e.kind === 'lab').map((e) => [e.hospitals, e.conflict?.reason])).toEqual([
      [['A', 'B'], 'value'],
      [['C'], 'value'],
    ]);
    for (const order of permutations(answers)) {
      expect(whole(order)).toStrictEqual(once);
      for (const sizes of batchings(order.length)) {
        const merger = createMerger(NOW);
        let at = 0;
        for (const size of sizes) {
          const batch = order.slice(at, at + size);
          at += size;
          run(merger.add({ facts: batch.flatMap((a) => a.facts), answered: batch.map((a) => a.hcode) }));
          expect(run(merger.model())).toStrictEqual(whole(order.slice(0, at)));
        }
      }
    }
  });

  it('an empty merger gives the empty model', () => {
    expect(run(createMerger(NOW).model())).toStrictEqual(whole([]));
  });
});
