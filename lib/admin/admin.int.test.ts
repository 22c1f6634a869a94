import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openSecret } from '../auth/secret-box';
import { createSession, loadSession } from '../auth/sessions';
import { totpAt, totpStep } from '../auth/totp';
import { signInAdmin } from '../auth/admin-sign-in';
import type { Database } from '../db/client';
import { admins, auditLog, doctorGrants, emergencyAccesses } from '../db/schema';
import type { PractitionerLookup } from '../registry/doctor-registry';
import { createTestDatabase, DATABASE_KINDS } from '../testing/databases';
import { seedDemoData } from './demo-seed';
import {
  addDoctorGrant,
  changeDoctorGrant,
  findHospitalDoctor,
  listHospitalDoctors,
  listSignInHistory,
  previewDoctor,
} from './doctor-access';
import type { AdminActor } from '../audit/actor';
import { beginTotpEnrolment, completeAdminSetup, createAdminAccount, findSetupAccount, hashSetupToken } from './setup';

const SECRET = 'integration-test-auth-secret-0123456789abcdef';
const ctx = { clientIp: '10.0.0.1', userAgent: 'vitest', requestId: 'req-1' };
const actor: AdminActor = { adminId: crypto.randomUUID(), hospitalCode: '11535', request: ctx };
const found = (licence: string, status: 'active' | 'suspended' | 'revoked' = 'active'): PractitionerLookup => ({
  outcome: 'found',
  practitioner: {
    licenseNumber: licence,
    nameTh: 'นพ.ทดสอบ ระบบ',
    nameEn: 'Dr Test System',
    status,
    specialty: { th: 'อายุรกรรม', en: 'Internal medicine' },
  },
});

// signInAdmin reads AUTH_SECRET through env(); give it a complete test configuration.
const TEST_ENV: Record<string, string> = {
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
};
for (const [k, v] of Object.entries(TEST_ENV)) vi.stubEnv(k, v);

