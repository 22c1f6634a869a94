import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PatientAccess } from '../access/patient-access';
import type { AdminActor } from '../audit/actor';
import type { DoctorContext } from '../auth/guard';
import { seedDemoData } from '../admin/demo-seed';
import type { Database } from '../db/client';
import { accessAlerts, auditLog, hospitalStaffIds } from '../db/schema';
import type { HospitalInfo } from '../exchange/types';
import { withCitizenIdCheckDigit } from '../identity/citizen-id';
import { createTestDatabase, DATABASE_KINDS } from '../testing/databases';
import { isNationwide, setCatchment } from './catchment';
import { admitRecordOpen } from './record-open';
import { listAccessAlerts, reviewAccessAlert } from './review';
import { OUTSIDE_CATCHMENT_ALERT } from './rules';
import { clearStaffList, replaceStaffList, staffCidHash, staffListSummary } from './staff-list';

const SECRET = 'integration-test-auth-secret-0123456789abcdef';
const KEY = 'integration-staff-list-key-0123456789';
const request = { clientIp: '10.0.0.1', userAgent: 'vitest', requestId: 'req-1' };
for (const [k, v] of Object.entries({
  APP_URL: 'http://localhost:3999',
  AUTH_SECRET: SECRET,
  EXCHANGE_URL: 'http://127.0.0.1:1',
  EXCHANGE_TOKEN: 'test-token-1',
  COUNCIL_URL: 'http://127.0.0.1:1',
  COUNCIL_TOKEN: 'test-token-2',
  SMS_URL: 'http://127.0.0.1:1',
  SMS_TOKEN: 'test-token-3',
  SERVICE_TOKEN: 'test-service-token-0123456789',
  METRICS_TOKEN: 'test-metrics-token-0123456789',
}))
  vi.stubEnv(k, v);

// The exchange's directory as the sandbox serves it: Klang in Bangkok (region 13 alone), Phra Nang Klao in
// Nonthaburi (region 4); Taksin without a province.
const DIRECTORY: HospitalInfo[] = [
  { code: '11535', nameTh: 'โรงพยาบาลกลาง', nameEn: 'Klang Hospital', kind: 'hospital', province: '10' },
  { code: '10702', nameTh: 'โรงพยาบาลพระนั่งเกล้า', nameEn: 'Phra Nang Klao Hospital', kind: 'hospital', province: '12' },
  { code: '11536', nameTh: 'โรงพยาบาลตากสิน', nameEn: 'Taksin Hospital', kind: 'hospital' },
];

const doctor = (licence: string, hospitalCode = '11535'): DoctorContext => ({
  kind: 'doctor',
  sessionId: 's',
  licence,
  displayName: 'Dr Test',
  hospitalCode,
  role: 'doctor',
  request,
});
const access = (cid: string, province: string | null): PatientAccess => ({
  kind: 'consent',
  id: crypto.randomUUID(),
  cid,
  purpose: 'TREAT',
  startedAt: new Date(),
  expiresAt: new Date(Date.now() + 3600_000),
  province,
});
const cid = (i: number) => withCitizenIdCheckDigit(`3${String(i).padStart(11, '0')}`);
const admin = (role: 'admin' | 'privacy-officer', hospitalCode = '11535'): AdminActor => ({
  adminId: crypto.randomUUID(),
  hospitalCode,
  role,
  request,
});

