import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DATABASE_KINDS } from '../testing/databases';
import type { Database } from '../db/client';
import { LICENCE_POLICY } from './throttle';
import { readThrottle, releaseAttempt, reserveAttempt } from './throttle-store';

describe.each(DATABASE_KINDS)('sign-in throttle in the database (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it('lets exactly five of 50 simultaneous guesses through and counts every one it let through', async () => {
    const now = new Date('2026-11-22T08:00:00Z');
    const keys = [{ key: 'licence:77777', policy: LICENCE_POLICY }];
    const decisions = await Promise.all(Array.from({ length: 50 }, () => reserveAttempt(database.db, keys, now)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    const refused = decisions.filter((d) => !d.allowed);
    expect(refused).toHaveLength(45);
    for (const d of refused) if (!d.allowed) expect(d.retryAt).toEqual(new Date(now.getTime() + 30_000));
    const state = await readThrottle(database.db, 'licence:77777');
    expect(state).toMatchObject({ consecutiveFailures: 5, windowFailures: 5 });
  });

  it('locks after ten failures and a success refunds the charge', async () => {
    const key = 'licence:66666';
    const keys = [{ key, policy: LICENCE_POLICY }];
    let t = new Date('2026-11-22T09:00:00Z').getTime();
    for (let i = 0; i < 10; i++) {
      const d = await reserveAttempt(database.db, keys, new Date(t));
      expect(d.allowed).toBe(true);
      t += 20 * 60_000; // beyond any back-off
    }
    const locked = await reserveAttempt(database.db, keys, new Date(t - 20 * 60_000 + 60_000));
    expect(locked.allowed).toBe(false);
    const after = await reserveAttempt(database.db, keys, new Date(t + 16 * 60_000));
    expect(after.allowed).toBe(true);
    await releaseAttempt(database.db, [key]);
    expect(await readThrottle(database.db, key)).toMatchObject({ consecutiveFailures: 0, windowFailures: 10 });
  });
});
