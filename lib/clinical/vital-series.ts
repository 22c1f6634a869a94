/**
 * Vital-sign trends: which charts the Vitals tab draws, in which order, and blood pressure as one chart of
 * systolic and diastolic readings per hospital. A hospital may send blood pressure as an 85354-9 panel
 * (its components become two facts of one resource) or as two Observations taken at one instant: both
 * pair into one reading. A half with no partner stays a reading of its own — never invented, never dropped.
 * Pure; works on the merged model's series (values already converted, the source value kept on each point).
 */
import type { LabPoint, LabSeries } from './types';

/** The charts of the Vitals tab, in clinical order: blood pressure first, eGFR (a lab) last. */
export const VITAL_CHARTS = ['bp', 'heart-rate', 'resp-rate', 'temperature', 'spo2', 'weight', 'height', 'bmi', 'egfr'] as const;
export type VitalChartKey = (typeof VITAL_CHARTS)[number];

export interface BloodPressureReading {
  hospitalCode: string;
  date: string | null;
  /** Epoch ms of the reading, NaN when undated (kept in the table, not drawn). */
  t: number;
  systolic?: LabPoint;
  diastolic?: LabPoint;
}

/**
 * One row of a line chart: the readings drawn at one x position, their values by line key
 * (`${hcode}:sys`, `${hcode}:dia`, or a hospital code), each reading kept for the tooltip.
 */
export interface ChartRow<T> {
  t: number;
  items: T[];
  values: Record<string, number>;
}

/**
 * Most rows a chart is given. A chart is a few hundred pixels wide: readings closer in time than its range
 * over this many share a row (drawn at the first one's time, a shift under one pixel-width), as long as no
 * line has two values in it. Without this, 12 hospitals × 120 visits made 1,440 rows that every one of 24
 * lines walked: one 1.7 s task on the stress patient. Every reading stays in its row and in the tables.
 */
export const CHART_MAX_ROWS = 240;

/** Groups time-sorted entries into chart rows (see CHART_MAX_ROWS); undated entries are not drawn. */
export function binChartRows<T>(
  entries: readonly { t: number; values: Record<string, number>; item: T }[],
  maxRows = CHART_MAX_ROWS,
): ChartRow<T>[] {
  const dated = entries.filter((e) => Number.isFinite(e.t)).sort((a, b) => a.t - b.t);
  if (dated.length === 0) return [];
  const span = dated[dated.length - 1]!.t - dated[0]!.t;
  const width = span / maxRows;
  const rows: ChartRow<T>[] = [];
  let open: ChartRow<T>[] = [];
  for (const e of dated) {
    // Rows still within reach of this entry; the first with none of its lines taken receives it.
    open = open.filter((r) => e.t - r.t <= width);
    const row = open.find((r) => Object.keys(e.values).every((k) => r.values[k] === undefined));
    if (row !== undefined) {
      row.items.push(e.item);
      Object.assign(row.values, e.values);
      continue;
    }
    const fresh: ChartRow<T> = { t: e.t, items: [e.item], values: { ...e.values } };
    rows.push(fresh);
    open.push(fresh);
  }
  return rows;
}

/** The resource a point came from: a panel's components share it (`…/Observation/id#0`, `#1`). */
function resourceOf(factId: string): string {
  const hash = factId.indexOf('#');
  return hash === -1 ? factId : factId.slice(0, hash);
}

/**
 * Pairs systolic and diastolic points into readings, oldest first: same hospital and same instant (or, for
 * an undated point, the same panel resource). Only each analyte's main series is used: a point in a unit
 * that is not a pressure was kept apart and must not be drawn on the mmHg axis.
 */
export function pairBloodPressure(vitals: readonly LabSeries[]): BloodPressureReading[] {
  const sys = vitals.find((s) => s.key === 'systolic');
  const dia = vitals.find((s) => s.key === 'diastolic');
  const byKey = new Map<string, BloodPressureReading>();
  const keyOf = (p: LabPoint) => p.hospitalCode + '|' + (p.date ?? resourceOf(p.factId));
  const add = (p: LabPoint, half: 'systolic' | 'diastolic') => {
    // A second systolic at the same instant (a repeat) is its own reading, not an overwrite.
    let key = keyOf(p);
    for (let n = 2; byKey.get(key)?.[half] !== undefined; n++) key = `${keyOf(p)}|${n}`;
    let r = byKey.get(key);
    if (r === undefined) {
      r = { hospitalCode: p.hospitalCode, date: p.date, t: p.date === null ? Number.NaN : Date.parse(p.date) };
      byKey.set(key, r);
    }
    r[half] = p;
  };
  for (const p of sys?.points ?? []) add(p, 'systolic');
  for (const p of dia?.points ?? []) add(p, 'diastolic');
  return [...byKey.values()].sort((a, b) => (Number.isNaN(a.t) ? 1 : Number.isNaN(b.t) ? -1 : a.t - b.t));
}

/** The hospitals with at least one reading, sorted (one colour each, two lines each). */
export function readingHospitals(readings: readonly BloodPressureReading[]): string[] {
  return [...new Set(readings.map((r) => r.hospitalCode))].sort();
}

/** Chart rows keyed so each hospital has a systolic and a diastolic line. */
export function bloodPressureRows(readings: readonly BloodPressureReading[], maxRows = CHART_MAX_ROWS): ChartRow<BloodPressureReading>[] {
  return binChartRows(
    readings.map((r) => {
      const values: Record<string, number> = {};
      if (r.systolic !== undefined) values[`${r.hospitalCode}:sys`] = r.systolic.value;
      if (r.diastolic !== undefined) values[`${r.hospitalCode}:dia`] = r.diastolic.value;
      return { t: r.t, values, item: r };
    }),
    maxRows,
  );
}

/** Chart rows of one analyte's series (oldest first), one line per hospital. */
export function seriesRows(series: LabSeries, maxRows = CHART_MAX_ROWS): ChartRow<LabPoint>[] {
  return binChartRows(
    series.points.map((p) => ({ t: p.date === null ? Number.NaN : Date.parse(p.date), values: { [p.hospitalCode]: p.value }, item: p })),
    maxRows,
  );
}

/** The series a single-analyte vital chart draws (its main series; eGFR comes from the labs). */
export function vitalChartSeries(
  key: Exclude<VitalChartKey, 'bp'>,
  vitals: readonly LabSeries[],
  labs: readonly LabSeries[],
): LabSeries | undefined {
  return (key === 'egfr' ? labs : vitals).find((s) => s.key === key);
}

/** Which charts have data, in VITAL_CHARTS order. */
export function availableVitalCharts(vitals: readonly LabSeries[], labs: readonly LabSeries[]): VitalChartKey[] {
  return VITAL_CHARTS.filter((k) =>
    k === 'bp' ? vitals.some((s) => s.key === 'systolic' || s.key === 'diastolic') : vitalChartSeries(k, vitals, labs) !== undefined,
  );
}
