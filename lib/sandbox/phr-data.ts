/**
 * What the MOPH-PHR (Mor Prom) stand-in holds for the demo patients, as the flat read rows the published
 * interface documents (../shared/moph-phr.md §2): not FHIR, bare strings, times without an offset.
 *
 * - Somsri: her visits at Rajavithi (10661), which uploads to both platforms, are projected from the
 *   exchange's own records (same hcode, same day, same class and codes: the same visit twice), one lab
 *   value written differently (a disagreement the viewer must show side by side), plus visits that exist
 *   only in MOPH-PHR at a community hospital that is not on Health Link, with a diagnosis written as free
 *   text and hospital drug names without a TMT code. One of those visits is masked by the patient.
 * - Boonchai: turned sharing off (PHRSetting share_phr=false).
 * - Phum: one visit, only in MOPH-PHR.
 * Everyone else is unknown to MOPH-PHR.
 */
import type { Encounter, Observation } from '@medplum/fhirtypes';
import { findDemoPatient } from './demo-catalog';
import type { SandboxStore } from './store';

export type PhrRow = Record<string, string | number | boolean | null>;

export interface PhrVisit {
  encounter: PhrRow;
  conditions: PhrRow[];
  medications: PhrRow[];
  observations: PhrRow[];
  /** Hidden by the owner (MaskEncounter): never served by any read. */
  masked: boolean;
}

export interface PhrPerson {
  cid: string;
  sharePhr: boolean;
  summary: PhrRow;
  visits: PhrVisit[];
}

/** The community hospital that uploads to MOPH-PHR only (a made-up 5-digit hcode, not on Health Link). */
export const PHR_ONLY_HOSPITAL = { hcode: '99801', name: 'โรงพยาบาลชุมชนหนองบัวทอง (สาธิต)' } as const;
const RAJAVITHI = { hcode: '10661', name: 'โรงพยาบาลราชวิถี' } as const;
/** Visits at 10661 that the stand-in also holds: the newest few (the hospital began uploading recently). */
const BOTH_PLATFORM_VISITS = 4;

const LAB_COLUMNS = ['fbs', 'dtx', 'hba1c', 'tg', 'tc', 'hdl', 'ldl', 'cholesterol', 'creatinine', 'egfr', 'potassium', 'sodium'];
const VITAL_COLUMNS = [
  'body_weight_kg',
  'body_height_cm',
  'body_temp_cel',
  'bp_systolic_mmhg',
  'bp_diastolic_mmhg',
  'body_mass_index',
  'pulse',
];

/** PHR writes local times without an offset: drop the +07:00 the exchange's data carries. */
function localTime(iso: string | undefined): string {
  return (iso ?? '').slice(0, 19);
}

function encounterRow(cid: string, hcode: string, name: string, vn: string, start: string, end: string, extra: PhrRow): PhrRow {
  const row: PhrRow = {
    cid,
    encounter_ref_code: `${hcode}:${vn}`,
    organization_code: hcode,
    organization_name: name,
    hn: '',
    period_start: start,
    period_end: end,
    status: 'finished',
    class_code: 'AMB',
    class_display: 'ambulatory',
    type_code: '1',
    type_display: 'มาเอง',
    division_code: '01',
    division_display: 'อายุรกรรม',
    encounter_cc_text: '',
    encounter_diagnosis_text: '',
    encounter_diagnosis_icd: '',
    condition_count: 0,
    medication_count: 0,
    observation_count: 0,
    is_mark: true,
    pass_phr_filter: true,
    period_start_text: '',
  };
  for (const c of VITAL_COLUMNS) row[`vital_sign_${c}`] = null;
  for (const c of LAB_COLUMNS) row[`lab_${c}`] = null;
  return { ...row, ...extra };
}

function conditionRow(cid: string, visit: PhrRow, code: string, display: string, recorded: string): PhrRow {
  return {
    cid,
    encounter_ref_code: visit.encounter_ref_code ?? '',
    code_text: code,
    code_display_text: display,
    clinical_status_text: 'Active',
    clinical_verification_text: 'Confirmed',
    clinical_severity_text: '-',
    clinical_category_text: 'Diagnosis',
    onset_datetime: '1970-01-01',
    recorded_datetime: recorded,
    condition_key_md5: '',
    organization_code: visit.organization_code ?? '',
  };
}

