import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PatientAccess } from '../access/patient-access';
import type { AdminActor } from '../audit/actor';
import { signInAdmin } from '../auth/admin-sign-in';
import type { DoctorContext } from '../auth/guard';
import { totpAt, totpStep } from '../auth/totp';
import { DEMO_PRIVACY_OFFICERS } from '../admin/demo-admins';
import { seedDemoData } from '../admin/demo-seed';
import type { Database } from '../db/client';
import { accessAlerts, auditLog, doctorGrants } from '../db/schema';
import { createTestDatabase, DATABASE_KINDS } from '../testing/databases';
import { admitRecordOpen } from './record-open';
import { listAccessAlerts, reviewAccessAlert } from './review';
import { MANY_PATIENTS_ALERT, MAX_RECORD_OPENS_PER_DOCTOR_HOUR } from './rules';

const SECRET = 'integration-test-auth-secret-0123456789abcdef';
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

const doctor = (licence: string, hospitalCode = '11535'): DoctorContext => ({
  kind: 'doctor',
  sessionId: 's',
  licence,
  displayName: 'Dr Test',
  hospitalCode,
  role: 'ed',
  request,
});
const access = (cid: string, kind: 'consent' | 'emergency' = 'consent'): PatientAccess => ({
  kind,
  id: crypto.randomUUID(),
  cid,
  purpose: kind === 'consent' ? 'TREAT' : 'ETREAT',
  startedAt: new Date(),
  expiresAt: new Date(Date.now() + 3600_000),
});
const cid = (i: number) => `1${String(i).padStart(12, '0')}`;
const officer = (hospitalCode = '11535'): AdminActor & { role: string } => ({
  adminId: crypto.randomUUID(),
  hospitalCode,
  role: 'privacy-officer',
  request,
});

