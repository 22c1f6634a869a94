import { describe, expect, it, vi } from 'vitest';
import { mergeTimeline } from '@/lib/clinical/merge';
import { answers, NOW } from './merge-fixtures';
import type { FromWorker, ToWorker } from './merge-protocol';
import { mergeWorkerHandler } from './merge-worker-handler';
import { createMerger, mainThreadMerger, mergeInput, workerMerger, type WorkerPort } from './mergers';

/** A worker in the same process: the real handler, every message copied and delivered as a task of its own. */
function fakeWorker(options: { failToLoad?: boolean } = {}) {
  const sent: ToWorker[] = [];
  const terminate = vi.fn();
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      sent.push(message);
      const copy = structuredClone(message);
      setTimeout(() => (options.failToLoad ? port.onerror?.(new Event('error')) : handle(copy)), 0);
    },
    terminate,
  };
  const handle = mergeWorkerHandler((m: FromWorker) => {
    const copy = structuredClone(m);
    setTimeout(() => port.onmessage?.({ data: copy }), 0);
  });
  return { port, sent, terminate };
}

const never = () => false;

describe('merging in the worker', () => {
  it('gives the same model as merging on the page, each answer sent once', async () => {
    const views = answers();
    const { port, sent } = fakeWorker();
    const merger = workerMerger(port);
    const first = await merger.merge([views[1]!], NOW, views, never);
    expect(first).toEqual(mergeTimeline(mergeInput([views[1]!], NOW)));
    const all = await merger.merge(views, NOW, views, never);
    expect(all).toEqual(mergeTimeline(mergeInput(views, NOW)));
    // Answer 2's facts went over once; answer 1 (1,304 facts) in two parts; the empty answer as one empty part.
    const parts = sent.filter((m) => m.type === 'facts').map((m) => (m.type === 'facts' ? `${m.view}:${m.facts.length}` : ''));
    expect(parts).toEqual([`1:${views[1]!.facts.length}`, '2:1000', `2:${views[0]!.facts.length - 1000}`, '3:0']);
  });

  it('lets go of an answer no longer in use (a hospital asked again)', async () => {
    const views = answers();
    const { port, sent } = fakeWorker();
    const merger = workerMerger(port);
    await merger.merge(views, NOW, views, never);
    const again = { ...views[1]! };
    const model = await merger.merge([views[0]!, again, views[2]!], NOW, [views[0]!, again, views[2]!], never);
    expect(sent).toContainEqual({ type: 'forget', views: [2] });
    expect(model).toEqual(mergeTimeline(mergeInput([views[0]!, again, views[2]!], NOW)));
  });

  it('merges on the page when the worker cannot load, for this merge and the next', async () => {
    const views = answers();
    const { port } = fakeWorker({ failToLoad: true });
    const merger = workerMerger(port);
    expect(await merger.merge(views, NOW, views, never)).toEqual(mergeTimeline(mergeInput(views, NOW)));
    expect(await merger.merge([views[1]!], NOW, views, never)).toEqual(mergeTimeline(mergeInput([views[1]!], NOW)));
  });

  it('merges on the page when the worker answers that its merge failed', async () => {
    const views = answers();
    const { port } = fakeWorker();
    const real = port.postMessage.bind(port);
    // The worker never got this answer's facts: its merge fails.
    port.postMessage = (m) => (m.type === 'facts' && m.view === 1 ? undefined : real(m));
    const merger = workerMerger(port);
    expect(await merger.merge(views, NOW, views, never)).toEqual(mergeTimeline(mergeInput(views, NOW)));
  });

  it('answers nothing for a merge cancelled or closed on the way, and stops the worker', async () => {
    const views = answers();
    const { port, terminate } = fakeWorker();
    const merger = workerMerger(port);
    expect(await merger.merge(views, NOW, views, () => true)).toBeUndefined();
    const pending = merger.merge(views, NOW, views, never);
    merger.close();
    expect(await pending).toBeUndefined();
    expect(terminate).toHaveBeenCalled();
  });
});

describe('merging on the page', () => {
  it('is the merge, in slices', async () => {
    const views = answers();
    expect(await mainThreadMerger().merge(views, NOW, views, never)).toEqual(mergeTimeline(mergeInput(views, NOW)));
  });

  it('is what a browser without workers gets', async () => {
    expect(typeof Worker).toBe('undefined');
    const views = answers();
    expect(await createMerger().merge(views, NOW, views, never)).toEqual(mergeTimeline(mergeInput(views, NOW)));
  });
});
