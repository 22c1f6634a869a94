import { describe, expect, it } from 'vitest';
import { mergeTimeline } from '@/lib/clinical/merge';
import type { TimelineModel } from '@/lib/clinical/types';
import { answers, NOW } from './merge-fixtures';
import { CHUNK, modelAssembler, modelMessages, type FromWorker } from './merge-protocol';
import { mergeInput } from './mergers';

/** What the page receives: each message copied between threads (structured clone), in order. */
function received(messages: FromWorker[]): FromWorker[] {
  return messages.map((m) => structuredClone(m));
}

describe('the merged model between the worker and the page', () => {
  const input = mergeInput(answers(), NOW);
  const model = mergeTimeline(input);

  it('arrives equal to the merge, with the page’s own fact objects in it, the long lists in chunks', () => {
    const messages = received(modelMessages(7, model, input.facts));
    expect(messages.every((m) => m.job === 7)).toBe(true);
    const entryParts = messages.filter((m) => m.type === 'part' && m.key === 'entries');
    expect(model.entries.length).toBeGreaterThan(CHUNK);
    expect(entryParts).toHaveLength(Math.ceil(model.entries.length / CHUNK));
    // The facts are never copied: only references to them.
    for (const part of entryParts) {
      if (part.type !== 'part') throw new Error('not a part');
      expect(part.links?.fact).toBeInstanceOf(Int32Array);
      for (const e of part.items) expect(e).not.toHaveProperty('fact');
    }

    // A lab series holds no fact: the page takes it as it comes, without walking it again.
    const labParts = messages.filter((m) => m.type === 'part' && m.key === 'labs');
    expect(labParts.length).toBe(model.labs.length);
    expect(labParts.every((m) => m.type === 'part' && m.plain === true)).toBe(true);

    const assembler = modelAssembler(input.facts);
    const results = messages.map((m) => (m.type === 'failed' ? undefined : assembler.add(m)));
    expect(results.slice(0, -1).every((r) => r === undefined)).toBe(true);
    const back = results.at(-1)!;
    expect(back).toEqual(model);
    for (let i = 0; i < model.entries.length; i++) expect(back.entries[i]!.fact).toBe(model.entries[i]!.fact);
    expect(back.labs[0]!.points.length).toBe(model.labs[0]!.points.length);
  });

  it('keeps the conflicts and the sealed stub', () => {
    const assembler = modelAssembler(input.facts);
    let back: TimelineModel | undefined;
    for (const m of received(modelMessages(1, model, input.facts))) if (m.type !== 'failed') back = assembler.add(m);
    if (back === undefined) throw new Error('no model');
    expect(back.entries.filter((e) => e.conflict !== undefined).map((e) => e.conflict!.reason)).toEqual(
      model.entries.filter((e) => e.conflict !== undefined).map((e) => e.conflict!.reason),
    );
    expect(back.entries.some((e) => e.conflict?.reason === 'value')).toBe(true);
    expect(back.entries.filter((e) => e.sealed)).toHaveLength(1);
    expect(back.allergyNkaConflict).toEqual(model.allergyNkaConflict);
  });

  it('refuses a reference to a fact the page does not hold', () => {
    const messages = received(modelMessages(1, model, input.facts));
    const assembler = modelAssembler(input.facts.slice(0, 3));
    expect(() => {
      for (const m of messages) if (m.type !== 'failed') assembler.add(m);
    }).toThrow(/no fact/);
  });
});
