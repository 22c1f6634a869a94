/**
 * Lab and vital-sign series for trends and key labs, built from the merged timeline's result entries.
 * Pure; part of the merge (it pauses like the merge's other steps).
 */
import type { LabPoint, LabSeries, ObservationFact, TimelineEntry } from './types';
import { convertUnit } from './units';

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One series per analyte, plus a series kept apart only for points whose unit measures a different
 * quantity (UCUM dimension) from the analyte's main series: those are never drawn on its axis. Points in
 * another spelling or scale of the same quantity join the main series, converted. Expects groups newest
 * first (the timeline order), so no per-series sort is needed.
 */
export function* buildSeries(
  entries: readonly TimelineEntry[],
  indices: readonly number[],
  pauseEvery: number,
  /**
   * Points already made for an entry, kept by a merge that goes on between answers (createMerger). Only
   * canonical points are kept: they depend on nothing but their entry, which is never changed once a model
   * holding it was handed out (it is copied instead), whereas a point in a unit series depends on the
   * series found first.
   */
  pointCache?: WeakMap<TimelineEntry, LabPoint>,
): Generator<void, { labs: LabSeries[]; vitals: LabSeries[] }, void> {
  const acc: SeriesSoFar = { canonicalSeries: new Map(), unitSeries: new Map(), all: [], pointCache };
  // Plain runs between pauses: V8 does not optimise a loop inside a generator while it runs.
  for (let from = 0; from < indices.length; from += pauseEvery + 1) {
    if (from > 0) yield;
    addPoints(acc, entries, indices, from, Math.min(indices.length, from + pauseEvery + 1));
  }
  const { canonicalSeries, unitSeries, all } = acc;
  settleMainSeries(canonicalSeries, unitSeries);
  const labs: LabSeries[] = [];
  const vitals: LabSeries[] = [];
  for (const s of all) {
    s.points.reverse();
    (s.category === 'vital-signs' ? vitals : labs).push(s);
  }
  labs.sort((a, b) => cmpStr(a.key, b.key));
  vitals.sort((a, b) => cmpStr(a.key, b.key));
  return { labs, vitals };
}

/** analyte → its canonical series, and its series per unconvertible unit: no key string per point. */
interface SeriesSoFar {
  canonicalSeries: Map<string, LabSeries>;
  unitSeries: Map<string, LabSeries[]>;
  all: LabSeries[];
  pointCache: WeakMap<TimelineEntry, LabPoint> | undefined;
}

/** Adds the points of entries[indices[from, to)] to their series. */
function addPoints(acc: SeriesSoFar, entries: readonly TimelineEntry[], indices: readonly number[], from: number, to: number): void {
  const { canonicalSeries, unitSeries, all, pointCache } = acc;
  for (let i = from; i < to; i++) {
    const entry = entries[indices[i]!]!;
    const f = entry.fact!;
    if ((f.kind !== 'lab' && f.kind !== 'vital') || f.value === undefined) continue;
    let point = pointCache?.get(entry);
    const canonical = point !== undefined || (f.canonicalValue !== undefined && f.canonicalUnit !== undefined);
    let s: LabSeries | undefined;
    if (canonical) {
      if (point === undefined) {
        point = pointOf(entry, f, f.canonicalValue!, f.canonicalUnit!, f.canonicalRefLow, f.canonicalRefHigh);
        pointCache?.set(entry, point);
      }
      s = canonicalSeries.get(f.analyteKey);
    } else {
      let list = unitSeries.get(f.analyteKey);
      if (list === undefined) {
        list = [];
        unitSeries.set(f.analyteKey, list);
      }
      const unit = f.unit ?? '';
      // Usually one series per analyte: the loop is a Map read per point (convertUnit caches factors).
      for (const candidate of list) {
        const value = convertUnit(f.value, unit, candidate.unit);
        if (value === null) continue;
        s = candidate;
        point = pointOf(entry, f, value, candidate.unit, refIn(f.refLow, unit, candidate.unit), refIn(f.refHigh, unit, candidate.unit));
        break;
      }
      point ??= pointOf(entry, f, f.value, unit, f.refLow, f.refHigh);
    }
    if (s === undefined) {
      // Newest first here, so the first dated point seen is the latest. Key and `canonical` are settled
      // once every series of the analyte is known.
      s = {
        key: f.analyteKey,
        analyteKey: f.analyteKey,
        category: f.kind === 'vital' ? 'vital-signs' : 'laboratory',
        display: f.display,
        nameTh: f.nameTh,
        nameEn: f.nameEn,
        unit: point.unit,
        canonical,
        points: [],
        latest: point,
      };
      if (canonical) canonicalSeries.set(f.analyteKey, s);
      else unitSeries.get(f.analyteKey)!.push(s);
      all.push(s);
    }
    s.points.push(point);
  }
}

/**
 * The analyte's main series is its canonical one; for an analyte without (one our tables do not know, or
 * whose every point came in a unit we cannot convert) it is the series with the most points. Only the
 * others are "kept apart": a single-unit analyte is a normal series.
 */
function settleMainSeries(canonicalSeries: Map<string, LabSeries>, unitSeries: Map<string, LabSeries[]>): void {
  for (const [analyteKey, list] of unitSeries) {
    let main = canonicalSeries.get(analyteKey);
    if (main === undefined) {
      for (const s of list) if (main === undefined || s.points.length > main.points.length) main = s;
      main!.canonical = true;
    }
    for (const s of list) {
      if (s === main) continue;
      s.canonical = false;
      s.key = analyteKey + '|' + s.unit;
    }
  }
}

function refIn(ref: number | undefined, from: string, to: string): number | undefined {
  return ref === undefined ? undefined : (convertUnit(ref, from, to) ?? undefined);
}

function pointOf(
  entry: TimelineEntry,
  f: ObservationFact,
  value: number,
  unit: string,
  refLow: number | undefined,
  refHigh: number | undefined,
): LabPoint {
  return {
    date: f.date,
    day: entry.day,
    value,
    unit,
    originalValue: f.value!,
    originalUnit: f.unit ?? '',
    hospitalCode: f.hospitalCode,
    alsoAt: entry.hospitals.length > 1 ? entry.hospitals.filter((h) => h !== f.hospitalCode) : undefined,
    factId: f.id,
    flag: f.flag,
    refLow,
    refHigh,
  };
}
