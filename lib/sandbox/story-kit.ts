/**
 * What the demo stories and the generated population share: one Chart per (hospital, patient) with
 * hospital-local ids, and the small clinical shapes (vital signs, trends) most histories repeat.
 */
import type { Encounter, Reference } from '@medplum/fhirtypes';
import { Chart } from './chart';
import { findHospital } from './demo-catalog';
import type { IndexPatient, StoredResource } from './model';
import type { Rng } from './rng';

export class LocalIds {
  private next = new Map<string, number>();

  /** Hospital-local ids differ between hospitals for the same person, as real HNs do. */
  allocate(hcode: string): string {
    const n = this.next.get(hcode) ?? 0;
    this.next.set(hcode, n + 1);
    const base = (Number(hcode) * 37) % 400_000;
    return `HN${String(100_000 + base + n * 7).padStart(7, '0')}`;
  }
}

export interface Ctx {
  out: StoredResource[];
  ids: LocalIds;
  /** One Chart per (hcode, cid) so resource ids keep counting up across story sections. */
  charts: Map<string, Chart>;
}

/** The patient's chart at a hospital, made (with a new hospital-local id) the first time it is asked for. */
export function chartFor(ctx: Ctx, patient: IndexPatient, hcode: string): Chart {
  const hospital = findHospital(hcode);
  if (!hospital) throw new Error(`unknown hospital ${hcode}`);
  const key = `${hcode}:${patient.cid}`;
  const existing = ctx.charts.get(key);
  if (existing) return existing;
  let localId = patient.localIds[hcode];
  if (!localId) {
    localId = ctx.ids.allocate(hcode);
    patient.localIds[hcode] = localId;
  }
  const chart = new Chart(hospital, patient.cid, localId, ctx.out);
  ctx.charts.set(key, chart);
  return chart;
}

/** Linear trend between two values over a span of days, with a little seeded noise. */
export function trend(rng: Rng, daysAgo: number, span: number, from: number, to: number, noise: number): number {
  const frac = 1 - daysAgo / span;
  return from + (to - from) * frac + rng.normal(0, noise);
}

/** Blood pressure, heart rate and, when given, weight, recorded at the start of a visit. */
export function vitals(
  c: Chart,
  rng: Rng,
  daysAgo: number,
  enc: Reference<Encounter>,
  base: {
    sys: number;
    dia: number;
    weight?: number;
    /** Blood pressure as one 85354-9 panel with components instead of two Observations. */
    bpPanel?: boolean;
    /** Adds temperature, respiratory rate, SpO₂, height and BMI. */
    heightCm?: number;
    units?: Partial<Record<string, string>>;
  },
): void {
  const systolic = Math.round(rng.normal(base.sys, 6));
  const diastolic = Math.round(rng.normal(base.dia, 4));
  if (base.bpPanel === true) c.bloodPressurePanel({ daysAgo, systolic, diastolic, encounter: enc });
  else {
    c.observation('systolic', { daysAgo, value: systolic, encounter: enc, minute: 8 * 60 });
    c.observation('diastolic', { daysAgo, value: diastolic, encounter: enc, minute: 8 * 60 });
  }
  c.observation('heart-rate', { daysAgo, value: Math.round(rng.normal(80, 6)), encounter: enc, minute: 8 * 60 });
  const weight = base.weight === undefined ? undefined : Math.round(rng.normal(base.weight, 0.8) * 10) / 10;
  if (weight !== undefined) c.observation('weight', { daysAgo, value: weight, encounter: enc, minute: 8 * 60, unit: base.units?.weight });
  if (base.heightCm !== undefined) moreVitals(c, daysAgo, enc, base.heightCm, weight, base.units);
}

/**
 * Temperature, respiratory rate, SpO₂, height and BMI, from the day alone (no draw from the shared random
 * stream, so adding them to a story leaves every other generated value as it was). `units` overrides
 * the hospital's unit per analyte (°F, lb, in at a hospital that charts in US units).
 */
function moreVitals(
  c: Chart,
  daysAgo: number,
  enc: Reference<Encounter>,
  heightCm: number,
  weight: number | undefined,
  units: Partial<Record<string, string>> | undefined,
): void {
  const wobble = ((daysAgo * 7919) % 11) / 10 - 0.5; // −0.5 … +0.5, repeatable
  const at = { daysAgo, encounter: enc, minute: 8 * 60 };
  c.observation('temperature', { ...at, value: Math.round((36.8 + wobble * 0.6) * 10) / 10, unit: units?.temperature });
  c.observation('resp-rate', { ...at, value: Math.round(16 + wobble * 4) });
  c.observation('spo2', { ...at, value: Math.round(97 + wobble * 2) });
  c.observation('height', { ...at, value: heightCm, unit: units?.height });
  if (weight !== undefined) c.observation('bmi', { ...at, value: Math.round((weight / (heightCm / 100) ** 2) * 10) / 10 });
}
