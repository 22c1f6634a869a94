import 'server-only';
import type { PatientAccess } from '../access/patient-access';
import type { DoctorContext } from '../auth/guard';
import { exchangeContextFor } from '../exchange/request-context';
import { formatCitizenId } from '../identity/citizen-id';
import { hospitalDirectory } from '../hospitals';
import type { RecordDeps } from './deps';
import type { SharingHospital } from './types';

/** What the patient banner shows: identity only, never the phone. */
export interface PatientBanner {
  cidFormatted: string;
  nameTh: string;
  nameEn: string;
  gender: string;
  birthDate: string;
}

export type PatientContext =
  | { ok: true; banner: PatientBanner; hospitals: SharingHospital[] }
  | { ok: false; reason: 'exchange-unavailable' | 'patient-not-found'; banner?: PatientBanner };

/** Looks up the banner and the hospitals this patient shares with, for an active access. */
export async function loadPatientContext(
  doctor: DoctorContext,
  access: PatientAccess,
  { exchange }: Pick<RecordDeps, 'exchange'>,
): Promise<PatientContext> {
  const ctx = exchangeContextFor(doctor, access.purpose);
  const [lookup, sharing, directory] = await Promise.all([
    exchange.findPatient({ cid: access.cid }, ctx),
    exchange.listSharingHospitals(access.cid, ctx),
    hospitalDirectory(exchange),
  ]);
  if (lookup.outcome === 'not-found') return { ok: false, reason: 'patient-not-found' };
  if (lookup.outcome === 'unavailable') return { ok: false, reason: 'exchange-unavailable' };
  const p = lookup.patient;
  const banner: PatientBanner = {
    cidFormatted: formatCitizenId(access.cid),
    nameTh: p.nameTh,
    nameEn: p.nameEn,
    gender: p.gender,
    birthDate: p.birthDate,
  };
  if (!sharing.ok) return { ok: false, reason: 'exchange-unavailable', banner };
  const hospitals = sharing.hcodes.map((code) => {
    const h = directory.get(code);
    return { code, nameTh: h?.nameTh ?? code, nameEn: h?.nameEn ?? code, kind: h?.kind ?? 'other' };
  });
  return { ok: true, banner, hospitals };
}
