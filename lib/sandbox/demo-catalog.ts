/**
 * The fixed cast of the sandbox: hospitals and Medical Council doctors (the named demo patients are in
 * demo-patients.ts, re-exported here). Tests, docs and the demo script refer to these by value, so they are
 * constants rather than generated.
 */
import { CID_SYSTEM, CID_SYSTEM_DOPA } from '../identity/citizen-id';

export type HospitalKind = 'hospital' | 'clinic' | 'pharmacy';
export type Affiliation = 'BMA' | 'MOPH' | 'private' | 'university';
export type CidSystem = typeof CID_SYSTEM | typeof CID_SYSTEM_DOPA;

export interface SandboxHospital {
  hcode: string;
  nameTh: string;
  nameEn: string;
  affiliation: Affiliation;
  kind: HospitalKind;
  cidSystem: CidSystem;
  /** DOPA code of the province the facility stands in (the real one for real hospitals). */
  province: string;
}

export const HOSPITALS: readonly SandboxHospital[] = [
  {
    hcode: '11535',
    nameTh: 'โรงพยาบาลกลาง',
    nameEn: 'Klang Hospital',
    affiliation: 'BMA',
    kind: 'hospital',
    cidSystem: CID_SYSTEM,
    province: '10',
  },
  {
    hcode: '11536',
    nameTh: 'โรงพยาบาลตากสิน',
    nameEn: 'Taksin Hospital',
    affiliation: 'BMA',
    kind: 'hospital',
    cidSystem: CID_SYSTEM_DOPA,
    province: '10',
  },
  {
    hcode: '11537',
    nameTh: 'โรงพยาบาลเจริญกรุงประชารักษ์',
    nameEn: 'Charoenkrung Pracharak Hospital',
    affiliation: 'BMA',
    kind: 'hospital',
    cidSystem: CID_SYSTEM,
    province: '10',
  },
  {
    hcode: '11538',
    nameTh: 'โรงพยาบาลราชพิพัฒน์',
    nameEn: 'Ratchaphiphat Hospital',
    affiliation: 'BMA',
    kind: 'hospital',
    cidSystem: CID_SYSTEM_DOPA,
    province: '10',
  },
  {
    hcode: '11539',
    nameTh: 'โรงพยาบาลสิรินธร',
    nameEn: 'Sirindhorn Hospital',
    affiliation: 'BMA',
    kind: 'hospital',
    cidSystem: CID_SYSTEM,
    province: '10',
  },
  {
    hcode: '10661',
    nameTh: 'โรงพยาบาลราชวิถี',
    nameEn: 'Rajavithi Hospital',
    affiliation: 'MOPH',
    kind: 'hospital',
    cidSystem: CID_SYSTEM,
    province: '10',
  },
  {
    hcode: '10662',
    nameTh: 'โรงพยาบาลนพรัตนราชธานี',
    nameEn: 'Nopparat Rajathanee Hospital',
    affiliation: 'MOPH',
    kind: 'hospital',
    cidSystem: CID_SYSTEM_DOPA,
    province: '10',
  },
  {
    hcode: '10702',
    nameTh: 'โรงพยาบาลพระนั่งเกล้า',
    nameEn: 'Phra Nang Klao Hospital',
    affiliation: 'MOPH',
    kind: 'hospital',
    cidSystem: CID_SYSTEM,
    province: '12',
  },
  {
    hcode: '13781',
    nameTh: 'โรงพยาบาลศิริราช',
    nameEn: 'Siriraj Hospital',
    affiliation: 'university',
    kind: 'hospital',
    cidSystem: CID_SYSTEM,
    province: '10',
  },
  {
    hcode: '24001',
    nameTh: 'โรงพยาบาลสุขใจอินเตอร์',
    nameEn: 'Sukjai International Hospital',
    affiliation: 'private',
    kind: 'hospital',
    cidSystem: CID_SYSTEM_DOPA,
    province: '10',
  },
  {
    hcode: '31001',
    nameTh: 'คลินิกเวชกรรมรักษ์สุขภาพ',
    nameEn: 'Raksukkhaphap Medical Clinic',
    affiliation: 'private',
    kind: 'clinic',
    cidSystem: CID_SYSTEM,
    province: '10',
  },
  {
    hcode: '41001',
    nameTh: 'ร้านยาบ้านหมอ',
    nameEn: 'Baan Mor Pharmacy',
    affiliation: 'private',
    kind: 'pharmacy',
    cidSystem: CID_SYSTEM_DOPA,
    province: '10',
  },
];

