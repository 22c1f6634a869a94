/**
 * The shared terminology table: code systems and the concepts this product reasons about (lab analytes,
 * drugs with their classes, allergy substances, diagnoses, vaccines, imaging studies). The sandbox
 * generator codes its data from this table and the clinical core recognises codes through it, so a
 * concept coded differently at two hospitals (TMLT vs LOINC, TMT vs ATC vs RxNorm, ICD-10-TM vs ICD-10)
 * resolves to one key. TMT and TMLT codes here are illustrative sandbox codes, not the official releases.
 * Recognition by code system lives in ./terminology/ (CVX groups, LOINC analytes, vital signs, ATC
 * classes), each table with its source and version; this file names what the product shows.
 */
import { type DrugClass, type HighRiskClass } from './terminology/atc-classes';
import { LOINC_ANALYTES } from './terminology/loinc-analytes';
import { VITAL_SIGNS } from './terminology/vital-signs';

export const SYSTEMS = {
  loinc: 'http://loinc.org',
  tmlt: 'https://terms.sil-th.org/cs/tmlt',
  tmt: 'https://terms.sil-th.org/cs/tmt',
  atc: 'http://www.whocc.no/atc',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  snomed: 'http://snomed.info/sct',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  icd10tm: 'https://terms.sil-th.org/cs/icd-10-tm',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  ucum: 'http://unitsofmeasure.org',
  dicomModality: 'http://dicom.nema.org/resources/ontology/DCM',
  hcode: 'https://terms.sil-th.org/id/th-moph-hcode',
  passport: 'https://terms.sil-th.org/id/passport',
  licence: 'https://terms.sil-th.org/id/th-medical-council-license',
} as const;

export interface Coding {
  system: string;
  code: string;
}

/** A unit a value may arrive in and the factor that converts it to the analyte's canonical unit. */
export interface UnitConversion {
  unit: string;
  /** canonical = value × factor */
  factor: number;
  /** g/mol of the substance when the factor turns an amount (mol) into a mass: UCUM needs it too. */
  molarMass?: number;
  /** Why a factor UCUM would not give is still right (a clinical convention), when it is one. */
  convention?: string;
}

export interface AnalyteDef {
  key: string;
  en: string;
  th: string;
  /** LOINC codes, from lib/clinical/terminology/loinc-analytes.ts and vital-signs.ts (never listed here). */
  loinc: string[];
  tmlt: string[];
  /** Canonical UCUM unit values are shown in; other commensurable units convert to it. */
  unit: string;
  conversions: UnitConversion[];
  category: 'laboratory' | 'vital-signs';
  /** Most decimals worth showing in the canonical unit; a value sent with fewer keeps its own. */
  decimals: number;
}

type AnalyteRow = Omit<AnalyteDef, 'loinc'>;

const MMOL_CHOLESTEROL: UnitConversion = { unit: 'mmol/L', factor: 38.67, molarMass: 386.65 };
const MEQ_MONOVALENT: UnitConversion[] = [
  { unit: 'meq/L', factor: 1, convention: 'monovalent ion: one equivalent is one mole' },
  { unit: 'mEq/L', factor: 1, convention: 'monovalent ion: one equivalent is one mole' },
];
const IU_AS_U: UnitConversion = {
  unit: '[IU]/L',
  factor: 1,
  convention: 'enzyme activity: laboratories report IU/L and U/L interchangeably',
};
const PER_NL: UnitConversion = { unit: '10*9/L', factor: 1 };

