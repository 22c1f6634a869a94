/**
 * The seeded crowd around the demo patients: random people with plausible chronic and acute histories
 * at one to eight hospitals, and a mix of sharing choices.
 */
import { ALLERGY_SUBSTANCES, NO_KNOWN_ALLERGY_CODES } from '../clinical/terminology';
import { withCitizenIdCheckDigit } from '../identity/citizen-id';
import { ANALYTE_PROFILE, type Chart } from './chart';
import { CID_NOT_IN_EXCHANGE, HOSPITALS, sandboxProvince, type SandboxHospital } from './demo-catalog';
import type { IndexPatient } from './model';
import { FAMILY, FEMALE_GIVEN, MALE_GIVEN } from './names';
import { Rng, deriveSeed } from './rng';
import { chartFor, vitals, type Ctx } from './story-kit';

export const GENERATED_PATIENT_COUNT = 220;

const CHRONIC_PLANS: Array<{ condition: string; minAge: number; meds: string[]; labs: string[] }> = [
  { condition: 'diabetes-t2', minAge: 30, meds: ['metformin', 'glipizide'], labs: ['glucose', 'hba1c', 'creatinine'] },
  { condition: 'hypertension', minAge: 30, meds: ['amlodipine', 'enalapril', 'losartan'], labs: ['creatinine', 'potassium'] },
  { condition: 'dyslipidaemia', minAge: 30, meds: ['atorvastatin', 'simvastatin'], labs: ['ldl', 'alt'] },
  { condition: 'ckd-3', minAge: 50, meds: [], labs: ['creatinine', 'egfr', 'potassium'] },
  { condition: 'asthma', minAge: 3, meds: ['salbutamol'], labs: [] },
  { condition: 'copd', minAge: 55, meds: ['salbutamol'], labs: [] },
  { condition: 'atrial-fibrillation', minAge: 60, meds: ['warfarin', 'apixaban'], labs: ['inr'] },
  { condition: 'epilepsy', minAge: 5, meds: ['valproate', 'levetiracetam'], labs: [] },
];

const ACUTE_PLANS: Array<{ condition: string; drug: string }> = [
  { condition: 'gastritis', drug: 'omeprazole' },
  { condition: 'pneumonia', drug: 'amoxiclav' },
  { condition: 'uti', drug: 'cotrimoxazole' },
  { condition: 'dengue', drug: 'paracetamol' },
];

const ALLERGY_PLANS: Array<{ key: string; reaction: string; snomed: string }> = [
  { key: 'penicillin', reaction: 'Urticaria', snomed: '126485001' },
  { key: 'sulfonamide', reaction: 'Rash', snomed: '271807003' },
  { key: 'nsaid', reaction: 'Angioedema', snomed: '41291007' },
  { key: 'shellfish', reaction: 'Urticaria', snomed: '126485001' },
  { key: 'cephalosporin', reaction: 'Rash', snomed: '271807003' },
];

function ageOn(birthDate: string): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  const age = 2026 - (y ?? 2026);
  return (m ?? 1) > 11 || ((m ?? 1) === 11 && (d ?? 1) > 15) ? age - 1 : age;
}

