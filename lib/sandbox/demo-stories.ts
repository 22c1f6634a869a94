/**
 * The demo patients' stories: each function scripts one patient's records at each hospital, so the demo
 * shows what it is meant to (conflicting allergies, falling eGFR, sensitive records, a seizure last night).
 */
import { NO_KNOWN_ALLERGY_CODES, SYSTEMS } from '../clinical/terminology';
import { dateDaysAgo } from './chart';
import { sandboxProvince, type DemoPatient } from './demo-catalog';
import type { IndexPatient } from './model';
import type { Rng } from './rng';
import { stress } from './stress-story';
import { chartFor, trend, vitals, type Ctx } from './story-kit';

/** A demo patient's index entry, before any story has given them hospital-local ids. */
export function fromDemo(d: DemoPatient): IndexPatient {
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
  const province = sandboxProvince(d.cid, d.province);
  if (province) p.province = province;
  return p;
}

/** Somsri's hospitals that chart vital signs in non-SI units (the viewer converts, keeping the value as sent). */
const VITAL_UNITS: Record<string, Partial<Record<string, string>>> = {
  '13781': { temperature: '[degF]', weight: '[lb_av]', height: '[in_i]' },
};

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
      // Every vital sign at each visit; 10661 sends blood pressure as one panel, 13781 charts in US units.
      vitals(c, rng, d, enc, { sys: 142, dia: 86, weight: 68, heightCm: 156, bpPanel: hcode === '10661', units: VITAL_UNITS[hcode] });
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
  // Colonised during the pneumonia admission: the ward flagged her for contact precautions.
  raj.flag({
    category: 'clinical',
    // The hospital's own flag list (illustrative local code system, as hospitals' flag codes are local).
    code: { system: 'https://hospital.local/10661/flag', code: 'MRSA-CP', display: 'MRSA carrier: contact precautions' },
    text: 'MRSA carrier: contact precautions / เชื้อดื้อยา MRSA ใช้ contact precautions',
    startDaysAgo: 510,
  });
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
  // Decided with his family after the stroke admission.
  pnk.flag({
    category: 'advance-directive',
    code: { system: SYSTEMS.snomed, code: '304253006', display: 'Not for resuscitation' },
    text: 'DNR: ไม่ปั๊มหัวใจ / Do not resuscitate',
    startDaysAgo: 410,
  });
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

export const STORIES: Record<DemoPatient['story'], (ctx: Ctx, p: IndexPatient, rng: Rng) => void> = {
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
