/**
 * The documented MOPH-PHR read shapes (../shared/moph-phr.md §2), validated before anything is mapped.
 * Rows are flat and mostly optional strings; we name only the fields we use and let the rest pass (the
 * platform adds columns without notice). A row that fails is dropped and counted, never half-trusted.
 */
import { z } from 'zod';

/** The Mor Prom code: two letters and six digits (S OTP's `AA999999`, App-B's `XY123456`). */
export const PHR_CODE_PATTERN = /^[A-Za-z]{2}\d{6}$/;
export const phrCodeSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(PHR_CODE_PATTERN));

const text = z.string().nullish();
const num = z.number().nullish();

export const phrEnvelopeSchema = z
  .object({
    result: z.unknown().optional(),
    MessageCode: z.number().int(),
    Message: z.string().nullish(),
  })
  .loose();
export type PhrEnvelope = z.infer<typeof phrEnvelopeSchema>;

/** `encounter_ref_code` = `<5-digit HCODE>:<the HIS's visit ref>` (S App-C 2.2). */
export const encounterRefSchema = z.string().regex(/^\d{5}:[A-Za-z0-9._/-]{1,64}$/);

export const phrEncounterRowSchema = z
  .object({
    encounter_ref_code: encounterRefSchema,
    organization_code: z.string().regex(/^\d{5}$/),
    organization_name: text,
    period_start: z.string().min(10),
    period_end: text,
    status: text,
    class_code: text,
    class_display: text,
    type_display: text,
    division_display: text,
    encounter_cc_text: text,
    vital_sign_body_weight_kg: num,
    vital_sign_body_height_cm: num,
    vital_sign_body_temp_cel: num,
    vital_sign_bp_systolic_mmhg: num,
    vital_sign_bp_diastolic_mmhg: num,
    vital_sign_body_mass_index: num,
    vital_sign_respiratory_rate: num,
    vital_sign_pulse: num,
  })
  .loose();
export type PhrEncounterRow = z.infer<typeof phrEncounterRowSchema>;

export const phrConditionRowSchema = z
  .object({
    code_text: z.string(),
    code_display_text: text,
    clinical_status_text: text,
    clinical_verification_text: text,
    clinical_category_text: text,
    onset_datetime: text,
    recorded_datetime: text,
  })
  .loose();
export type PhrConditionRow = z.infer<typeof phrConditionRowSchema>;

export const phrMedicationRowSchema = z
  .object({
    code_text: z.string().min(1),
    statement_status: text,
    statement_effective_datetime: text,
    ref_md_statement_text: text,
    ref_md_patient_instruction: text,
  })
  .loose();
export type PhrMedicationRow = z.infer<typeof phrMedicationRowSchema>;

export const phrObservationRowSchema = z
  .object({
    display: text,
    display_text: text,
    loinc_code: text,
    value_quantity: num,
    value_string: text,
    observation_unit: text,
    reference_range_normal_low: num,
    reference_range_normal_high: num,
    issued: text,
  })
  .loose();
export type PhrObservationRow = z.infer<typeof phrObservationRowSchema>;

export const phrSummarySchema = z
  .object({
    patient: z.object({ cid: z.string().optional(), allergy_intolerance_text: text }).loose(),
  })
  .loose();
export type PhrSummary = z.infer<typeof phrSummarySchema>;

/** One visit with the rows read for it. */
export interface PhrVisitRows {
  encounter: PhrEncounterRow;
  conditions: PhrConditionRow[];
  medications: PhrMedicationRow[];
  observations: PhrObservationRow[];
}

/** Everything one read of a patient brought back, validated. */
export interface PhrRecordRows {
  summary: PhrSummary | null;
  visits: PhrVisitRows[];
  /** Rows that failed validation and were left out. */
  droppedRows: number;
}
