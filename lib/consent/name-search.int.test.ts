import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Database } from '../db';
import { auditLog, nameSearches } from '../db/schema';
import { createExchangeClient } from '../exchange/client';
import { DATABASE_KINDS, createTestDatabase } from '../testing/databases';
import { TEST_TOKENS } from '../testing/global-setup';
import { createSmsGateway } from '../sms/sms-gateway';
import type { ConsentDeps, ConsentDoctor } from './deps';
import { lookupPatient } from './lookup';
import { searchPatientsByName, type NameSearchDeps } from './name-search';
import { MAX_NAME_SEARCHES_PER_DOCTOR_HOUR } from './name-search-rules';

const sandboxUrl = inject('sandboxUrl');
const SECRET = 'integration-secret-0123456789abcdef012345';
const T0 = new Date('2026-11-20T03:00:00Z');
const SOMSRI = '3100400123456';

const doctor: ConsentDoctor = {
  licence: '24680',
  hospitalCode: '11539',
  role: 'doctor',
  displayName: 'พญ.ทดสอบ / Dr Test',
  request: { clientIp: '127.0.0.1', userAgent: 'vitest', requestId: 'int-name-search' },
};
const somsri = (over: Record<string, string> = {}) => ({ given: 'สมศรี', family: 'มีสุข', birth: '', calendar: 'buddhist', ...over });

describe.each(DATABASE_KINDS)('search by name against the sandbox on %s', (kind) => {
  let database: Database;
  let deps: ConsentDeps & NameSearchDeps;
  let clock: Date;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    clock = T0;
    deps = {
      db: database.db,
      exchange: createExchangeClient({ baseUrl: sandboxUrl, token: TEST_TOKENS.exchange, timeoutMs: 30_000 }),
      secret: SECRET,
      consentHours: 12,
      sms: createSmsGateway({ baseUrl: sandboxUrl, token: TEST_TOKENS.sms, timeoutMs: 30_000 }),
      now: () => clock,
    };
  });
  afterEach(async () => {
    await database.close();
  });

  it('asks for a birth year when more than five share the name, then shows the few born that year, IDs masked', async () => {
    const broad = await searchPatientsByName(doctor, somsri({ family: 'มี่สุข ' }), deps);
    expect(broad).toEqual({ ok: false, reason: 'needs-birth' });

    const found = await searchPatientsByName(doctor, somsri({ birth: '2507' }), deps);
    if (!found.ok) throw new Error(found.reason);
    expect(found.candidates.map((c) => c.birthDate).sort()).toEqual(['1964-03-12', '1964-09-30']);
    const her = found.candidates.find((c) => c.birthDate === '1964-03-12')!;
    expect(her).toMatchObject({ nameTh: 'นางสมศรี มีสุข', gender: 'female', cidMasked: '•-••••-••••3-45-6', sharingHospitals: 5 });
    expect(JSON.stringify(found)).not.toContain(SOMSRI);

    // Choosing her is a lookup by her sealed token: the same consent path, the ID still masked on the card.
    const chosen = await lookupPatient(doctor, { by: 'candidate', value: her.token }, deps);
    if (!chosen.ok) throw new Error(chosen.reason);
    expect(chosen.patient).toMatchObject({ identifier: '•-••••-••••3-45-6', sharingHospitals: 5, phoneMasked: '••• ••• 5678' });
    // Another doctor's, or an expired, token finds nobody.
    const other = await lookupPatient({ ...doctor, licence: '13579' }, { by: 'candidate', value: her.token }, deps);
    expect(other).toEqual({ ok: false, reason: 'not-found' });
    clock = new Date(T0.getTime() + 16 * 60_000);
    expect(await lookupPatient(doctor, { by: 'candidate', value: her.token }, deps)).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it('finds by English name in any case and refuses more than ten even with a birth year', async () => {
    const en = await searchPatientsByName(
      doctor,
      somsri({ given: 'SOMSRI', family: 'meesuk', birth: '12/03/1964', calendar: 'gregory' }),
      deps,
    );
    expect(en.ok && en.candidates.map((c) => c.cidMasked)).toEqual(['•-••••-••••3-45-6']);
    const somchai = await searchPatientsByName(doctor, somsri({ given: 'สมชาย', family: 'ใจดี', birth: '2518' }), deps);
    expect(somchai).toEqual({ ok: false, reason: 'too-broad' });
    const nobody = await searchPatientsByName(doctor, somsri({ given: 'ไม่มี', family: 'ใครเลย' }), deps);
    expect(nobody).toEqual({ ok: false, reason: 'none' });
  });

  it('answers bad input field by field and records nothing for it', async () => {
    const bad = await searchPatientsByName(doctor, somsri({ given: 'สมศรี1', birth: '1964' }), deps);
    expect(bad).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { given: { key: 'nameSearch.error.nameChars' }, birth: { key: 'nameSearch.error.birth' } },
    });
    expect(await database.db.select().from(nameSearches)).toEqual([]);
  });

  it('audits each search with its terms in their own columns, linked to a hash-chained row without the name', async () => {
    await searchPatientsByName(doctor, somsri({ given: ' สม\u200Bศรี ', family: 'มี่สุข', birth: '2507' }), deps);
    const [row] = await database.db.select().from(nameSearches);
    expect(row).toMatchObject({
      licenceNumber: '24680',
      hospitalCode: '11539',
      givenName: 'สมศรี',
      familyName: 'มี่สุข',
      nameKey: 'สมศรี มีสุข',
      birthDate: null,
      birthYear: 1964,
      outcome: 'candidates',
      matchCount: 2,
    });
    expect(row!.shownCids).toContain(SOMSRI);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.id, row!.auditId));
    expect(audit).toMatchObject({ action: 'patient-name-search', outcome: 'success', actorId: '24680', patientCid: null });
    expect(audit!.details).toEqual({ result: 'candidates', script: 'thai', birth: 'year', matches: 2, shown: 2 });
    expect(JSON.stringify(audit)).not.toContain('สมศรี');
    // An audit record: it cannot be edited or removed afterwards.
    await expect(database.runner.query("UPDATE name_searches SET given_name = 'x'")).rejects.toThrow(/append-only/);
    await expect(database.runner.query('DELETE FROM name_searches')).rejects.toThrow(/append-only/);
  });

  it('limits name searches per doctor per hour, recording the refusals, and lets them go again an hour later', async () => {
    for (let i = 0; i < MAX_NAME_SEARCHES_PER_DOCTOR_HOUR; i++) {
      const r = await searchPatientsByName(doctor, somsri({ given: 'ไม่มี', family: `ใคร${'ก'.repeat(i + 1)}` }), deps);
      expect(r).toEqual({ ok: false, reason: 'none' });
    }
    const refused = await searchPatientsByName(doctor, somsri(), deps);
    expect(refused).toMatchObject({ ok: false, reason: 'name-search-limit', limit: MAX_NAME_SEARCHES_PER_DOCTOR_HOUR });
    const rows = await database.db.select().from(nameSearches).where(eq(nameSearches.outcome, 'limit'));
    expect(rows).toHaveLength(1);
    // Another doctor is not limited by this one.
    expect(await searchPatientsByName({ ...doctor, licence: '13579' }, somsri(), deps)).toEqual({ ok: false, reason: 'needs-birth' });
    clock = new Date(T0.getTime() + 3600_000 + 1);
    expect(await searchPatientsByName(doctor, somsri(), deps)).toEqual({ ok: false, reason: 'needs-birth' });
  });
});
