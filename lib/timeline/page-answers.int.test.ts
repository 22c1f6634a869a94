/**
 * The record page's early reads against the running sandbox exchange and a real database (issue 19): the
 * hospitals the access recorded are asked at once, but only those the exchange's re-check lists reach the
 * page; a discarded answer is audited as read and not shown; a failed re-check shows nothing; the access's
 * stored list is refreshed from the exchange.
 */
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findActiveAccess, type PatientAccess } from '../access/patient-access';
import type { DoctorContext } from '../auth/guard';
import type { Database } from '../db';
import { auditLog, consentChallenges, consents } from '../db/schema';
import { createExchangeClient } from '../exchange/client';
import { findDemoPatient } from '../sandbox/demo-catalog';
import { TOKENS, startTestSandbox, type TestSandbox } from '../sandbox/test-helpers';
import { createTestDatabase } from '../testing/databases';
import { startPageRecord } from './page-answers';
import { lineAssembler, type TimelineLine } from './stream-lines';
import { wireDecoder, type WirePart } from './wire';

const doctor: DoctorContext = {
  kind: 'doctor',
  sessionId: 's1',
  licence: '12345',
  displayName: 'Dr Test',
  hospitalCode: '11535',
  role: 'doctor',
  request: { clientIp: '10.0.0.1', userAgent: 'test', requestId: 'req-1' },
};
const boonchai = findDemoPatient('boonchai');
// Boonchai shares with these three; 11535 holds nothing shared for him.
const SHARING = ['11536', '10702', '13781'];
const STALE = '11535';

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
  await sb.post('/_sandbox/faults', { index: null }, TOKENS.control);
  await database.close();
});

const deps = () => ({ db: database.db, exchange: createExchangeClient({ baseUrl: sb.url, token: TOKENS.exchange, timeoutMs: 3000 }) });

/** A consent in force whose recorded sharing list is `sharing`, read back as the entry layer reads it. */
async function consentWith(sharing: string[] | null): Promise<PatientAccess> {
  const id = crypto.randomUUID();
  const challengeId = crypto.randomUUID();
  const now = new Date();
  const base = { licenceNumber: doctor.licence, hospitalCode: doctor.hospitalCode, patientCid: boonchai.cid, purpose: 'TREAT' as const };
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
  await database.db.insert(consents).values({
    id,
    ...base,
    method: 'otp',
    challengeId,
    startedAt: now,
    expiresAt: new Date(now.getTime() + 3600_000),
    sharingHcodes: sharing,
  });
  const access = await findActiveAccess(database.db, doctor, id);
  expect(access?.sharingHcodes ?? null).toEqual(sharing);
  return access!;
}

/** The hospitals an answer speaks for and whose records it carries (fact ids begin with the hcode), decoded as the browser does. */
async function hospitalsIn(answer: Promise<string[]>): Promise<string[]> {
  const wire = wireDecoder();
  const assembler = lineAssembler();
  const seen = new Set<string>();
  for (const text of await answer) {
    const line = wire.decode(JSON.parse(text) as WirePart) as unknown as TimelineLine;
    const done = assembler.add(line);
    if (done && 'view' in done) for (const f of done.view.facts) seen.add(f.id.split('/')[0]!);
    if (done) seen.add(done.hcode);
  }
  return [...seen];
}

const auditOf = (action: 'clinical-read', outcome: 'success' | 'failure' | 'denied') =>
  database.db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.outcome, outcome)));

async function eventually<T>(read: () => Promise<T[]>, length: number): Promise<T[]> {
  for (let i = 0; i < 100; i++) {
    const rows = await read();
    if (rows.length >= length) return rows;
    await new Promise((r) => setTimeout(r, 50));
  }
  return read();
}

describe('startPageRecord', () => {
  it('asks the recorded hospitals at once and hands the page exactly the ones the exchange lists', async () => {
    const access = await consentWith([...SHARING]);
    const { context, answers } = await startPageRecord(doctor, access, deps());
    expect(context.ok && context.hospitals.map((h) => h.code).sort()).toEqual([...SHARING].sort());
    expect(Object.keys(answers).sort()).toEqual([...SHARING].sort());
    for (const hcode of SHARING) expect(await hospitalsIn(answers[hcode]!)).toEqual([hcode]);
    expect(await auditOf('clinical-read', 'denied')).toHaveLength(0);
  });

  it('discards the answer of a hospital the re-check no longer lists, audits it, and asks a newly listed one', async () => {
    // Recorded: one hospital Boonchai no longer shares with, and one of his three missing.
    const access = await consentWith([STALE, '11536', '10702']);
    const { answers } = await startPageRecord(doctor, access, deps());
    expect(Object.keys(answers).sort()).toEqual([...SHARING].sort());
    expect(answers[STALE]).toBeUndefined();
    for (const hcode of SHARING) expect(await hospitalsIn(answers[hcode]!)).toEqual([hcode]);
    const denied = await eventually(() => auditOf('clinical-read', 'denied'), 1);
    expect(denied.map((r) => r.details)).toEqual([{ sourceHospital: STALE, reason: 'not-shared-on-recheck', shown: false }]);
    // The stale hospital was really asked (and its read audited like any other), the new one too.
    const reads = await eventually(
      () =>
        database.db
          .select({ details: auditLog.details })
          .from(auditLog)
          .where(and(eq(auditLog.action, 'clinical-read'), ne(auditLog.outcome, 'denied'))),
      4,
    );
    expect(reads.map((r) => (r.details as { sourceHospital: string }).sourceHospital).sort()).toEqual([STALE, ...SHARING].sort());
  });

  it('refreshes the access’s recorded list when the exchange’s differs, so the next load asks the right ones', async () => {
    const access = await consentWith([STALE]);
    await startPageRecord(doctor, access, deps());
    await eventually(async () => {
      const again = await findActiveAccess(database.db, doctor, access.id);
      return again?.sharingHcodes?.length === SHARING.length ? [again] : [];
    }, 1);
    const again = await findActiveAccess(database.db, doctor, access.id);
    expect([...(again?.sharingHcodes ?? [])].sort()).toEqual([...SHARING].sort());
  });

  it('without a recorded list, asks every listed hospital once the exchange has named them', async () => {
    const access = await consentWith(null);
    const { answers } = await startPageRecord(doctor, access, deps());
    expect(Object.keys(answers).sort()).toEqual([...SHARING].sort());
    for (const hcode of SHARING) expect(await hospitalsIn(answers[hcode]!)).toEqual([hcode]);
  });

  it('shows nothing when the re-check fails, and audits every early answer as not shown', async () => {
    const access = await consentWith([...SHARING]);
    expect((await sb.post('/_sandbox/faults', { index: { errorRate: 1 } }, TOKENS.control)).status).toBe(200);
    const { context, answers } = await startPageRecord(doctor, access, deps());
    expect(context).toMatchObject({ ok: false, reason: 'exchange-unavailable' });
    expect(answers).toEqual({});
    const denied = await eventually(() => auditOf('clinical-read', 'denied'), 3);
    expect(denied.map((r) => (r.details as { sourceHospital: string }).sourceHospital).sort()).toEqual([...SHARING].sort());
  });
});