// Molar-mass based factors are explicit: UCUM alone cannot turn mg/dL into mmol/L without the substance.
const ANALYTE_ROWS: AnalyteRow[] = [
  {
    key: 'glucose',
    en: 'Glucose',
    th: 'น้ำตาลในเลือด',
    tmlt: ['320186'],
    unit: 'mg/dL',
    conversions: [{ unit: 'mmol/L', factor: 18.016, molarMass: 180.156 }],
    category: 'laboratory',
    decimals: 0,
  },
  { key: 'hba1c', en: 'HbA1c', th: 'ฮีโมโกลบินเอวันซี', tmlt: ['320261'], unit: '%', conversions: [], category: 'laboratory', decimals: 1 },
  {
    key: 'creatinine',
    en: 'Creatinine',
    th: 'ครีเอตินีน',
    tmlt: ['320205'],
    unit: 'mg/dL',
    conversions: [
      { unit: 'umol/L', factor: 1 / 88.42, molarMass: 113.12 },
      { unit: 'mg/L', factor: 0.1 },
    ],
    category: 'laboratory',
    decimals: 2,
  },
  {
    key: 'egfr',
    en: 'eGFR (CKD-EPI)',
    th: 'อัตราการกรองของไต (eGFR)',
    tmlt: ['320207'],
    unit: 'mL/min/{1.73_m2}',
    conversions: [{ unit: 'mL/min/1.73m2', factor: 1, convention: 'common spelling of the UCUM annotation {1.73_m2}' }],
    category: 'laboratory',
    decimals: 0,
  },
  {
    key: 'potassium',
    en: 'Potassium',
    th: 'โพแทสเซียม',
    tmlt: ['320223'],
    unit: 'mmol/L',
    conversions: MEQ_MONOVALENT,
    category: 'laboratory',
    decimals: 1,
  },
  {
    key: 'sodium',
    en: 'Sodium',
    th: 'โซเดียม',
    tmlt: ['320222'],
    unit: 'mmol/L',
    conversions: MEQ_MONOVALENT,
    category: 'laboratory',
    decimals: 0,
  },
  {
    key: 'chloride',
    en: 'Chloride',
    th: 'คลอไรด์',
    tmlt: [],
    unit: 'mmol/L',
    conversions: MEQ_MONOVALENT,
    category: 'laboratory',
    decimals: 0,
  },
  {
    key: 'bicarbonate',
    en: 'Bicarbonate (total CO₂)',
    th: 'ไบคาร์บอเนต',
    tmlt: [],
    unit: 'mmol/L',
    conversions: MEQ_MONOVALENT,
    category: 'laboratory',
    decimals: 0,
  },
  {
    key: 'bun',
    en: 'Blood urea nitrogen',
    th: 'ยูเรียไนโตรเจนในเลือด (BUN)',
    tmlt: [],
    unit: 'mg/dL',
    conversions: [{ unit: 'mmol/L', factor: 2.8014, molarMass: 28.0134 }],
    category: 'laboratory',
    decimals: 1,
  },
  {
    key: 'calcium',
    en: 'Calcium',
    th: 'แคลเซียม',
    tmlt: [],
    unit: 'mg/dL',
    conversions: [{ unit: 'mmol/L', factor: 4.008, molarMass: 40.078 }],
    category: 'laboratory',
    decimals: 1,
  },
  {
    key: 'haemoglobin',
    en: 'Haemoglobin',
    th: 'ฮีโมโกลบิน',
    tmlt: ['310104'],
    unit: 'g/dL',
    conversions: [{ unit: 'g/L', factor: 0.1 }],
    category: 'laboratory',
    decimals: 1,
  },
  {
    key: 'haematocrit',
    en: 'Haematocrit',
    th: 'ฮีมาโตคริต',
    tmlt: [],
    unit: '%',
    conversions: [{ unit: 'L/L', factor: 100 }],
    category: 'laboratory',
    decimals: 1,
  },
  {
    key: 'rbc',
    en: 'Red cells',
    th: 'เม็ดเลือดแดง',
    tmlt: [],
    unit: '10*6/uL',
    conversions: [{ unit: '10*12/L', factor: 1 }],
    category: 'laboratory',
    decimals: 2,
  },
  {
    key: 'inr',
    en: 'INR',
    th: 'ค่า INR',
    tmlt: ['310335'],
    unit: '{INR}',
    conversions: [
      { unit: '{ratio}', factor: 1 },
      { unit: '1', factor: 1 },
    ],
    category: 'laboratory',
    decimals: 2,
  },
  {
    key: 'troponin',
    en: 'Troponin I (high-sensitivity)',
    th: 'โทรโปนินไอ',
    tmlt: ['320459'],
    unit: 'ng/L',
    conversions: [
      { unit: 'pg/mL', factor: 1 },
      { unit: 'ng/mL', factor: 1000 },
    ],
    category: 'laboratory',
    decimals: 0,
  },
  {
    key: 'troponin-t',
    en: 'Troponin T',
    th: 'โทรโปนินที',
    tmlt: [],
    unit: 'ng/L',
    conversions: [
      { unit: 'pg/mL', factor: 1 },
      { unit: 'ng/mL', factor: 1000 },
    ],
    category: 'laboratory',
    decimals: 0,
  },
  {
    key: 'ldl',
    en: 'LDL cholesterol',
    th: 'แอลดีแอลคอเลสเตอรอล',
    tmlt: ['320193'],
    unit: 'mg/dL',
    conversions: [MMOL_CHOLESTEROL],
    category: 'laboratory',
    decimals: 0,
  },
  {
    key: 'cholesterol',
    en: 'Total cholesterol',
    th: 'คอเลสเตอรอลรวม',
    tmlt: [],
    unit: 'mg/dL',
    conversions: [MMOL_CHOLESTEROL],
    category: 'laboratory',
    decimals: 0,
  },
  {
    key: 'hdl',
    en: 'HDL cholesterol',
    th: 'เอชดีแอลคอเลสเตอรอล',
    tmlt: [],
    unit: 'mg/dL',
    conversions: [MMOL_CHOLESTEROL],
    category: 'laboratory',
    decimals: 0,
  },
  // Triglycerides as triolein, the convention behind the usual 88.57 factor.
  {
    key: 'triglycerides',
    en: 'Triglycerides',
    th: 'ไตรกลีเซอไรด์',
    tmlt: [],
    unit: 'mg/dL',
    conversions: [{ unit: 'mmol/L', factor: 88.57, molarMass: 885.7 }],
    category: 'laboratory',
    decimals: 0,
  },
  { key: 'alt', en: 'ALT', th: 'เอนไซม์ตับ ALT', tmlt: ['320174'], unit: 'U/L', conversions: [IU_AS_U], category: 'laboratory', decimals: 0 },
  { key: 'ast', en: 'AST', th: 'เอนไซม์ตับ AST', tmlt: [], unit: 'U/L', conversions: [IU_AS_U], category: 'laboratory', decimals: 0 },
  {
    key: 'alp',
    en: 'Alkaline phosphatase',
    th: 'เอนไซม์อัลคาไลน์ฟอสฟาเตส',
    tmlt: [],
    unit: 'U/L',
    conversions: [IU_AS_U],
    category: 'laboratory',
    decimals: 0,
  },
  {
    key: 'bilirubin',
    en: 'Total bilirubin',
    th: 'บิลิรูบินรวม',
    tmlt: [],
    unit: 'mg/dL',
    conversions: [{ unit: 'umol/L', factor: 1 / 17.1, molarMass: 584.66 }],
    category: 'laboratory',
    decimals: 2,
  },
  {
    key: 'albumin',
    en: 'Albumin',
    th: 'อัลบูมิน',
    tmlt: [],
    unit: 'g/dL',
    conversions: [{ unit: 'g/L', factor: 0.1 }],
    category: 'laboratory',
    decimals: 1,
  },
  { key: 'lactate', en: 'Lactate', th: 'แลคเตท', tmlt: [], unit: 'mmol/L', conversions: [], category: 'laboratory', decimals: 1 },
  {
    key: 'wbc',
    en: 'White cells',
    th: 'เม็ดเลือดขาว',
    tmlt: ['310101'],
    unit: '10*3/uL',
    conversions: [PER_NL],
    category: 'laboratory',
    decimals: 1,
  },
  {
    key: 'platelets',
    en: 'Platelets',
    th: 'เกล็ดเลือด',
    tmlt: ['310109'],
    unit: '10*3/uL',
    conversions: [PER_NL],
    category: 'laboratory',
    decimals: 0,
  },
  {
    key: 'systolic',
    en: 'Systolic BP',
    th: 'ความดันซิสโตลิก',
    tmlt: [],
    unit: 'mm[Hg]',
    conversions: [],
    category: 'vital-signs',
    decimals: 0,
  },
  {
    key: 'diastolic',
    en: 'Diastolic BP',
    th: 'ความดันไดแอสโตลิก',
    tmlt: [],
    unit: 'mm[Hg]',
    conversions: [],
    category: 'vital-signs',
    decimals: 0,
  },
  { key: 'heart-rate', en: 'Heart rate', th: 'ชีพจร', tmlt: [], unit: '/min', conversions: [], category: 'vital-signs', decimals: 0 },
  {
    key: 'resp-rate',
    en: 'Respiratory rate',
    th: 'อัตราการหายใจ',
    tmlt: [],
    unit: '/min',
    conversions: [],
    category: 'vital-signs',
    decimals: 0,
  },
  {
    key: 'temperature',
    en: 'Body temperature',
    th: 'อุณหภูมิร่างกาย',
    tmlt: [],
    unit: 'Cel',
    conversions: [],
    category: 'vital-signs',
    decimals: 1,
  },
  {
    key: 'weight',
    en: 'Body weight',
    th: 'น้ำหนัก',
    tmlt: [],
    unit: 'kg',
    conversions: [{ unit: 'g', factor: 0.001 }],
    category: 'vital-signs',
    decimals: 1,
  },
  {
    key: 'height',
    en: 'Body height',
    th: 'ส่วนสูง',
    tmlt: [],
    unit: 'cm',
    conversions: [{ unit: 'm', factor: 100 }],
    category: 'vital-signs',
    decimals: 1,
  },
  { key: 'bmi', en: 'Body mass index', th: 'ดัชนีมวลกาย', tmlt: [], unit: 'kg/m2', conversions: [], category: 'vital-signs', decimals: 1 },
  {
    key: 'head-circumference',
    en: 'Head circumference',
    th: 'เส้นรอบศีรษะ',
    tmlt: [],
    unit: 'cm',
    conversions: [],
    category: 'vital-signs',
    decimals: 1,
  },
  {
    key: 'spo2',
    en: 'Oxygen saturation',
    th: 'ความอิ่มตัวออกซิเจน',
    tmlt: [],
    unit: '%',
    conversions: [],
    category: 'vital-signs',
    decimals: 0,
  },
];

