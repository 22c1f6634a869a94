import type { Lang } from '@/lib/i18n/format';
import type { AllergyFact, AllergyVerification, ConflictReason, EncounterClass, FactKind, FactStatus, MedicationSource } from '@/lib/clinical/types';
import { translate } from '@/lib/i18n/messages';

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

/** A record's status as words in the reader's language (never the FHIR code: 'stopped', 'not-taken'). */
export function statusLabel(lang: Lang, status: FactStatus | undefined): string {
  if (!status) return '';
  return translate(lang, `fhir.status.${status}` as const);
}

/** Whether a medication record is what the patient says they take, an order, or what the pharmacy handed over. */
export function medicationSourceLabel(lang: Lang, source: MedicationSource): string {
  return translate(lang, `fhir.medSource.${source}` as const);
}

/** An allergy's criticality (FHIR `high` / `low` / `unable-to-assess`) as words. */
export function criticalityLabel(lang: Lang, criticality: NonNullable<AllergyFact['criticality']>): string {
  return translate(lang, `fhir.criticality.${criticality}` as const);
}

/** An allergy's verification status as words. */
export function verificationLabel(lang: Lang, verification: AllergyVerification): string {
  return translate(lang, `fhir.verification.${verification}` as const);
}

/** DICOM modality codes the catalogue names; any other code is shown as the hospital sent it. */
export const KNOWN_MODALITIES = ['CT', 'MR', 'DX', 'CR', 'US', 'MG', 'NM', 'PT', 'XA', 'RF'] as const;
type KnownModality = (typeof KNOWN_MODALITIES)[number];

function isKnownModality(code: string): code is KnownModality {
  return (KNOWN_MODALITIES as readonly string[]).includes(code);
}

/** An imaging modality (DICOM 'DX', 'US') as a word; an unknown code is shown as sent, never dropped. */
export function modalityLabel(lang: Lang, code: string): string {
  return isKnownModality(code) ? translate(lang, `fhir.modality.${code}` as const) : code;
}

export const ENCOUNTER_CLASS_LABEL: Record<EncounterClass, { th: string; en: string }> = {
  AMB: { th: 'ผู้ป่วยนอก', en: 'Outpatient' },
  IMP: { th: 'ผู้ป่วยใน', en: 'Inpatient' },
  EMER: { th: 'ฉุกเฉิน', en: 'Emergency' },
  OTHER: { th: 'อื่น ๆ', en: 'Other' },
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
