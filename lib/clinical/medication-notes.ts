/**
 * What a hospital's medication line says beyond its status: why the drug was stopped or changed, what it
 * was for (on a line that is no longer taken), and a dose change between its last two records. Shown where
 * the stop is shown, so the reason is not a click away.
 */
import type { MessageKey } from '../i18n/messages';
import type { MedicationHospitalStatus } from './types';

export interface MedicationNote {
  key: Extract<MessageKey, 'med.statusReason' | 'med.indication' | 'med.doseChanged'>;
  vars: Record<string, string>;
}

/** The notes for one hospital's line of a medication row, in reading order (why stopped, what for, dose change). */
export function medicationChangeNotes(
  h: Pick<MedicationHospitalStatus, 'statusReason' | 'indication' | 'previousDose' | 'dose' | 'current'>,
): MedicationNote[] {
  const notes: MedicationNote[] = [];
  if (h.statusReason !== undefined && h.statusReason !== '') notes.push({ key: 'med.statusReason', vars: { reason: h.statusReason } });
  // On a drug still taken the indication is no news; on a stopped one it says which course ended.
  if (!h.current && h.indication !== undefined && h.indication !== '')
    notes.push({ key: 'med.indication', vars: { reason: h.indication } });
  if (h.previousDose !== undefined && h.dose !== undefined)
    notes.push({ key: 'med.doseChanged', vars: { from: h.previousDose, to: h.dose } });
  return notes;
}