function loincCodesOf(key: string): string[] {
  const out: string[] = [];
  for (const r of LOINC_ANALYTES) if (r.analyte === key) out.push(r.code);
  for (const r of VITAL_SIGNS) if (r.analyte === key) out.push(r.code);
  return out;
}

/** Every analyte with its LOINC codes filled in from the LOINC tables. */
export const ANALYTES: AnalyteDef[] = ANALYTE_ROWS.map((a) => ({ ...a, loinc: loincCodesOf(a.key) }));

/** Blood group is a coded result, not a quantity. */
export const BLOOD_GROUP_LOINC = ['882-1', '883-9'];

export type { DrugClass, HighRiskClass };

export interface DrugDef {
  key: string;
  en: string;
  th: string;
  tmt: string[];
  atc: string[];
  rxnorm: string[];
  /** Typical dose text used by the generator. */
  dose: string;
  sensitive?: 'HIV' | 'PSY' | 'SUD';
}

export const DRUGS: DrugDef[] = [
  {
    key: 'amoxicillin',
    en: 'Amoxicillin 500 mg capsule',
    th: 'อะม็อกซีซิลลิน 500 มก.',
    tmt: ['211617'],
    atc: ['J01CA04'],
    rxnorm: ['723'],
    dose: '1 capsule three times daily',
  },
  {
    key: 'amoxiclav',
    en: 'Amoxicillin/clavulanate 1 g tablet',
    th: 'อะม็อกซีซิลลิน/คลาวูลาเนต 1 ก.',
    tmt: ['211690'],
    atc: ['J01CR02'],
    rxnorm: ['19711'],
    dose: '1 tablet twice daily',
  },
  {
    key: 'dicloxacillin',
    en: 'Dicloxacillin 250 mg capsule',
    th: 'ไดคลอกซาซิลลิน 250 มก.',
    tmt: ['212033'],
    atc: ['J01CF01'],
    rxnorm: ['3356'],
    dose: '1 capsule four times daily',
  },
  {
    key: 'ceftriaxone',
    en: 'Ceftriaxone 1 g injection',
    th: 'เซฟไตรอะโซน 1 ก.',
    tmt: ['213871'],
    atc: ['J01DD04'],
    rxnorm: ['2193'],
    dose: '1 g IV once daily',
  },
  {
    key: 'cotrimoxazole',
    en: 'Co-trimoxazole 480 mg tablet',
    th: 'โคไตรม็อกซาโซล 480 มก.',
    tmt: ['214552'],
    atc: ['J01EE01'],
    rxnorm: ['10831'],
    dose: '2 tablets twice daily',
  },
  {
    key: 'metformin',
    en: 'Metformin 500 mg tablet',
    th: 'เมทฟอร์มิน 500 มก.',
    tmt: ['225487'],
    atc: ['A10BA02'],
    rxnorm: ['6809'],
    dose: '1 tablet twice daily after meals',
  },
  {
    key: 'glipizide',
    en: 'Glipizide 5 mg tablet',
    th: 'ไกลพิไซด์ 5 มก.',
    tmt: ['225611'],
    atc: ['A10BB07'],
    rxnorm: ['4821'],
    dose: '1 tablet before breakfast',
  },
  {
    key: 'insulin-glargine',
    en: 'Insulin glargine 100 units/mL pen',
    th: 'อินซูลินกลาร์จีน 100 ยูนิต/มล.',
    tmt: ['226034'],
    atc: ['A10AE04'],
    rxnorm: ['274783'],
    dose: '16 units subcutaneously at bedtime',
  },
  {
    key: 'insulin-nph',
    en: 'Insulin NPH 100 units/mL',
    th: 'อินซูลิน NPH 100 ยูนิต/มล.',
    tmt: ['226005'],
    atc: ['A10AC01'],
    rxnorm: ['5856'],
    dose: '10 units subcutaneously twice daily',
  },
  {
    key: 'warfarin',
    en: 'Warfarin 3 mg tablet',
    th: 'วาร์ฟาริน 3 มก.',
    tmt: ['231870'],
    atc: ['B01AA03'],
    rxnorm: ['11289'],
    dose: '1 tablet once daily (per INR)',
  },
  {
    key: 'apixaban',
    en: 'Apixaban 5 mg tablet',
    th: 'อะพิซาแบน 5 มก.',
    tmt: ['231993'],
    atc: ['B01AF02'],
    rxnorm: ['1364430'],
    dose: '1 tablet twice daily',
  },
  {
    key: 'aspirin',
    en: 'Aspirin 81 mg tablet',
    th: 'แอสไพริน 81 มก.',
    tmt: ['232121'],
    atc: ['B01AC06'],
    rxnorm: ['1191'],
    dose: '1 tablet once daily',
  },
  {
    key: 'ibuprofen',
    en: 'Ibuprofen 400 mg tablet',
    th: 'ไอบูโพรเฟน 400 มก.',
    tmt: ['241260'],
    atc: ['M01AE01'],
    rxnorm: ['5640'],
    dose: '1 tablet three times daily as needed',
  },
  {
    key: 'paracetamol',
    en: 'Paracetamol 500 mg tablet',
    th: 'พาราเซตามอล 500 มก.',
    tmt: ['241411'],
    atc: ['N02BE01'],
    rxnorm: ['161'],
    dose: '1–2 tablets every 6 hours as needed',
  },
  {
    key: 'enalapril',
    en: 'Enalapril 5 mg tablet',
    th: 'อีนาลาพริล 5 มก.',
    tmt: ['233014'],
    atc: ['C09AA02'],
    rxnorm: ['3827'],
    dose: '1 tablet once daily',
  },
  {
    key: 'losartan',
    en: 'Losartan 50 mg tablet',
    th: 'โลซาร์แทน 50 มก.',
    tmt: ['233270'],
    atc: ['C09CA01'],
    rxnorm: ['52175'],
    dose: '1 tablet once daily',
  },
  {
    key: 'amlodipine',
    en: 'Amlodipine 5 mg tablet',
    th: 'แอมโลดิพีน 5 มก.',
    tmt: ['233405'],
    atc: ['C08CA01'],
    rxnorm: ['17767'],
    dose: '1 tablet once daily',
  },
  {
    key: 'atorvastatin',
    en: 'Atorvastatin 40 mg tablet',
    th: 'อะทอร์วาสแตติน 40 มก.',
    tmt: ['233736'],
    atc: ['C10AA05'],
    rxnorm: ['83367'],
    dose: '1 tablet at bedtime',
  },
  {
    key: 'simvastatin',
    en: 'Simvastatin 20 mg tablet',
    th: 'ซิมวาสแตติน 20 มก.',
    tmt: ['233702'],
    atc: ['C10AA01'],
    rxnorm: ['36567'],
    dose: '1 tablet at bedtime',
  },
  {
    key: 'omeprazole',
    en: 'Omeprazole 20 mg capsule',
    th: 'โอเมพราโซล 20 มก.',
    tmt: ['221083'],
    atc: ['A02BC01'],
    rxnorm: ['7646'],
    dose: '1 capsule before breakfast',
  },
  {
    key: 'phenytoin',
    en: 'Phenytoin 100 mg capsule',
    th: 'ฟีนิทอยน์ 100 มก.',
    tmt: ['243330'],
    atc: ['N03AB02'],
    rxnorm: ['8183'],
    dose: '3 capsules at bedtime',
  },
  {
    key: 'valproate',
    en: 'Sodium valproate 500 mg tablet',
    th: 'โซเดียมวาลโปรเอต 500 มก.',
    tmt: ['243412'],
    atc: ['N03AG01'],
    rxnorm: ['11118'],
    dose: '1 tablet twice daily',
  },
  {
    key: 'levetiracetam',
    en: 'Levetiracetam 500 mg tablet',
    th: 'เลเวไทราเซตาม 500 มก.',
    tmt: ['243590'],
    atc: ['N03AX14'],
    rxnorm: ['114477'],
    dose: '1 tablet twice daily',
  },
  {
    key: 'amiodarone',
    en: 'Amiodarone 200 mg tablet',
    th: 'อะมิโอดาโรน 200 มก.',
    tmt: ['232870'],
    atc: ['C01BD01'],
    rxnorm: ['703'],
    dose: '1 tablet once daily',
  },
  {
    key: 'digoxin',
    en: 'Digoxin 0.25 mg tablet',
    th: 'ดิจอกซิน 0.25 มก.',
    tmt: ['232712'],
    atc: ['C01AA05'],
    rxnorm: ['3407'],
    dose: '1/2 tablet once daily',
  },
  {
    key: 'tacrolimus',
    en: 'Tacrolimus 1 mg capsule',
    th: 'ทาโครลิมัส 1 มก.',
    tmt: ['251033'],
    atc: ['L04AD02'],
    rxnorm: ['42316'],
    dose: '2 capsules twice daily',
  },
  {
    key: 'mycophenolate',
    en: 'Mycophenolate mofetil 500 mg tablet',
    th: 'ไมโคฟีโนเลต 500 มก.',
    tmt: ['251120'],
    atc: ['L04AA06'],
    rxnorm: ['68149'],
    dose: '2 tablets twice daily',
  },
  {
    key: 'morphine',
    en: 'Morphine sulfate 10 mg tablet (SR)',
    th: 'มอร์ฟีน 10 มก.',
    tmt: ['242201'],
    atc: ['N02AA01'],
    rxnorm: ['7052'],
    dose: '1 tablet every 12 hours',
  },
  {
    key: 'tramadol',
    en: 'Tramadol 50 mg capsule',
    th: 'ทรามาดอล 50 มก.',
    tmt: ['242315'],
    atc: ['N02AX02'],
    rxnorm: ['10689'],
    dose: '1 capsule every 8 hours as needed',
  },
  {
    key: 'salbutamol',
    en: 'Salbutamol 100 mcg inhaler',
    th: 'ซัลบูทามอล 100 มคก. ชนิดพ่น',
    tmt: ['262010'],
    atc: ['R03AC02'],
    rxnorm: ['435'],
    dose: '2 puffs as needed',
  },
  {
    key: 'tenofovir-efavirenz',
    en: 'Tenofovir/emtricitabine/efavirenz tablet',
    th: 'ทีโนโฟเวียร์/เอ็มทริไซตาบีน/เอฟาไวเรนซ์',
    tmt: ['255301'],
    atc: ['J05AR06'],
    rxnorm: ['643066'],
    dose: '1 tablet at bedtime',
    sensitive: 'HIV',
  },
  {
    key: 'sertraline',
    en: 'Sertraline 50 mg tablet',
    th: 'เซอร์ทราลีน 50 มก.',
    tmt: ['244512'],
    atc: ['N06AB06'],
    rxnorm: ['36437'],
    dose: '1 tablet once daily',
    sensitive: 'PSY',
  },
  {
    key: 'methadone',
    en: 'Methadone 5 mg/mL oral solution',
    th: 'เมทาโดน 5 มก./มล.',
    tmt: ['242260'],
    atc: ['N07BC02'],
    rxnorm: ['6813'],
    dose: '60 mg once daily (observed)',
    sensitive: 'SUD',
  },
];

