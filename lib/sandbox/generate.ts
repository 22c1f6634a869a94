/**
 * The deterministic data generator. Pure: the same seed gives byte-identical output, and every date is
 * counted back from an anchor day (the day the sandbox starts; fixed in tests) so current things stay current.
 */
import type { Encounter, Reference } from '@medplum/fhirtypes';
import { ALLERGY_SUBSTANCES, NO_KNOWN_ALLERGY_CODES, SYSTEMS } from '../clinical/terminology';
import { withCitizenIdCheckDigit } from '../identity/citizen-id';
import { ANALYTE_PROFILE, Chart, dateDaysAgo, setAnchorDate } from './chart';
import {
  ANCHOR_DATE,
  CID_NOT_IN_EXCHANGE,
  DEMO_PATIENTS,
  HOSPITALS,
  findHospital,
  type DemoPatient,
  type SandboxHospital,
} from './demo-catalog';
import type { Dataset, IndexPatient, StoredResource } from './model';
import { FAMILY, FEMALE_GIVEN, MALE_GIVEN } from './names';
import { Rng, deriveSeed } from './rng';

export const GENERATED_PATIENT_COUNT = 220;

class LocalIds {
  private next = new Map<string, number>();

  /** Hospital-local ids differ between hospitals for the same person, as real HNs do. */
  allocate(hcode: string): string {
    const n = this.next.get(hcode) ?? 0;
    this.next.set(hcode, n + 1);
    const base = (Number(hcode) * 37) % 400_000;
    return `HN${String(100_000 + base + n * 7).padStart(7, '0')}`;
  }
}

interface Ctx {
  out: StoredResource[];
  ids: LocalIds;
  /** One Chart per (hcode, cid) so resource ids keep counting up across story sections. */
  charts: Map<string, Chart>;
}

