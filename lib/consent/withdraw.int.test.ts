import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findActiveAccess } from '../access/patient-access';
import type { Database } from '../db/client';
import { auditLog, consentChallenges, consents, emergencyAccesses } from '../db/schema';
import { createTestDatabase, DATABASE_KINDS } from '../testing/databases';
import { wasWithdrawn, withdrawPatientAccess } from './withdraw';

const request = { clientIp: '10.0.0.9', userAgent: 'patient-app', requestId: 'req-w' };
const doctor = { licence: '12345', hospitalCode: '11535' };
const CID = '3100400123456';

describe.each(DATABASE_KINDS)('a patient withdraws access on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  async function openConsent(cid = CID, by = doctor) {
    const id = crypto.randomUUID();
    const challengeId = crypto.randomUUID();
    const now = new Date();
    const base = { licenceNumber: by.licence, hospitalCode: by.hospitalCode, patientCid: cid, purpose: 'TREAT' as const };
    await database.db.insert(consentChallenges).values({
      id: challengeId,
      ...base,
      codeHash: 'x',
      codeExpiresAt: now,
      lastSentAt: now,
      sendCount: 1,
      wrongAttempts: 0,
      status: 'verified',
    });
    await database.db
      .insert(consents)
      .values({ id, ...base, method: 'otp', challengeId, startedAt: now, expiresAt: new Date(now.getTime() + 3600_000) });
    return id;
  }
  async function openEmergency(cid = CID) {
    const id = crypto.randomUUID();
    const now = new Date();
    await database.db.insert(emergencyAccesses).values({
      id,
      licenceNumber: '67890',
      hospitalCode: '10661',
      patientCid: cid,
      reasonCode: 'unconscious',
      reasonText: 'Unconscious after a fall',
      startedAt: now,
      expiresAt: new Date(now.getTime() + 3600_000),
    });
    return id;
  }

  it('ends one named access, and only that one, and says why to its doctor', async () => {
    const first = await openConsent();
    const second = await openConsent();
    expect(await withdrawPatientAccess(database.db, CID, request, first, new Date())).toEqual({
      consentsEnded: 1,
      emergencyAccessesEnded: 0,
    });
    expect(await findActiveAccess(database.db, doctor, first)).toBeNull();
    expect(await findActiveAccess(database.db, doctor, second)).not.toBeNull();
    expect(await wasWithdrawn(database.db, doctor, first)).toBe(true);
    expect(await wasWithdrawn(database.db, doctor, second)).toBe(false);
    expect(await wasWithdrawn(database.db, { licence: '99999', hospitalCode: '11535' }, first)).toBe(false);
  });

  it("ends every access in force, consents and emergency, never another patient's, one audit row each", async () => {
    const consent = await openConsent();
    const emergency = await openEmergency();
    const otherPatients = await openConsent('3100400234568');
    const result = await withdrawPatientAccess(database.db, CID, request, undefined, new Date());
    expect(result.consentsEnded).toBeGreaterThanOrEqual(1);
    expect(result.emergencyAccessesEnded).toBe(1);
    expect(await findActiveAccess(database.db, doctor, consent)).toBeNull();
    expect(await findActiveAccess(database.db, { licence: '67890', hospitalCode: '10661' }, emergency)).toBeNull();
    expect(await findActiveAccess(database.db, doctor, otherPatients)).not.toBeNull();
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.action, 'access-withdrawn'));
    expect(rows.map((r) => r.accessRef)).toEqual(expect.arrayContaining([consent, emergency]));
    expect(rows.every((r) => r.patientCid === CID && r.actorType === 'service')).toBe(true);
    expect(await withdrawPatientAccess(database.db, CID, request, undefined, new Date())).toEqual({
      consentsEnded: 0,
      emergencyAccessesEnded: 0,
    });
  });
});
