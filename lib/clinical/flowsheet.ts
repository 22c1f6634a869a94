/**
 * The cumulative flowsheet: one row per analyte (vital signs first, then labs), one column per day (newest
 * first), every reading of that day in its cell with its hospital and the value as sent. Built once per
 * merged model from the series (values already converted); cells live in one Map keyed by position, so
 * a grid that renders only what is on screen asks for a cell in O(1). Pure.
 */
import type { LabFlag, LabPoint, LabSeries } from './types';
import { VITAL_CHARTS } from './vital-series';

export interface FlowsheetRow {
  key: string;
  series: LabSeries;
}

export interface Flowsheet {
  rows: FlowsheetRow[];
  /** Thai calendar days (YYYY-MM-DD), newest first. Undated readings have no column: the series tables list them. */
  columns: string[];
  /** The readings of one cell, oldest first; undefined when empty. */
  cell(row: number, column: number): readonly LabPoint[] | undefined;
  /** Readings placed in cells (for a summary line). */
  readings: number;
}

const ABNORMAL: ReadonlySet<LabFlag> = new Set(['H', 'L', 'HH', 'LL', 'A']);

/** True when the laboratory (or the range) marked the value outside normal. */
export function isAbnormal(p: LabPoint): boolean {
  return p.flag !== undefined && ABNORMAL.has(p.flag);
}

// Vital signs in the order the charts use (systolic and diastolic where "bp" stands), then the rest.
const VITAL_ORDER: readonly string[] = VITAL_CHARTS.flatMap((k) => (k === 'bp' ? ['systolic', 'diastolic'] : k === 'egfr' ? [] : [k]));

function vitalRank(key: string): number {
  const i = VITAL_ORDER.indexOf(key);
  return i === -1 ? VITAL_ORDER.length : i;
}

/** Builds the grid model from the merged model's series: vitals (clinical order), then labs (their order). */
export function buildFlowsheet(vitals: readonly LabSeries[], labs: readonly LabSeries[]): Flowsheet {
  const rows: FlowsheetRow[] = [
    ...[...vitals].sort((a, b) => vitalRank(a.key) - vitalRank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    ...labs,
  ].map((series) => ({ key: series.key, series }));
  const days = new Set<string>();
  for (const r of rows) for (const p of r.series.points) if (p.day !== null) days.add(p.day);
  const columns = [...days].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  const columnOf = new Map<string, number>();
  columns.forEach((d, i) => columnOf.set(d, i));
  const width = columns.length;
  const cells = new Map<number, LabPoint[]>();
  let readings = 0;
  rows.forEach((r, ri) => {
    for (const p of r.series.points) {
      if (p.day === null) continue;
      const at = ri * width + columnOf.get(p.day)!;
      const list = cells.get(at);
      if (list === undefined) cells.set(at, [p]);
      else list.push(p);
      readings++;
    }
  });
  return {
    rows,
    columns,
    readings,
    cell: (row, column) => (row < 0 || column < 0 || column >= width ? undefined : cells.get(row * width + column)),
  };
}
