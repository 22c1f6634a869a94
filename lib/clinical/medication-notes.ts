/**
 * What a hospital's medication line says beyond its status: why the drug was stopped or changed, and a
 * dose change between its last two records. Shown where the stop is shown, so the reason is not a click away.
 */
import type { MessageKey } from '../i18n/messages';
import type { MedicationHospitalStatus } from './types';

export interface MedicationNote {
  key: Extract<MessageKey, 'med.statusReason' | 'med.doseChanged'>;
  vars: Record<string, string>;
}

/** The notes for one hospital's line of a medication row, in reading order (reason, then dose change). */
export function medicationChangeNotes(h: Pick<MedicationHospitalStatus, 'statusReason' | 'previousDose' | 'dose'>): MedicationNote[] {
  const notes: MedicationNote[] = [];
  if (h.statusReason !== undefined && h.statusReason !== '') notes.push({ key: 'med.statusReason', vars: { reason: h.statusReason } });
  if (h.previousDose !== undefined && h.dose !== undefined) notes.push({ key: 'med.doseChanged', vars: { from: h.previousDose, to: h.dose } });
  return notes;
}
