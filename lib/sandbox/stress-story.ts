/** The stress patient: ten years of chronic-disease follow-up at every hospital, for load and paging. */
import { ANALYTE_PROFILE } from './chart';
import { HOSPITALS } from './demo-catalog';
import type { IndexPatient } from './model';
import type { Rng } from './rng';
import { chartFor, vitals, type Ctx } from './story-kit';

const STRESS_LABS = ['glucose', 'hba1c', 'creatinine', 'egfr', 'potassium', 'sodium', 'haemoglobin', 'ldl', 'alt', 'wbc', 'platelets'];

export function stress(ctx: Ctx, p: IndexPatient, rng: Rng): void {
  HOSPITALS.forEach((h, hi) => {
    const c = chartFor(ctx, p, h.hcode);
    if (h.kind === 'pharmacy') {
      for (let d = 3600; d > 0; d -= 30) {
        c.medicationDispense('metformin', { daysAgo: d, quantity: 60, daysSupply: 30 });
        c.medicationDispense('atorvastatin', { daysAgo: d, quantity: 30, daysSupply: 30 });
        c.medicationDispense('enalapril', { daysAgo: d, quantity: 30, daysSupply: 30 });
      }
      return;
    }
    c.condition('diabetes-t2', { onsetDaysAgo: 3700 });
    c.condition('dyslipidaemia', { onsetDaysAgo: 3700 });
    c.condition('hypertension', { onsetDaysAgo: 3500 });
    c.medicationStatement('metformin', { startDaysAgo: 3650, status: 'active' });
    c.medicationStatement('atorvastatin', { startDaysAgo: 3650, status: 'active' });
    c.medicationStatement('enalapril', { startDaysAgo: 3400, status: 'active' });
    for (let v = 0; v < 120; v++) {
      const d = 3600 - v * 30 + hi * 2;
      const enc = c.ref(c.encounter({ daysAgo: d, kind: 'AMB', reason: 'ติดตามโรคเรื้อรัง / Chronic disease follow-up' }));
      vitals(c, rng, d, enc, { sys: 134, dia: 84 });
      const results = STRESS_LABS.map((key) => {
        const prof = ANALYTE_PROFILE[key]!;
        return c.observation(key, {
          daysAgo: d,
          value: Math.max(0, rng.normal(prof.mean * (key === 'glucose' ? 1.3 : 1), prof.sd)),
          encounter: enc,
        });
      });
      c.labReport('Chronic disease panel', results, d, 'See individual results');
      if (v % 12 === 0)
        c.medicationRequest('metformin', { startDaysAgo: d, status: v > 100 ? 'active' : 'completed', encounter: enc, supplyDays: 360 });
    }
  });
}
