/**
 * Statements that a patient has none of something ("no known allergy", "no known medications", "no
 * current problems"). They arrive as ordinary records (an AllergyIntolerance, a MedicationStatement, a
 * Condition whose code is the statement) but are not entries: listed as a drug or a problem they would
 * read as one. The clinical core recognises them by this table and carries them per hospital instead.
 *
 * Sources, written by hand (check each row against the release when updating, and bump the version):
 * - SNOMED CT International: the "no known …" situation concepts.
 * - HL7 IPS 2.0.0 (hl7.fhir.uv.ips, CC0) value sets, which admit each section's "none known" root by an
 *   `is-a` filter beside the real concepts: allergies-intolerances-uv-ips is-a 716186003, medication-uv-ips
 *   is-a 787481004, problems-uv-ips is-a 160245001, vaccines-uv-ips is-a 787482006, procedures-uv-ips is-a
 *   787480003 (read from the copies in the conformance corpus, ips-profiles/). The IPS absent/unknown
 *   value set (absent-or-unknown-*) is not in that corpus, so its further codes are not listed here.
 * - The descendants of 716186003 (drug, food, environmental, insect, latex) as SNOMED CT names them.
 */

export const NONE_KNOWN_VERSION = 'SNOMED CT International + HL7 IPS 2.0.0 value sets (hand-written, see header)';

/** What a statement says there is none of; each topic is one section of the record. */
export type NoneKnownTopic = 'allergy' | 'medication' | 'problem' | 'immunization' | 'procedure';

export interface NoneKnownRow {
  system: string;
  code: string;
  topic: NoneKnownTopic;
  en: string;
  th: string;
}

const SNOMED = 'http://snomed.info/sct';

export const NONE_KNOWN: readonly NoneKnownRow[] = [
  // Allergies: 716186003 and its descendants (IPS allergies-intolerances-uv-ips is-a 716186003)
  { system: SNOMED, code: '716186003', topic: 'allergy', en: 'No known allergy', th: 'ไม่มีประวัติแพ้เท่าที่ทราบ' },
  { system: SNOMED, code: '409137002', topic: 'allergy', en: 'No known drug allergy', th: 'ไม่มีประวัติแพ้ยาเท่าที่ทราบ' },
  { system: SNOMED, code: '429625007', topic: 'allergy', en: 'No known food allergy', th: 'ไม่มีประวัติแพ้อาหารเท่าที่ทราบ' },
  { system: SNOMED, code: '428607008', topic: 'allergy', en: 'No known environmental allergy', th: 'ไม่มีประวัติแพ้สารในสิ่งแวดล้อมเท่าที่ทราบ' },
  { system: SNOMED, code: '428197003', topic: 'allergy', en: 'No known insect allergy', th: 'ไม่มีประวัติแพ้แมลงเท่าที่ทราบ' },
  {
    system: SNOMED,
    code: '1003774007',
    topic: 'allergy',
    en: 'No known Hevea brasiliensis latex allergy',
    th: 'ไม่มีประวัติแพ้ยางธรรมชาติเท่าที่ทราบ',
  },
  // Medications (IPS medication-uv-ips is-a 787481004)
  { system: SNOMED, code: '787481004', topic: 'medication', en: 'No known medications', th: 'ไม่มียาที่ใช้อยู่เท่าที่ทราบ' },
  // Problems (IPS problems-uv-ips is-a 160245001)
  { system: SNOMED, code: '160245001', topic: 'problem', en: 'No current problems or disability', th: 'ไม่มีปัญหาสุขภาพหรือความพิการในปัจจุบัน' },
  // Immunizations and procedures (IPS vaccines-uv-ips is-a 787482006, procedures-uv-ips is-a 787480003):
  // listed for the record; facts do not act on these two topics yet (never a vaccine group, so never tetanus).
  { system: SNOMED, code: '787482006', topic: 'immunization', en: 'No known immunizations', th: 'ไม่มีประวัติการรับวัคซีนเท่าที่ทราบ' },
  { system: SNOMED, code: '787480003', topic: 'procedure', en: 'No known procedures', th: 'ไม่มีประวัติการทำหัตถการเท่าที่ทราบ' },
];