export interface AllergySubstanceDef {
  key: string;
  en: string;
  th: string;
  /** Codes hospitals use for the substance or the "allergy to X" finding. */
  codes: Coding[];
  /** The drug class this allergy implies for cross-checks; undefined for non-drug allergies. */
  drugClass?: DrugClass;
  /** Specific drug keys the allergy implies (an allergy recorded against one drug). */
  drugs?: string[];
}

export const ALLERGY_SUBSTANCES: AllergySubstanceDef[] = [
  {
    key: 'penicillin',
    en: 'Penicillins',
    th: 'ยากลุ่มเพนิซิลลิน',
    drugClass: 'penicillin',
    codes: [
      { system: SYSTEMS.snomed, code: '764146007' },
      { system: SYSTEMS.snomed, code: '91936005' },
      { system: SYSTEMS.atc, code: 'J01C' },
      { system: SYSTEMS.tmt, code: '100101' },
    ],
  },
  {
    key: 'amoxicillin',
    en: 'Amoxicillin',
    th: 'อะม็อกซีซิลลิน',
    drugClass: 'penicillin',
    drugs: ['amoxicillin'],
    codes: [
      { system: SYSTEMS.snomed, code: '372687004' },
      { system: SYSTEMS.rxnorm, code: '723' },
      { system: SYSTEMS.atc, code: 'J01CA04' },
    ],
  },
  {
    key: 'cephalosporin',
    en: 'Cephalosporins',
    th: 'ยากลุ่มเซฟาโลสปอริน',
    drugClass: 'cephalosporin',
    codes: [
      { system: SYSTEMS.snomed, code: '373262009' },
      { system: SYSTEMS.atc, code: 'J01DD' },
    ],
  },
  {
    key: 'sulfonamide',
    en: 'Sulfonamides',
    th: 'ยากลุ่มซัลโฟนาไมด์',
    drugClass: 'sulfonamide',
    codes: [
      { system: SYSTEMS.snomed, code: '387406002' },
      { system: SYSTEMS.snomed, code: '91939003' },
      { system: SYSTEMS.tmt, code: '100205' },
    ],
  },
  {
    key: 'nsaid',
    en: 'NSAIDs',
    th: 'ยากลุ่มเอ็นเสด',
    drugClass: 'nsaid',
    codes: [
      { system: SYSTEMS.snomed, code: '16403005' },
      { system: SYSTEMS.atc, code: 'M01A' },
    ],
  },
  {
    key: 'aspirin',
    en: 'Aspirin',
    th: 'แอสไพริน',
    drugClass: 'nsaid',
    drugs: ['aspirin'],
    codes: [
      { system: SYSTEMS.snomed, code: '387458008' },
      { system: SYSTEMS.rxnorm, code: '1191' },
    ],
  },
  {
    key: 'shellfish',
    en: 'Shellfish',
    th: 'อาหารทะเลประเภทกุ้ง หอย',
    codes: [
      { system: SYSTEMS.snomed, code: '227037002' },
      { system: SYSTEMS.snomed, code: '300913006' },
    ],
  },
  { key: 'latex', en: 'Latex', th: 'ยางธรรมชาติ (ลาเท็กซ์)', codes: [{ system: SYSTEMS.snomed, code: '111088007' }] },
  {
    key: 'iodinated-contrast',
    en: 'Iodinated contrast media',
    th: 'สารทึบรังสีชนิดไอโอดีน',
    codes: [{ system: SYSTEMS.snomed, code: '293637006' }],
  },
];

