import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../db/client';
import { auditLog, sessions } from '../db/schema';
import { createDoctorRegistry } from '../registry/doctor-registry';
import { createTestDatabase, DATABASE_KINDS } from '../testing/databases';
import { TEST_TOKENS } from '../testing/global-setup';
import { sandboxControl } from '../testing/sandbox-control';
import { REFRESH_ACTIVE_WITHIN_MS, REFRESH_AHEAD_MS, refreshLicences } from './licence-refresh';
import { createSession, loadSession } from './sessions';

const sandboxUrl = inject('sandboxUrl');
const registry = createDoctorRegistry({ baseUrl: sandboxUrl, token: TEST_TOKENS.council, timeoutMs: 2000 });
const HOUR = 3_600_000;

describe.each(DATABASE_KINDS)('background licence refresh (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });
  afterEach(async () => {
    await sandboxControl(sandboxUrl, 'reset');
  });

  /** A doctor session signed in at `signedIn`, last used at `lastSeen`. */
  const session = async (licence: string, signedIn: Date, lastSeen: Date) => {
    const row = await createSession(
      database.db,
      { kind: 'doctor', subject: licence, displayName: `Dr ${licence}`, hospitalCode: '11535', role: 'doctor' },
      12 * HOUR,
      signedIn,
    );
    await database.db.update(sessions).set({ lastSeenAt: lastSeen }).where(eq(sessions.id, row.id));
    return row.id;
  };

  it('re-checks working doctors before their check falls due and ends the sessions of a suspended licence', async () => {
    const now = new Date('2026-11-22T10:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const working = await session('12345', ago(REFRESH_AHEAD_MS + 5_000), ago(1_000));
    const justChecked = await session('23456', ago(REFRESH_AHEAD_MS - 5_000), ago(1_000));
    const away = await session('34567', ago(REFRESH_ACTIVE_WITHIN_MS + 60_000), ago(REFRESH_ACTIVE_WITHIN_MS + 1_000));
    const suspended = await session('45678', ago(REFRESH_AHEAD_MS + 5_000), ago(1_000));

    const round = await refreshLicences(database.db, registry, now);

    expect(round).toEqual({ licences: 2, fresh: 1, refused: 1, ended: 1, unavailable: 0 });
    expect((await loadSession(database.db, working))?.registryCheckedAt).toEqual(now);
    expect((await loadSession(database.db, justChecked))?.registryCheckedAt).toEqual(ago(REFRESH_AHEAD_MS - 5_000));
    expect((await loadSession(database.db, away))?.registryCheckedAt).toEqual(ago(REFRESH_ACTIVE_WITHIN_MS + 60_000));
    const ended = await loadSession(database.db, suspended);
    expect(ended).toMatchObject({ endedAt: now, endReason: 'licence-suspended' });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.actorId, '45678'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'session-expired',
      actorType: 'doctor',
      details: { reason: 'licence-suspended', by: 'licence-refresh' },
    });
  });

  it('leaves the check as it was while the registry is down (the request path then waits for its own check)', async () => {
    const now = new Date('2026-11-22T11:00:00Z');
    const signedIn = new Date(now.getTime() - REFRESH_AHEAD_MS - 10_000);
    const id = await session('12345', signedIn, new Date(now.getTime() - 1_000));
    await sandboxControl(sandboxUrl, 'faults', { council: { errorRate: 1 } });

    expect(await refreshLicences(database.db, registry, now)).toEqual({ licences: 1, fresh: 0, refused: 0, ended: 0, unavailable: 1 });
    expect(await loadSession(database.db, id)).toMatchObject({ registryCheckedAt: signedIn, endedAt: null });
  });
});