export function findHospital(hcode: string): SandboxHospital | undefined {
  return HOSPITALS.find((h) => h.hcode === hcode);
}

export type LicenceStatus = 'active' | 'suspended' | 'revoked';

export interface DemoDoctor {
  licenseNumber: string;
  pin: string;
  nameTh: string;
  nameEn: string;
  status: LicenceStatus;
  statusReason?: string;
  specialty: { th: string; en: string };
}

export const DEMO_DOCTORS: readonly DemoDoctor[] = [
  {
    licenseNumber: '12345',
    pin: '246810',
    nameTh: 'พญ.สมหญิง ใจดี',
    nameEn: 'Dr Somying Jaidee',
    status: 'active',
    specialty: { th: 'อายุรศาสตร์', en: 'Internal medicine' },
  },
  {
    licenseNumber: '23456',
    pin: '135790',
    nameTh: 'นพ.ประเสริฐ วงศ์สวัสดิ์',
    nameEn: 'Dr Prasert Wongsawat',
    status: 'active',
    specialty: { th: 'เวชศาสตร์ฉุกเฉิน', en: 'Emergency medicine' },
  },
  {
    licenseNumber: '34567',
    pin: '112233',
    nameTh: 'พญ.กมลวรรณ ศรีสุข',
    nameEn: 'Dr Kamonwan Srisuk',
    status: 'active',
    specialty: { th: 'เวชศาสตร์ครอบครัว', en: 'Family medicine' },
  },
  {
    licenseNumber: '45678',
    pin: '445566',
    nameTh: 'นพ.อนันต์ บุญมา',
    nameEn: 'Dr Anan Boonma',
    status: 'suspended',
    statusReason: 'พักใช้ใบอนุญาตระหว่างการสอบสวน / Licence suspended pending investigation',
    specialty: { th: 'ศัลยศาสตร์', en: 'Surgery' },
  },
  {
    licenseNumber: '56789',
    pin: '778899',
    nameTh: 'นพ.วิชัย รุ่งเรือง',
    nameEn: 'Dr Wichai Rungrueang',
    status: 'revoked',
    statusReason: 'เพิกถอนใบอนุญาต / Licence revoked by the Medical Council',
    specialty: { th: 'ออร์โธปิดิกส์', en: 'Orthopaedics' },
  },
  {
    licenseNumber: '67890',
    pin: '202020',
    nameTh: 'พญ.นภัสสร แสงทอง',
    nameEn: 'Dr Napatsorn Saengthong',
    status: 'active',
    specialty: { th: 'เวชศาสตร์ฉุกเฉิน', en: 'Emergency medicine' },
  },
  {
    licenseNumber: '13579',
    pin: '303030',
    nameTh: 'นพ.ธนากร พิทักษ์ไทย',
    nameEn: 'Dr Thanakorn Pitakthai',
    status: 'active',
    specialty: { th: 'อายุรศาสตร์โรคหัวใจ', en: 'Cardiology' },
  },
  {
    licenseNumber: '24680',
    pin: '404040',
    nameTh: 'พญ.ศิริพร อินทรวงศ์',
    nameEn: 'Dr Siriporn Intarawong',
    status: 'active',
    specialty: { th: 'กุมารเวชศาสตร์', en: 'Paediatrics' },
  },
  {
    licenseNumber: '98765',
    pin: '505050',
    nameTh: 'นพ.กิตติพงษ์ มั่นคง',
    nameEn: 'Dr Kittipong Mankong',
    status: 'active',
    specialty: { th: 'เวชปฏิบัติทั่วไป', en: 'General practice' },
  },
  {
    licenseNumber: '19283',
    pin: '606060',
    nameTh: 'พญ.ปวีณา ชัยมงคล',
    nameEn: 'Dr Paweena Chaimongkol',
    status: 'active',
    specialty: { th: 'แพทย์ประจำบ้านอายุรศาสตร์', en: 'Internal medicine resident' },
  },
];

export const ANCHOR_DATE = '2026-11-15';
export const DEFAULT_SEED = 20261115;

export * from './demo-patients';
