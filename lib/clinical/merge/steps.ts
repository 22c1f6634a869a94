/** The merge itself: group, flag, sort into sections, build each section, cross-check. */
import type { FactKind, MergeInput, TimelineModel } from '../types';
import { FACT_KINDS } from '../types';
import { flagNearConflicts, flagNoKnownAllergyEntries } from './conflicts';
import { groupFacts, inHospitalOrder, type StubList } from './dedupe';
import { ClusterIndex, GroupStore } from './groups';
import { sortedUnique } from './order';
import { sortIntoSections } from './sections';
import { summarise } from './summary';

/** Merges all answered hospitals' facts into one deterministic timeline model with duplicates collapsed and disagreements flagged. */
export function mergeTimeline(input: MergeInput): TimelineModel {
  const steps = mergeSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * The merge as a sequence of short steps: it pauses (yields) every few thousand records, so a caller on
 * a browser's main thread can let the page breathe between steps (see components/timeline). Running it
 * to the end is exactly `mergeTimeline`.
 */
export function* mergeSteps(input: MergeInput): Generator<void, TimelineModel, void> {
  const sealedCounts = {} as Record<FactKind, number>;
  for (const k of FACT_KINDS) sealedCounts[k] = 0;

  const groups = new GroupStore(input.facts.length);
  const clusters = new ClusterIndex(groups);
  const stubs: StubList = [];
  const factHospitals = new Set<string>();
  yield* groupFacts(inHospitalOrder(input.facts), groups, clusters, stubs, factHospitals);
  const allergyStubHospitals = new Set<string>();
  for (const { stub } of stubs) {
    sealedCounts[stub.kind]++;
    if (stub.kind === 'allergy') allergyStubHospitals.add(stub.hospitalCode);
  }

  flagNearConflicts(groups, clusters);
  yield;

  const s = yield* sortIntoSections(groups, stubs);
  const answered = sortedUnique([...input.answered, ...factHospitals]);
  const gathered = { now: input.now, answered, sealedCounts, allergyStubHospitals };
  return yield* summarise(groups, s, gathered, (nka) => {
    if (nka !== undefined) flagNoKnownAllergyEntries(s.entries, nka);
  });
}
