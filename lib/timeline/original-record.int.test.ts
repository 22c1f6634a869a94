/**
 * The original-record read against the running sandbox exchange and a real database: the resource comes back
 * as the hospital sent it (narrative removed), each request writes one audit row, a sealed resource is refused
 * until this access opens it, and a resource of another patient cannot be named into view.
 */
import { eq } from 'drizzle-orm';
import type { Resource } from '@medplum/fhirtypes';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PatientAccess } from '../access/patient-access';
import type { DoctorContext } from '../auth/guard';
import type { Database } from '../db';
import { auditLog } from '../db/schema';
import { createExchangeClient } from '../exchange/client';
import { findDemoPatient } from '../sandbox/demo-catalog';
import { TOKENS, startTestSandbox, type TestSandbox } from '../sandbox/test-helpers';
import { createTestDatabase } from '../testing/databases';
import { readOriginalRecord } from './original-record';
import { openSealedRecord } from './sealed';

const doctor: DoctorContext = {
  kind: 'doctor',
  sessionId: 's1',
  licence: '12345',
  displayName: 'Dr Test',
  hospitalCode: '11535',
  role: 'doctor',
  request: { clientIp: '10.0.0.1', userAgent: 'test', requestId: 'req-1' },
};
const accessOf = (cid: string): PatientAccess => ({
  kind: 'consent',
  id: crypto.randomUUID(),
  cid,
  purpose: 'TREAT',
  startedAt: new Date(),
  expiresAt: new Date(Date.now() + 3_600_000),
});
const PIMCHANOK = findDemoPatient('pimchanok').cid;
const SOMSRI = findDemoPatient('somsri').cid;
// Shares only with 11535, where Somsri's records also are.
const WANIDA = findDemoPatient('wanida').cid;

let sb: TestSandbox;
let database: Database;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(async () => {
  await sb.dispose();
});
beforeEach(async () => {
  database = await createTestDatabase('pglite');
});
afterEach(async () => {
  await database.close();
});

const deps = () => ({ db: database.db, exchange: createExchangeClient({ baseUrl: sb.url, token: TOKENS.exchange }) });
const rows = () => database.db.select().from(auditLog).where(eq(auditLog.action, 'clinical-read'));

async function recordsAt(hcode: string, cid: string): Promise<Resource[]> {
  const result = await deps().exchange.fetchHospitalRecords(hcode, cid, {
    requestId: 't',
    purpose: 'TREAT',
    practitioner: '12345',
    organization: '11535',
  });
  return result.resources;
}

describe('readOriginalRecord', () => {
  it('returns the resource as sent, without narrative, and writes one audit row', async () => {
    const target = (await recordsAt('11535', SOMSRI)).find((r) => r.meta?.security === undefined && r.resourceType !== 'Encounter')!;
    const access = accessOf(SOMSRI);
    const type = target.resourceType as 'Observation';
    const shown = await readOriginalRecord(doctor, access, { hcode: '11535', type, id: target.id! }, deps());
    expect(shown.id).toBe(target.id);
    expect(shown).toMatchObject({ resourceType: type, code: (target as { code?: unknown }).code });
    expect('text' in shown).toBe(false);
    const audit = await rows();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'success', accessRef: access.id, patientCid: SOMSRI });
    expect(audit[0]!.details).toMatchObject({ view: 'original-record', sourceHospital: '11535', resourceType: type });
  });

  it('refuses a sealed resource until this access has opened it with a reason', async () => {
    const sealed = (await recordsAt('10662', PIMCHANOK)).find(
      (r) => r.meta?.security?.some((s) => s.code === 'HIV') && r.resourceType === 'Condition',
    )!;
    const access = accessOf(PIMCHANOK);
    const params = { hcode: '10662', type: 'Condition' as const, id: sealed.id! };
    await expect(readOriginalRecord(doctor, access, params, deps())).rejects.toMatchObject({ code: 'forbidden' });
    expect((await rows())[0]).toMatchObject({ outcome: 'failure' });
    await openSealedRecord(doctor, access, `10662/Condition/${sealed.id!}`, 'Starting antiretroviral interaction check', {
      db: database.db,
    });
    expect((await readOriginalRecord(doctor, access, params, deps())).id).toBe(sealed.id);
    // Another access (a new consent) starts sealed again.
    await expect(readOriginalRecord(doctor, accessOf(PIMCHANOK), params, deps())).rejects.toMatchObject({ code: 'forbidden' });
  });

  it("cannot name another patient's resource into view, and says so in the audit", async () => {
    const somsris = (await recordsAt('11535', SOMSRI)).find((r) => r.resourceType === 'Observation')!;
    await expect(
      readOriginalRecord(doctor, accessOf(WANIDA), { hcode: '11535', type: 'Observation', id: somsris.id! }, deps()),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect((await rows())[0]).toMatchObject({ outcome: 'failure', patientCid: WANIDA });
    expect((await rows())[0]!.details).toMatchObject({ outcome: 'not-found' });
  });
});
