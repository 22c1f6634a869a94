/**
 * The merge kept between answers: each hospital's answer is grouped into the groups already built, so
 * adding it costs work in proportion to that answer, plus the passes over the whole record that are not
 * kept (dealing the groups into sections, the summary sections; lab points are kept by entry). The model
 * after any sequence of answers, in any order and any batching, is the model `mergeTimeline` makes of all
 * of them at once (lib/clinical/merge-incremental.test.ts and lib/conformance/merger-orders.test.ts check
 * this over every or many random orders).
 *
 * When two results of one cluster group differently depending on which arrived first (within tolerance of
 * a third but not of each other), the merger merges everything again in the whole merge's order.
 *
 * A model handed out is never changed afterwards: a group it holds is copied before a later answer
 * changes it (GroupStore.own), because the page may still draw that model while the next one is made.
 */
import type { FactKind, LabPoint, MergeInput, TimelineEntry, TimelineModel } from '../types';
import { FACT_KINDS } from '../types';
import { NKA_CONFLICT_GROUP, clusterConflict, isNoKnownAllergyEntry, noKnownAllergyConflict, sameConflict } from './conflicts';
import { FactGrouper, inHospitalOrder, type StubList } from './dedupe';
import { mergeOrders, newestFirst } from './entries';
import { ClusterIndex, GroupStore, type Pause } from './groups';
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

/** The groups built so far and what the merger keeps beside them; made again when the merge starts over. */
class Built {
  readonly groups = new GroupStore(1024);
  readonly clusters = new ClusterIndex(this.groups);
  readonly stubs: StubList = [];
  readonly factHospitals = new Set<string>();
  readonly grouper = new FactGrouper(this.groups, this.clusters, this.stubs, this.factHospitals, true);
  readonly sealedCounts = {} as Record<FactKind, number>;
  readonly allergyStubHospitals = new Set<string>();
  /** The groups of the last model in its order, and those of them whose representative changed since. */
  order: Int32Array = new Int32Array(0);
  moved: number[] = [];
  readonly movedMark = new Set<number>();

  constructor() {
    for (const k of FACT_KINDS) this.sealedCounts[k] = 0;
  }

  *add(facts: MergeInput['facts']): Pause {
    const stubsBefore = this.stubs.length;
    yield* this.grouper.addAll(facts);
    for (let i = stubsBefore; i < this.stubs.length; i++) {
      const { stub } = this.stubs[i]!;
      this.sealedCounts[stub.kind]++;
      if (stub.kind === 'allergy') this.allergyStubHospitals.add(stub.hospitalCode);
    }
  }

  /** Settles the groups that changed, noting those already ordered whose place may have changed. */
  *settle(): Pause {
    const ordered = this.order.length;
    yield* this.grouper.settle((g) => {
      if (g >= ordered || this.movedMark.has(g)) return;
      this.movedMark.add(g);
      this.moved.push(g);
    });
  }

  /** The last order with the moved groups taken out, merged with the new and moved groups in order. */
  nextOrder(): Int32Array {
    const { groups, order, moved, movedMark } = this;
    const kept = movedMark.size === 0 ? order : order.filter((g) => !movedMark.has(g));
    const added = new Int32Array(moved.length + groups.size - order.length);
    added.set(moved);
    for (let g = order.length, i = moved.length; g < groups.size; g++, i++) added[i] = g;
    this.moved = [];
    movedMark.clear();
    this.order = kept.length === 0 ? newestFirst(groups, added) : mergeOrders(groups, kept, newestFirst(groups, added));
    return this.order;
  }
}

/** A merge that takes the answers one batch at a time (see the module comment); `now` is the model's now. */
export function createMerger(now: string): Merger {
  let built = new Built();
  const answered = new Set<string>();
  /** Every record received, for the rare record whose grouping depends on arrival order (FactGrouper.orderDependent). */
  const received: MergeInput['facts'][] = [];
  /** Lab points by entry: an entry is never changed once handed out, so neither is its point. */
  const pointCache = new WeakMap<TimelineEntry, LabPoint>();

  function* add(batch: MergerBatch): Pause {
    for (const h of batch.answered) answered.add(h);
    received.push(batch.facts);
    yield* built.add(batch.facts);
  }

  function* model(): Generator<void, TimelineModel, void> {
    if (built.grouper.orderDependent) {
      // Merged again from the start in the whole merge's order: correctness over speed, for these records.
      built = new Built();
      yield* built.add(inHospitalOrder(received.flat()));
    }
    const { groups, clusters, stubs } = built;
    yield* built.settle();
    flagClusters(groups, clusters);
    yield;
    const order = built.nextOrder();
    sortStubs(stubs);
    yield;
    const s = yield* dealSections(groups, order, stubs);
    const gathered = {
      now,
      answered: sortedUnique([...answered, ...built.factHospitals]),
      sealedCounts: { ...built.sealedCounts },
      allergyStubHospitals: built.allergyStubHospitals,
    };
    const result = yield* summarise(groups, s, gathered, (nka) => flagNoKnownAllergy(groups, s.allergyGroups, s.entries, nka), pointCache);
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
