/**
 * The merge's working state: groups of facts that say the same thing, and the clusters of same-concept,
 * same-day groups that said different things (the candidates for a conflict).
 */
import type { ClinicalFact, FactKind, TimelineEntry } from '../types';
import { timeOf } from './dates';

/** A step of the merge that may pause (see mergeSteps). */
export type Pause = Generator<void, void, void>;
/** Pause after every 512 records (a mask): a few milliseconds of work even on a slow phone. */
export const PAUSE_EVERY = 511;

export interface Prepared {
  fact: ClinicalFact;
  time: number;
  day: string | null;
}

/** `to` with `from` copied into its start (a column grown to a larger capacity). */
function copyInto<T extends Float64Array | Int32Array>(to: T, from: T): T {
  to.set(from);
  return to;
}

/**
 * Everything known about the groups while merging. A group is an index: its entry (made once, when the
 * group's first fact arrives) and its member facts (the very array the entry exposes as `sources`) sit
 * in plain arrays, the rest in typed arrays, so a fact that starts a group costs one object, not four.
 */
export class GroupStore {
  readonly entries: TimelineEntry[] = [];
  /** Member facts; sorted by id once grouping is complete, so the first is the representative. */
  readonly members: ClinicalFact[][] = [];
  /** Everything except the number that must match for two records to be one statement. */
  readonly sigStr: string[] = [];
  /** Numeric part of what was said (a result value), NaN when not numeric. */
  sigNum: Float64Array;
  /** Time of the representative; -Infinity when undated, so a plain comparison sorts them last. */
  sortTime: Float64Array;
  /** Next group of the same concept on the same day that said something different, or -1. */
  next: Int32Array;
  /**
   * The generation in which each group's entry and members were made or last copied. A merge that goes
   * on after its model was handed out (createMerger) starts a new generation: a group made before it is
   * copied before it changes, so the model on screen never changes under the page.
   */
  private made: Int32Array;
  private generation = 0;

  constructor(capacity: number) {
    const n = Math.max(capacity, 16);
    this.sigNum = new Float64Array(n);
    this.sortTime = new Float64Array(n);
    this.next = new Int32Array(n);
    this.made = new Int32Array(n);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Everything made so far now belongs to a model that was handed out. */
  handOut(): void {
    this.generation++;
  }

  /** Makes group i's entry and members safe to change: copies them if a handed-out model holds them. */
  own(i: number): void {
    if (this.made[i] === this.generation) return;
    const members = [...this.members[i]!];
    this.members[i] = members;
    this.entries[i] = { ...this.entries[i]!, sources: members };
    this.made[i] = this.generation;
  }

  add(entry: TimelineEntry, members: ClinicalFact[], sigNum: number, sigStr: string, time: number): number {
    const i = this.entries.length;
    if (i === this.next.length) this.grow(i * 2);
    this.made[i] = this.generation;
    this.entries.push(entry);
    this.members.push(members);
    this.sigStr.push(sigStr);
    this.sigNum[i] = sigNum;
    this.sortTime[i] = Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
    this.next[i] = -1;
    return i;
  }

  private grow(capacity: number): void {
    this.sigNum = copyInto(new Float64Array(capacity), this.sigNum);
    this.sortTime = copyInto(new Float64Array(capacity), this.sortTime);
    this.next = copyInto(new Int32Array(capacity), this.next);
    this.made = copyInto(new Int32Array(capacity), this.made);
  }

  /** Results within 0.2 % are the same result: unit conversion rounding, not a different measurement. */
  sameSignature(i: number, sigNum: number, sigStr: string): boolean {
    return this.sigStr[i] === sigStr && sameValue(this.sigNum[i]!, sigNum);
  }
}

const VALUE_TOLERANCE = 0.002;

/** Two results that are one result (within VALUE_TOLERANCE), or two non-numbers. */
export function sameValue(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= VALUE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * kind → concept → day → first group of that cluster (the others chained through `next`). Lookups use
 * the kind and concept strings the facts already share (hashes cached) and a numeric day, so no key
 * string is built per fact.
 */
export class ClusterIndex {
  /** Heads of clusters holding more than one group: the only candidates for a conflict. */
  readonly multi: number[] = [];
  private readonly root = new Map<string, Map<string, Map<number | string, number>>>();

  private slotMap: Map<number | string, number> | undefined;
  private slotKey: number | string = '';
  private slotTail = -1;
  private slotHead = -1;

  constructor(private readonly groups: GroupStore) {}

  /** First group of the cluster of the last `find` (before any `insert`), or -1 when it was empty. */
  get lastHead(): number {
    return this.slotHead;
  }

  /** The group in this cluster that said the same thing, or -1 (then `insert` the new one). */
  find(kindKey: string, conceptKey: string, dayKey: number | string, sigNum: number, sigStr: string): number {
    let byConcept = this.root.get(kindKey);
    if (byConcept === undefined) {
      byConcept = new Map();
      this.root.set(kindKey, byConcept);
    }
    let byDay = byConcept.get(conceptKey);
    if (byDay === undefined) {
      byDay = new Map();
      byConcept.set(conceptKey, byDay);
    }
    const head = byDay.get(dayKey) ?? -1;
    this.slotMap = byDay;
    this.slotKey = dayKey;
    this.slotHead = head;
    this.slotTail = -1;
    const { next } = this.groups;
    for (let g = head; g !== -1; g = next[g]!) {
      if (this.groups.sameSignature(g, sigNum, sigStr)) return g;
      this.slotTail = g;
    }
    return -1;
  }

  /** Adds a group to the cluster of the last `find`. */
  insert(g: number): void {
    const tail = this.slotTail;
    if (tail === -1) {
      this.slotMap!.set(this.slotKey, g);
      return;
    }
    this.groups.next[tail] = g;
    if (tail === this.slotHead) this.multi.push(tail);
  }
}

/** Facts of some groups with their times, newest first: for the few sections that compare records. */
export function preparedOf(groups: GroupStore, indices: number[], kind: FactKind): Prepared[] {
  const out: Prepared[] = [];
  for (const g of indices) {
    for (const f of groups.members[g]!) {
      if (f.kind !== kind) continue;
      out.push({ fact: f, time: timeOf(f.date), day: null });
    }
  }
  return out;
}
