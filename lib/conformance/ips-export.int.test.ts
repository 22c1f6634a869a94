/**
 * The IPS export end to end: the sandbox exchange and a real database (PGlite), through exportEmergencyIps as
 * the route calls it: the document validates against the IPS profiles and the export is audited.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientAccess } from '../access/patient-access';
import type { DoctorContext } from '../auth/guard';
import type { Database } from '../db';
import { auditLog } from '../db/schema';
import { exportEmergencyIps } from '../emergency/export';
import { createExchangeClient } from '../exchange/client';
import { findDemoPatient } from '../sandbox/demo-catalog';
import { TOKENS, startTestSandbox, type TestSandbox } from '../sandbox/test-helpers';
import { createTestDatabase } from '../testing/databases';
import { loadIpsValidator } from './ips-validator';

const doctor: DoctorContext = {
  kind: 'doctor',
  sessionId: 's1',
  licence: '12345',
  displayName: 'Dr Test',
  hospitalCode: '10661',
  role: 'ed',
  request: { clientIp: '10.0.0.1', userAgent: 'test', requestId: 'req-1' },
};

let sb: TestSandbox;
let database: Database;
beforeAll(async () => {
  sb = await startTestSandbox();
  database = await createTestDatabase('pglite');
});
afterAll(async () => {
  await database.close();
  await sb.dispose();
});

describe('the IPS export through the exchange', () => {
  it.each(['somsri', 'ekkachai'] as const)('%s: valid against the IPS profiles, and audited', async (story) => {
    const access: PatientAccess = {
      kind: 'emergency',
      id: crypto.randomUUID(),
      cid: findDemoPatient(story).cid,
      purpose: 'ETREAT',
      startedAt: new Date(),
      expiresAt: new Date(Date.now() + 3_600_000),
    };
    const exchange = createExchangeClient({ baseUrl: sb.url, token: TOKENS.exchange });
    const bundle = await exportEmergencyIps(doctor, access, { db: database.db, exchange });
    const validator = await loadIpsValidator();
    expect(validator.validate(bundle)).toEqual([]);
    const sections = (bundle.entry[0]!.resource.section as { code: { coding: { code: string }[] }; entry?: unknown[] }[]).map(
      (s) => `${s.code.coding[0]!.code}:${s.entry?.length ?? 0}`,
    );
    console.log(`IPS export ${story}: ${bundle.entry.length} entries; sections ${sections.join(' ')}`);
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.accessRef, access.id));
    expect(rows.filter((r) => r.action === 'summary-export')).toHaveLength(1);
  });
});
