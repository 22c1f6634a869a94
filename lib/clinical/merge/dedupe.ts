/**
 * Duplicate detection: the same thing said the same way on the same day collapses into one group with
 * its sources; a same-day record that says something different starts a group of its own in the cluster.
 */
import { isStub } from '../facts';
import type { AllergyFact, ClinicalFact, MergeInput, SealedFactStub } from '../types';
import { DAY_MS, THAI_OFFSET_MS, dayOf, hasNoZone, timeOf } from './dates';
import { newEntry, representBy } from './entries';
import { PAUSE_EVERY, sameValue, type ClusterIndex, type GroupStore, type Pause } from './groups';
import { byId, cmpStr } from './order';

const SEP = '\u0000';

export function normaliseDose(dose: string | undefined): string {
  if (dose === undefined) return '';
  let out = '';
  let space = false;
  for (let i = 0; i < dose.length; i++) {
    const ch = dose[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out.toLowerCase();
}

export function isRefuted(f: AllergyFact): boolean {
  return f.verificationStatus === 'refuted';
}

/** The numeric part of what a record says (its result), NaN when it says no number. */
function signatureNumber(f: ClinicalFact): number {
  if (f.kind === 'lab' || f.kind === 'vital') return f.canonicalValue ?? f.value ?? Number.NaN;
  return Number.NaN;
}

/** What else must be equal for two same-day records of one concept to be the same statement. */
function signatureText(f: ClinicalFact): string {
  switch (f.kind) {
    case 'lab':
    case 'vital':
      if (f.canonicalValue !== undefined) return f.canonicalUnit ?? '';
      if (f.value !== undefined) return (f.unit ?? '') + SEP + (f.valueText ?? '');
      return (f.valueCode ?? '') + SEP + (f.valueText ?? '').toLowerCase();
    case 'medication':
      return f.status + SEP + normaliseDose(f.dose);
    case 'allergy':
      return (isRefuted(f) ? 'refuted' : 'asserted') + SEP + f.status;
    case 'condition':
    case 'lab-report':
    case 'imaging':
    case 'immunization':
    case 'procedure':
    case 'encounter':
    case 'document':
    case 'flag':
      return f.status;
  }
}

/**
 * The day a record belongs to for duplicate detection: a Thai calendar day number when the date is at
 * least day-precise, else the partial date itself ('2024-05' is not the same as 1 May). Deliberately the
 * instant's day in Bangkok, not the source's own day (dayOf): two hospitals writing one instant in
 * different offsets must still fall on one day.
 */
function dayKeyOf(date: string | null, time: number): number | string {
  if (date === null) return '';
  if (date.length < 10 || Number.isNaN(time)) return date;
  return Math.floor((time + THAI_OFFSET_MS) / DAY_MS);
}

/** Thai calendar day text, shared between the entries of one day instead of sliced for each. */
class DayNames {
  private readonly names = new Map<number, string>();

  of(date: string | null, time: number, dayKey: number | string): string | null {
    if (typeof dayKey !== 'number') return dayOf(date, time);
    // The shared name is Bangkok's day; a source in another zone keeps its own (dayOf).
    if (date !== null && date.length > 10 && !hasNoZone(date) && !date.endsWith('+07:00')) return dayOf(date, time);
    let name = this.names.get(dayKey);
    if (name === undefined) {
      name = new Date(dayKey * DAY_MS).toISOString().slice(0, 10);
      this.names.set(dayKey, name);
    }
    return name;
  }
}

/** One shared, frozen `[code]` per hospital: most entries come from a single hospital. */
class SingleHospitals {
  private readonly lists = new Map<string, readonly string[]>();

  of(code: string): readonly string[] {
    let list = this.lists.get(code);
    if (list === undefined) {
      list = Object.freeze([code]);
      this.lists.set(code, list);
    }
    return list;
  }
}

/**
 * Which visit an encounter is, across platforms: the facility that held it, its Thai day and its class,
 * and — for several such visits from one source — which of them (the first, the second …). So MOPH-PHR's
 * copy of a Rajavithi visit meets Health Link's own (same hcode, same day, same codes), while two visits
 * one source records on one day stay two. The same record delivered twice keeps its number.
 */
class VisitKeys {
  private readonly seen = new Map<string, number>();
  private readonly byFact = new Map<string, string>();

  of(f: ClinicalFact, dayKey: number | string): string {
    const known = this.byFact.get(f.id);
    if (known !== undefined) return known;
    const visit = (f.facilityCode ?? f.hospitalCode) + SEP + String(dayKey) + SEP + f.conceptKey;
    const counter = f.hospitalCode + SEP + visit;
    const n = this.seen.get(counter) ?? 0;
    this.seen.set(counter, n + 1);
    const key = visit + SEP + String(n);
    this.byFact.set(f.id, key);
    return key;
  }
}

export function kindKeyOf(f: ClinicalFact): string {
  // Handing over a drug is not a statement about whether it is still taken.
  return f.kind === 'medication' && f.source === 'dispense' ? 'dispense' : f.kind;
}

/** Where the merge keeps sealed records' stubs: they are placed by time, never grouped. */
export type StubList = { stub: SealedFactStub; time: number }[];

/**
 * Puts facts into groups one at a time: a duplicate joins its group, a same-day disagreement is chained to
 * its cluster. Keeps what it has learnt (day names, visit numbers) so a later answer can be added to the
 * same groups (createMerger). Groups that gained a member are listed in `touched` until they are settled.
 */
export class FactGrouper {
  /** Groups given a second (or further) member since the last `settle`. */
  readonly touched: number[] = [];
  /**
   * Set once two results of one cluster are within tolerance of a third but not of each other (100,
   * 100.15, 100.3): which of them group together then depends on which arrived first. The whole merge
   * takes hospitals in code order (inHospitalOrder) so its answer is still one; a merger that took them
   * in another order must merge again in that order (createMerger). Only watched when asked for.
   */
  orderDependent = false;
  private readonly days = new DayNames();
  private readonly single = new SingleHospitals();
  private readonly visits = new VisitKeys();
  private touchedMark = new Uint8Array(0);

  constructor(
    private readonly groups: GroupStore,
    private readonly clusters: ClusterIndex,
    private readonly stubs: StubList,
    private readonly factHospitals: Set<string>,
    /** Whether to watch for `orderDependent` (a merge that reads the facts in inHospitalOrder need not). */
    private readonly watchOrder = false,
  ) {}

  add(item: MergeInput['facts'][number]): void {
    const { groups, clusters } = this;
    this.factHospitals.add(item.hospitalCode);
    if (isStub(item)) {
      this.stubs.push({ stub: item, time: timeOf(item.date) });
      return;
    }
    const factTime = timeOf(item.date);
    const dayKey = dayKeyOf(item.date, factTime);
    const sigNum = signatureNumber(item);
    const sigStr = signatureText(item);
    // A visit is an event at one hospital: two hospitals' same-day visits are two visits (VisitKeys).
    const g =
      item.kind === 'encounter'
        ? clusters.find('encounter', this.visits.of(item, dayKey), '', sigNum, sigStr)
        : clusters.find(kindKeyOf(item), item.conceptKey, dayKey, sigNum, sigStr);
    if (this.watchOrder && !this.orderDependent && !Number.isNaN(sigNum))
      this.orderDependent = groupingIsAmbiguous(groups, clusters.lastHead, g, sigNum, sigStr);
    if (g === -1) {
      const members = [item];
      const entry = newEntry(item, this.days.of(item.date, factTime, dayKey), this.single.of(item.hospitalCode), members);
      clusters.insert(groups.add(entry, members, sigNum, sigStr, factTime));
      return;
    }
    // The same fact delivered twice (a hospital re-sent) is one record, not a second source.
    const known = groups.members[g]!.some((m) => m.id === item.id);
    if (known && groups.entries[g]!.hospitals.includes(item.hospitalCode)) return;
    groups.own(g);
    if (!known) groups.members[g]!.push(item);
    const entry = groups.entries[g]!;
    // Copied, never pushed: single-hospital lists are shared.
    if (!entry.hospitals.includes(item.hospitalCode)) entry.hospitals = [...entry.hospitals, item.hospitalCode].sort(cmpStr);
    this.touch(g);
  }

  private touch(g: number): void {
    if (this.touchedMark.length <= g) {
      const mark = new Uint8Array(Math.max(this.groups.next.length, g + 1));
      mark.set(this.touchedMark);
      this.touchedMark = mark;
    }
    if (this.touchedMark[g] === 1) return;
    this.touchedMark[g] = 1;
    this.touched.push(g);
  }

  /**
   * Settles the groups that gained members: sources by id, the smallest id represents the group. Calls
   * `moved` for each group whose representative (so its time and id) changed.
   */
  *settle(moved?: (g: number) => void): Pause {
    const { touched } = this;
    for (let from = 0; from < touched.length; from += PAUSE_EVERY + 1) {
      if (from > 0) yield;
      this.settleRun(from, Math.min(touched.length, from + PAUSE_EVERY + 1), moved);
    }
    touched.length = 0;
  }

  private settleRun(from: number, to: number, moved: ((g: number) => void) | undefined): void {
    for (let i = from; i < to; i++) {
      const g = this.touched[i]!;
      this.touchedMark[g] = 0;
      if (settleGroup(this.groups, g)) moved?.(g);
    }
  }

  /**
   * Adds the facts, pausing every few hundred. Each run between pauses is a plain loop: V8 does not
   * optimise a loop inside a generator while it runs.
   */
  *addAll(facts: readonly MergeInput['facts'][number][]): Pause {
    for (let from = 0; from < facts.length; from += PAUSE_EVERY + 1) {
      if (from > 0) yield;
      const to = Math.min(facts.length, from + PAUSE_EVERY + 1);
      for (let i = from; i < to; i++) this.add(facts[i]!);
    }
  }
}

/**
 * True when a result joining group g of the cluster (or starting its own, g = -1) is within tolerance of
 * some but not all of g's members, or of a member of another group: the grouping is no longer the same
 * whatever the order. While this never happens every group's members are within tolerance of each other
 * and of no one else, which no arrival order changes.
 */
function groupingIsAmbiguous(groups: GroupStore, head: number, g: number, sigNum: number, sigStr: string): boolean {
  for (let h = head; h !== -1; h = groups.next[h]!) {
    if (groups.sigStr[h] !== sigStr) continue;
    for (const m of groups.members[h]!) if (sameValue(signatureNumber(m), sigNum) !== (h === g)) return true;
  }
  return false;
}

/**
 * The facts hospital by hospital in code order, each hospital's in the order it sent them: the order the
 * merge reads them in, so the model cannot depend on which hospital's answer came first.
 */
export function inHospitalOrder<T extends { hospitalCode: string }>(facts: readonly T[]): readonly T[] {
  const runs: { code: string; start: number; end: number }[] = [];
  let sorted = true;
  for (let i = 0; i < facts.length;) {
    const code = facts[i]!.hospitalCode;
    let j = i + 1;
    while (j < facts.length && facts[j]!.hospitalCode === code) j++;
    if (runs.length > 0 && cmpStr(runs[runs.length - 1]!.code, code) > 0) sorted = false;
    runs.push({ code, start: i, end: j });
    i = j;
  }
  if (sorted) return facts;
  runs.sort((a, b) => cmpStr(a.code, b.code) || a.start - b.start);
  const out: T[] = [];
  for (const r of runs) for (let i = r.start; i < r.end; i++) out.push(facts[i]!);
  return out;
}

/** Sorts a group's sources by id and points its entry at the smallest; true when the representative changed. */
function settleGroup(groups: GroupStore, g: number): boolean {
  const members = groups.members[g]!;
  if (members.length === 1) return false;
  members.sort(byId);
  const entry = groups.entries[g]!;
  entry.recordedAt = members.length;
  const rep = members[0]!;
  if (rep === entry.fact) return false;
  const time = timeOf(rep.date);
  representBy(entry, rep, dayOf(rep.date, time));
  groups.sortTime[g] = Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
  return true;
}

/** Groups the facts: duplicates collapse into one group, same-day disagreements are chained as a cluster. */
export function* groupFacts(
  facts: MergeInput['facts'],
  groups: GroupStore,
  clusters: ClusterIndex,
  stubs: StubList,
  factHospitals: Set<string>,
): Pause {
  const grouper = new FactGrouper(groups, clusters, stubs, factHospitals);
  yield* grouper.addAll(facts);
  yield* grouper.settle();
}
