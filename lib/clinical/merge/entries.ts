/** Timeline entries: one per group (or sealed stub), newest first, ties by id. */
import type { ClinicalFact, SealedFactStub, TimelineEntry } from '../types';
import { dayOf } from './dates';
import type { GroupStore } from './groups';
import { cmpStr } from './order';

export function newEntry(f: ClinicalFact, day: string | null, hospitals: readonly string[], sources: ClinicalFact[]): TimelineEntry {
  return {
    id: f.id,
    kind: f.kind,
    date: f.date,
    day,
    sealed: f.sealed !== undefined,
    sealedLabels: f.sealed?.labels,
    fact: f,
    sources,
    hospitals,
    recordedAt: 1,
    conflictGroup: undefined,
    conflict: undefined,
  };
}

/** Points an entry at another representative of its group (the member with the smallest id). */
export function representBy(e: TimelineEntry, f: ClinicalFact, day: string | null): void {
  e.id = f.id;
  e.date = f.date;
  e.day = day;
  e.sealed = f.sealed !== undefined;
  e.sealedLabels = f.sealed?.labels;
  e.fact = f;
}

export function stubEntry(s: SealedFactStub, time: number): TimelineEntry {
  return {
    id: s.id,
    kind: s.kind,
    date: s.date,
    day: dayOf(s.date, time),
    sealed: true,
    sealedLabels: s.labels,
    sources: [{ id: s.id, hospitalCode: s.hospitalCode, resourceId: '' }],
    hospitals: [s.hospitalCode],
    recordedAt: 1,
  };
}

const INDEX_BITS = 2 ** 20;
const SECONDS_BIAS = 2 ** 31;

/**
 * Group indices newest first, ties by id (all groups, or the given ones). Packs (second, index) into one
 * double and sorts a Float64Array natively, then orders each same-second run by time and id: a comparator
 * sort over 50k groups was the merge's largest single cost. Groups equal in time and id keep index order
 * (the sorts are stable), which `mergeOrders` follows too.
 */
export function newestFirst(groups: GroupStore, indices?: Int32Array): Int32Array {
  const n = indices === undefined ? groups.size : indices.length;
  const { sortTime, entries } = groups;
  const exact = (a: number, b: number): number =>
    sortTime[a] === sortTime[b] ? cmpStr(entries[a]!.id, entries[b]!.id) : sortTime[b]! > sortTime[a]! ? 1 : -1;
  const order = new Int32Array(n);
  if (groups.size >= INDEX_BITS) {
    for (let i = 0; i < n; i++) order[i] = indices === undefined ? i : indices[i]!;
    return order.sort(exact);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = indices === undefined ? i : indices[i]!;
    const t = sortTime[g]!;
    let sec = t === Number.NEGATIVE_INFINITY ? -SECONDS_BIAS : Math.floor(t / 1000);
    if (sec < -SECONDS_BIAS) sec = -SECONDS_BIAS;
    else if (sec >= SECONDS_BIAS) sec = SECONDS_BIAS - 1;
    keys[i] = (sec + SECONDS_BIAS) * INDEX_BITS + g;
  }
  keys.sort();
  let out = 0;
  let k = n - 1;
  while (k >= 0) {
    const bucket = Math.floor(keys[k]! / INDEX_BITS);
    let start = k;
    while (start > 0 && Math.floor(keys[start - 1]! / INDEX_BITS) === bucket) start--;
    if (start === k) {
      order[out++] = keys[k]! - bucket * INDEX_BITS;
    } else {
      const run = new Int32Array(k - start + 1);
      for (let j = start; j <= k; j++) run[j - start] = keys[j]! - bucket * INDEX_BITS;
      run.sort(exact);
      order.set(run, out);
      out += run.length;
    }
    k = start - 1;
  }
  return order;
}

/**
 * Two runs in timeline order (newest first, ties by id, then index) merged into one: how a merger puts
 * an answer's new groups among those already ordered without sorting them all again.
 */
export function mergeOrders(groups: GroupStore, a: Int32Array, b: Int32Array): Int32Array {
  const { sortTime, entries } = groups;
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const tx = sortTime[x]!;
    const ty = sortTime[y]!;
    const yFirst = tx !== ty ? ty > tx : (cmpStr(entries[y]!.id, entries[x]!.id) || y - x) < 0;
    out[o++] = yFirst ? (j++, y) : (i++, x);
  }
  while (i < a.length) out[o++] = a[i++]!;
  while (j < b.length) out[o++] = b[j++]!;
  return out;
}

export function stubFirst(s: { stub: SealedFactStub; time: number }, sortTime: number, id: string): boolean {
  const t = Number.isNaN(s.time) ? Number.NEGATIVE_INFINITY : s.time;
  return t === sortTime ? s.stub.id < id : t > sortTime;
}
