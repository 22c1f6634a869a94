import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendAudit } from '../audit/append';
import { openDatabase, type Database } from '../db/client';
import { accessDigestSends, auditLog } from '../db/schema';
import { createExchangeClient } from '../exchange/client';
import { createSmsGateway, type SmsGateway } from '../sms/sms-gateway';
import { createTestDatabase, DATABASE_KINDS } from '../testing/databases';
import { TEST_TOKENS } from '../testing/global-setup';
import { sendDailyDigests, setDigestChoice } from './service';

const sandboxUrl = inject('sandboxUrl');
const SOMSRI = '3100400123456';
const BOONCHAI = '3100400234568';
const request = { clientIp: '127.0.0.1', userAgent: 'vitest', requestId: 'int-digest' };
// 09:00 on 6 Dec in Bangkok: the digest for 5 Dec may go out.
const NOW = new Date('2026-12-06T02:00:00Z');
const ON_DAY = new Date('2026-12-05T03:00:00Z');

/** The sandbox's SMS gateway, remembering what was sent. */
function recordingSms(): SmsGateway & { sent: { to: string; text: string }[] } {
  const real = createSmsGateway({ baseUrl: sandboxUrl, token: TEST_TOKENS.sms, timeoutMs: 30_000 });
  const sent: { to: string; text: string }[] = [];
  return {
    sent,
    async send(to, text) {
      sent.push({ to, text });
      return real.send(to, text);
    },
  };
}

describe.each(DATABASE_KINDS)('daily access digest on %s', (kind) => {
  let database: Database & { url?: string };
  const exchange = createExchangeClient({ baseUrl: sandboxUrl, token: TEST_TOKENS.exchange, timeoutMs: 30_000 });
  const open = (cid: string, hospitalCode: string, purpose: 'TREAT' | 'ETREAT', at = ON_DAY) =>
    appendAudit(
      database.db,
      { actorType: 'doctor', actorId: '12345', hospitalCode, action: 'record-open', outcome: 'success', patientCid: cid, purpose },
      at,
    );

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await setDigestChoice(database.db, SOMSRI, true, request, new Date('2026-12-01T00:00:00Z'));
    await open(SOMSRI, '11535', 'TREAT');
    await open(SOMSRI, '11535', 'TREAT');
    await open(SOMSRI, '10661', 'ETREAT');
    await open(SOMSRI, '11535', 'TREAT', new Date('2026-12-05T18:00:00Z')); // 6 Dec in Bangkok: tomorrow's digest
    await open(BOONCHAI, '11535', 'TREAT'); // opened, but Boonchai did not choose the digest
  });
  afterAll(async () => {
    await database.close();
  });

  it('sends one SMS per patient and day, naming hospitals and counts only, even with two instances at once', async () => {
    const sms = recordingSms();
    // A second instance: its own connection to the same database (PGlite is one process: run it after).
    const second = kind === 'postgres' ? await openDatabase({ url: database.url! }) : null;
    const run = (db: Database['db']) => sendDailyDigests({ db, exchange, sms, now: () => NOW });
    const results = second ? await Promise.all([run(database.db), run(second.db)]) : [await run(database.db), await run(database.db)];
    await second?.close();
    expect(results.map((r) => r.sent).reduce((a, b) => a + b)).toBe(1);
    expect(results.map((r) => r.alreadyClaimed).reduce((a, b) => a + b)).toBe(1);
    expect(sms.sent).toHaveLength(1);
    const [{ to, text }] = sms.sent as [{ to: string; text: string }];
    expect(to).toBe('0812345678');
    expect(text).toMatch(/^Health Link: วันที่ 5 ธ\.ค\. 2569/);
    expect(text).toContain('โรงพยาบาลกลาง 2 ครั้ง');
    expect(text).toContain('โรงพยาบาลราชวิถี 1 ครั้ง (ฉุกเฉิน 1)');
    expect(text).not.toMatch(/12345|3100400/);
    // A later look the same day sends nothing more.
    expect((await run(database.db)).sent).toBe(0);
    expect(sms.sent).toHaveLength(1);
    const claims = await database.db.select().from(accessDigestSends);
    expect(claims).toEqual([expect.objectContaining({ patientCid: SOMSRI, digestDate: '2026-12-05', outcome: 'sent' })]);
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.action, 'digest-send'));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ patientCid: SOMSRI, details: { day: '2026-12-05', hospitals: 2, opens: 3, result: 'sent' } });
  });

  it('sends nothing before 08:00 Bangkok time, and nothing once the patient opts out', async () => {
    const sms = recordingSms();
    expect(await sendDailyDigests({ db: database.db, exchange, sms, now: () => new Date('2026-12-06T23:30:00Z') })).toMatchObject({
      day: null,
    });
    await setDigestChoice(database.db, SOMSRI, false, request, NOW);
    const next = await sendDailyDigests({ db: database.db, exchange, sms, now: () => new Date('2026-12-07T02:00:00Z') });
    expect(next).toMatchObject({ day: '2026-12-06', sent: 0 });
    expect(sms.sent).toHaveLength(0);
    const choices = await database.db.select().from(auditLog).where(eq(auditLog.action, 'digest-choice'));
    expect(choices.map((c) => c.details)).toEqual([{ enabled: true }, { enabled: false }]);
  });
});
