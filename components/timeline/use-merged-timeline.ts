'use client';

import { startTransition, useEffect, useRef, useState } from 'react';
import { createMerger, mergeTimeline, type Merger } from '@/lib/clinical/merge';
import type { TimelineModel } from '@/lib/clinical/types';
import type { HospitalView } from '@/lib/timeline/types';
import { nextTask } from './next-task';

/**
 * Longest stretch of merging before the page gets the main thread back. A "long task" is 50 ms; slower
 * phones take about 4× longer than this workstation for the same slice, so the budget is well below.
 */
const SLICE_MS = 8;

export interface MergedTimeline {
  model: TimelineModel;
  /** The hospital answers the model is made of: an answer not in here is not on screen yet. */
  merged: ReadonlySet<HospitalView>;
}

function isAnswered(v: HospitalView): boolean {
  return v.status === 'answered' || v.status === 'no-data';
}

/** The merge kept between answers, and the answers it holds. */
interface KeptMerge {
  merger: Merger;
  now: string;
  added: readonly HospitalView[];
}

/**
 * What the next merge does: add the answers not merged yet to the kept merge, or start again from nothing
 * (`fresh`) when `now` changed or an answer it holds is gone from the views — replaced by a retry or a
 * refresh, or withdrawn — because an answer can be added to a merge but never taken out of one.
 */
export function planMerge(
  kept: { now: string; added: readonly HospitalView[] } | undefined,
  views: readonly HospitalView[],
  now: string,
): { fresh: boolean; add: HospitalView[] } {
  const current = new Set(views);
  const fresh = kept === undefined || kept.now !== now || kept.added.some((v) => !current.has(v));
  if (fresh) return { fresh, add: [...views] };
  const added = new Set(kept.added);
  return { fresh, add: views.filter((v) => !added.has(v)) };
}

/** Adds each answer (one hospital at a time, as the whole merge would see it) and makes the model. */
function* addAnswers(merger: Merger, views: readonly HospitalView[]): Generator<void, TimelineModel, void> {
  for (const v of views) yield* merger.add({ facts: v.facts, answered: isAnswered(v) ? [v.hcode] : [] });
  return yield* merger.model();
}

/** Runs merge steps in slices of at most ~SLICE_MS; undefined when cancelled in between. */
async function runInSlices<T>(steps: Generator<void, T, void>, cancelled: () => boolean): Promise<T | undefined> {
  let deadline = performance.now() + SLICE_MS;
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    if (performance.now() >= deadline) {
      await nextTask();
      if (cancelled()) return undefined;
      deadline = performance.now() + SLICE_MS;
    }
  }
}

/**
 * What the first merge takes when several answers are already waiting (they all arrive with the page on a
 * first load): the one with the fewest records alone, so the fastest-to-merge hospital is on screen while
 * the rest merge. Undefined when there is nothing to split (one answer, or something is on screen already).
 */
export function firstAnswerAlone(views: readonly HospitalView[], somethingShown: boolean): HospitalView | undefined {
  if (somethingShown || views.length < 2) return undefined;
  let smallest: HospitalView | undefined;
  for (const v of views) if (smallest === undefined || v.facts.length < smallest.facts.length) smallest = v;
  return smallest;
}

/**
 * The merging behind useMergedTimeline, without React: `push` each new list of answers; `publish` gets each
 * model with the answers it holds. When more answers arrive during a merge, that merge still finishes (so
 * something is shown) and exactly one more runs with everything received by then. `done` settles when the
 * merging in progress (if any) has finished; `stopped` is asked between slices.
 */
export function createMergeLoop(publish: (state: MergedTimeline) => void, stopped: () => boolean) {
  let latest: { views: readonly HospitalView[]; now: string } | undefined;
  let kept: KeptMerge | undefined;
  let shown = false;
  let busy = false;
  let idle: Promise<void> = Promise.resolve();

  // `busy` is cleared in the task the loop ends in (a finally reached without an await runs at once), so a
  // push right after a loop ends starts another instead of waiting on one that has finished.
  async function drain(): Promise<void> {
    try {
      while (latest !== undefined && !stopped()) {
        const job = latest;
        const plan = planMerge(kept, job.views, job.now);
        if (!plan.fresh && plan.add.length === 0) {
          latest = undefined; // the same answers in a new list: the model on screen is already theirs
          continue;
        }
        const into: KeptMerge = plan.fresh ? { merger: createMerger(job.now), now: job.now, added: [] } : kept!;
        const first = firstAnswerAlone(plan.add, shown);
        // The first hospital goes on screen alone; everything received then merges right after.
        if (first === undefined) latest = undefined;
        const input = first !== undefined ? [first] : plan.add;
        // A merge stopped half-way holds part of an answer: it is never kept.
        kept = undefined;
        const model = await runInSlices(addAnswers(into.merger, input), stopped);
        if (model === undefined) continue;
        const merged = [...into.added, ...input];
        kept = { ...into, added: merged };
        shown ||= merged.length > 0;
        publish({ model, merged: new Set(merged) });
      }
    } finally {
      busy = false;
    }
  }

  return {
    push(views: readonly HospitalView[], now: string): void {
      latest = { views, now };
      if (busy) return;
      busy = true;
      idle = drain();
    },
    /** Settles when the merging in progress, if any, has finished. */
    done(): Promise<void> {
      return idle;
    },
  };
}

/**
 * The merged model of the hospital answers received so far. A 20,000-record history takes far longer to
 * merge than one frame on a tablet, so the merge runs in short slices between frames and the page stays
 * responsive. The merge is kept between answers (createMerger): a new answer is added to the groups
 * already built instead of merging everything again (createMergeLoop).
 */
export function useMergedTimeline(views: readonly HospitalView[], now: string): MergedTimeline {
  const [state, setState] = useState<MergedTimeline>(() => ({ model: mergeTimeline({ facts: [], answered: [], now }), merged: new Set() }));
  const unmounted = useRef(false);
  const loop = useRef<ReturnType<typeof createMergeLoop> | undefined>(undefined);

  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
    };
  }, []);

  useEffect(() => {
    // A transition: React renders the panels and the list in short slices too, instead of one long task.
    loop.current ??= createMergeLoop(
      (next) => startTransition(() => setState(next)),
      () => unmounted.current,
    );
    loop.current.push(views, now);
  }, [views, now]);

  return state;
}
