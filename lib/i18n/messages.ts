import type { Lang } from './format';

// Thai is the source language; English must provide every key (checked by the type).
const th = {
  'app.name': 'ดูข้อมูลสุขภาพข้ามโรงพยาบาล',
  'app.tagline': 'Health Link — ประวัติผู้ป่วยจากทุกโรงพยาบาลที่ผู้ป่วยอนุญาต',
  'app.skip': 'ข้ามไปยังเนื้อหาหลัก',
  'nav.patients': 'ค้นหาผู้ป่วย',
  'nav.emergency': 'ฉุกเฉิน',
  'nav.admin': 'ผู้ดูแลระบบ',
  'nav.signOut': 'ออกจากระบบ',
  'nav.switchHospital': 'เปลี่ยนโรงพยาบาล',
  'prefs.language': 'ภาษา',
  'prefs.calendar': 'ปฏิทิน',
  'prefs.buddhist': 'พ.ศ.',
  'prefs.gregory': 'ค.ศ.',
  'login.title': 'เข้าสู่ระบบสำหรับแพทย์',
  'login.licence': 'เลขที่ใบอนุญาตประกอบวิชาชีพเวชกรรม (เลข ว.)',
  'login.licenceHint': 'เช่น ว.12345',
  'login.pin': 'รหัส PIN จากแพทยสภา',
  'login.submit': 'เข้าสู่ระบบ',
  'login.adminLink': 'เข้าสู่ระบบผู้ดูแลโรงพยาบาล',
  'login.error.licenceFormat': 'เลข ว. ต้องเป็นตัวเลข 4–6 หลัก เช่น ว.12345',
  'login.error.pinFormat': 'PIN ต้องเป็นตัวเลข 6 หลัก',
  'login.error.invalid': 'เลข ว. หรือ PIN ไม่ถูกต้อง',
  'login.error.locked': 'พยายามเข้าสู่ระบบไม่สำเร็จหลายครั้ง กรุณาลองใหม่หลังเวลา {time}',
  'login.error.unavailable': 'ไม่สามารถติดต่อระบบทะเบียนแพทยสภาได้ในขณะนี้ กรุณาลองใหม่',
  'login.error.suspended': 'ใบอนุญาตถูกพักใช้: {reason}',
  'login.error.revoked': 'ใบอนุญาตถูกเพิกถอน: {reason}',
  'login.error.noGrant': 'ยังไม่ได้รับสิทธิ์ใช้งานจากโรงพยาบาลใด',
  'login.expired': 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง',
  'health.ok': 'ระบบพร้อมใช้งาน',
  'common.retry': 'ลองใหม่',
  'common.back': 'ย้อนกลับ',
  'common.cancel': 'ยกเลิก',
  'common.confirm': 'ยืนยัน',
  'common.save': 'บันทึก',
  'common.loading': 'กำลังโหลด…',
  'common.hospital': 'โรงพยาบาล',
  'common.date': 'วันที่',
  'common.none': 'ไม่มี',
  'common.print': 'พิมพ์',
  'error.title': 'เกิดข้อผิดพลาด',
  'error.notFound': 'ไม่พบหน้าที่ต้องการ',
} as const;

export type MessageKey = keyof typeof th;
type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.name': 'Health Link Viewer',
  'app.tagline': 'Health Link — a patient’s history from every hospital they share with',
  'app.skip': 'Skip to main content',
  'nav.patients': 'Find patient',
  'nav.emergency': 'Emergency',
  'nav.admin': 'Admin',
  'nav.signOut': 'Sign out',
  'nav.switchHospital': 'Switch hospital',
  'prefs.language': 'Language',
  'prefs.calendar': 'Calendar',
  'prefs.buddhist': 'BE',
  'prefs.gregory': 'CE',
  'login.title': 'Physician sign-in',
  'login.licence': 'Medical licence number (ว.)',
  'login.licenceHint': 'e.g. ว.12345',
  'login.pin': 'Medical Council PIN',
  'login.submit': 'Sign in',
  'login.adminLink': 'Hospital admin sign-in',
  'login.error.licenceFormat': 'The licence number must be 4–6 digits, e.g. ว.12345',
  'login.error.pinFormat': 'The PIN must be 6 digits',
  'login.error.invalid': 'Licence number or PIN is not correct',
  'login.error.locked': 'Too many failed attempts. Try again after {time}',
  'login.error.unavailable': 'The Medical Council registry cannot be reached right now. Please try again',
  'login.error.suspended': 'This licence is suspended: {reason}',
  'login.error.revoked': 'This licence is revoked: {reason}',
  'login.error.noGrant': 'No hospital has given you access yet',
  'login.expired': 'Your session has ended. Please sign in again',
  'health.ok': 'System is ready',
  'common.retry': 'Try again',
  'common.back': 'Back',
  'common.cancel': 'Cancel',
  'common.confirm': 'Confirm',
  'common.save': 'Save',
  'common.loading': 'Loading…',
  'common.hospital': 'Hospital',
  'common.date': 'Date',
  'common.none': 'None',
  'common.print': 'Print',
  'error.title': 'Something went wrong',
  'error.notFound': 'Page not found',
};

export const MESSAGES: Record<Lang, Messages> = { th, en };

/** Looks up a message and fills `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = MESSAGES[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** Both languages at once, for errors shown to a user whose language the server may not know. */
export function bilingual(key: MessageKey, vars?: Record<string, string | number>): { th: string; en: string } {
  return { th: translate('th', key, vars), en: translate('en', key, vars) };
}
