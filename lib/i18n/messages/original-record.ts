// The drawer's view of one record as the hospital sent it (components/fhir/original-record-view.tsx).
// Thai is the source language; the English part is typed against it, so a missing key fails the build.

export const th = {
  'original.open': 'ดูข้อมูลต้นฉบับจากโรงพยาบาล',
  'original.hide': 'ซ่อนข้อมูลต้นฉบับ',
  'original.title': 'ข้อมูลต้นฉบับตามที่โรงพยาบาลส่งมา',
  'original.loading': 'กำลังโหลดข้อมูลต้นฉบับ…',
  'original.failed': 'โหลดข้อมูลต้นฉบับไม่ได้',
  'original.noNarrative': 'ไม่แสดงข้อความบรรยาย (narrative) ของต้นทาง เพื่อความปลอดภัย',
} as const;

export const en: Record<keyof typeof th, string> = {
  'original.open': 'View as the hospital sent it',
  'original.hide': 'Hide the original record',
  'original.title': 'The record as the hospital sent it',
  'original.loading': 'Loading the original record…',
  'original.failed': 'The original record could not be loaded',
  'original.noNarrative': "The source's narrative text is not shown, for safety.",
};
