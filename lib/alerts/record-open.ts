import 'server-only';
import { and, eq, gt, isNotNull, max, ne, sql } from 'drizzle-orm';
import { accessAuditFields, type PatientAccess } from '../access/patient-access';
import { appendAudit } from '../audit/append';
import type { DoctorContext } from '../auth/guard';
import type { Db } from '../db';
import { accessAlerts, auditLog } from '../db/schema';
import { AppError } from '../errors';
import type { ExchangeClient } from '../exchange/client';
import { failure, success, type Failure, type Success } from '../result';
import { catchmentNow, hospitalProvince } from './catchment';
import {
  ALERT_LOOKBACK_MS,
  findUnusualAccess,
  MAX_RECORD_OPENS_PER_DOCTOR_HOUR,
  recordOpenVerdict,
  staffRecordFinding,
  type AlertFinding,
  type AlertRule,
  type RecordOpen,
} from './rules';
import { isOnStaffList } from './staff-list';

// Advisory lock namespace for one doctor's record opens (two-key form; consent sends use 728102, the audit chain 728101, migrations 728100).
const RECORD_OPEN_LOCK = 728103;

export type RecordOpenResult = Success<{ reopen: boolean }> | (Failure<'record-open-limit'> & { retryInMs: number; limit: number });

/** A doctor's successful record opens of the last day, from the audit trail (every instance sees the same rows). */
async function recentOpens(database: Db, licence: string, now: Date): Promise<(RecordOpen & { hospitalCode: string | null })[]> {
  const rows = await database
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      patientCid: auditLog.patientCid,
      purpose: auditLog.purpose,
      accessRef: auditLog.accessRef,
      hospitalCode: auditLog.hospitalCode,
      province: sql<string | null>`${auditLog.details}->>'province'`,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, licence),
        eq(auditLog.action, 'record-open'),
        eq(auditLog.outcome, 'success'),
        gt(auditLog.at, new Date(now.getTime() - ALERT_LOOKBACK_MS)),
      ),
    );
  return rows.flatMap((r) => (r.patientCid ? [{ ...r, patientCid: r.patientCid, purpose: r.purpose ?? 'TREAT' }] : []));
}

/** When the privacy officer last closed an alert of each rule for this doctor at this hospital. */
async function lastReviews(database: Db, licence: string, hospitalCode: string): Promise<Partial<Record<AlertRule, Date>>> {
  const rows = await database
    .select({ rule: accessAlerts.rule, at: max(accessAlerts.reviewedAt) })
    .from(accessAlerts)
    .where(
      and(
        eq(accessAlerts.licenceNumber, licence),
        eq(accessAlerts.hospitalCode, hospitalCode),
        ne(accessAlerts.status, 'open'),
        isNotNull(accessAlerts.reviewedAt),
      ),
    )
    .groupBy(accessAlerts.rule);
  return Object.fromEntries(rows.flatMap((r) => (r.at ? [[r.rule, r.at]] : [])));
}

/**
 * Stores each finding as the one open alert of its rule for this doctor and hospital: a new alert the first
 * time (audited `alert-raised`), later evidence replacing the earlier on the open one (de-duplicated).
 */
async function raiseAlerts(tx: Db, doctor: DoctorContext, findings: readonly AlertFinding[], now: Date): Promise<void> {
  for (const f of findings) {
    const evidence = {
      auditSeqs: f.auditSeqs,
      count: f.count,
      windowMinutes: f.windowMinutes,
      ...(f.provinces ? { provinces: f.provinces } : {}),
    };
    const insert = tx.insert(accessAlerts).values({
      id: crypto.randomUUID(),
      hospitalCode: doctor.hospitalCode,
      licenceNumber: doctor.licence,
      rule: f.rule,
      status: 'open',
      evidence,
      raisedAt: now,
      lastSeenAt: now,
    });
    // A staff member's record is an alert every time (migration 0012 leaves it out of the one-open-alert index).
    const [row] = await (f.rule === 'staff-record'
      ? insert.returning({ id: accessAlerts.id, inserted: sql<boolean>`true` })
      : insert
          .onConflictDoUpdate({
            target: [accessAlerts.rule, accessAlerts.licenceNumber, accessAlerts.hospitalCode],
            targetWhere: sql`status = 'open' AND rule <> 'staff-record'`,
            set: { evidence, lastSeenAt: now },
          })
          // xmax is 0 only on a row this statement inserted: an update of the open alert is not a new alert.
          .returning({ id: accessAlerts.id, inserted: sql<boolean>`(xmax = 0)` }));
    if (row?.inserted)
      await appendAudit(
        tx,
        {
          actorType: 'system',
          hospitalCode: doctor.hospitalCode,
          action: 'alert-raised',
          outcome: 'success',
          details: {
            alertId: row.id,
            rule: f.rule,
            licence: doctor.licence,
            count: f.count,
            auditSeqs: f.auditSeqs,
            provinces: f.provinces,
          },
        },
        now,
      );
  }
}

