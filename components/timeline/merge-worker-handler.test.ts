import { describe, expect, it } from 'vitest';
import { mergeTimeline } from '@/lib/clinical/merge';
import { answers, NOW } from './merge-fixtures';
import { modelAssembler, type FromWorker } from './merge-protocol';
import { mergeWorkerHandler } from './merge-worker-handler';
import { mergeInput } from './mergers';

describe("the merge worker's message handler", () => {
  it('merges the answers asked for, from facts sent in parts, and posts the model back', () => {
    const posted: FromWorker[] = [];
    const handle = mergeWorkerHandler((m) => posted.push(structuredClone(m)));
    const [a, b] = answers();
    handle({ type: 'facts', view: 1, facts: structuredClone(a!.facts.slice(0, 500)) });
    handle({ type: 'facts', view: 1, facts: structuredClone(a!.facts.slice(500)) });
    handle({ type: 'facts', view: 2, facts: structuredClone(b!.facts) });
    handle({ type: 'merge', job: 3, views: [2, 1], answered: ['11535', '10661'], now: NOW });

    const input = mergeInput([b!, a!], NOW);
    const assembler = modelAssembler(input.facts);
    let model;
    for (const m of posted) if (m.type !== 'failed') model = assembler.add(m);
    expect(model).toEqual(mergeTimeline(input));
  });

  it('answers "failed" for an answer it does not hold (never sent, or forgotten)', () => {
    const posted: FromWorker[] = [];
    const handle = mergeWorkerHandler((m) => posted.push(m));
    handle({ type: 'facts', view: 1, facts: [] });
    handle({ type: 'forget', views: [1] });
    handle({ type: 'merge', job: 1, views: [1], answered: [], now: NOW });
    expect(posted).toEqual([{ type: 'failed', job: 1, message: 'no answer 1' }]);
  });
});
