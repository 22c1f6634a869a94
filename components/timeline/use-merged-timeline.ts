'use client';

import { startTransition, useEffect, useRef, useState } from 'react';
import { mergeSteps, mergeTimeline } from '@/lib/clinical/merge';
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

function mergeInput(views: readonly HospitalView[], now: string) {
  const answered = views.filter((v) => v.status === 'answered' || v.status === 'no-data').map((v) => v.hcode);
  return { facts: views.flatMap((v) => v.facts), answered, now };
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
 * The merged model of the hospital answers received so far. A 20,000-record history takes far longer to
 * merge than one frame on a tablet, so the merge runs in short slices between frames and the page stays
 * responsive. When more hospitals answer during a merge, that merge still finishes (so something is
 * shown) and exactly one more runs with everything received by then.
 */
export function useMergedTimeline(views: readonly HospitalView[], now: string): MergedTimeline {
  const [state, setState] = useState<MergedTimeline>(() => ({ model: mergeTimeline(mergeInput([], now)), merged: new Set() }));
  const latest = useRef<{ views: readonly HospitalView[]; now: string } | undefined>(undefined);
  const running = useRef(false);
  const unmounted = useRef(false);
  const shown = useRef(false);

  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
    };
  }, []);

  useEffect(() => {
    latest.current = { views, now };
    if (running.current) return;
    running.current = true;
    void (async () => {
      try {
        while (latest.current !== undefined && !unmounted.current) {
          const job = latest.current;
          const first = firstAnswerAlone(job.views, shown.current);
          // The first hospital goes on screen alone; everything received then merges right after.
          latest.current = first !== undefined ? (latest.current ?? job) : undefined;
          const input = first !== undefined ? [first] : job.views;
          const model = await runInSlices(mergeSteps(mergeInput(input, job.now)), () => unmounted.current);
          shown.current ||= model !== undefined && input.length > 0;
          // A transition: React renders the panels and the list in short slices too, instead of one long task.
          if (model !== undefined) startTransition(() => setState({ model, merged: new Set(input) }));
        }
      } finally {
        running.current = false;
      }
    })();
  }, [views, now]);

  return state;
}
