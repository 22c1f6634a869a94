import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/verify';
import type { Database } from '../db';
import { auditLog, termsAcceptances } from '../db/schema';
import { DATABASE_KINDS, createTestDatabase } from '../testing/databases';
import { acceptTerms, hasAcceptedTerms } from './acceptance';
import { TERMS_VERSION } from './content';

const T0 = new Date('2026-12-06T03:00:00Z');
const doctor = { licence: '12345', hospitalCode: null, request: { clientIp: '127.0.0.1', userAgent: 'vitest', requestId: 'int-terms' } };

describe.each(DATABASE_KINDS)('terms of use acceptance on %s', (kind) => {
  let database: Database;
  const deps = () => ({ db: database.db, now: () => T0 });

  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await database.close();
  });

  it('stores and audits an acceptance once per version, and a new version asks again', async () => {
    expect(await hasAcceptedTerms(database.db, '12345', TERMS_VERSION)).toBe(false);
    expect(await acceptTerms(doctor, { version: TERMS_VERSION, accept: 'yes' }, deps(), TERMS_VERSION)).toEqual({ ok: true });
    expect(await acceptTerms(doctor, { version: TERMS_VERSION, accept: 'yes' }, deps(), TERMS_VERSION)).toEqual({ ok: true });
    expect(await hasAcceptedTerms(database.db, '12345', TERMS_VERSION)).toBe(true);
    expect(await hasAcceptedTerms(database.db, '24680', TERMS_VERSION)).toBe(false);
    expect(await database.db.select().from(termsAcceptances)).toEqual([
      { licenceNumber: '12345', version: TERMS_VERSION, acceptedAt: T0, hospitalCode: null },
    ]);
    const audit = await database.db.select().from(auditLog);
    expect(audit.map((r) => [r.action, r.outcome, r.actorId, r.details])).toEqual([
      ['terms-accept', 'success', '12345', { version: TERMS_VERSION }],
    ]);
    expect((await verifyAuditLog(database.db)).ok).toBe(true);

    expect(await hasAcceptedTerms(database.db, '12345', '2099-01-01')).toBe(false);
  });

  it('accepts nothing without the tick, or for a version other than the current one', async () => {
    expect(await acceptTerms(doctor, { version: TERMS_VERSION }, deps(), TERMS_VERSION)).toEqual({ ok: false, reason: 'invalid' });
    expect(await acceptTerms(doctor, { version: 'old', accept: 'yes' }, deps(), TERMS_VERSION)).toEqual({
      ok: false,
      reason: 'stale-version',
    });
    expect(await database.db.select().from(termsAcceptances)).toEqual([]);
    expect(await database.db.select().from(auditLog)).toEqual([]);
  });
});
