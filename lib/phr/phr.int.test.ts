import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { PatientAccess } from '../access/patient-access';
import type { DoctorContext } from '../auth/guard';
import type { Database } from '../db/client';
import { auditLog, phrGrants } from '../db/schema';
import { createTestDatabase, DATABASE_KINDS } from '../testing/databases';
import { TEST_TOKENS } from '../testing/global-setup';
import { sandboxControl } from '../testing/sandbox-control';
import { createPhrClient, type PhrClient } from './client';
import { requestPhrCode, verifyPhrCode, type PhrDeps } from './grants';
import { fetchPhrAnswer } from './views';

const SOMSRI = '3100400123456';
const BOONCHAI = '3100400234568';
const NOT_IN_PHR = '3100400345670';
const HOSPITAL = '11535';
const SECRET = 'test-secret-0123456789abcdef0123456789';

const sandboxUrl = inject('sandboxUrl');

// A refused read logs and counts through env(); give it a complete test configuration (logging silenced).
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
  LOG_LEVEL: 'silent',
};
for (const [k, v] of Object.entries(TEST_ENV)) vi.stubEnv(k, v);

function client(timeoutMs = 5000, password = 'sandbox-phr-password-hash'): PhrClient {
  return createPhrClient({
    baseUrl: `${sandboxUrl}/moph-phr/api`,
    accountUrl: `${sandboxUrl}/moph-phr`,
    user: 'sandbox-phr-user',
    passwordHash: password,
    timeoutMs,
    maxResponseBytes: 5 * 1024 * 1024,
  });
}

/** The newest Mor Prom app notification the stand-in sent to this person, and the code in it. */
async function latestCode(cid: string): Promise<string> {
  const res = await fetch(`${sandboxUrl}/moph-phr/_inbox?cid=${cid}`, { headers: { Authorization: `Bearer ${TEST_TOKENS.control}` } });
  const body = (await res.json()) as { notifications: { text: string }[] };
  const code = /[A-Z]{2}\d{6}/.exec(body.notifications[0]?.text ?? '')?.[0];
  if (!code) throw new Error('no Mor Prom notification');
  return code;
}

function wrongFrom(code: string): string {
  return `${code.slice(0, 2)}${String((Number(code.slice(2)) + 1) % 1_000_000).padStart(6, '0')}`;
}

afterEach(async () => {
  await sandboxControl(sandboxUrl, 'reset');
});

