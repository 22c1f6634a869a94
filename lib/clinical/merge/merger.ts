/**
 * The merge kept between answers: each hospital's answer is grouped into the groups already built, so
 * adding it costs work in proportion to that answer, plus the passes over the whole record that cannot
 * be kept (dealing the groups into sections, the summary sections and series). The model after any
 * sequence of answers, in any order and any batching, is the model `mergeTimeline` makes of all of them
 * at once (merger.test.ts checks this over random orders).
 *
 * A model handed out is never changed afterwards: a group it holds is copied before a later answer
 * changes it (GroupStore.own), because the page may still draw that model while the next one is made.
 */
import type { FactKind, MergeInput, TimelineEntry, TimelineModel } from '../types';
import { FACT_KINDS } from '../types';
import { NKA_CONFLICT_GROUP, clusterConflict, isNoKnownAllergyEntry, noKnownAllergyConflict, sameConflict } from './conflicts';
import { FactGrouper, type StubList } from './dedupe';
import { mergeOrders, newestFirst } from './entries';
import { ClusterIndex, GroupStore, PAUSE_EVERY, type Pause } from './groups';
import { sortedUnique } from './order';
import { dealSections, sortStubs } from './sections';
import { summarise } from './summary';

/** One or more hospitals' answers: their records, and which of them answered (a hospital with nothing to send answered too). */
export interface MergerBatch {
  facts: MergeInput['facts'];
  answered: readonly string[];
}

export interface Merger {
  /** Groups one batch of answers into the record, pausing like mergeSteps. */
  add(batch: MergerBatch): Pause;
  /** The model of every answer added so far; equal to `mergeTimeline` of all of them. */
  model(): Generator<void, TimelineModel, void>;
}

/** A merge that takes the answers one batch at a time (see the module comment); `now` is the model's now. */
export function createMerger(now: string): Merger {
  const groups = new GroupStore(1024);
  const clusters = new ClusterIndex(groups);
  const stubs: StubList = [];
  const factHospitals = new Set<string>();
  const answered = new Set<string>();
  const grouper = new FactGrouper(groups, clusters, stubs, factHospitals);
  const sealedCounts = {} as Record<FactKind, number>;
  for (const k of FACT_KINDS) sealedCounts[k] = 0;
  const allergyStubHospitals = new Set<string>();
  /** The groups of the last model in its order, and those of them whose representative changed since. */
  let order: Int32Array = new Int32Array(0);
  let moved: number[] = [];
  const movedMark = new Set<number>();

  function* add(batch: MergerBatch): Pause {
    for (const h of batch.answered) answered.add(h);
    const stubsBefore = stubs.length;
    let n = 0;
    for (const item of batch.facts) {
      if ((++n & PAUSE_EVERY) === 0) yield;
      grouper.add(item);
    }
    for (let i = stubsBefore; i < stubs.length; i++) {
      const { stub } = stubs[i]!;
      sealedCounts[stub.kind]++;
      if (stub.kind === 'allergy') allergyStubHospitals.add(stub.hospitalCode);
    }
  }

  /** The last order with the moved groups taken out, merged with the new and moved groups in order. */
  function nextOrder(): Int32Array {
    const kept = movedMark.size === 0 ? order : order.filter((g) => !movedMark.has(g));
    const added = new Int32Array(moved.length + groups.size - order.length);
    added.set(moved);
    for (let g = order.length, i = moved.length; g < groups.size; g++, i++) added[i] = g;
    moved = [];
    movedMark.clear();
    return kept.length === 0 ? newestFirst(groups, added) : mergeOrders(groups, kept, newestFirst(groups, added));
  }

  function* model(): Generator<void, TimelineModel, void> {
    const ordered = order.length;
    yield* grouper.settle((g) => {
      if (g >= ordered || movedMark.has(g)) return;
      movedMark.add(g);
      moved.push(g);
    });
    flagClusters(groups, clusters);
    yield;
    order = nextOrder();
    sortStubs(stubs);
    yield;
    const s = yield* dealSections(groups, order, stubs);
    const gathered = {
      now,
      answered: sortedUnique([...answered, ...factHospitals]),
      sealedCounts: { ...sealedCounts },
      allergyStubHospitals,
    };
    const result = yield* summarise(groups, s, gathered, (nka) => flagNoKnownAllergy(groups, s.allergyGroups, s.entries, nka));
    groups.handOut();
    return result;
  }

  return { add, model };
}

/**
 * Flags each cluster's disagreement as flagNearConflicts does, copying only the entries whose flag
 * changes (a cluster's hospitals only grow as answers arrive, so a flag is never taken away).
 */
function flagClusters(groups: GroupStore, clusters: ClusterIndex): void {
  for (const head of clusters.multi) {
    const found = clusterConflict(groups, head);
    if (found === undefined) continue;
    for (let g = head; g !== -1; g = groups.next[g]!) {
      const e = groups.entries[g]!;
      if (e.conflictGroup === found.conflictGroup && sameConflict(e.conflict, found.conflict)) continue;
      groups.own(g);
      groups.entries[g]!.conflict = found.conflict;
      groups.entries[g]!.conflictGroup = found.conflictGroup;
    }
  }
}

/**
 * Flags "no known allergy" entries as flagNoKnownAllergyEntries does, and takes an old flag away when
 * it no longer holds. A changed entry is copied and put in the timeline in place of the one it replaces.
 */
function flagNoKnownAllergy(
  groups: GroupStore,
  allergyGroups: readonly number[],
  entries: TimelineEntry[],
  nka: Parameters<typeof noKnownAllergyConflict>[0] | undefined,
): void {
  const conflict = nka === undefined ? undefined : noKnownAllergyConflict(nka);
  const group = conflict === undefined ? undefined : NKA_CONFLICT_GROUP;
  for (const g of allergyGroups) {
    const e = groups.entries[g]!;
    if (!isNoKnownAllergyEntry(e)) continue;
    // A disagreement within the cluster (flagClusters) takes precedence, as in the whole merge.
    if (e.conflict !== undefined && e.conflictGroup !== NKA_CONFLICT_GROUP) continue;
    if (e.conflictGroup === group && sameConflict(e.conflict, conflict)) continue;
    groups.own(g);
    const copy = groups.entries[g]!;
    copy.conflict = conflict;
    copy.conflictGroup = group;
    const at = entries.indexOf(e);
    if (at !== -1) entries[at] = copy;
  }
}