describe.each(DATABASE_KINDS)('outside-catchment and staff-record alerts on %s', (kind) => {
  let database: Database;
  let clock = new Date('2026-12-06T02:00:00Z');
  let directoryUp = true;
  const exchange = {
    listOrganizations: () => (directoryUp ? Promise.resolve(DIRECTORY) : Promise.reject(new Error('exchange down'))),
  };
  const deps = () => ({ db: database.db, now: () => clock, staffListKey: KEY, exchange });
  // Ten minutes between opens: never "many patients" (5 in 30 minutes), so only the rules under test speak.
  const tick = (minutes = 10) => (clock = new Date(clock.getTime() + minutes * 60_000));
  const open = async (d: DoctorContext, c: string, province: string | null) => {
    const r = await admitRecordOpen(d, access(c, province), deps());
    tick();
    return r;
  };
  const openAlerts = (licence: string, rule: string) =>
    database.db
      .select()
      .from(accessAlerts)
      .where(and(eq(accessAlerts.licenceNumber, licence), eq(accessAlerts.status, 'open'), eq(accessAlerts.rule, rule as 'staff-record')));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemoData(database.db, SECRET);
  });
  afterAll(async () => {
    await database.close();
  });

  it('patients from outside the region raise one alert at the threshold, de-duplicated; the province is on the open row', async () => {
    const d = doctor('71001');
    const n = OUTSIDE_CATCHMENT_ALERT.patients;
    // Bangkok patients, patients of unknown province and one referral from Chiang Mai: nothing.
    await open(d, cid(1), '10');
    await open(d, cid(2), null);
    await open(d, cid(3), null);
    for (let i = 0; i < n - 1; i++) await open(d, cid(10 + i), i % 2 === 0 ? '50' : '90');
    expect(await openAlerts('71001', 'outside-catchment')).toHaveLength(0);
    // The record-open row carries the province code, never more.
    const [row] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, '71001'), eq(auditLog.action, 'record-open'), eq(auditLog.patientCid, cid(10))));
    expect(row!.details).toEqual({ kind: 'consent', province: '50' });

    await open(d, cid(20), '83');
    const [alert, ...more] = await openAlerts('71001', 'outside-catchment');
    expect(more).toHaveLength(0);
    expect(alert!.evidence).toMatchObject({ count: n, windowMinutes: 24 * 60, provinces: ['50', '83', '90'] });
    expect(alert!.evidence.auditSeqs).toHaveLength(n);
    // One more: the same alert, refreshed; a patient reopened writes nothing.
    await open(d, cid(21), '57');
    expect(await admitRecordOpen(d, access(cid(21), '57'), deps())).toEqual({ ok: true, reopen: true });
    const after = await openAlerts('71001', 'outside-catchment');
    expect(after.map((a) => a.id)).toEqual([alert!.id]);
    expect(after[0]!.evidence).toMatchObject({ count: n + 1, provinces: ['50', '57', '83', '90'] });
    const listed = (await listAccessAlerts(database.db, '11535', { show: 'open' })).find((a) => a.id === alert!.id);
    expect(listed).toMatchObject({ rule: 'outside-catchment', provinces: ['50', '57', '83', '90'] });
    expect(JSON.stringify(listed)).not.toContain(cid(20));
  });

  it('the region is the catchment: Nonthaburi patients are inside at a Nonthaburi hospital, Bangkok ones outside', async () => {
    const d = doctor('71002', '10702');
    for (let i = 0; i < OUTSIDE_CATCHMENT_ALERT.patients; i++) await open(d, cid(100 + i), i % 2 === 0 ? '12' : '13');
    expect(await openAlerts('71002', 'outside-catchment')).toHaveLength(0);
    for (let i = 0; i < OUTSIDE_CATCHMENT_ALERT.patients; i++) await open(d, cid(200 + i), '10');
    expect(await openAlerts('71002', 'outside-catchment')).toHaveLength(1);
  });

  it('without the hospital province (none given, or the directory down) nobody is outside; the next open judges again', async () => {
    const d = doctor('71003', '11536');
    for (let i = 0; i < OUTSIDE_CATCHMENT_ALERT.patients; i++) await open(d, cid(300 + i), '50');
    expect(await openAlerts('71003', 'outside-catchment')).toHaveLength(0);

    const k = doctor('71004');
    directoryUp = false;
    for (let i = 0; i < OUTSIDE_CATCHMENT_ALERT.patients; i++) expect((await open(k, cid(400 + i), '50')).ok).toBe(true);
    expect(await openAlerts('71004', 'outside-catchment')).toHaveLength(0);
    directoryUp = true;
    await open(k, cid(410), '50');
    expect((await openAlerts('71004', 'outside-catchment'))[0]?.evidence.count).toBe(OUTSIDE_CATCHMENT_ALERT.patients + 1);
  });

  it('a nationwide hospital raises none; the privacy officer reviews an outside-catchment alert like any other', async () => {
    const hospitalAdmin = admin('admin');
    await setCatchment(hospitalAdmin, true, deps());
    expect(await isNationwide(database.db, '11535')).toBe(true);
    const d = doctor('71005');
    for (let i = 0; i < OUTSIDE_CATCHMENT_ALERT.patients; i++) await open(d, cid(500 + i), '50');
    expect(await openAlerts('71005', 'outside-catchment')).toHaveLength(0);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'catchment-update'));
    expect(audit).toMatchObject({ actorId: hospitalAdmin.adminId, details: { before: false, after: true } });
    await setCatchment(hospitalAdmin, false, deps());

    const [alert] = await openAlerts('71001', 'outside-catchment');
    expect(await reviewAccessAlert(database.db, admin('privacy-officer'), { alertId: alert!.id, decision: 'acknowledge' }, clock)).toEqual({
      ok: true,
    });
    expect(await openAlerts('71001', 'outside-catchment')).toHaveLength(0);
  });

  it('a staff list is stored as keyed hashes, all or nothing, with every bad line named; replace and clear are audited', async () => {
    const hospitalAdmin = admin('admin');
    const refused = await replaceStaffList(hospitalAdmin, `${cid(900)}\n12345\n${cid(901)}\n${cid(902).slice(0, 12)}9`, deps());
    expect(refused).toMatchObject({ ok: false, reason: 'invalid', errors: [{ line: 2, problem: 'length' }] });
    expect(await staffListSummary(database.db, '11535')).toEqual({ entries: 0, replacedAt: null });

    expect(await replaceStaffList(hospitalAdmin, `${cid(900)}\n${cid(901)}\n${cid(901)}\n`, deps())).toEqual({ ok: true, entries: 2 });
    expect(await staffListSummary(database.db, '11535')).toEqual({ entries: 2, replacedAt: clock.toISOString() });
    const stored = await database.db.select().from(hospitalStaffIds).where(eq(hospitalStaffIds.hospitalCode, '11535'));
    expect(stored.map((r) => r.cidHash).sort()).toEqual([staffCidHash(KEY, cid(900)), staffCidHash(KEY, cid(901))].sort());
    expect(JSON.stringify(stored)).not.toContain(cid(900));
    // Another key gives other hashes: the table alone does not say who is on it.
    expect(staffCidHash('another-key-0123456789abcdef0123', cid(900))).not.toBe(staffCidHash(KEY, cid(900)));

    expect(await replaceStaffList(hospitalAdmin, cid(903), deps())).toEqual({ ok: true, entries: 1 });
    expect(await clearStaffList(hospitalAdmin, deps())).toEqual({ ok: true, removed: 1 });
    expect(await staffListSummary(database.db, '11535')).toMatchObject({ entries: 0 });
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.actorId, hospitalAdmin.adminId)).orderBy(auditLog.seq);
    expect(audits.map((r) => [r.action, r.details])).toEqual([
      ['staff-list-replace', { before: 0, after: 2 }],
      ['staff-list-replace', { before: 2, after: 1 }],
      ['staff-list-clear', { before: 1 }],
    ]);
    expect(JSON.stringify(audits)).not.toContain(cid(900));
  });

  it('every first open in the hour of a staff member raises its own staff-record alert; other hospitals and patients none', async () => {
    const hospitalAdmin = admin('admin');
    await replaceStaffList(hospitalAdmin, `${cid(910)}\n${cid(911)}`, deps());
    const d = doctor('71006');
    await open(d, cid(912), '10');
    expect(await openAlerts('71006', 'staff-record')).toHaveLength(0);
    await open(d, cid(910), '10');
    await admitRecordOpen(d, access(cid(910), '10'), deps()); // a reload in the hour: no new open, no new alert
    await open(d, cid(911), '10');
    const alerts = await openAlerts('71006', 'staff-record');
    expect(alerts).toHaveLength(2);
    const opens = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, '71006'), eq(auditLog.action, 'record-open')));
    const seqOf = (c: string) => opens.find((r) => r.patientCid === c)!.seq;
    expect(alerts.map((a) => a.evidence).sort((a, b) => a.auditSeqs[0]! - b.auditSeqs[0]!)).toEqual([
      { auditSeqs: [seqOf(cid(910))], count: 1, windowMinutes: 60 },
      { auditSeqs: [seqOf(cid(911))], count: 1, windowMinutes: 60 },
    ]);
    // The same patient again after the hour: a new open, a new alert.
    tick(61);
    await open(d, cid(910), '10');
    expect(await openAlerts('71006', 'staff-record')).toHaveLength(3);
    // Another hospital's doctor opening the same person: not on that hospital's list.
    await open(doctor('71007', '10702'), cid(910), '10');
    expect(await openAlerts('71007', 'staff-record')).toHaveLength(0);
    // Reviewed one by one.
    const officer = admin('privacy-officer');
    expect(
      await reviewAccessAlert(
        database.db,
        officer,
        { alertId: alerts[0]!.id, decision: 'dismiss', note: 'Own record, seen with HR' },
        clock,
      ),
    ).toEqual({
      ok: true,
    });
    expect(await openAlerts('71006', 'staff-record')).toHaveLength(2);
    // After the list is cleared, the same opens raise nothing.
    await clearStaffList(hospitalAdmin, deps());
    tick(61);
    await open(d, cid(911), '10');
    expect(await openAlerts('71006', 'staff-record')).toHaveLength(2);
  });
});