describe.each(DATABASE_KINDS)('unusual access on %s', (kind) => {
  let database: Database;
  let clock = new Date('2026-12-06T02:00:00Z');
  // The exchange's directory as the record open reads it (the hospital's province); no staff on any list here.
  const exchange = {
    listOrganizations: () =>
      Promise.resolve([{ code: '11535', nameTh: 'กลาง', nameEn: 'Klang', kind: 'hospital' as const, province: '10' }]),
  };
  const deps = () => ({ db: database.db, now: () => clock, staffListKey: 'integration-staff-list-key-0123456789', exchange });
  const tick = (minutes = 1) => (clock = new Date(clock.getTime() + minutes * 60_000));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemoData(database.db, SECRET);
  });
  afterAll(async () => {
    await database.close();
  });

  const openAlerts = (licence: string) =>
    database.db
      .select()
      .from(accessAlerts)
      .where(and(eq(accessAlerts.licenceNumber, licence), eq(accessAlerts.status, 'open')));

  it('many patients in half an hour raise one alert, de-duplicated as more are opened; reopening writes nothing', async () => {
    const d = doctor('45678');
    for (let i = 0; i < MANY_PATIENTS_ALERT.patients - 1; i++) {
      expect((await admitRecordOpen(d, access(cid(i)), deps())).ok).toBe(true);
      tick();
    }
    expect(await openAlerts('45678')).toHaveLength(0);
    await admitRecordOpen(d, access(cid(100)), deps());
    const [first, ...rest] = await openAlerts('45678');
    expect(rest).toHaveLength(0);
    expect(first).toMatchObject({
      rule: 'many-patients',
      hospitalCode: '11535',
      evidence: { count: MANY_PATIENTS_ALERT.patients, windowMinutes: 30 },
    });
    // The evidence is the audit rows of the opens themselves.
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.action, 'record-open'));
    const opened = rows.filter((r) => r.actorId === '45678').map((r) => r.seq);
    expect(first!.evidence.auditSeqs).toEqual(opened);
    // One more patient: the same alert, with the new evidence; a reopen writes no row and changes nothing.
    tick();
    await admitRecordOpen(d, access(cid(101)), deps());
    const reopened = await admitRecordOpen(d, access(cid(101)), deps());
    expect(reopened).toEqual({ ok: true, reopen: true });
    const after = await openAlerts('45678');
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(first!.id);
    expect(after[0]!.evidence.count).toBe(MANY_PATIENTS_ALERT.patients + 1);
    const raised = await database.db.select().from(auditLog).where(eq(auditLog.action, 'alert-raised'));
    expect(raised.filter((r) => r.details.licence === '45678')).toHaveLength(1);
    expect(JSON.stringify(raised.map((r) => r.details))).not.toContain(cid(100));
  });

  it('opens of one doctor in parallel still raise a single alert', async () => {
    const d = doctor('56789');
    await Promise.all(Array.from({ length: 8 }, (_, i) => admitRecordOpen(d, access(cid(200 + i)), deps())));
    expect(await openAlerts('56789')).toHaveLength(1);
  });

  it('three emergency accesses in a day raise a repeated-emergency alert', async () => {
    const d = doctor('23456');
    for (let i = 0; i < 3; i++) {
      await admitRecordOpen(d, access(cid(300 + i), 'emergency'), deps());
      tick(120);
    }
    expect((await openAlerts('23456')).map((a) => a.rule)).toEqual(['repeated-emergency']);
  });

  it('refuses a new patient past the hourly limit (audited), while patients already open stay readable', async () => {
    const d = doctor('34567', '11536');
    for (let i = 0; i < MAX_RECORD_OPENS_PER_DOCTOR_HOUR; i++)
      expect((await admitRecordOpen(d, access(cid(400 + i)), deps())).ok).toBe(true);
    const refused = await admitRecordOpen(d, access(cid(999)), deps());
    expect(refused).toMatchObject({ ok: false, reason: 'record-open-limit', limit: MAX_RECORD_OPENS_PER_DOCTOR_HOUR });
    expect((await admitRecordOpen(d, access(cid(400)), deps())).ok).toBe(true);
    const denied = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, '34567'), eq(auditLog.action, 'record-open'), eq(auditLog.outcome, 'denied')));
    expect(denied).toHaveLength(1);
    expect(denied[0]!.details).toEqual({ reason: 'record-open-limit' });
    tick(61);
    expect((await admitRecordOpen(d, access(cid(999)), deps())).ok).toBe(true);
  });

  it('the privacy officer reviews: acknowledged alerts are not raised again for the same opens, only for new ones', async () => {
    const [alert] = await openAlerts('45678');
    expect(await reviewAccessAlert(database.db, officer('10661'), { alertId: alert!.id, decision: 'acknowledge' }, clock)).toEqual({
      ok: false,
      reason: 'gone',
    });
    expect(await reviewAccessAlert(database.db, officer(), { alertId: alert!.id, decision: 'dismiss', note: '' }, clock)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(await reviewAccessAlert(database.db, officer(), { alertId: alert!.id, decision: 'acknowledge' }, clock)).toEqual({ ok: true });
    expect(await reviewAccessAlert(database.db, officer(), { alertId: alert!.id, decision: 'acknowledge' }, clock)).toEqual({
      ok: false,
      reason: 'gone',
    });
    tick();
    const d = doctor('45678');
    await admitRecordOpen(d, access(cid(500)), deps());
    expect(await openAlerts('45678')).toHaveLength(0);
    for (let i = 1; i < MANY_PATIENTS_ALERT.patients; i++) await admitRecordOpen(d, access(cid(500 + i)), deps());
    expect(await openAlerts('45678')).toHaveLength(1);
    const listed = await listAccessAlerts(database.db, '11535', { show: 'all' });
    expect(listed.filter((a) => a.licence === '45678').map((a) => a.status)).toEqual(['open', 'acknowledged']);
    expect(await listAccessAlerts(database.db, '10661', { show: 'all' })).toHaveLength(0);
  });

  it('suspending from an alert suspends the grant through the admin machinery, audited', async () => {
    const [alert] = await openAlerts('56789');
    const result = await reviewAccessAlert(
      database.db,
      officer(),
      { alertId: alert!.id, decision: 'suspend', note: 'No clinical reason given' },
      clock,
    );
    expect(result).toEqual({ ok: true });
    const [grant] = await database.db
      .select()
      .from(doctorGrants)
      .where(and(eq(doctorGrants.licenceNumber, '56789'), eq(doctorGrants.hospitalCode, '11535')));
    expect(grant!.status).toBe('suspended');
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.hospitalCode, '11535'));
    const update = audit.find((r) => r.action === 'grant-update' && r.details.licence === '56789');
    expect(update).toMatchObject({ actorRole: 'privacy-officer', details: { change: 'suspend' } });
    expect(audit.find((r) => r.action === 'alert-review' && r.details.alertId === alert!.id)).toMatchObject({
      details: { decision: 'suspend', hasNote: true },
    });
  });

  it('a privacy officer signs in with a session of that role', async () => {
    const po = DEMO_PRIVACY_OFFICERS[0]!;
    const now = new Date();
    const signedIn = await signInAdmin(
      database.db,
      { username: po.username, password: po.password, totp: totpAt(po.totpSecret, totpStep(now)) },
      request,
      3600_000,
      now,
    );
    expect(signedIn).toMatchObject({ ok: true, session: { role: 'privacy-officer' } });
  });
});
