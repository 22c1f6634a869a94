// Doctor sign-in.
// Thai is the source language; the English part is typed against it, so a missing key fails the build.

export const th = {
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
  'login.signedOut': 'ออกจากระบบแล้ว',
};

export const en: Record<keyof typeof th, string> = {
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
  'login.signedOut': 'You have signed out',
};