function chartFor(ctx: Ctx, patient: IndexPatient, hcode: string): Chart {
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

function fromDemo(d: DemoPatient): IndexPatient {
  const p: IndexPatient = {
    cid: d.cid,
    prefixTh: d.prefixTh,
    givenTh: d.givenTh,
    familyTh: d.familyTh,
    givenEn: d.givenEn,
    familyEn: d.familyEn,
    gender: d.gender,
    birthDate: d.birthDate,
    language: d.language,
    sharesWith: [...d.sharesWith],
    localIds: {},
  };
  if (d.phone) p.phone = d.phone;
  if (d.phoneChangedDaysAgo !== undefined) p.phoneSince = dateDaysAgo(d.phoneChangedDaysAgo);
  if (d.passport) p.passport = d.passport;
  return p;
}

/** Linear trend between two values over a span of days, with a little seeded noise. */
function trend(rng: Rng, daysAgo: number, span: number, from: number, to: number, noise: number): number {
  const frac = 1 - daysAgo / span;
  return from + (to - from) * frac + rng.normal(0, noise);
}

function vitals(c: Chart, rng: Rng, daysAgo: number, enc: Reference<Encounter>, base: { sys: number; dia: number; weight?: number }): void {
  c.observation('systolic', { daysAgo, value: Math.round(rng.normal(base.sys, 6)), encounter: enc, minute: 8 * 60 });
  c.observation('diastolic', { daysAgo, value: Math.round(rng.normal(base.dia, 4)), encounter: enc, minute: 8 * 60 });
  c.observation('heart-rate', { daysAgo, value: Math.round(rng.normal(80, 6)), encounter: enc, minute: 8 * 60 });
  if (base.weight !== undefined)
    c.observation('weight', { daysAgo, value: Math.round(rng.normal(base.weight, 0.8) * 10) / 10, encounter: enc, minute: 8 * 60 });
}

function somsri(ctx: Ctx, p: IndexPatient, rng: Rng): void {
  const span = 1095;
  const sites: Array<[string, number]> = [
    ['11535', 0],
    ['10661', 30],
    ['13781', 60],
  ];
  for (const [hcode, offset] of sites) {
    const c = chartFor(ctx, p, hcode);
    for (let d = span - offset; d > 20; d -= 90) {
      const enc = c.ref(
        c.encounter({ daysAgo: d, kind: 'AMB', reason: 'ติดตามเบาหวาน ความดัน ไต / Diabetes, hypertension and CKD follow-up' }),
      );
      vitals(c, rng, d, enc, { sys: 142, dia: 86, weight: 68 });
      const results = [
        c.observation('hba1c', { daysAgo: d, value: trend(rng, d, span, 7.1, 8.4, 0.15), encounter: enc }),
        c.observation('creatinine', { daysAgo: d, value: trend(rng, d, span, 1.15, 1.62, 0.04), encounter: enc }),
        c.observation('egfr', { daysAgo: d, value: Math.round(trend(rng, d, span, 54, 36, 1.5)), encounter: enc }),
        c.observation('glucose', { daysAgo: d, value: Math.round(trend(rng, d, span, 138, 172, 8)), encounter: enc }),
        c.observation('potassium', { daysAgo: d, value: trend(rng, d, span, 4.4, 5.0, 0.1), encounter: enc }),
      ];
      c.labReport('Diabetes / renal panel', results, d, 'HbA1c above target; declining eGFR consistent with CKD stage 3');
    }
  }
  const klang = chartFor(ctx, p, '11535');
  klang.condition('diabetes-t2', { onsetDaysAgo: 3650 });
  klang.condition('hypertension', { onsetDaysAgo: 3300 });
  klang.allergy('penicillin', {
    code: { system: SYSTEMS.snomed, code: '91936005' },
    daysAgo: 2900,
    reaction: 'Urticaria',
    reactionSnomed: '126485001',
    severity: 'moderate',
  });
  klang.medicationStatement('metformin', { startDaysAgo: 3600, status: 'active', reason: 'Type 2 diabetes' });
  klang.medicationRequest('metformin', { startDaysAgo: 45, status: 'active', supplyDays: 90 });
  klang.medicationStatement('amlodipine', { startDaysAgo: 3200, status: 'active', dose: '5 mg: 1 tablet once daily' });
  klang.medicationRequest('amlodipine', { startDaysAgo: 45, status: 'active', dose: '5 mg: 1 tablet once daily' });
  const cxrEnc = klang.ref(klang.encounter({ daysAgo: 400, kind: 'AMB', reason: 'ไอเรื้อรัง / Chronic cough' }));
  klang.imagingReport(
    'cxr',
    400,
    'Heart size is at the upper limit of normal. Both lungs are clear. No pleural effusion.',
    'No active pulmonary disease; borderline cardiomegaly.',
    { code: '17621005', display: 'Normal' },
    cxrEnc,
  );
  klang.immunization('influenza', 380);
  klang.immunization('influenza', 20);

  const raj = chartFor(ctx, p, '10661');
  raj.condition('ckd-3', { onsetDaysAgo: 900 });
  raj.condition('diabetes-t2', { onsetDaysAgo: 900 });
  raj.allergy('penicillin', {
    code: { system: SYSTEMS.tmt, code: '100101' },
    daysAgo: 880,
    reaction: 'Rash',
    reactionSnomed: '271807003',
    severity: 'mild',
  });
  raj.medicationStatement('metformin', {
    startDaysAgo: 900,
    endDaysAgo: 200,
    status: 'stopped',
    reason: 'eGFR below 45: metformin stopped',
  });
  raj.medicationRequest('metformin', { startDaysAgo: 380, endDaysAgo: 200, status: 'stopped', reason: 'eGFR below 45' });
  raj.medicationStatement('amlodipine', { startDaysAgo: 600, status: 'active', dose: '10 mg: 2 tablets once daily' });
  raj.medicationRequest('amlodipine', { startDaysAgo: 75, status: 'active', dose: '10 mg: 2 tablets once daily' });
  const admit = raj.ref(raj.encounter({ daysAgo: 520, kind: 'IMP', reason: 'ปอดอักเสบ / Community-acquired pneumonia', lengthDays: 5 }));
  raj.condition('pneumonia', { onsetDaysAgo: 520, resolvedDaysAgo: 505, encounter: admit });
  raj.medicationRequest('ceftriaxone', { startDaysAgo: 520, endDaysAgo: 515, status: 'completed', encounter: admit, supplyDays: 5 });
  raj.imagingReport(
    'cxr',
    520,
    'Patchy consolidation in the right lower zone.',
    'Right lower lobe pneumonia.',
    { code: '233604007', display: 'Pneumonia' },
    admit,
  );
  raj.procedure('Peripheral intravenous cannulation', '392230005', 520, admit);
  const uti = raj.ref(raj.encounter({ daysAgo: 6, kind: 'AMB', reason: 'ปัสสาวะแสบขัด / Dysuria' }));
  raj.condition('uti', { onsetDaysAgo: 6, encounter: uti });
  // The clinically dangerous part of the story: a penicillin-allergic patient currently on amoxicillin.
  raj.medicationRequest('amoxicillin', {
    startDaysAgo: 6,
    status: 'active',
    encounter: uti,
    supplyDays: 7,
    reason: 'Urinary tract infection',
  });
  raj.immunization('covid-mrna', 700, 3);

  const siriraj = chartFor(ctx, p, '13781');
  siriraj.noKnownAllergy(800, NO_KNOWN_ALLERGY_CODES[0]!);
  siriraj.condition('diabetes-t2', { onsetDaysAgo: 1000 });
  siriraj.condition('hypertension', { onsetDaysAgo: 1000 });
  siriraj.medicationStatement('atorvastatin', { startDaysAgo: 1000, status: 'active' });
  siriraj.immunization('covid-mrna', 1100, 2);

  const sukjai = chartFor(ctx, p, '24001');
  const gas = sukjai.ref(sukjai.encounter({ daysAgo: 150, kind: 'AMB', reason: 'ปวดท้อง / Epigastric pain' }));
  sukjai.condition('gastritis', { onsetDaysAgo: 150, resolvedDaysAgo: 120, encounter: gas });
  sukjai.medicationRequest('omeprazole', { startDaysAgo: 150, endDaysAgo: 120, status: 'completed', encounter: gas, supplyDays: 30 });
  sukjai.observation('glucose', { daysAgo: 150, value: 165, encounter: gas });

  const pharmacy = chartFor(ctx, p, '41001');
  for (let d = 330; d > 0; d -= 30) {
    pharmacy.medicationDispense('metformin', { daysAgo: d, quantity: 60, daysSupply: 30 });
    pharmacy.medicationDispense('amlodipine', { daysAgo: d, quantity: 30, daysSupply: 30 });
  }
  pharmacy.medicationDispense('paracetamol', { daysAgo: 40, quantity: 20, daysSupply: 5 });
}

function boonchai(ctx: Ctx, p: IndexPatient, rng: Rng): void {
  const taksin = chartFor(ctx, p, '11536');
  taksin.condition('atrial-fibrillation', { onsetDaysAgo: 1500 });
  taksin.medicationStatement('warfarin', { startDaysAgo: 1500, status: 'active', dose: '3 mg once daily, 1.5 mg on Sundays' });
  taksin.medicationRequest('warfarin', { startDaysAgo: 28, status: 'active', supplyDays: 28 });
  taksin.medicationStatement('amiodarone', { startDaysAgo: 700, status: 'active' });
  taksin.medicationRequest('amiodarone', { startDaysAgo: 28, status: 'active' });
  for (let d = 720; d > 0; d -= 28) {
    const enc = taksin.ref(taksin.encounter({ daysAgo: d, kind: 'AMB', reason: 'คลินิกวาร์ฟาริน / Anticoagulation clinic' }));
    const inr = d < 60 ? rng.normal(3.6, 0.2) : rng.normal(2.5, 0.35);
    taksin.observation('inr', { daysAgo: d, value: Math.max(1.2, inr), encounter: enc });
  }
  const pnk = chartFor(ctx, p, '10702');
  const stroke = pnk.ref(pnk.encounter({ daysAgo: 420, kind: 'IMP', reason: 'แขนขาซ้ายอ่อนแรง / Acute left-sided weakness', lengthDays: 9 }));
  pnk.condition('ischaemic-stroke', { onsetDaysAgo: 420, encounter: stroke });
  pnk.imagingReport(
    'ct-brain',
    420,
    'Hypodensity in the right middle cerebral artery territory without haemorrhage. No midline shift.',
    'Acute right MCA territory infarct; no intracranial haemorrhage.',
    { code: '422504002', display: 'Ischemic stroke' },
    stroke,
  );
  pnk.observation('inr', { daysAgo: 420, value: 1.6, encounter: stroke });
  pnk.observation('haemoglobin', { daysAgo: 420, value: 13.8, encounter: stroke });
  pnk.procedure('Physiotherapy', '91251008', 415, stroke);
  pnk.condition('hypertension', { onsetDaysAgo: 420 });
  pnk.medicationStatement('atorvastatin', { startDaysAgo: 410, status: 'active' });
  const siriraj = chartFor(ctx, p, '13781');
  const psy = siriraj.ref(siriraj.encounter({ daysAgo: 300, kind: 'AMB', reason: 'คลินิกจิตเวช / Psychiatry clinic', sensitivity: 'PSY' }));
  siriraj.condition('depression', { onsetDaysAgo: 300, encounter: psy });
  siriraj.medicationStatement('sertraline', { startDaysAgo: 300, status: 'active' });
  siriraj.medicationRequest('sertraline', { startDaysAgo: 60, status: 'active', encounter: psy });
  siriraj.observation('inr', { daysAgo: 100, value: 2.8 });
  siriraj.immunization('influenza', 50);
}

function pimchanok(ctx: Ctx, p: IndexPatient, rng: Rng): void {
  const cgk = chartFor(ctx, p, '11537');
  cgk.condition('pregnancy', { onsetDaysAgo: 150 });
  for (let d = 140; d > 0; d -= 28) {
    const enc = cgk.ref(cgk.encounter({ daysAgo: d, kind: 'AMB', reason: 'ฝากครรภ์ / Antenatal care' }));
    vitals(cgk, rng, d, enc, { sys: 112, dia: 70, weight: 54 + (140 - d) / 20 });
    cgk.observation('haemoglobin', { daysAgo: d, value: rng.normal(11.4, 0.4), encounter: enc });
  }
  cgk.imagingReport(
    'us-obstetric',
    60,
    'Single live intrauterine fetus. Biometry consistent with 22 weeks. Normal amniotic fluid. Placenta posterior, not low lying.',
    'Single live intrauterine pregnancy, 22 weeks by biometry.',
    { code: '77386006', display: 'Pregnancy' },
  );
  cgk.immunization('tdap', 40);
  const npr = chartFor(ctx, p, '10662');
  const hivEnc = npr.ref(npr.encounter({ daysAgo: 700, kind: 'AMB', reason: 'คลินิกยาต้านไวรัส / ARV clinic', sensitivity: 'HIV' }));
  npr.condition('hiv', { onsetDaysAgo: 700, encounter: hivEnc });
  npr.medicationStatement('tenofovir-efavirenz', { startDaysAgo: 690, status: 'active' });
  npr.medicationRequest('tenofovir-efavirenz', { startDaysAgo: 30, status: 'active', encounter: hivEnc });
  npr.observation('alt', { daysAgo: 30, value: 22, sensitivity: 'HIV' });
}

function somchai(ctx: Ctx, p: IndexPatient, rng: Rng): void {
  // He has records, but no consent anywhere: every hospital must answer 403.
  const c = chartFor(ctx, p, '10661');
  const enc = c.ref(c.encounter({ daysAgo: 200, kind: 'AMB', reason: 'ตรวจสุขภาพประจำปี / Annual check-up' }));
  vitals(c, rng, 200, enc, { sys: 128, dia: 82, weight: 74 });
  c.observation('ldl', { daysAgo: 200, value: 162, encounter: enc });
  c.condition('dyslipidaemia', { onsetDaysAgo: 200, encounter: enc });
}

function wanida(ctx: Ctx, p: IndexPatient, rng: Rng): void {
  // Hypertension followed at Klang; her phone number changed at the exchange two days ago.
  const c = chartFor(ctx, p, '11535');
  c.condition('hypertension', { onsetDaysAgo: 900 });
  c.medicationStatement('amlodipine', { startDaysAgo: 880, status: 'active', dose: '5 mg: 1 tablet once daily' });
  for (const d of [300, 120, 30]) {
    const enc = c.ref(c.encounter({ daysAgo: d, kind: 'AMB', reason: 'คลินิกความดันโลหิต / Hypertension clinic' }));
    vitals(c, rng, d, enc, { sys: 138, dia: 86, weight: 62 });
  }
}

function buaphan(ctx: Ctx, p: IndexPatient, rng: Rng): void {
  for (const hcode of ['11535', '11538']) {
    const c = chartFor(ctx, p, hcode);
    c.condition('hypertension', { onsetDaysAgo: 4000 });
    c.medicationStatement('enalapril', { startDaysAgo: 3000, status: 'active' });
    for (let d = 600; d > 0; d -= 120) {
      const enc = c.ref(
        c.encounter({ daysAgo: d + (hcode === '11538' ? 15 : 0), kind: 'AMB', reason: 'ความดันโลหิตสูง / Hypertension follow-up' }),
      );
      vitals(c, rng, d, enc, { sys: 150, dia: 84, weight: 49 });
      c.observation('creatinine', { daysAgo: d, value: rng.normal(1.0, 0.05), encounter: enc });
      c.observation('potassium', { daysAgo: d, value: rng.normal(4.6, 0.2), encounter: enc });
    }
  }
}

function phum(ctx: Ctx, p: IndexPatient, rng: Rng): void {
  const sirindhorn = chartFor(ctx, p, '11539');
  const birth = 1611; // days from birth (2022-06-18) to the anchor
  sirindhorn.immunization('bcg', birth - 1);
  sirindhorn.immunization('hepb', birth - 1, 1);
  sirindhorn.immunization('dtap-hepb-hib', birth - 60, 1);
  sirindhorn.immunization('dtap-hepb-hib', birth - 120, 2);
  sirindhorn.immunization('dtap-hepb-hib', birth - 180, 3);
  sirindhorn.immunization('mmr', birth - 270, 1);
  sirindhorn.immunization('je', birth - 365, 1);
  sirindhorn.immunization('pneumococcal', birth - 60, 1);
  sirindhorn.immunization('mmr', birth - 540, 2);
  sirindhorn.condition('asthma', { onsetDaysAgo: 500 });
  sirindhorn.medicationStatement('salbutamol', { startDaysAgo: 500, status: 'active', dose: '2 puffs via spacer as needed' });
  const sukjai = chartFor(ctx, p, '24001');
  const ed = sukjai.ref(sukjai.encounter({ daysAgo: 90, kind: 'EMER', reason: 'หอบเหนื่อย / Wheeze and shortness of breath' }));
  sukjai.observation('spo2', { daysAgo: 90, value: 93, encounter: ed });
  sukjai.observation('heart-rate', { daysAgo: 90, value: 132, encounter: ed });
  sukjai.observation('temperature', { daysAgo: 90, value: 37.6, encounter: ed });
  sukjai.procedure('Nebuliser therapy', '56251003', 90, ed);
  sukjai.medicationRequest('salbutamol', {
    startDaysAgo: 90,
    status: 'active',
    encounter: ed,
    dose: '2 puffs via spacer every 4 hours as needed',
  });
  const clinic = chartFor(ctx, p, '31001');
  for (let d = 400; d > 0; d -= 100) {
    const enc = clinic.ref(clinic.encounter({ daysAgo: d, kind: 'AMB', reason: 'ไอ มีน้ำมูก / Cough and runny nose' }));
    clinic.observation('temperature', { daysAgo: d, value: rng.normal(37.4, 0.3), encounter: enc });
    clinic.observation('weight', { daysAgo: d, value: 14 + (400 - d) / 200, encounter: enc });
  }
  clinic.medicationRequest('salbutamol', { startDaysAgo: 100, status: 'active' });
}

function ekkachai(ctx: Ctx, p: IndexPatient, rng: Rng): void {
  const klang = chartFor(ctx, p, '11535');
  klang.condition('epilepsy', { onsetDaysAgo: 6000 });
  klang.medicationStatement('phenytoin', { startDaysAgo: 6000, status: 'active' });
  klang.medicationRequest('phenytoin', { startDaysAgo: 60, status: 'active' });
  klang.bloodGroup(2500, 'B Rh(D) positive', '278150003');
  const raj = chartFor(ctx, p, '10661');
  raj.condition('diabetes-t2', { onsetDaysAgo: 2500 });
  raj.medicationStatement('insulin-glargine', { startDaysAgo: 900, status: 'active' });
  raj.medicationRequest('insulin-glargine', { startDaysAgo: 30, status: 'active', dose: '18 units subcutaneously at bedtime' });
  raj.allergy('aspirin', {
    code: { system: SYSTEMS.snomed, code: '387458008' },
    daysAgo: 2000,
    reaction: 'Angioedema',
    reactionSnomed: '41291007',
    severity: 'severe',
  });
  raj.allergy('shellfish', {
    code: { system: SYSTEMS.snomed, code: '227037002' },
    daysAgo: 1800,
    reaction: 'Urticaria',
    reactionSnomed: '126485001',
    severity: 'moderate',
  });
  for (let d = 720; d > 30; d -= 90) {
    const enc = raj.ref(raj.encounter({ daysAgo: d, kind: 'AMB', reason: 'คลินิกเบาหวาน / Diabetes clinic' }));
    raj.observation('hba1c', { daysAgo: d, value: rng.normal(7.8, 0.3), encounter: enc });
    raj.observation('glucose', { daysAgo: d, value: rng.normal(150, 15), encounter: enc });
  }
  const pnk = chartFor(ctx, p, '10702');
  pnk.immunization('td', 1095);
  const ed = pnk.ref(pnk.encounter({ daysAgo: 2, kind: 'EMER', reason: 'ชักเกร็งทั้งตัว / Generalised seizure' }));
  const labs = [
    pnk.observation('potassium', { daysAgo: 2, value: 5.8, encounter: ed, minute: 22 * 60 + 40 }),
    pnk.observation('creatinine', { daysAgo: 2, value: 1.9, encounter: ed, minute: 22 * 60 + 40 }),
    pnk.observation('glucose', { daysAgo: 2, value: 62, encounter: ed, minute: 22 * 60 + 40 }),
    pnk.observation('haemoglobin', { daysAgo: 2, value: 10.9, encounter: ed, minute: 22 * 60 + 40 }),
    pnk.observation('troponin', { daysAgo: 2, value: 9, encounter: ed, minute: 22 * 60 + 40 }),
  ];
  pnk.labReport('Emergency chemistry', labs, 2, 'Hyperkalaemia, raised creatinine, hypoglycaemia');
  vitals(pnk, rng, 2, ed, { sys: 162, dia: 94 });
  const siriraj = chartFor(ctx, p, '13781');
  siriraj.condition('kidney-transplant', { onsetDaysAgo: 1400 });
  siriraj.procedure('Transplantation of kidney', '70536003', 1400);
  siriraj.medicationStatement('tacrolimus', { startDaysAgo: 1400, status: 'active' });
  siriraj.medicationRequest('tacrolimus', { startDaysAgo: 40, status: 'active' });
  siriraj.medicationStatement('mycophenolate', { startDaysAgo: 1400, status: 'active' });
  const sud = siriraj.ref(
    siriraj.encounter({ daysAgo: 800, kind: 'AMB', reason: 'คลินิกบำบัดสุรา / Alcohol treatment clinic', sensitivity: 'SUD' }),
  );
  siriraj.condition('alcohol-dependence', { onsetDaysAgo: 800, encounter: sud });
  siriraj.observation('alt', { daysAgo: 800, value: 88, encounter: sud, sensitivity: 'SUD' });
}

function john(ctx: Ctx, p: IndexPatient, rng: Rng): void {
  const sukjai = chartFor(ctx, p, '24001');
  const enc = sukjai.ref(sukjai.encounter({ daysAgo: 240, kind: 'IMP', reason: 'High fever and myalgia', lengthDays: 3 }));
  sukjai.condition('dengue', { onsetDaysAgo: 240, resolvedDaysAgo: 230, encounter: enc });
  for (let i = 0; i < 3; i++) sukjai.observation('platelets', { daysAgo: 240 - i, value: [88, 54, 97][i] ?? 90, encounter: enc });
  sukjai.allergy('sulfonamide', {
    code: { system: SYSTEMS.snomed, code: '91939003' },
    daysAgo: 240,
    reaction: 'Rash',
    reactionSnomed: '271807003',
    severity: 'mild',
  });
  const clinic = chartFor(ctx, p, '31001');
  const visit = clinic.ref(clinic.encounter({ daysAgo: 30, kind: 'AMB', reason: 'Travel vaccination' }));
  clinic.immunization('je', 30);
  vitals(clinic, rng, 30, visit, { sys: 124, dia: 80, weight: 82 });
}

const STRESS_LABS = ['glucose', 'hba1c', 'creatinine', 'egfr', 'potassium', 'sodium', 'haemoglobin', 'ldl', 'alt', 'wbc', 'platelets'];

function stress(ctx: Ctx, p: IndexPatient, rng: Rng): void {
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

const STORIES: Record<DemoPatient['story'], (ctx: Ctx, p: IndexPatient, rng: Rng) => void> = {
  somsri,
  boonchai,
  pimchanok,
  somchai,
  buaphan,
  stress,
  phum,
  ekkachai,
  john,
  wanida,
};

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

/**
 * Generates the whole exchange: the patient index, consents and every hospital's records. Deterministic
 * for a seed; the demo patients' stories are fixed, the crowd around them is seeded.
 */
export function generateDataset(seed: number, anchorDate: string = ANCHOR_DATE): Dataset {
  setAnchorDate(anchorDate);
  const ctx: Ctx = { out: [], ids: new LocalIds(), charts: new Map() };
  const patients: IndexPatient[] = [];
  for (const d of DEMO_PATIENTS) {
    const p = fromDemo(d);
    if (d.story === 'john') {
      // A foreigner's Thai ID ("0…") exists, but hospitals know him by passport too.
      p.language = 'en';
    }
    STORIES[d.story](ctx, p, new Rng(deriveSeed(seed, d.story)));
    patients.push(p);
  }
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
  return { patients, resources: ctx.out };
}