function medicationRow(cid: string, visit: PhrRow, name: string, instruction: string, at: string): PhrRow {
  return {
    cid,
    encounter_ref_code: visit.encounter_ref_code ?? '',
    code_text: name,
    statement_status: 'active',
    statement_category: 'Outpatient',
    statement_effective_datetime: at,
    category: 'medication',
    finance_qty: 60,
    ref_md_statement_text: '',
    ref_md_patient_instruction: instruction,
    organization_code: visit.organization_code ?? '',
  };
}

function observationRow(
  cid: string,
  visit: PhrRow,
  o: { display: string; loinc: string; value: number; unit: string; at: string },
): PhrRow {
  return {
    cid,
    encounter_ref_code: visit.encounter_ref_code ?? '',
    issued: o.at,
    display: o.display,
    display_text: o.display,
    profile_group_text: '',
    loinc_code: o.loinc,
    tmlt_code: '',
    value_quantity: o.value,
    value_string: String(o.value),
    observation_unit: o.unit,
    reference_range_normal_low: null,
    reference_range_normal_high: null,
    interpretation: '',
    organization_code: visit.organization_code ?? '',
    organization_name: visit.organization_name ?? '',
  };
}

function loincOf(o: Observation): string | undefined {
  return o.code.coding?.find((c) => c.system === 'http://loinc.org')?.code;
}

/** Somsri's newest visits at 10661 as MOPH-PHR carries them: projected from the exchange's own records. */
function projectedVisits(store: SandboxStore, cid: string): PhrVisit[] {
  const encounters = (store.search(RAJAVITHI.hcode, cid, 'Encounter') as Encounter[])
    .filter((e) => e.class?.code === 'AMB' && e.period?.start !== undefined)
    .sort((a, b) => (b.period?.start ?? '').localeCompare(a.period?.start ?? ''))
    .slice(0, BOTH_PLATFORM_VISITS);
  const observations = store.search(RAJAVITHI.hcode, cid, 'Observation') as Observation[];
  return encounters.map((e, i) => {
    const day = (e.period?.start ?? '').slice(0, 10);
    const vn = `${day.replaceAll('-', '').slice(2)}0830${String(i + 1).padStart(2, '0')}`;
    const encounter = encounterRow(cid, RAJAVITHI.hcode, RAJAVITHI.name, vn, localTime(e.period?.start), localTime(e.period?.end), {
      encounter_cc_text: 'ติดตามเบาหวาน ความดัน ไต',
      encounter_diagnosis_text: 'Type 2 diabetes mellitus',
      encounter_diagnosis_icd: 'E11.9',
    });
    const labs = observations.filter(
      (o) => (o.effectiveDateTime ?? '').startsWith(day) && o.valueQuantity?.value !== undefined && loincOf(o) !== undefined,
    );
    const rows = labs.map((o, j) => {
      // The newest visit's first result was re-typed at upload: the two platforms now disagree on it.
      const value = i === 0 && j === 0 ? Math.round((o.valueQuantity!.value! + 1) * 100) / 100 : o.valueQuantity!.value!;
      return observationRow(cid, encounter, {
        display: o.code.text ?? o.code.coding?.[0]?.display ?? '',
        loinc: loincOf(o)!,
        value,
        unit: o.valueQuantity?.unit ?? o.valueQuantity?.code ?? '',
        at: localTime(o.effectiveDateTime),
      });
    });
    const conditions = [
      conditionRow(cid, encounter, 'E11.9', 'Type 2 diabetes mellitus, without complications', localTime(e.period?.start)),
    ];
    encounter.condition_count = conditions.length;
    encounter.observation_count = rows.length;
    return { encounter, conditions, medications: [], observations: rows, masked: false };
  });
}