describe.each(DATABASE_KINDS)('hospital admin console on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemoData(database.db, SECRET);
  });
  afterAll(async () => {
    await database.close();
  });

  const auditRows = (action: string) => database.db.select().from(auditLog).where(eq(auditLog.action, action));

  it('lists only the own hospital and filters by status', async () => {
    const all = await listHospitalDoctors(database.db, '11535', 'all');
    expect(all.map((r) => r.licence).sort()).toEqual(['12345', '23456', '34567', '45678', '56789']);
    expect(await listHospitalDoctors(database.db, '11535', 'suspended')).toEqual([]);
    const foreign = (await listHospitalDoctors(database.db, '10661', 'all'))[0]!;
    expect(await findHospitalDoctor(database.db, '11535', foreign.id)).toBeUndefined();
  });

  it('adds an active doctor once, audited, and refuses suspended or revoked licences', async () => {
    const before = (await auditRows('grant-create')).length;
    const added = await addDoctorGrant(database.db, actor, { licence: '19283', role: 'ed', validUntil: '' }, found('19283'));
    expect(added.ok).toBe(true);
    expect(await addDoctorGrant(database.db, actor, { licence: '19283', role: 'doctor', validUntil: '' }, found('19283'))).toEqual({
      ok: false,
      reason: 'already-granted',
    });
    expect(
      await addDoctorGrant(database.db, actor, { licence: '11111', role: 'doctor', validUntil: '' }, found('11111', 'suspended')),
    ).toEqual({ ok: false, reason: 'licence-suspended' });
    expect(
      await addDoctorGrant(database.db, actor, { licence: '11112', role: 'doctor', validUntil: '' }, found('11112', 'revoked')),
    ).toEqual({ ok: false, reason: 'licence-revoked' });
    expect(
      await addDoctorGrant(database.db, actor, { licence: '11113', role: 'doctor', validUntil: '' }, { outcome: 'unavailable' }),
    ).toEqual({ ok: false, reason: 'unavailable' });
    expect(
      await addDoctorGrant(database.db, actor, { licence: '11114', role: 'doctor', validUntil: '2020-01-01' }, found('11114')),
    ).toEqual({ ok: false, reason: 'end-date-past' });
    const rows = await auditRows('grant-create');
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({
      actorType: 'admin',
      actorId: actor.adminId,
      hospitalCode: '11535',
      details: { licence: '19283', role: 'ed' },
    });
    const preview = await previewDoctor(database.db, '11535', '19283', found('19283'));
    expect(preview).toMatchObject({ ok: true, preview: { existing: 'active', nameEn: 'Dr Test System' } });
  });

  it('suspends (ending sessions at this hospital only), reinstates, revokes for good; foreign ids are not found', async () => {
    const [grant] = await database.db
      .select()
      .from(doctorGrants)
      .where(and(eq(doctorGrants.licenceNumber, '19283'), eq(doctorGrants.hospitalCode, '11535')));
    const here = await createSession(
      database.db,
      { kind: 'doctor', subject: '19283', displayName: 'x', hospitalCode: '11535', role: 'ed' },
      3600_000,
    );
    const elsewhere = await createSession(
      database.db,
      { kind: 'doctor', subject: '19283', displayName: 'x', hospitalCode: '10661', role: 'doctor' },
      3600_000,
    );
    expect(await changeDoctorGrant(database.db, actor, grant!.id, { kind: 'suspend' })).toEqual({ ok: true });
    expect((await loadSession(database.db, here.id))?.endReason).toBe('grant-withdrawn');
    expect((await loadSession(database.db, elsewhere.id))?.endedAt).toBeNull();
    expect(await changeDoctorGrant(database.db, actor, grant!.id, { kind: 'reinstate' })).toEqual({ ok: true });
    expect(await changeDoctorGrant(database.db, actor, grant!.id, { kind: 'role', role: 'doctor' })).toEqual({ ok: true });
    expect(await changeDoctorGrant(database.db, actor, grant!.id, { kind: 'revoke' })).toEqual({ ok: true });
    expect(await changeDoctorGrant(database.db, actor, grant!.id, { kind: 'reinstate' })).toEqual({ ok: false, reason: 'revoked-final' });
    const updates = (await auditRows('grant-update')).filter((r) => r.details.grantId === grant!.id);
    expect(updates.map((r) => r.details.change)).toEqual(['suspend', 'reinstate', 'role', 'revoke']);

    const [foreign] = await database.db.select().from(doctorGrants).where(eq(doctorGrants.hospitalCode, '10661'));
    expect(await changeDoctorGrant(database.db, actor, foreign!.id, { kind: 'revoke' })).toBeNull();
    const [unchanged] = await database.db.select().from(doctorGrants).where(eq(doctorGrants.id, foreign!.id));
    expect(unchanged?.status).toBe('active');
  });

  it("ends a doctor's open emergency accesses at this hospital when the ED role or the grant goes", async () => {
    const openAccess = async (licence: string, hospitalCode: string) => {
      const id = crypto.randomUUID();
      const now = new Date();
      await database.db.insert(emergencyAccesses).values({
        id,
        licenceNumber: licence,
        hospitalCode,
        patientCid: '1101700000001',
        reasonCode: 'unconscious',
        reasonText: 'Unconscious after a fall',
        startedAt: now,
        expiresAt: new Date(now.getTime() + 3600_000),
      });
      return id;
    };
    const endedAt = async (id: string) =>
      (await database.db.select().from(emergencyAccesses).where(eq(emergencyAccesses.id, id)))[0]?.endedAt ?? null;
    await addDoctorGrant(database.db, actor, { licence: '19284', role: 'ed', validUntil: '' }, found('19284'));
    const [grant] = await database.db
      .select()
      .from(doctorGrants)
      .where(and(eq(doctorGrants.licenceNumber, '19284'), eq(doctorGrants.hospitalCode, '11535')));
    const here = await openAccess('19284', '11535');
    const elsewhere = await openAccess('19284', '10661');
    expect(await changeDoctorGrant(database.db, actor, grant!.id, { kind: 'role', role: 'doctor' })).toEqual({ ok: true });
    expect(await endedAt(here)).not.toBeNull();
    expect(await endedAt(elsewhere)).toBeNull();
    const update = (await auditRows('grant-update')).filter((r) => r.details.grantId === grant!.id).at(-1);
    expect(update?.details.emergencyAccessesEnded).toBe(1);

    // Back to ED, an access opened again, then suspended: it ends too.
    expect(await changeDoctorGrant(database.db, actor, grant!.id, { kind: 'role', role: 'ed' })).toEqual({ ok: true });
    const again = await openAccess('19284', '11535');
    expect(await changeDoctorGrant(database.db, actor, grant!.id, { kind: 'suspend' })).toEqual({ ok: true });
    expect(await endedAt(again)).not.toBeNull();
  });

  it('shows sign-in history at this hospital only', async () => {
    const { appendAudit } = await import('../audit/append');
    await appendAudit(database.db, {
      actorType: 'doctor',
      actorId: '45678',
      hospitalCode: '11535',
      action: 'sign-in',
      outcome: 'success',
      clientIp: '10.1.1.1',
    });
    await appendAudit(database.db, {
      actorType: 'doctor',
      actorId: '45678',
      hospitalCode: '10661',
      action: 'hospital-switch',
      outcome: 'denied',
    });
    await appendAudit(database.db, {
      actorType: 'doctor',
      actorId: '45678',
      hospitalCode: '11535',
      action: 'clinical-read',
      outcome: 'success',
      patientCid: '1101700000001',
    });
    const history = await listSignInHistory(database.db, '11535', '45678');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'sign-in', outcome: 'success', clientIp: '10.1.1.1' });
  });

  it('sets up a new admin with a one-time link, then the admin signs in with password and TOTP', async () => {
    const now = new Date();
    const created = await createAdminAccount(database.db, { hospitalCode: '11535', username: 'Somchai.K', displayName: 'Somchai' }, now);
    if (!created.ok) throw new Error(created.errors.join());
    expect(await createAdminAccount(database.db, { hospitalCode: '11535', username: 'somchai.k' })).toMatchObject({ ok: false });
    const [stored] = await database.db.select().from(admins).where(eq(admins.id, created.adminId));
    expect(stored?.setupTokenHash).toBe(hashSetupToken(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token);

    const account = await findSetupAccount(database.db, created.token);
    expect(account?.username).toBe('somchai.k');
    expect(await findSetupAccount(database.db, created.token, new Date(now.getTime() + 73 * 3600_000))).toBeUndefined();
    const { secret, uri } = await beginTotpEnrolment(database.db, account!, SECRET);
    expect(uri).toContain(`secret=${secret}`);
    expect((await beginTotpEnrolment(database.db, account!, SECRET)).secret).toBe(secret);
    const [pending] = await database.db.select().from(admins).where(eq(admins.id, created.adminId));
    expect(openSecret(pending!.totpPendingSecret!, SECRET)).toBe(secret);

    const step = totpStep(now);
    const input = { token: created.token, password: 'Correct-Horse-Battery', totp: totpAt(secret, step) };
    expect(await completeAdminSetup(database.db, { ...input, password: 'short' }, ctx, SECRET, now)).toEqual({
      ok: false,
      reason: 'too-short',
    });
    expect(await completeAdminSetup(database.db, { ...input, password: 'my-somchai.k-password' }, ctx, SECRET, now)).toEqual({
      ok: false,
      reason: 'contains-username',
    });
    expect(await completeAdminSetup(database.db, { ...input, totp: totpAt(secret, step + 5) }, ctx, SECRET, now)).toEqual({
      ok: false,
      reason: 'totp-invalid',
    });
    expect(await completeAdminSetup(database.db, input, ctx, SECRET, now)).toEqual({ ok: true });
    expect(await completeAdminSetup(database.db, input, ctx, SECRET, now)).toEqual({ ok: false, reason: 'link-invalid' });
    const enrol = await auditRows('admin-totp-enrol');
    expect(enrol.map((r) => r.outcome)).toEqual(['failure', 'success']);
    expect(JSON.stringify(enrol)).not.toContain(input.password);

    // The enrolment code cannot be replayed for sign-in; the next step's code works.
    expect(
      await signInAdmin(database.db, { username: 'somchai.k', password: input.password, totp: input.totp }, ctx, 3600_000, now),
    ).toEqual({ ok: false, code: 'invalid' });
    const signedIn = await signInAdmin(
      database.db,
      { username: 'somchai.k', password: input.password, totp: totpAt(secret, step + 1) },
      ctx,
      3600_000,
      now,
    );
    expect(signedIn.ok).toBe(true);
  });
});