describe('the MOPH-PHR adapter against the stand-in', () => {
  it('reads a patient on both platforms: visits per facility, the masked visit absent, rows of this patient only', async () => {
    const phr = client();
    expect(await phr.requestOtp(HOSPITAL, SOMSRI)).toEqual({ kind: 'sent' });
    const code = await latestCode(SOMSRI);
    expect(await phr.validateOtp(HOSPITAL, SOMSRI, code)).toEqual({ kind: 'valid' });
    const read = await phr.fetchRecords(HOSPITAL, SOMSRI, code);
    expect(read.status).toBe('answered');
    const byFacility = new Map<string, number>();
    for (const v of read.rows.visits)
      byFacility.set(v.encounter.organization_code, (byFacility.get(v.encounter.organization_code) ?? 0) + 1);
    expect(byFacility.get('10661')).toBe(4);
    // Three visits at the community hospital, one of them masked by the patient.
    expect(byFacility.get('99801')).toBe(2);
    expect(read.droppedWrongPatient).toBe(0);
    expect(read.rows.droppedRows).toBe(0);
    expect(read.rows.summary?.patient.allergy_intolerance_text).toBe('PENICILLIN');
  });

  it('tells sharing off, unknown patients, wrong codes and too many attempts apart', async () => {
    const phr = client();
    expect(await phr.requestOtp(HOSPITAL, BOONCHAI)).toEqual({ kind: 'sharing-off' });
    expect(await phr.requestOtp(HOSPITAL, NOT_IN_PHR)).toEqual({ kind: 'not-found' });
    await phr.requestOtp(HOSPITAL, SOMSRI);
    const wrong = wrongFrom(await latestCode(SOMSRI));
    for (let i = 0; i < 4; i++) expect(await phr.validateOtp(HOSPITAL, SOMSRI, wrong)).toEqual({ kind: 'wrong' });
    expect(await phr.validateOtp(HOSPITAL, SOMSRI, wrong)).toEqual({ kind: 'too-many' });
    // Reads with a code that was never validated are refused, not answered empty.
    expect((await phr.fetchRecords(HOSPITAL, SOMSRI, wrong)).status).toBe('code-refused');
  });

  it('refuses wrong Account Center credentials as unavailable', async () => {
    expect(await client(5000, 'not-the-password').requestOtp(HOSPITAL, SOMSRI)).toEqual({ kind: 'unavailable', reason: 'http-401' });
  });

  it.each([
    ['errors', { errorRate: 1 }, 'error'],
    ['timeouts', { timeoutRate: 1 }, 'timeout'],
    ['an HTML page', { malformedRate: 1, malformedKind: 'html' }, 'malformed'],
    ['half a JSON body', { malformedRate: 1, malformedKind: 'truncated' }, 'malformed'],
    ['the wrong JSON shape', { malformedRate: 1, malformedKind: 'wrong-type' }, 'malformed'],
  ] as const)('fails closed on %s, and its breaker opens after three', async (_name, fault, status) => {
    const phr = client(1500);
    await phr.requestOtp(HOSPITAL, SOMSRI);
    const code = await latestCode(SOMSRI);
    await phr.validateOtp(HOSPITAL, SOMSRI, code);
    await sandboxControl(sandboxUrl, 'faults', { phr: fault });
    const first = await phr.fetchRecords(HOSPITAL, SOMSRI, code);
    expect(first.status).toBe(status);
    expect(first.rows.visits).toEqual([]);
    await phr.fetchRecords(HOSPITAL, SOMSRI, code);
    await phr.fetchRecords(HOSPITAL, SOMSRI, code);
    expect(phr.breakerPhase()).toBe('open');
    expect((await phr.fetchRecords(HOSPITAL, SOMSRI, code)).status).toBe('circuit-open');
  });

  it('still answers through latency within its deadline', async () => {
    const phr = client(10_000);
    await phr.requestOtp(HOSPITAL, SOMSRI);
    const code = await latestCode(SOMSRI);
    await phr.validateOtp(HOSPITAL, SOMSRI, code);
    await sandboxControl(sandboxUrl, 'faults', { phr: { latencyMs: [20, 60] } });
    expect((await phr.fetchRecords(HOSPITAL, SOMSRI, code)).status).toBe('answered');
  });
});

