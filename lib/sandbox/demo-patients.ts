/**
 * The named demo patients of the sandbox: who they are, which hospitals they share with, and the IDs the
 * tests rely on. Constants rather than generated, like the rest of the cast (demo-catalog.ts).
 */
import { provinceByCode } from '../geo/provinces';
import type { IndexPatient } from './model';

export type DemoStory = 'somsri' | 'boonchai' | 'pimchanok' | 'somchai' | 'buaphan' | 'stress' | 'phum' | 'ekkachai' | 'john' | 'wanida';

/** A named demo patient: the exchange's index entry for them (model.ts), plus their story and whom they share with. */
export interface DemoPatient extends Pick<
  IndexPatient,
  'cid' | 'passport' | 'prefixTh' | 'givenTh' | 'familyTh' | 'givenEn' | 'familyEn' | 'birthDate' | 'phone' | 'language'
> {
  story: DemoStory;
  gender: 'male' | 'female';
  /** Days since the exchange began holding this phone number (a recent change blocks consent codes). */
  phoneChangedDaysAgo?: number;
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
