import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findActiveAccess } from '../access/patient-access';
import { readThrottle } from '../auth/throttle-store';
import type { Database } from '../db';
import { auditLog, emergencyAccesses, smsSends } from '../db/schema';
import { AppError } from '../errors';
import type { PatientLookup } from '../exchange/types';
import type { VerifyResult } from '../registry/doctor-registry';
import type { SmsSendResult } from '../sms/sms-gateway';
import { insertPasskey } from '../passkey/store';
import { createTestDatabase, DATABASE_KINDS } from '../testing/databases';
import { endEmergencyAccess, lookupEmergencyPatient, startEmergencyAccess, type EmergencyDeps, type EmergencyDoctor } from './service';

const EKKACHAI = '3100400890121';
const NO_PHONE = '3100400567893';
const START = new Date('2026-11-22T01:00:00Z');
const ed: EmergencyDoctor = {
  licence: '67890',
  hospitalCode: '10661',
  role: 'ed',
  request: { clientIp: '10.0.0.1', userAgent: 'test', requestId: 'req-1' },
};
const notEd: EmergencyDoctor = { ...ed, licence: '12345', hospitalCode: '11535', role: 'doctor' };
const form = {
  cid: '3-1004-00890-12-1',
  reasonCode: 'unconscious',
  reasonText: 'Found unconscious on the street',
  attestation: true,
  pin: '202020',
};

function fakes(database: Database) {
  const sent: { to: string; text: string }[] = [];
  const verified: string[] = [];
  const state = { registry: 'up' as 'up' | 'down', sms: { ok: true, id: 'm1' } as SmsSendResult, clock: START };
  const patient = (cid: string): PatientLookup =>
    cid === EKKACHAI
      ? {
          outcome: 'found',
          patient: {
            cid,
            nameTh: 'เอกชัย',
            nameEn: 'Ekkachai',
            gender: 'male',
            birthDate: '1968-04-02',
            phone: '0889012345',
            language: 'th',
            province: '30',
          },
        }
      : cid === NO_PHONE
        ? {
            outcome: 'found',
            patient: { cid, nameTh: 'บัวผัน', nameEn: 'Buaphan', gender: 'female', birthDate: '1950-01-01', language: 'th' },
          }
        : { outcome: 'not-found' };
  const deps: EmergencyDeps = {
    db: database.db,
    exchange: {
      findPatient: (q) => Promise.resolve('cid' in q ? patient(q.cid) : { outcome: 'not-found' }),
      listSharingHospitals: () => Promise.resolve({ ok: true, hcodes: ['11535', '10661'] }),
      listOrganizations: () => Promise.resolve([{ code: '10661', nameTh: 'โรงพยาบาลทดสอบ', nameEn: 'Test Hospital', kind: 'hospital' }]),
    },
    registry: {
      verifyCredentials: (licence, pin): Promise<VerifyResult> => {
        verified.push(licence);
        if (state.registry === 'down') return Promise.resolve({ outcome: 'unavailable' });
        if (pin !== '202020') return Promise.resolve({ outcome: 'invalid' });
        return Promise.resolve({
          outcome: 'valid',
          practitioner: {
            licenseNumber: licence,
            nameTh: 'หมอ',
            nameEn: 'Doctor',
            status: 'active',
            specialty: { th: 'ฉุกเฉิน', en: 'Emergency' },
          },
        });
      },
    },
    sms: {
      send: (to, text) => {
        sent.push({ to, text });
        return Promise.resolve(state.sms);
      },
    },
    emergencyHours: 4,
    now: () => state.clock,
  };
  return { deps, sent, verified, state };
}

