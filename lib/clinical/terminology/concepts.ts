/** Diagnoses, vaccines, imaging studies and the security labels that seal a record. */
import type { Coding } from './systems';

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
