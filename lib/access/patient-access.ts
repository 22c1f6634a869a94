import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { doctorActor } from '../audit/actor';
import { appendAudit } from '../audit/append';
import { requireDoctor, requireDoctorPage, type DoctorContext, type GuardDeps } from '../auth/guard';
import type { Db } from '../db';
import { preparedPer } from '../db/prepared';
import { consents, emergencyAccesses } from '../db/schema';
import { wasWithdrawn } from '../consent/withdraw';
import { AppError } from '../errors';

const WITHDRAWN_MESSAGE = {
  th: 'ผู้ป่วยถอนความยินยอมแล้ว จึงดูข้อมูลต่อไม่ได้ หากยังจำเป็นต้องดู กรุณาขอความยินยอมใหม่',
  en: 'The patient has withdrawn this access, so the record can no longer be read. Ask for consent again if it is still needed.',
};

/** An active right to see one patient's records: a consent (TREAT) or an emergency access (ETREAT). */
export interface PatientAccess {
  kind: 'consent' | 'emergency';
  id: string;
  cid: string;
  purpose: 'TREAT' | 'ETREAT';
  startedAt: Date;
  expiresAt: Date;
  emergency?: { reasonCode: string; reasonText: string };
  /** The hospitals the exchange named as sharing when the access began (null: not recorded); re-checked on use. */
  sharingHcodes?: readonly string[] | null;
  /** DOPA code of the patient's province as the exchange gave it when the access began; null when unknown. */
  province?: string | null;
}

export const accessIdSchema = z.uuid();

/** Audit fields for anything a doctor does with a patient's record under an access. */
export function accessAuditFields(doctor: DoctorContext, access: PatientAccess) {
  return { ...doctorActor(doctor), patientCid: access.cid, purpose: access.purpose, accessRef: access.id };
}

// Prepared: every clinical request re-checks its access, so the statements are parsed once per connection.
const activeConsentQuery = preparedPer((database) =>
  database
    .select()
    .from(consents)
    .where(
      and(
        eq(consents.id, sql.placeholder('id')),
        eq(consents.licenceNumber, sql.placeholder('licence')),
        eq(consents.hospitalCode, sql.placeholder('hospital')),
        isNull(consents.endedAt),
        gt(consents.expiresAt, sql.placeholder('now')),
      ),
    )
    .prepare('find_active_consent'),
);

const activeEmergencyQuery = preparedPer((database) =>
  database
    .select()
    .from(emergencyAccesses)
    .where(
      and(
        eq(emergencyAccesses.id, sql.placeholder('id')),
        eq(emergencyAccesses.licenceNumber, sql.placeholder('licence')),
        eq(emergencyAccesses.hospitalCode, sql.placeholder('hospital')),
        isNull(emergencyAccesses.endedAt),
        gt(emergencyAccesses.expiresAt, sql.placeholder('now')),
      ),
    )
    .prepare('find_active_emergency'),
);

/**
 * The access with this id if it is in force AND belongs to this doctor at this hospital. An id of another
 * doctor, hospital or patient, an ended or expired one, all give null: nobody opens a record through
 * someone else's consent.
 */
export async function findActiveAccess(
  database: Db,
  doctor: Pick<DoctorContext, 'licence' | 'hospitalCode'>,
  accessId: string,
  now = new Date(),
): Promise<PatientAccess | null> {
  if (!accessIdSchema.safeParse(accessId).success) return null;
  const params = { id: accessId, licence: doctor.licence, hospital: doctor.hospitalCode, now: now.toISOString() };
  const [consent] = await activeConsentQuery(database).execute(params);
  if (consent)
    return {
      kind: 'consent',
      id: consent.id,
      cid: consent.patientCid,
      purpose: 'TREAT',
      startedAt: consent.startedAt,
      expiresAt: consent.expiresAt,
      sharingHcodes: consent.sharingHcodes,
      province: consent.patientProvince,
    };
  const [emergency] = await activeEmergencyQuery(database).execute(params);
  if (emergency)
    return {
      kind: 'emergency',
      id: emergency.id,
      cid: emergency.patientCid,
      purpose: 'ETREAT',
      startedAt: emergency.startedAt,
      expiresAt: emergency.expiresAt,
      emergency: { reasonCode: emergency.reasonCode, reasonText: emergency.reasonText },
      sharingHcodes: emergency.sharingHcodes,
      province: emergency.patientProvince,
    };
  return null;
}

/**
 * Records the exchange's current list of the patient's sharing hospitals on the access, so the next load of
 * the record asks exactly those at once (lib/timeline/page-answers.ts re-checks it every time).
 */
export async function rememberSharingHospitals(database: Db, access: PatientAccess, hcodes: readonly string[]): Promise<void> {
  const table = access.kind === 'consent' ? consents : emergencyAccesses;
  await database
    .update(table)
    .set({ sharingHcodes: [...hcodes] })
    .where(eq(table.id, access.id));
}

async function auditDenied(database: Db, doctor: DoctorContext, accessId: string): Promise<void> {
  await appendAudit(database, {
    ...doctorActor(doctor),
    action: 'clinical-read',
    outcome: 'denied',
    accessRef: accessIdSchema.safeParse(accessId).success ? accessId : null,
    details: { reason: 'no-active-access' },
  });
}

/** For patient pages: the doctor and their active access, or a 404 page (audited) — never another patient. */
export async function requirePatientAccessPage(
  accessId: string,
  deps: GuardDeps,
): Promise<{ doctor: DoctorContext; access: PatientAccess }> {
  const doctor = await requireDoctorPage(deps);
  const access = await findActiveAccess(deps.db, doctor, accessId);
  if (!access) {
    await auditDenied(deps.db, doctor, accessId);
    notFound();
  }
  return { doctor, access };
}

/** For route handlers and actions: the doctor and their active access, or AppError 403 (audited). */
export async function requirePatientAccess(accessId: string, deps: GuardDeps): Promise<{ doctor: DoctorContext; access: PatientAccess }> {
  return requireAccessOf(await requireDoctor(deps), accessId, deps);
}

/** The active access of an already signed-in doctor, or AppError 403 (audited). */
export async function requireAccessOf(
  doctor: DoctorContext,
  accessId: string,
  deps: Pick<GuardDeps, 'db'>,
): Promise<{ doctor: DoctorContext; access: PatientAccess }> {
  const database = deps.db;
  const access = await findActiveAccess(database, doctor, accessId);
  if (!access) {
    await auditDenied(database, doctor, accessId);
    // Said plainly when the patient took the access back, so the doctor does not retry or ask for a fault.
    if (accessIdSchema.safeParse(accessId).success && (await wasWithdrawn(database, doctor, accessId)))
      throw new AppError('forbidden', WITHDRAWN_MESSAGE);
    throw new AppError('forbidden', {
      th: 'ไม่มีสิทธิ์เข้าดูข้อมูลผู้ป่วยรายนี้ หรือความยินยอมสิ้นสุดแล้ว',
      en: 'You have no active access to this patient, or the consent has ended.',
    });
  }
  return { doctor, access };
}
