import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { emergencyAccesses } from '../db/schema';
import { withCitizenIdCheckDigit } from '../identity/citizen-id';
import { createTestDatabase, DATABASE_KINDS } from '../testing/databases';
import { appendAudit } from './append';
import { listPatientAccesses, listPatientAuditRows } from './patient-log';
import { auditCsvChunks, listAuditRows } from './queries';
import { listEmergencyReviews, recordEmergencyReview } from './reviews';
import { verifyAuditLog } from './verify';

const cid = withCitizenIdCheckDigit('110170000000');
const other = withCitizenIdCheckDigit('310170000000');
const now = new Date('2026-11-20T05:00:00Z');
const admin = { adminId: 'admin-a', hospitalCode: '11535', request: { clientIp: '10.0.0.1', userAgent: 'test', requestId: 'req-1' } };

describe.each(DATABASE_KINDS)('audit views on %s', (kind) => {
  let database: Database;
  const emergencyA = crypto.randomUUID();
  const emergencyB = crypto.randomUUID();
  const emergencyOld = crypto.randomUUID();
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    const at = (h: number) => new Date(now.getTime() - h * 3600_000);
    await db.insert(emergencyAccesses).values([
      {
        id: emergencyA,
        licenceNumber: '12345',
        hospitalCode: '11535',
        patientCid: cid,
        reasonCode: 'unconscious',
        reasonText: 'ผู้ป่วยหมดสติ',
        startedAt: at(2),
        expiresAt: at(-2),
      },
      {
        id: emergencyOld,
        licenceNumber: '12345',
        hospitalCode: '11535',
        patientCid: other,
        reasonCode: 'other',
        reasonText: 'old one',
        startedAt: at(100),
        expiresAt: at(96),
        endedAt: at(99),
      },
      {
        id: emergencyB,
        licenceNumber: '45678',
        hospitalCode: '10661',
        patientCid: cid,
        reasonCode: 'life-threatening',
        reasonText: 'B',
        startedAt: at(1),
        expiresAt: at(-3),
      },
    ]);
    await appendAudit(db, { actorType: 'doctor', actorId: '12345', hospitalCode: '11535', action: 'sign-in', outcome: 'success' }, at(3));
    await appendAudit(
      db,
      {
        actorType: 'doctor',
        actorId: '12345',
        hospitalCode: '11535',
        action: 'emergency-start',
        outcome: 'success',
        patientCid: cid,
        purpose: 'ETREAT',
        accessRef: emergencyA,
      },
      at(2),
    );
    for (const [h, types] of [
      ['10661', { Observation: 3 }],
      ['11536', { Observation: 1, AllergyIntolerance: 2 }],
    ] as const)
      await appendAudit(
        db,
        {
          actorType: 'doctor',
          actorId: '12345',
          hospitalCode: '11535',
          action: 'clinical-read',
          outcome: 'success',
          patientCid: cid,
          purpose: 'ETREAT',
          accessRef: emergencyA,
          details: { sourceHospital: h, resourceTypes: types },
        },
        at(2),
      );
    await appendAudit(
      db,
      {
        actorType: 'doctor',
        actorId: '45678',
        hospitalCode: '10661',
        action: 'clinical-read',
        outcome: 'success',
        patientCid: cid,
        purpose: 'ETREAT',
        accessRef: emergencyB,
        details: { sourceHospital: '11535', resourceTypes: { Condition: 1 } },
      },
      at(1),
    );
    await appendAudit(
      db,
      {
        actorType: 'doctor',
        actorId: '45678',
        hospitalCode: '10661',
        action: 'sign-in',
        outcome: 'success',
        details: { note: '=HYPERLINK("x")' },
      },
      at(1),
    );
    for (let i = 0; i < 60; i++)
      await appendAudit(
        db,
        {
          actorType: 'doctor',
          actorId: '23456',
          hospitalCode: '11535',
          action: 'patient-lookup',
          outcome: 'denied',
          patientCid: other,
          purpose: 'TREAT',
        },
        at(0.5),
      );
  });
  afterAll(async () => {
    await database.close();
  });

  it('shows only the admin hospital rows, paged by seq', async () => {
    const first = await listAuditRows(database.db, '11535', {}, now);
    expect(first.rows).toHaveLength(50);
    expect(first.nextBefore).not.toBeNull();
    const second = await listAuditRows(database.db, '11535', { before: first.nextBefore! }, now);
    expect(second.rows).toHaveLength(14);
    expect(second.nextBefore).toBeNull();
    const all = [...first.rows, ...second.rows];
    expect(all.every((r) => r.actorId !== '45678')).toBe(true);
    expect(new Set(all.map((r) => r.seq)).size).toBe(64);
  });

  it('filters by doctor, patient, action, outcome, purpose and date; marks emergencies with their review state', async () => {
    const reads = await listAuditRows(
      database.db,
      '11535',
      {
        doctor: '12345',
        patient: cid,
        action: 'clinical-read',
        outcome: 'success',
        purpose: 'ETREAT',
        from: '2026-11-20',
        to: '2026-11-20',
      },
      now,
    );
    expect(reads.rows).toHaveLength(2);
    expect(reads.rows[0]).toMatchObject({ emergency: { reviewOutcome: null, overdue: false } });
    expect(reads.rows.map((r) => r.summary)).toContain('11536 · AllergyIntolerance 2, Observation 1');
    expect((await listAuditRows(database.db, '11535', { from: '2026-11-21' }, now)).rows).toHaveLength(0);
    expect((await listAuditRows(database.db, '10661', { patient: cid }, now)).rows).toHaveLength(1);
  });

  it('exports CSV for the hospital only, with BOM and a guarded formula', async () => {
    let csv = '';
    for await (const chunk of auditCsvChunks(database.db, '10661', {}, 1)) csv += chunk;
    const lines = csv.trim().split('\r\n');
    expect(csv.startsWith('\uFEFFseq,at,')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(csv).not.toContain('11535,clinical-read');
    expect(csv).toContain(`"{""note"":""=HYPERLINK(\\""x\\"")""}"`);
  });

  it('lists the review queue of the own hospital with what was viewed and flags overdue ones', async () => {
    const queue = await listEmergencyReviews(database.db, '11535', { show: 'unreviewed' }, now);
    expect(queue.map((q) => q.id)).toEqual([emergencyOld, emergencyA]);
    expect(queue[0]).toMatchObject({ overdue: true, durationMinutes: 60 });
    expect(queue[1]!.viewed).toEqual({
      hospitals: ['10661', '11536'],
      resourceTypes: { Observation: 4, AllergyIntolerance: 2 },
      records: 6,
      reads: 2,
    });
  });

  it('records a review with its audit row; another hospital access is not found; bad input is a value', async () => {
    expect(await recordEmergencyReview(database.db, admin, { accessId: emergencyA, outcome: 'justified', comment: 'ok' }, now)).toEqual({
      ok: false,
      fieldErrors: { comment: 'comment-short' },
    });
    await expect(
      recordEmergencyReview(database.db, admin, { accessId: emergencyB, outcome: 'justified', comment: 'looks fine to me' }, now),
    ).rejects.toMatchObject({ code: 'not-found' });
    await expect(
      recordEmergencyReview(database.db, admin, { accessId: 'nope', outcome: 'justified', comment: 'looks fine to me' }, now),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect(
      await recordEmergencyReview(database.db, admin, { accessId: emergencyA, outcome: 'justified', comment: 'ผู้ป่วยหมดสติจริง' }, now),
    ).toEqual({ ok: true });
    expect(
      await recordEmergencyReview(database.db, admin, { accessId: emergencyA, outcome: 'referred', comment: 'second time' }, now),
    ).toMatchObject({ ok: false, message: 'already-reviewed' });
    const reviewed = await listEmergencyReviews(database.db, '11535', { show: 'justified' }, now);
    expect(reviewed).toHaveLength(1);
    expect(reviewed[0]!.review).toMatchObject({ outcome: 'justified', by: 'admin-a' });
    const audit = await listAuditRows(database.db, '11535', { action: 'emergency-review' }, now);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ accessRef: emergencyA, emergency: { reviewOutcome: 'justified' } });
    expect(JSON.stringify(audit.rows[0])).not.toContain('ผู้ป่วยหมดสติจริง');
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true });
  });

  it('gives a patient every access by any hospital, access actions only', async () => {
    const log = await listPatientAccesses(database.db, cid);
    expect(new Set(log.map((l) => l.hospitalCode))).toEqual(new Set(['11535', '10661']));
    expect(log.every((l) => l.action !== 'sign-in' && l.action !== 'emergency-review')).toBe(true);
    expect(log.find((l) => l.licence === '45678')?.what).toEqual({ hospitals: ['11535'], resourceTypes: { Condition: 1 }, records: 1 });
    const ranged = await listPatientAuditRows(database.db, cid, { since: new Date(now.getTime() - 1.5 * 3600_000) }, 100);
    expect(ranged.map((r) => r.actorId)).toEqual(['45678']);
  });
});