/**
 * The "no known allergy" codes the sandbox writes; never the same thing as "no allergies returned". The
 * core recognises these and the rest of the none-known statements from ./terminology/none-known.ts.
 */
export const NO_KNOWN_ALLERGY_CODES: Coding[] = [
  { system: SYSTEMS.snomed, code: '716186003' }, // No known allergy
  { system: SYSTEMS.snomed, code: '409137002' }, // No known drug allergy
  { system: SYSTEMS.snomed, code: '428607008' }, // No known environmental allergy
];

export interface ConditionDef {
  key: string;
  en: string;
  th: string;
  icd10: string;
  /** ICD-10-TM writes codes without the dot. */
  icd10tm: string;
  snomed?: string;
  chronic: boolean;
  sensitive?: 'HIV' | 'PSY' | 'SUD';
}

export const CONDITIONS: ConditionDef[] = [
  {
    key: 'diabetes-t2',
    en: 'Type 2 diabetes mellitus',
    th: 'เบาหวานชนิดที่ 2',
    icd10: 'E11.9',
    icd10tm: 'E119',
    snomed: '44054006',
    chronic: true,
  },
  {
    key: 'ckd-3',
    en: 'Chronic kidney disease, stage 3',
    th: 'โรคไตเรื้อรังระยะที่ 3',
    icd10: 'N18.3',
    icd10tm: 'N183',
    snomed: '433144002',
    chronic: true,
  },
  {
    key: 'hypertension',
    en: 'Essential hypertension',
    th: 'ความดันโลหิตสูง',
    icd10: 'I10',
    icd10tm: 'I10',
    snomed: '59621000',
    chronic: true,
  },
  { key: 'dyslipidaemia', en: 'Hyperlipidaemia', th: 'ไขมันในเลือดสูง', icd10: 'E78.5', icd10tm: 'E785', snomed: '55822004', chronic: true },
  {
    key: 'atrial-fibrillation',
    en: 'Atrial fibrillation',
    th: 'หัวใจห้องบนสั่นพลิ้ว',
    icd10: 'I48.9',
    icd10tm: 'I489',
    snomed: '49436004',
    chronic: true,
  },
  {
    key: 'ischaemic-stroke',
    en: 'Cerebral infarction',
    th: 'โรคหลอดเลือดสมองตีบ',
    icd10: 'I63.9',
    icd10tm: 'I639',
    snomed: '422504002',
    chronic: false,
  },
  { key: 'epilepsy', en: 'Epilepsy', th: 'โรคลมชัก', icd10: 'G40.9', icd10tm: 'G409', snomed: '84757009', chronic: true },
  { key: 'asthma', en: 'Asthma', th: 'โรคหืด', icd10: 'J45.9', icd10tm: 'J459', snomed: '195967001', chronic: true },
  {
    key: 'copd',
    en: 'Chronic obstructive pulmonary disease',
    th: 'โรคปอดอุดกั้นเรื้อรัง',
    icd10: 'J44.9',
    icd10tm: 'J449',
    snomed: '13645005',
    chronic: true,
  },
  { key: 'gastritis', en: 'Gastritis', th: 'กระเพาะอาหารอักเสบ', icd10: 'K29.7', icd10tm: 'K297', snomed: '4556007', chronic: false },
  { key: 'pneumonia', en: 'Pneumonia', th: 'ปอดอักเสบ', icd10: 'J18.9', icd10tm: 'J189', snomed: '233604007', chronic: false },
  {
    key: 'uti',
    en: 'Urinary tract infection',
    th: 'กระเพาะปัสสาวะอักเสบ',
    icd10: 'N39.0',
    icd10tm: 'N390',
    snomed: '68566005',
    chronic: false,
  },
  { key: 'dengue', en: 'Dengue fever', th: 'ไข้เลือดออก', icd10: 'A97.0', icd10tm: 'A970', snomed: '38362002', chronic: false },
  {
    key: 'kidney-transplant',
    en: 'Kidney transplant status',
    th: 'ภาวะหลังปลูกถ่ายไต',
    icd10: 'Z94.0',
    icd10tm: 'Z940',
    snomed: '161665007',
    chronic: true,
  },
  { key: 'pregnancy', en: 'Pregnancy, supervision', th: 'การฝากครรภ์', icd10: 'Z34.9', icd10tm: 'Z349', snomed: '77386006', chronic: false },
  {
    key: 'hiv',
    en: 'HIV disease',
    th: 'การติดเชื้อเอชไอวี',
    icd10: 'B24',
    icd10tm: 'B24',
    snomed: '86406008',
    chronic: true,
    sensitive: 'HIV',
  },
  {
    key: 'depression',
    en: 'Depressive episode',
    th: 'โรคซึมเศร้า',
    icd10: 'F32.9',
    icd10tm: 'F329',
    snomed: '35489007',
    chronic: true,
    sensitive: 'PSY',
  },
  {
    key: 'alcohol-dependence',
    en: 'Alcohol dependence',
    th: 'ภาวะติดสุรา',
    icd10: 'F10.2',
    icd10tm: 'F102',
    snomed: '66590003',
    chronic: true,
    sensitive: 'SUD',
  },
];