function daysAgo(anchor: string, days: number, time: string): string {
  const d = new Date(Date.parse(`${anchor}T00:00:00Z`) - days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

/** Visits only MOPH-PHR holds, at the community hospital (one masked by the patient). */
function phrOnlyVisits(cid: string, anchor: string): PhrVisit[] {
  const h = PHR_ONLY_HOSPITAL;
  const specs = [
    { days: 200, vn: '01', masked: false, glucose: 151 },
    { days: 110, vn: '02', masked: true, glucose: 160 },
    { days: 15, vn: '03', masked: false, glucose: 168 },
  ];
  return specs.map((s) => {
    const start = daysAgo(anchor, s.days, '09:10:00');
    const encounter = encounterRow(
      cid,
      h.hcode,
      h.name,
      `${start.slice(2, 10).replaceAll('-', '')}0910${s.vn}`,
      start,
      daysAgo(anchor, s.days, '10:40:00'),
      {
        encounter_cc_text: 'เวียนศีรษะ ติดตามเบาหวาน',
        encounter_diagnosis_text: 'เวียนศีรษะ, เบาหวานชนิดที่ 2',
        vital_sign_body_weight_kg: 67,
        vital_sign_body_height_cm: 155,
        vital_sign_bp_systolic_mmhg: 148,
        vital_sign_bp_diastolic_mmhg: 90,
        vital_sign_bps_text: '148/90',
        vital_sign_pulse: 84,
        lab_dtx: s.glucose,
      },
    );
    const conditions = [
      conditionRow(cid, encounter, 'E11.9', 'Type 2 diabetes mellitus, without complications', start),
      // A diagnosis the HIS sent as free text: PHR's pseudo-code `diagtext`, no ICD code.
      conditionRow(cid, encounter, 'diagtext', 'เวียนศีรษะ (Dizziness)', start),
    ];
    const medications = [
      medicationRow(cid, encounter, 'MFM_METFORMIN 500 mg.', 'รับประทานครั้งละ 1 เม็ด วันละ 2 ครั้ง หลังอาหาร', start),
      medicationRow(cid, encounter, 'Betahistine 6 mg.', 'รับประทานครั้งละ 1 เม็ด วันละ 3 ครั้ง เมื่อมีอาการ', start),
    ];
    const observations = [
      observationRow(cid, encounter, { display: 'Glucose', loinc: '2345-7', value: s.glucose, unit: 'mg/dL', at: start }),
    ];
    encounter.condition_count = conditions.length;
    encounter.medication_count = medications.length;
    encounter.observation_count = observations.length;
    return { encounter, conditions, medications, observations, masked: s.masked };
  });
}

function summaryRow(cid: string, story: 'somsri' | 'boonchai' | 'phum', visits: PhrVisit[], allergy: string): PhrRow {
  const p = findDemoPatient(story);
  const shown = visits.filter((v) => !v.masked);
  return {
    cid,
    birth_date: p.birthDate,
    gender: p.gender === 'female' ? 'F' : 'M',
    full_name_th: `${p.prefixTh}${p.givenTh} ${p.familyTh}`,
    nationality_code: '099',
    deceased_boolean: false,
    deceased_date: '1970-01-01',
    allergy_intolerance_text: allergy,
    coverage_text: 'สิทธิหลักประกันสุขภาพแห่งชาติ',
    encounter_count: shown.length,
    organization_count: new Set(shown.map((v) => v.encounter.organization_code)).size,
    last_organization_code: shown[0]?.encounter.organization_code ?? '',
  };
}

/** Every person the stand-in knows, by citizen ID. */
export function buildPhrPeople(store: SandboxStore, anchor: string): Map<string, PhrPerson> {
  const people = new Map<string, PhrPerson>();
  const somsri = findDemoPatient('somsri').cid;
  const somsriVisits = [...projectedVisits(store, somsri), ...phrOnlyVisits(somsri, anchor)];
  people.set(somsri, {
    cid: somsri,
    sharePhr: true,
    summary: summaryRow(somsri, 'somsri', somsriVisits, 'PENICILLIN'),
    visits: somsriVisits,
  });
  const boonchai = findDemoPatient('boonchai').cid;
  people.set(boonchai, { cid: boonchai, sharePhr: false, summary: summaryRow(boonchai, 'boonchai', [], ''), visits: [] });
  const phum = findDemoPatient('phum').cid;
  const phumVisit = phrOnlyVisits(phum, anchor).slice(2, 3);
  for (const v of phumVisit) {
    v.medications = [];
    v.conditions = [conditionRow(phum, v.encounter, 'J45.9', 'Asthma, unspecified', String(v.encounter.period_start))];
  }
  people.set(phum, { cid: phum, sharePhr: true, summary: summaryRow(phum, 'phum', phumVisit, ''), visits: phumVisit });
  return people;
}
