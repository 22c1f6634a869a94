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
  base: { sys: number; dia: number; weight?: number },
): void {
  c.observation('systolic', { daysAgo, value: Math.round(rng.normal(base.sys, 6)), encounter: enc, minute: 8 * 60 });
  c.observation('diastolic', { daysAgo, value: Math.round(rng.normal(base.dia, 4)), encounter: enc, minute: 8 * 60 });
  c.observation('heart-rate', { daysAgo, value: Math.round(rng.normal(80, 6)), encounter: enc, minute: 8 * 60 });
  if (base.weight !== undefined)
    c.observation('weight', { daysAgo, value: Math.round(rng.normal(base.weight, 0.8) * 10) / 10, encounter: enc, minute: 8 * 60 });
}
