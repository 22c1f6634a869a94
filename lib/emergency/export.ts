import 'server-only';
import { accessAuditFields, type PatientAccess } from '../access/patient-access';
import { appendAudit } from '../audit/append';
import type { DoctorContext } from '../auth/guard';
import { AppError } from '../errors';
import { hospitalDirectory } from '../hospitals';
import { logger } from '../log';
import { buildIpsBundle, type IpsBundle } from './ips';
import type { RecordDeps } from '../timeline/deps';
import { loadEmergencySummary } from './summary';

const AUDIT_FAILED = {
  th: 'ไม่สามารถบันทึกประวัติการส่งออกได้ จึงไม่ส่งออกข้อมูล กรุณาลองใหม่',
  en: 'The export could not be recorded, so nothing was exported. Please try again.',
};

/**
 * Builds the IPS Bundle from the same emergency summary the physician sees and records the export.
 * The audit row is written before the document is handed out: no row, no document.
 */
export async function exportEmergencyIps(
  doctor: DoctorContext,
  access: PatientAccess,
  deps: RecordDeps,
  now = new Date(),
): Promise<IpsBundle> {
  const [view, directory] = await Promise.all([loadEmergencySummary(doctor, access, deps, now), hospitalDirectory(deps.exchange)]);
  if (!view.ok) {
    throw new AppError(view.reason === 'patient-not-found' ? 'not-found' : 'unavailable', {
      th: view.reason === 'patient-not-found' ? 'ไม่พบผู้ป่วยในระบบแลกเปลี่ยนข้อมูล' : 'ไม่สามารถติดต่อระบบแลกเปลี่ยนข้อมูลได้ กรุณาลองใหม่',
      en: view.reason === 'patient-not-found' ? 'The patient is not in the exchange.' : 'The exchange cannot be reached. Please try again.',
    });
  }
  const self = directory.get(doctor.hospitalCode);
  const bundle = buildIpsBundle({
    newId: () => crypto.randomUUID(),
    now,
    patient: {
      cid: access.cid,
      nameTh: view.banner.nameTh,
      nameEn: view.banner.nameEn,
      gender: view.banner.gender,
      birthDate: view.banner.birthDate,
    },
    author: { hospitalCode: doctor.hospitalCode, name: self?.nameEn ?? doctor.hospitalCode },
    facts: view.facts,
    answers: view.answers,
    hospitalName: (code) => view.hospitalNames[code]?.en ?? code,
  });
  try {
    await appendAudit(
      deps.db,
      {
        ...accessAuditFields(doctor, access),
        action: 'summary-export',
        outcome: 'success',
        details: { format: 'fhir-ips', accessKind: access.kind, entries: bundle.entry.length, answered: view.summary.answered.length },
      },
      now,
    );
  } catch (error) {
    logger().error({ err: error instanceof Error ? error.message : 'unknown' }, 'audit write failed; summary export refused');
    throw new AppError('audit-unavailable', AUDIT_FAILED);
  }
  return bundle;
}
