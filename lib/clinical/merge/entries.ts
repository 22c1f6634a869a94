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
 * Group indices newest first, ties by id. Packs (second, index) into one double and sorts a Float64Array
 * natively, then orders each same-second run by time and id: a comparator sort over 50k groups was the
 * merge's largest single cost. The index never decides order, so input order cannot leak in.
 */
export function newestFirst(groups: GroupStore): Int32Array {
  const n = groups.size;
  const { sortTime, entries } = groups;
  const exact = (a: number, b: number): number =>
    sortTime[a] === sortTime[b] ? cmpStr(entries[a]!.id, entries[b]!.id) : sortTime[b]! > sortTime[a]! ? 1 : -1;
  const order = new Int32Array(n);
  if (n >= INDEX_BITS) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort(exact);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = sortTime[i]!;
    let sec = t === Number.NEGATIVE_INFINITY ? -SECONDS_BIAS : Math.floor(t / 1000);
    if (sec < -SECONDS_BIAS) sec = -SECONDS_BIAS;
    else if (sec >= SECONDS_BIAS) sec = SECONDS_BIAS - 1;
    keys[i] = (sec + SECONDS_BIAS) * INDEX_BITS + i;
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

export function stubFirst(s: { stub: SealedFactStub; time: number }, sortTime: number, id: string): boolean {
  const t = Number.isNaN(s.time) ? Number.NEGATIVE_INFINITY : s.time;
  return t === sortTime ? s.stub.id < id : t > sortTime;
}
