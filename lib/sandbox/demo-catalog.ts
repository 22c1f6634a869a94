/**
 * The fixed cast of the sandbox: hospitals, Medical Council doctors and the named demo patients. Tests,
 * docs and the demo script refer to these by value, so they are constants rather than generated.
 */
import { provinceByCode } from '../geo/provinces';
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

export type DemoStory = 'somsri' | 'boonchai' | 'pimchanok' | 'somchai' | 'buaphan' | 'stress' | 'phum' | 'ekkachai' | 'john' | 'wanida';

export interface DemoPatient {
  story: DemoStory;
  cid: string;
  passport?: string;
  prefixTh: string;
  givenTh: string;
  familyTh: string;
  givenEn: string;
  familyEn: string;
  gender: 'male' | 'female';
  birthDate: string;
  phone?: string;
  /** Days since the exchange began holding this phone number (a recent change blocks consent codes). */
  phoneChangedDaysAgo?: number;
  language: 'th' | 'en';
  /** DOPA province code of the registered address when it is not the one the citizen ID was issued in. */
  province?: string;
  sharesWith: readonly string[];
}

export const DEMO_PATIENTS: readonly DemoPatient[] = [
  {
    story: 'somsri',
    cid: '3100400123456',
    prefixTh: 'นาง',
    givenTh: 'สมศรี',
    familyTh: 'มีสุข',
    givenEn: 'Somsri',
    familyEn: 'Meesuk',
    gender: 'female',
    birthDate: '1964-03-12',
    phone: '0812345678',
    language: 'th',
    sharesWith: ['11535', '10661', '13781', '24001', '41001'],
  },
  {
    story: 'boonchai',
    cid: '3100400234568',
    prefixTh: 'นาย',
    givenTh: 'บุญชัย',
    familyTh: 'แก้วมณี',
    givenEn: 'Boonchai',
    familyEn: 'Kaewmanee',
    gender: 'male',
    birthDate: '1955-07-21',
    phone: '0823456789',
    language: 'th',
    province: '12',
    sharesWith: ['11536', '10702', '13781'],
  },
  {
    story: 'pimchanok',
    cid: '3100400345670',
    prefixTh: 'นางสาว',
    givenTh: 'พิมพ์ชนก',
    familyTh: 'ทองดี',
    givenEn: 'Pimchanok',
    familyEn: 'Thongdee',
    gender: 'female',
    birthDate: '1997-02-08',
    phone: '0834567890',
    language: 'th',
    province: '50',
    sharesWith: ['11537', '10662'],
  },
  {
    story: 'somchai',
    cid: '3100400456781',
    prefixTh: 'นาย',
    givenTh: 'สมชาย',
    familyTh: 'ไม่แชร์',
    givenEn: 'Somchai',
    familyEn: 'Maichae',
    gender: 'male',
    birthDate: '1981-05-30',
    phone: '0845678901',
    language: 'th',
    sharesWith: [],
  },
  {
    story: 'buaphan',
    cid: '3100400567893',
    prefixTh: 'นาง',
    givenTh: 'บัวผัน',
    familyTh: 'ไร้โทร',
    givenEn: 'Buaphan',
    familyEn: 'Raitho',
    gender: 'female',
    birthDate: '1946-01-15',
    language: 'th',
    sharesWith: ['11535', '11538'],
  },
  {
    story: 'stress',
    cid: '3100400678903',
    prefixTh: 'นาย',
    givenTh: 'ทดสอบ',
    familyTh: 'ข้อมูลมาก',
    givenEn: 'Thotsop',
    familyEn: 'Khomunmak',
    gender: 'male',
    birthDate: '1971-09-09',
    phone: '0867890123',
    language: 'th',
    sharesWith: ['11535', '11536', '11537', '11538', '11539', '10661', '10662', '10702', '13781', '24001', '31001', '41001'],
  },
  {
    story: 'phum',
    cid: '3100400789012',
    prefixTh: 'เด็กชาย',
    givenTh: 'ภูมิ',
    familyTh: 'ใจงาม',
    givenEn: 'Phum',
    familyEn: 'Jaingam',
    gender: 'male',
    birthDate: '2022-06-18',
    phone: '0878901234',
    language: 'th',
    sharesWith: ['11539', '24001', '31001'],
  },
  {
    story: 'ekkachai',
    cid: '3100400890121',
    prefixTh: 'นาย',
    givenTh: 'เอกชัย',
    familyTh: 'ฉุกเฉิน',
    givenEn: 'Ekkachai',
    familyEn: 'Chukchoen',
    gender: 'male',
    birthDate: '1968-04-02',
    phone: '0889012345',
    language: 'th',
    sharesWith: ['11535', '10661', '10702', '13781'],
  },
  {
    story: 'john',
    cid: '0099912345673',
    passport: 'AA1234567',
    prefixTh: '',
    givenTh: 'จอห์น',
    familyTh: 'สมิธ',
    givenEn: 'John',
    familyEn: 'Smith',
    gender: 'male',
    birthDate: '1979-10-04',
    phone: '0899999999',
    language: 'en',
    sharesWith: ['24001', '31001'],
  },
  {
    story: 'wanida',
    cid: '3100400901238',
    prefixTh: 'นาง',
    givenTh: 'วนิดา',
    familyTh: 'เปลี่ยนเบอร์',
    givenEn: 'Wanida',
    familyEn: 'Plianboe',
    gender: 'female',
    birthDate: '1972-05-30',
    phone: '0801239876',
    phoneChangedDaysAgo: 2,
    language: 'th',
    sharesWith: ['11535'],
  },
];

/** A valid citizen ID that is guaranteed not to be in the exchange ("patient not found" tests). */
export const CID_NOT_IN_EXCHANGE = '3100400012344';

export const ANCHOR_DATE = '2026-11-15';
export const DEFAULT_SEED = 20261115;

export function findDemoPatient(story: DemoStory): DemoPatient {
  const p = DEMO_PATIENTS.find((d) => d.story === story);
  if (!p) throw new Error(`unknown demo patient ${story}`);
  return p;
}

/**
 * The province of a sandbox person's registered address: the one given, else the province the citizen ID
 * was issued in (its 2nd–3rd digits, as DOPA numbers them), else none (a foreigner's 0-prefixed number).
 */
export function sandboxProvince(cid: string, given?: string): string | undefined {
  if (given !== undefined) return given;
  return provinceByCode(cid.slice(1, 3))?.code;
}