export interface VaccineDef {
  key: string;
  en: string;
  th: string;
  /** Group membership (tetanus and the rest) comes from the CVX table in ./terminology/cvx-groups.ts. */
  cvx: string;
}

export const VACCINES: VaccineDef[] = [
  { key: 'td', en: 'Tetanus and diphtheria (Td)', th: 'วัคซีนป้องกันบาดทะยักและคอตีบ (Td)', cvx: '09' },
  { key: 'tdap', en: 'Tdap', th: 'วัคซีน Tdap', cvx: '115' },
  { key: 'dtap-hepb-hib', en: 'DTaP-HepB-Hib', th: 'วัคซีนรวม DTP-HB-Hib', cvx: '146' },
  { key: 'influenza', en: 'Influenza, seasonal', th: 'วัคซีนไข้หวัดใหญ่ตามฤดูกาล', cvx: '141' },
  { key: 'covid-mrna', en: 'COVID-19 mRNA', th: 'วัคซีนโควิด-19 ชนิด mRNA', cvx: '208' },
  { key: 'hepb', en: 'Hepatitis B', th: 'วัคซีนตับอักเสบบี', cvx: '08' },
  { key: 'bcg', en: 'BCG', th: 'วัคซีนบีซีจี', cvx: '19' },
  { key: 'mmr', en: 'Measles, mumps and rubella', th: 'วัคซีนหัด คางทูม หัดเยอรมัน', cvx: '03' },
  { key: 'je', en: 'Japanese encephalitis (live)', th: 'วัคซีนไข้สมองอักเสบเจอี', cvx: '134' },
  { key: 'pneumococcal', en: 'Pneumococcal conjugate (PCV13)', th: 'วัคซีนนิวโมคอคคัส', cvx: '133' },
];