describe.each(DATABASE_KINDS)('the Mor Prom grant on %s', (kind) => {
  let database: Database;
  let clock = Date.now();
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  const doctor: DoctorContext = {
    kind: 'doctor',
    sessionId: 's-1',
    licence: '12345',
    displayName: 'Dr Test',
    hospitalCode: HOSPITAL,
    role: 'doctor',
    request: { clientIp: '10.0.0.1', userAgent: 'vitest', requestId: 'req-phr' },
  };
  function access(cid = SOMSRI): PatientAccess {
    const now = new Date(clock);
    return { kind: 'consent', id: crypto.randomUUID(), cid, purpose: 'TREAT', startedAt: now, expiresAt: new Date(clock + 12 * 3600_000) };
  }
  function deps(phr = client()): PhrDeps {
    return { db: database.db, phr, secret: SECRET, now: () => new Date(clock) };
  }

  it('grants after the right code, keeps the code sealed, and answers HospitalViews per facility, each read audited', async () => {
    clock = Date.now();
    const a = access();
    const d = deps();
    expect((await requestPhrCode(doctor, a, d)).ok).toBe(true);
    const code = await latestCode(SOMSRI);
    expect(await verifyPhrCode(doctor, a, 'not a code', d)).toEqual({ ok: false, reason: 'invalid-format' });
    expect(await verifyPhrCode(doctor, a, wrongFrom(code), d)).toEqual({ ok: false, reason: 'wrong', remaining: 4 });
    expect((await verifyPhrCode(doctor, a, code.toLowerCase(), d)).ok).toBe(true);
    const [row] = await database.db.select().from(phrGrants).where(eq(phrGrants.accessId, a.id));
    expect(row?.status).toBe('granted');
    expect(row?.sealedCode).not.toContain(code);
    const answer = await fetchPhrAnswer(doctor, a, d);
    if (answer.state !== 'granted') throw new Error(`state ${answer.state}`);
    expect(answer.status).toBe('answered');
    expect(answer.views.map((v) => v.hcode).sort()).toEqual(['phr', 'phr:10661', 'phr:99801']);
    expect(JSON.stringify(answer)).not.toContain(code);
    const reads = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accessRef, a.id), eq(auditLog.action, 'clinical-read')));
    expect(reads).toHaveLength(3);
    const verifies = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accessRef, a.id), eq(auditLog.action, 'phr-code-verify')));
    expect(verifies.map((v) => v.outcome).sort()).toEqual(['failure', 'success']);
  });

  it('refuses an expired code and a sixth wrong entry; throttles resends like our own OTP', async () => {
    clock = Date.now() + 3 * 24 * 3600_000;
    const a = access();
    const d = deps();
    expect((await requestPhrCode(doctor, a, d)).ok).toBe(true);
    const again = await requestPhrCode(doctor, a, d);
    expect(again).toMatchObject({ ok: false, reason: 'resend-too-soon' });
    const code = await latestCode(SOMSRI);
    clock += 3600_000 + 1000;
    expect(await verifyPhrCode(doctor, a, code, d)).toEqual({ ok: false, reason: 'expired' });

    clock += 120_000;
    const b = access();
    expect((await requestPhrCode(doctor, b, d)).ok).toBe(true);
    const wrong = wrongFrom(await latestCode(SOMSRI));
    for (let i = 4; i >= 1; i--) expect(await verifyPhrCode(doctor, b, wrong, d)).toEqual({ ok: false, reason: 'wrong', remaining: i });
    expect(await verifyPhrCode(doctor, b, wrong, d)).toEqual({ ok: false, reason: 'too-many' });
    expect(await verifyPhrCode(doctor, b, wrong, d)).toEqual({ ok: false, reason: 'no-request' });
  });

  it('fails closed: without its audit row, a Mor Prom read returns nothing', async () => {
    clock = Date.now() + 9 * 24 * 3600_000;
    const a = access();
    const d = deps();
    expect((await requestPhrCode(doctor, a, d)).ok).toBe(true);
    expect((await verifyPhrCode(doctor, a, await latestCode(SOMSRI), d)).ok).toBe(true);
    await database.runner.exec('ALTER TABLE audit_log RENAME TO audit_log_gone');
    try {
      await expect(fetchPhrAnswer(doctor, a, d)).rejects.toMatchObject({ code: 'audit-unavailable' });
    } finally {
      await database.runner.exec('ALTER TABLE audit_log_gone RENAME TO audit_log');
    }
  });

  it("says so when the patient turned sharing off, and never grants another access's code", async () => {
    clock = Date.now() + 12 * 24 * 3600_000;
    expect(await requestPhrCode(doctor, access(BOONCHAI), deps())).toEqual({ ok: false, reason: 'sharing-off' });
    const a = access();
    expect((await requestPhrCode(doctor, a, deps())).ok).toBe(true);
    expect(await fetchPhrAnswer(doctor, access(), deps())).toEqual({ state: 'none' });
  });
});

describe('the stand-in refuses what MOPH-PHR would', () => {
  async function post(path: string, token: string, body: unknown): Promise<number> {
    const res = await fetch(`${sandboxUrl}/moph-phr${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return res.status;
  }

  it('opens reads only with an Account Center JWT: not the exchange token, not a hospital upload token', async () => {
    expect(await post('/api/WebApp?Action=Encounter', TEST_TOKENS.exchange, { cid: SOMSRI, otp: 'AB123456' })).toBe(401);
    expect(await post('/api/RequestTokenv1', '99999:upload-token', { cid: SOMSRI })).toBe(401);
    expect(
      await post('/token?Action=get_moph_access_token', '', { user: 'sandbox-phr-user', password_hash: 'wrong', hospital_code: HOSPITAL }),
    ).toBe(401);
    const inbox = await fetch(`${sandboxUrl}/moph-phr/_inbox`);
    expect(inbox.status).toBe(401);
    // The demo page shows what the patients' apps received (loopback only), escaped.
    const page = await fetch(`${sandboxUrl}/moph-phr/inbox`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Mor Prom');
  });
});