function generatedPatient(rng: Rng, cid: string): IndexPatient {
  const gender = rng.chance(0.5) ? 'female' : 'male';
  const [givenTh, givenEn] = rng.pick(gender === 'female' ? FEMALE_GIVEN : MALE_GIVEN);
  const [familyTh, familyEn] = rng.pick(FAMILY);
  const age = rng.int(0, 95);
  const birth = new Date(Date.UTC(2026 - age, 10, 15) - rng.int(1, 364) * 86_400_000).toISOString().slice(0, 10);
  const realAge = ageOn(birth);
  const prefixTh =
    realAge < 15 ? (gender === 'female' ? 'เด็กหญิง' : 'เด็กชาย') : gender === 'female' ? (rng.chance(0.6) ? 'นาง' : 'นางสาว') : 'นาย';
  const p: IndexPatient = {
    cid,
    prefixTh,
    givenTh,
    familyTh,
    givenEn,
    familyEn,
    gender,
    birthDate: birth,
    language: 'th',
    sharesWith: [],
    localIds: {},
  };
  // From the citizen ID, not the random stream: the seeded population stays the same as before.
  const province = sandboxProvince(cid);
  if (province) p.province = province;
  if (!rng.chance(0.06)) p.phone = `0${rng.pick(['6', '8', '9'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  return p;
}

function generatedChart(c: Chart, rng: Rng, p: IndexPatient): void {
  const age = ageOn(p.birthDate);
  if (c.hospital.kind === 'pharmacy') {
    const drugKey = rng.pick(['paracetamol', 'omeprazole', 'amlodipine', 'metformin', 'atorvastatin']);
    for (let i = 0; i < rng.int(1, 6); i++) c.medicationDispense(drugKey, { daysAgo: rng.int(1, 1500), quantity: 30, daysSupply: 30 });
    return;
  }
  const plans = CHRONIC_PLANS.filter((pl) => age >= pl.minAge && rng.chance(age > 50 ? 0.35 : 0.12));
  const visits = rng.int(1, 6);
  const first = rng.int(200, 1800);
  for (const pl of plans) {
    c.condition(pl.condition, { onsetDaysAgo: first + rng.int(0, 2000) });
    const med = pl.meds.length > 0 ? rng.pick(pl.meds) : undefined;
    if (med) {
      const stopped = rng.chance(0.15);
      c.medicationStatement(
        med,
        stopped ? { startDaysAgo: first, endDaysAgo: rng.int(1, first - 1), status: 'stopped' } : { startDaysAgo: first, status: 'active' },
      );
    }
  }
  for (let v = 0; v < visits; v++) {
    const d = Math.max(1, Math.round(first - (v * first) / visits));
    const acute = plans.length === 0 || rng.chance(0.3) ? rng.pick(ACUTE_PLANS) : undefined;
    const enc = c.ref(
      c.encounter({ daysAgo: d, kind: rng.chance(0.1) ? 'EMER' : 'AMB', reason: acute ? undefined : 'ติดตามอาการ / Follow-up' }),
    );
    if (age >= 3) vitals(c, rng, d, enc, { sys: 118 + age / 3, dia: 72 + age / 8, weight: age < 15 ? 10 + age * 3 : rng.int(45, 85) });
    for (const pl of plans) {
      for (const key of pl.labs) {
        const prof = ANALYTE_PROFILE[key]!;
        c.observation(key, {
          daysAgo: d,
          value: Math.max(0.1, rng.normal(prof.mean * (pl.condition === 'diabetes-t2' && key !== 'creatinine' ? 1.25 : 1), prof.sd)),
          encounter: enc,
        });
      }
      const med = pl.meds[0];
      if (med && v === visits - 1) c.medicationRequest(med, { startDaysAgo: d, status: 'active', encounter: enc });
    }
    if (acute) {
      c.condition(acute.condition, { onsetDaysAgo: d, resolvedDaysAgo: Math.max(0, d - 14), encounter: enc });
      c.medicationRequest(acute.drug, {
        startDaysAgo: d,
        endDaysAgo: Math.max(0, d - 7),
        status: 'completed',
        encounter: enc,
        supplyDays: 7,
      });
    }
  }
  if (rng.chance(0.12)) {
    const a = rng.pick(ALLERGY_PLANS);
    c.allergy(a.key, {
      code: rng.pick(findAllergyCodes(a.key)),
      daysAgo: rng.int(100, 3000),
      reaction: a.reaction,
      reactionSnomed: a.snomed,
      severity: rng.pick(['mild', 'moderate', 'severe'] as const),
    });
  } else if (rng.chance(0.2)) {
    c.noKnownAllergy(rng.int(100, 3000), rng.pick(NO_KNOWN_ALLERGY_CODES));
  }
  if (age >= 60 && rng.chance(0.4)) c.immunization('influenza', rng.int(10, 400));
  if (rng.chance(0.05))
    c.imagingReport('cxr', rng.int(30, 900), 'Both lungs are clear. Heart size normal.', 'Normal chest radiograph.', {
      code: '17621005',
      display: 'Normal',
    });
}

function findAllergyCodes(key: string): Array<{ system: string; code: string }> {
  return ALLERGY_SUBSTANCES.find((s) => s.key === key)?.codes ?? [];
}

/** Adds the generated crowd to `patients` (after the demo patients, whose ids it must not reuse). */
export function generatePopulation(ctx: Ctx, seed: number, patients: IndexPatient[]): void {
  const rng = new Rng(deriveSeed(seed, 'crowd'));
  const taken = new Set<string>([...patients.map((p) => p.cid), CID_NOT_IN_EXCHANGE]);
  const treatable = HOSPITALS.filter((h) => h.kind !== 'pharmacy');
  for (let i = 0; i < GENERATED_PATIENT_COUNT; i++) {
    let cid: string;
    do {
      cid = withCitizenIdCheckDigit(`${rng.pick(['1', '3', '5', '8'])}${String(rng.int(0, 99_999_999_999)).padStart(11, '0')}`);
    } while (taken.has(cid));
    taken.add(cid);
    const p = generatedPatient(rng, cid);
    const count = rng.int(1, 8);
    const hospitals: SandboxHospital[] = rng.sample(rng.chance(0.85) ? treatable : HOSPITALS, count);
    for (const h of hospitals) generatedChart(chartFor(ctx, p, h.hcode), rng, p);
    const roll = rng.next();
    // Most share everything; some withhold a hospital; a few share with none at all.
    p.sharesWith = roll < 0.08 ? [] : roll < 0.25 ? hospitals.slice(1).map((h) => h.hcode) : hospitals.map((h) => h.hcode);
    patients.push(p);
  }
}