/**
 * The gate every record read passes (lib/entry: the record pages and the timeline routes). The first open of
 * a patient in the hour is counted against MAX_RECORD_OPENS_PER_DOCTOR_HOUR and written to the audit trail
 * as `record-open`; the unusual-access rules then run over the doctor's opens at this hospital, in the same
 * transaction, and raise or refresh alerts. Re-opening a patient already open in the hour writes nothing.
 * A refusal is audited (`record-open`, denied) and does not count. The open's row carries the patient's
 * province (a DOPA code, when the exchange gave one) for the outside-catchment rule; a patient on the
 * hospital's staff list raises a staff-record alert of its own.
 */
export async function admitRecordOpen(
  doctor: DoctorContext,
  access: PatientAccess,
  deps: { db: Db; now: () => Date; staffListKey: string; exchange: Pick<ExchangeClient, 'listOrganizations'> },
): Promise<RecordOpenResult> {
  const now = deps.now();
  // Most requests re-read a record already open: answered from one indexed read, without a lock.
  const quick = recordOpenVerdict(await recentOpens(deps.db, doctor.licence, now), access.cid, now);
  if (quick.ok && quick.reopen) return success({ reopen: true });
  // The directory is cached in memory (lib/exchange/organizations.ts): read before the lock, never inside it.
  const province = await hospitalProvince(deps.exchange, doctor.hospitalCode);
  return deps.db.transaction(async (txRaw): Promise<RecordOpenResult> => {
    const tx = txRaw as unknown as Db;
    // One doctor's opens are counted and judged one at a time (every instance shares the lock), so parallel
    // opens can neither slip past the limit nor each miss the alert the others complete.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${RECORD_OPEN_LOCK}, hashtext(${doctor.licence}))`);
    const opens = await recentOpens(tx, doctor.licence, now);
    const verdict = recordOpenVerdict(opens, access.cid, now);
    if (verdict.ok && verdict.reopen) return success({ reopen: true });
    if (!verdict.ok) {
      await appendAudit(
        tx,
        { ...accessAuditFields(doctor, access), action: 'record-open', outcome: 'denied', details: { reason: 'record-open-limit' } },
        now,
      );
      return {
        ...failure('record-open-limit'),
        retryInMs: verdict.retryAt.getTime() - now.getTime(),
        limit: MAX_RECORD_OPENS_PER_DOCTOR_HOUR,
      };
    }
    const written = await appendAudit(
      tx,
      {
        ...accessAuditFields(doctor, access),
        action: 'record-open',
        outcome: 'success',
        details: { kind: access.kind, ...(access.province ? { province: access.province } : {}) },
      },
      now,
    );
    const here = opens.filter((o) => o.hospitalCode === doctor.hospitalCode);
    const current: RecordOpen = {
      seq: written.seq,
      at: now,
      patientCid: access.cid,
      purpose: access.purpose,
      accessRef: access.id,
      province: access.province ?? null,
    };
    const reviewed = await lastReviews(tx, doctor.licence, doctor.hospitalCode);
    const findings = findUnusualAccess([...here, current], now, reviewed, await catchmentNow(tx, doctor.hospitalCode, province));
    const staff = staffRecordFinding(current, await isOnStaffList(tx, doctor.hospitalCode, access.cid, deps.staffListKey));
    await raiseAlerts(tx, doctor, staff ? [...findings, staff] : findings, now);
    return success({ reopen: false });
  });
}

/** The refusal a record route answers with (429), in words the doctor can act on. */
export function recordOpenRefusal(retryInMs: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryInMs / 60_000));
  return new AppError('rate-limited', {
    th: `คุณเปิดเวชระเบียนผู้ป่วยครบ ${MAX_RECORD_OPENS_PER_DOCTOR_HOUR} รายในหนึ่งชั่วโมงแล้ว จึงเปิดผู้ป่วยรายใหม่ได้อีกครั้งในอีก ${minutes} นาที (ผู้ป่วยที่เปิดอยู่แล้วยังดูได้ตามปกติ)`,
    en: `You have opened the records of ${MAX_RECORD_OPENS_PER_DOCTOR_HOUR} patients in the last hour, so a new patient can be opened again in ${minutes} minutes (patients already open stay readable).`,
  });
}