export interface ImagingStudyDef {
  key: string;
  en: string;
  th: string;
  loinc: string;
  modality: 'CR' | 'CT' | 'US' | 'MR';
  bodySite: { en: string; th: string };
}

export const IMAGING_STUDIES: ImagingStudyDef[] = [
  { key: 'cxr', en: 'Chest X-ray', th: 'เอกซเรย์ทรวงอก', loinc: '36643-5', modality: 'CR', bodySite: { en: 'Chest', th: 'ทรวงอก' } },
  {
    key: 'ct-brain',
    en: 'CT brain without contrast',
    th: 'เอกซเรย์คอมพิวเตอร์สมอง',
    loinc: '30799-1',
    modality: 'CT',
    bodySite: { en: 'Brain', th: 'สมอง' },
  },
  {
    key: 'us-abdomen',
    en: 'Ultrasound of abdomen',
    th: 'อัลตราซาวด์ช่องท้อง',
    loinc: '24558-9',
    modality: 'US',
    bodySite: { en: 'Abdomen', th: 'ช่องท้อง' },
  },
  {
    key: 'us-obstetric',
    en: 'Obstetric ultrasound',
    th: 'อัลตราซาวด์ครรภ์',
    loinc: '11525-3',
    modality: 'US',
    bodySite: { en: 'Pelvis', th: 'อุ้งเชิงกราน' },
  },
  {
    key: 'mri-lspine',
    en: 'MRI lumbar spine',
    th: 'เอ็มอาร์ไอกระดูกสันหลังส่วนเอว',
    loinc: '24967-2',
    modality: 'MR',
    bodySite: { en: 'Lumbar spine', th: 'กระดูกสันหลังส่วนเอว' },
  },
];

/** Security labels that seal a record until the physician gives a reason to open it. */
export const SENSITIVE_SECURITY_CODES: Coding[] = [
  { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'HIV' },
  { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY' },
  { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'SUD' },
  { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'ETH' },
  { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' },
  { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'V' },
];
