/** View models that cross from the consent service into components: identity only, never clinical data. */
import type { PatientIdentity } from '../exchange/types';
import { ageInYears } from '../i18n/format';
import { formatCitizenId } from '../identity/citizen-id';
import { maskPhone } from '../sms/phone';
import { maskCitizenId } from './name-search-rules';

export interface PatientCard {
  /** As printed on the card (`1-2345-67890-12-3`), masked when chosen from a search by name, or the passport number. */
  identifier: string;
  identifierKind: 'cid' | 'passport';
  nameTh: string;
  nameEn: string;
  gender: PatientIdentity['gender'];
  birthDate: string;
  age: number;
  /** Last four digits only (`••• ••• 5678`). */
  phoneMasked: string | null;
  sharingHospitals: number;
  language: 'th' | 'en';
}

/** The confirmation card for a patient found in the exchange; the phone is masked here, never later. */
export function toPatientCard(
  patient: PatientIdentity,
  by: 'cid' | 'passport' | 'candidate',
  sharingHospitals: number,
  now: Date,
): PatientCard {
  // Chosen from a search by name, the doctor never typed the ID: it stays masked as the candidate showed it.
  const identifier =
    by === 'passport' && patient.passport
      ? patient.passport
      : by === 'candidate'
        ? maskCitizenId(patient.cid ?? '')
        : formatCitizenId(patient.cid ?? '');
  return {
    identifier,
    identifierKind: by === 'passport' && patient.passport ? 'passport' : 'cid',
    nameTh: patient.nameTh,
    nameEn: patient.nameEn,
    gender: patient.gender,
    birthDate: patient.birthDate,
    age: ageInYears(patient.birthDate, now),
    phoneMasked: patient.phone ? maskPhone(patient.phone) : null,
    sharingHospitals,
    language: patient.language,
  };
}

/** The patient's name in the reader's language first, the other language's after (it may be the same). */
export function patientNames(patient: Pick<PatientCard, 'nameTh' | 'nameEn'>, lang: 'th' | 'en'): { primary: string; secondary: string } {
  return lang === 'th' ? { primary: patient.nameTh, secondary: patient.nameEn } : { primary: patient.nameEn, secondary: patient.nameTh };
}
