import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { adminActor, type AdminActor } from '../audit/actor';
import { appendAudit } from '../audit/append';
import { changeDoctorGrant } from '../admin/doctor-access';
import type { Db } from '../db';
import { accessAlerts, doctorGrants } from '../db/schema';
import { failure, success } from '../result';
import { alertReviewSchema, type AlertQueueFilter } from './schemas';
import type { AlertReviewResult, AlertView } from './view-model';

/** The alerts of one hospital, newest first: open ones only, or all (the last 200). No patient data. */
export async function listAccessAlerts(database: Db, hospitalCode: string, filter: AlertQueueFilter): Promise<AlertView[]> {
  const rows = await database
    .select()
    .from(accessAlerts)
    .where(and(eq(accessAlerts.hospitalCode, hospitalCode), filter.show === 'open' ? eq(accessAlerts.status, 'open') : undefined))
    .orderBy(desc(accessAlerts.lastSeenAt))
    .limit(200);
  const licences = [...new Set(rows.map((r) => r.licenceNumber))];
  const names = licences.length
    ? await database
        .select({ licence: doctorGrants.licenceNumber, nameTh: doctorGrants.nameTh, nameEn: doctorGrants.nameEn })
        .from(doctorGrants)
        .where(and(eq(doctorGrants.hospitalCode, hospitalCode), inArray(doctorGrants.licenceNumber, licences)))
    : [];
  const byLicence = new Map(names.map((n) => [n.licence, n]));
  return rows.map((r) => ({
    id: r.id,
    rule: r.rule,
    licence: r.licenceNumber,
    doctorNameTh: byLicence.get(r.licenceNumber)?.nameTh ?? null,
    doctorNameEn: byLicence.get(r.licenceNumber)?.nameEn ?? null,
    status: r.status,
    count: r.evidence.count,
    windowMinutes: r.evidence.windowMinutes,
    auditSeqs: r.evidence.auditSeqs,
    provinces: r.evidence.provinces ?? [],
    raisedAt: r.raisedAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    reviewNote: r.reviewNote,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
  }));
}

const STATUS = { acknowledge: 'acknowledged', dismiss: 'dismissed', suspend: 'suspended' } as const;

/**
 * Records the privacy officer's decision on an open alert of their own hospital, audited (`alert-review`) in
 * the same transaction. Suspending goes through the admin console's own grant change (`changeDoctorGrant`:
 * the doctor's sessions and open emergency accesses at this hospital end, audited `grant-update`), so an
 * alert suspends exactly as the staff page would. An alert already reviewed, or of another hospital, is
 * `gone` — the same answer, so ids of other hospitals cannot be probed.
 */
export async function reviewAccessAlert(database: Db, officer: AdminActor, input: unknown, now = new Date()): Promise<AlertReviewResult> {
  const parsed = alertReviewSchema.safeParse(input);
  if (!parsed.success) {
    const noteProblem = parsed.error.issues.some((i) => i.path[0] === 'note');
    if (noteProblem) return failure('invalid', { note: { key: 'alerts.error.note' } });
    return failure('gone');
  }
  const { alertId, decision, note } = parsed.data;
  return database.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [alert] = await tx
      .select()
      .from(accessAlerts)
      .where(and(eq(accessAlerts.id, alertId), eq(accessAlerts.hospitalCode, officer.hospitalCode), eq(accessAlerts.status, 'open')))
      .for('update');
    if (!alert) return failure('gone');
    if (decision === 'suspend') {
      const [grant] = await tx
        .select({ id: doctorGrants.id })
        .from(doctorGrants)
        .where(
          and(
            eq(doctorGrants.hospitalCode, officer.hospitalCode),
            eq(doctorGrants.licenceNumber, alert.licenceNumber),
            eq(doctorGrants.status, 'active'),
          ),
        );
      const changed = grant ? await changeDoctorGrant(tx, officer, grant.id, { kind: 'suspend' }, now) : null;
      if (!changed?.ok) return failure('no-grant');
    }
    await tx
      .update(accessAlerts)
      .set({ status: STATUS[decision], reviewedBy: officer.adminId, reviewedAt: now, reviewNote: note || null })
      .where(eq(accessAlerts.id, alert.id));
    await appendAudit(
      tx,
      {
        ...adminActor(officer),
        action: 'alert-review',
        outcome: 'success',
        details: { alertId: alert.id, rule: alert.rule, licence: alert.licenceNumber, decision, hasNote: note.length > 0 },
      },
      now,
    );
    return success({});
  });
}
