import type { Lang } from '@/lib/i18n/format';
import type { AllergyFact, AllergyVerification, ConflictReason, EncounterClass, FactKind, FactStatus } from '@/lib/clinical/types';

/** Picks the text for the current language. */
export function pick(lang: Lang, text: { th: string; en: string }): string {
  return text[lang];
}

export const KIND_LABEL: Record<FactKind, { th: string; en: string }> = {
  allergy: { th: 'การแพ้', en: 'Allergy' },
  medication: { th: 'ยา', en: 'Medication' },
  condition: { th: 'การวินิจฉัย', en: 'Diagnosis' },
  lab: { th: 'ผลแล็บ', en: 'Lab' },
  vital: { th: 'สัญญาณชีพ', en: 'Vital sign' },
  'lab-report': { th: 'รายงานแล็บ', en: 'Lab report' },
  imaging: { th: 'ภาพรังสี', en: 'Imaging' },
  immunization: { th: 'วัคซีน', en: 'Vaccination' },
  procedure: { th: 'หัตถการ', en: 'Procedure' },
  encounter: { th: 'การมารับบริการ', en: 'Visit' },
};

export const STATUS_LABEL: Partial<Record<FactStatus, { th: string; en: string }>> = {
  active: { th: 'ใช้อยู่', en: 'active' },
  stopped: { th: 'หยุดแล้ว', en: 'stopped' },
  completed: { th: 'เสร็จสิ้น', en: 'completed' },
  'on-hold': { th: 'พักไว้', en: 'on hold' },
  resolved: { th: 'หายแล้ว', en: 'resolved' },
  inactive: { th: 'ไม่ active', en: 'inactive' },
  cancelled: { th: 'ยกเลิก', en: 'cancelled' },
  final: { th: 'ฉบับสมบูรณ์', en: 'final' },
  preliminary: { th: 'เบื้องต้น', en: 'preliminary' },
};

export function statusLabel(lang: Lang, status: FactStatus | undefined): string {
  if (!status) return '';
  return STATUS_LABEL[status]?.[lang] ?? status;
}

export const ENCOUNTER_CLASS_LABEL: Record<EncounterClass, { th: string; en: string }> = {
  AMB: { th: 'ผู้ป่วยนอก', en: 'Outpatient' },
  IMP: { th: 'ผู้ป่วยใน', en: 'Inpatient' },
  EMER: { th: 'ฉุกเฉิน', en: 'Emergency' },
  OTHER: { th: 'อื่น ๆ', en: 'Other' },
};

export const CRITICALITY_LABEL: Record<NonNullable<AllergyFact['criticality']>, { th: string; en: string }> = {
  high: { th: 'สูง', en: 'high' },
  low: { th: 'ต่ำ', en: 'low' },
  'unable-to-assess': { th: 'ประเมินไม่ได้', en: 'unable to assess' },
};

export const VERIFICATION_LABEL: Record<AllergyVerification, { th: string; en: string }> = {
  confirmed: { th: 'ยืนยันแล้ว', en: 'confirmed' },
  unconfirmed: { th: 'ยังไม่ยืนยัน', en: 'unconfirmed' },
  presumed: { th: 'สันนิษฐาน', en: 'presumed' },
  refuted: { th: 'ตรวจแล้วว่าไม่แพ้', en: 'refuted' },
  unknown: { th: 'ไม่ทราบ', en: 'unknown' },
};

export const CONFLICT_LABEL: Record<ConflictReason, { th: string; en: string }> = {
  status: { th: 'สถานะต่างกัน', en: 'status differs' },
  dose: { th: 'ขนาดยาต่างกัน', en: 'dose differs' },
  value: { th: 'ค่าต่างกัน', en: 'values differ' },
  verification: { th: 'การยืนยันต่างกัน', en: 'verification differs' },
  'no-known-allergy': { th: 'อีกแห่งบันทึกว่าไม่มีประวัติแพ้', en: '"no known allergy" recorded elsewhere' },
};

/** "status differs, dose differs" in the chosen language. */
export function conflictText(lang: Lang, reasons: readonly { reason: ConflictReason }[]): string {
  return reasons.map((c) => CONFLICT_LABEL[c.reason][lang]).join(', ');
}
