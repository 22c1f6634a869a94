'use client';

import { startTransition, useEffect, useRef, useState } from 'react';
import { mergeTimeline } from '@/lib/clinical/merge';
import type { TimelineModel } from '@/lib/clinical/types';
import type { HospitalView } from '@/lib/timeline/types';
import { createMerger, mergeInput, type Merger } from './mergers';

export interface MergedTimeline {
  model: TimelineModel;
  /** The hospital answers the model is made of: an answer not in here is not on screen yet. */
  merged: ReadonlySet<HospitalView>;
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
 * merge than one frame on a tablet, so the merge runs in the page's merge worker (or, without one, in
 * short slices between frames) and the page stays responsive. When more hospitals answer during a merge,
 * that merge still finishes (so something is shown) and exactly one more runs with everything received by then.
 */
export function useMergedTimeline(views: readonly HospitalView[], now: string): MergedTimeline {
  const [state, setState] = useState<MergedTimeline>(() => ({ model: mergeTimeline(mergeInput([], now)), merged: new Set() }));
  const latest = useRef<{ views: readonly HospitalView[]; now: string } | undefined>(undefined);
  const running = useRef(false);
  const unmounted = useRef(false);
  const shown = useRef(false);
  const merger = useRef<Merger | undefined>(undefined);

  useEffect(() => {
    unmounted.current = false;
    merger.current = createMerger();
    return () => {
      unmounted.current = true;
      merger.current?.close();
      merger.current = undefined;
    };
  }, []);

  useEffect(() => {
    latest.current = { views, now };
    if (running.current) return;
    running.current = true;
    void (async () => {
      try {
        while (latest.current !== undefined && !unmounted.current && merger.current !== undefined) {
          const job = latest.current;
          const first = firstAnswerAlone(job.views, shown.current);
          // The first hospital goes on screen alone; everything received then merges right after.
          latest.current = first !== undefined ? (latest.current ?? job) : undefined;
          const input = first !== undefined ? [first] : job.views;
          const model = await merger.current.merge(input, job.now, job.views, () => unmounted.current);
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