describe.each(DATABASE_KINDS)('emergency access on %s', (kind) => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await database.close();
  });

  const audits = (action: string) => database.db.select().from(auditLog).where(eq(auditLog.action, action));

  it('refuses a doctor without the ED role with 403 and an audited denial, before anything else', async () => {
    const { deps, verified } = fakes(database);
    await expect(startEmergencyAccess(notEd, form, deps)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(lookupEmergencyPatient(notEd, { cid: EKKACHAI }, deps)).rejects.toBeInstanceOf(AppError);
    const denied = await audits('emergency-denied');
    expect(denied).toHaveLength(2);
    expect(denied[0]).toMatchObject({ actorId: '12345', outcome: 'denied', purpose: 'ETREAT' });
    expect(verified).toEqual([]);
    expect(await database.db.select().from(emergencyAccesses)).toHaveLength(0);
  });

  it('returns field errors for a bad form without asking the registry', async () => {
    const { deps, verified } = fakes(database);
    const r = await startEmergencyAccess(ed, { ...form, reasonText: 'short', attestation: false }, deps);
    expect(r).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { reasonText: { key: 'emergency.error.reasonText' }, attestation: { key: 'emergency.error.attestation' } },
    });
    expect(verified).toEqual([]);
  });

  it('refuses a wrong PIN (charged to stepup:<licence>) and a registry outage (refunded), never opening access', async () => {
    const { deps, state } = fakes(database);
    expect(await startEmergencyAccess(ed, { ...form, pin: '111111' }, deps)).toEqual({
      ok: false,
      reason: 'pin-wrong',
      fieldErrors: { pin: { key: 'emergency.error.pinWrong' } },
    });
    expect((await readThrottle(database.db, 'stepup:67890'))?.consecutiveFailures).toBe(1);
    state.registry = 'down';
    expect(await startEmergencyAccess(ed, form, deps)).toEqual({ ok: false, reason: 'registry-unavailable' });
    expect((await readThrottle(database.db, 'stepup:67890'))?.consecutiveFailures).toBe(0);
    expect(await database.db.select().from(emergencyAccesses)).toHaveLength(0);
    expect((await audits('emergency-start')).map((a) => (a.details as { reason: string }).reason)).toEqual([
      'wrong-pin',
      'registry-unavailable',
    ]);
  });

  it('a doctor with a passkey steps up with it: the PIN is refused, never checked, and no access opens', async () => {
    const { deps, verified } = fakes(database);
    await insertPasskey(
      database.db,
      { licence: '67890', credentialId: 'cred-ed', publicKey: 'x', counter: 0, transports: [], name: 'ED' },
      START,
    );
    expect(await startEmergencyAccess({ ...ed, sessionId: 'session-1' }, form, deps)).toEqual({ ok: false, reason: 'passkey-failed' });
    expect(verified).toEqual([]);
    expect(await database.db.select().from(emergencyAccesses)).toHaveLength(0);
    expect((await audits('emergency-start')).map((a) => (a.details as { reason: string }).reason)).toEqual(['passkey-invalid']);
  });

  it('throttles PIN guessing through the step-up', async () => {
    const { deps, verified } = fakes(database);
    for (let i = 0; i < 5; i++) await startEmergencyAccess(ed, { ...form, pin: '000000' }, deps);
    const r = await startEmergencyAccess(ed, form, deps);
    expect(r).toMatchObject({ ok: false, reason: 'locked' });
    expect(verified).toHaveLength(5);
  });

  it('opens access for the configured hours, audits without the free text, notifies the patient, and expires by the server clock', async () => {
    const { deps, sent, state } = fakes(database);
    const r = await startEmergencyAccess(ed, form, deps);
    if (!r.ok) throw new Error('expected access');
    expect(r.smsSent).toBe(true);
    const [row] = await database.db.select().from(emergencyAccesses).where(eq(emergencyAccesses.id, r.accessId));
    expect(row).toMatchObject({
      patientCid: EKKACHAI,
      patientProvince: '30',
      licenceNumber: '67890',
      hospitalCode: '10661',
      reasonCode: 'unconscious',
      reasonText: form.reasonText,
      endedAt: null,
      sharingHcodes: ['11535', '10661'],
    });
    expect(row?.expiresAt.toISOString()).toBe('2026-11-22T05:00:00.000Z');

    const [start] = (await audits('emergency-start')).filter(
      (a) => a.outcome === 'success' && (a.details as { step?: string }).step === undefined,
    );
    expect(start).toMatchObject({
      patientCid: EKKACHAI,
      purpose: 'ETREAT',
      accessRef: r.accessId,
      details: { reasonCode: 'unconscious', reasonTextLength: form.reasonText.length },
    });
    expect(JSON.stringify(start?.details)).not.toContain('unconscious on the street');

    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe('0889012345');
    expect(sent[0]?.text).toContain('โรงพยาบาลทดสอบ');
    expect(sent[0]?.text).toContain('ฉุกเฉิน');
    expect(
      await database.db
        .select()
        .from(smsSends)
        .where(and(eq(smsSends.patientCid, EKKACHAI), eq(smsSends.kind, 'emergency-notice'))),
    ).toHaveLength(1);

    const doctor = { licence: ed.licence, hospitalCode: ed.hospitalCode };
    expect(await findActiveAccess(database.db, doctor, r.accessId, new Date('2026-11-22T04:59:59Z'))).toMatchObject({
      kind: 'emergency',
      purpose: 'ETREAT',
      emergency: { reasonCode: 'unconscious' },
      province: '30',
    });
    expect(await findActiveAccess(database.db, doctor, r.accessId, new Date('2026-11-22T05:00:00Z'))).toBeNull();
    expect(await findActiveAccess(database.db, { licence: '23456', hospitalCode: '10661' }, r.accessId, START)).toBeNull();

    state.clock = new Date('2026-11-22T02:00:00Z');
    expect(await endEmergencyAccess(notEd, r.accessId, deps)).toEqual({ ok: false, reason: 'not-found' });
    expect(await endEmergencyAccess(ed, r.accessId, deps)).toEqual({ ok: true });
    expect(await findActiveAccess(database.db, doctor, r.accessId, new Date('2026-11-22T02:00:01Z'))).toBeNull();
    expect(await endEmergencyAccess(ed, r.accessId, deps)).toEqual({ ok: false, reason: 'not-found' });
    expect(await audits('emergency-end')).toHaveLength(1);
  });

  it('keeps the access when the SMS fails (audited), and opens access for a patient without a phone', async () => {
    const { deps, sent, state } = fakes(database);
    state.sms = { ok: false, reason: 'unavailable' };
    const r = await startEmergencyAccess(ed, form, deps);
    expect(r).toMatchObject({ ok: true, smsSent: false });
    const noPhone = await startEmergencyAccess(ed, { ...form, cid: NO_PHONE }, deps);
    expect(noPhone).toMatchObject({ ok: true, smsSent: false });
    expect(sent).toHaveLength(1);
    const notices = (await audits('emergency-start')).filter((a) => (a.details as { step?: string }).step === 'patient-notice');
    expect(notices.map((a) => [a.outcome, (a.details as { reason?: string }).reason])).toEqual([
      ['failure', 'sms-unavailable'],
      ['failure', 'no-phone'],
    ]);
    expect(await database.db.select().from(smsSends)).toHaveLength(0);
  });

  it('refuses an unknown patient after the PIN check and the ED lookup shows identity only', async () => {
    const { deps } = fakes(database);
    expect(await startEmergencyAccess(ed, { ...form, cid: '1-1120-34563-56-2' }, deps)).toEqual({ ok: false, reason: 'not-found' });
    const found = await lookupEmergencyPatient(ed, { cid: '3 1004 00890 12 1' }, deps);
    expect(found).toMatchObject({
      ok: true,
      patient: {
        cidFormatted: '3-1004-00890-12-1',
        hasPhone: true,
        sharingHospitals: [{ code: '11535' }, { code: '10661', nameEn: 'Test Hospital' }],
      },
    });
    expect(JSON.stringify(found)).not.toContain('0889012345');
    expect(await lookupEmergencyPatient(ed, { cid: '123' }, deps)).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { cid: { key: 'emergency.error.cid' } },
    });
  });
});
