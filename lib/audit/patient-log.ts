import 'server-only';
import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { auditLog } from '../db/schema';
import { PATIENT_ACCESS_ACTIONS } from './actions';
import { summariseDetails, type AccessSummary } from './summary';

/** One access to a patient's records, as the patient (or the privacy office) sees it. */
export interface PatientAccessView {
  id: string;
  at: string;
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  actorType: string;
  licence: string | null;
  hospitalCode: string | null;
  purpose: 'TREAT' | 'ETREAT' | null;
  accessRef: string | null;
  what: AccessSummary;
}

/** Every access-type event about one patient, by any hospital, newest first. */
export async function listPatientAccesses(db: Db, cid: string, limit = 500): Promise<PatientAccessView[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.patientCid, cid), inArray(auditLog.action, [...PATIENT_ACCESS_ACTIONS])))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    outcome: r.outcome,
    actorType: r.actorType,
    licence: r.actorType === 'doctor' ? r.actorId : null,
    hospitalCode: r.hospitalCode,
    purpose: r.purpose,
    accessRef: r.accessRef,
    what: summariseDetails(r.details),
  }));
}

/** The rows for the FHIR AuditEvent export, optionally limited to a period, newest first. */
export async function listPatientAuditRows(db: Db, cid: string, range: { since?: Date; until?: Date }, limit: number) {
  const where: SQL[] = [eq(auditLog.patientCid, cid), inArray(auditLog.action, [...PATIENT_ACCESS_ACTIONS])];
  if (range.since) where.push(gte(auditLog.at, range.since));
  if (range.until) where.push(lt(auditLog.at, range.until));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}
