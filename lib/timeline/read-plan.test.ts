import { describe, expect, it } from 'vitest';
import { planPageReads, sharingChanged } from './read-plan';

describe('planPageReads', () => {
  it.each([
    { name: 'unchanged list', early: ['A', 'B'], confirmed: ['A', 'B'], use: ['A', 'B'], start: [], discard: [] },
    {
      name: 'nothing recorded: every hospital starts after the re-check',
      early: [],
      confirmed: ['A', 'B'],
      use: [],
      start: ['A', 'B'],
      discard: [],
    },
    { name: 'a hospital stopped sharing', early: ['A', 'B', 'C'], confirmed: ['A', 'C'], use: ['A', 'C'], start: [], discard: ['B'] },
    { name: 'a hospital began sharing', early: ['A'], confirmed: ['B', 'A'], use: ['A'], start: ['B'], discard: [] },
    { name: 'the re-check failed: nothing is used', early: ['A', 'B'], confirmed: null, use: [], start: [], discard: ['A', 'B'] },
    { name: 'the patient shares with nobody now', early: ['A'], confirmed: [], use: [], start: [], discard: ['A'] },
  ])('$name', ({ early, confirmed, use, start, discard }) => {
    expect(planPageReads(early, confirmed)).toEqual({ use, start, discard });
  });

  it('never hands the page a hospital the re-check does not list', () => {
    const plan = planPageReads(['A', 'B', 'C', 'D'], ['D', 'E']);
    expect([...plan.use, ...plan.start].sort()).toEqual(['D', 'E']);
    expect(plan.discard.sort()).toEqual(['A', 'B', 'C']);
  });
});

describe('sharingChanged', () => {
  it.each([
    { stored: null, confirmed: ['A'], changed: true },
    { stored: undefined, confirmed: [], changed: true },
    { stored: ['A', 'B'], confirmed: ['B', 'A'], changed: false },
    { stored: ['A', 'B'], confirmed: ['A'], changed: true },
    { stored: ['A'], confirmed: ['A', 'C'], changed: true },
    { stored: [], confirmed: [], changed: false },
  ])('$stored → $confirmed: $changed', ({ stored, confirmed, changed }) => {
    expect(sharingChanged(stored, confirmed)).toBe(changed);
  });
});
