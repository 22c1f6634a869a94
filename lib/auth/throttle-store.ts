import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { authThrottle } from '../db/schema';
import { EMPTY_THROTTLE, evaluateThrottle, recordFailure, recordSuccess, type ThrottlePolicy, type ThrottleState } from './throttle';

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAt: Date };

async function lockedState(tx: Db, key: string, now: Date): Promise<ThrottleState> {
  await tx.insert(authThrottle).values({ key, consecutiveFailures: 0, windowStartedAt: now, windowFailures: 0 }).onConflictDoNothing();
  // Row lock: parallel attempts on one key are decided one after another, so none slips past a limit.
  const [row] = await tx.select().from(authThrottle).where(eq(authThrottle.key, key)).for('update');
  return row ?? EMPTY_THROTTLE(now);
}

/**
 * Reserves one attempt for every key: refused if any key is throttled; otherwise each key is charged a
 * failure now (before the slow credential check), and `releaseAttempt` refunds it on success. Counting
 * first means 50 parallel guesses are charged 50 failures, not 0.
 */
export async function reserveAttempt(db: Db, keys: { key: string; policy: ThrottlePolicy }[], now = new Date()): Promise<ThrottleDecision> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const states = [];
    for (const { key, policy } of keys) {
      const state = await lockedState(tx, key, now);
      const decision = evaluateThrottle(state, now, policy);
      if (!decision.allowed) return decision;
      states.push({ key, policy, state });
    }
    for (const { key, policy, state } of states) {
      const next = recordFailure(state, now, policy);
      await tx.update(authThrottle).set(next).where(eq(authThrottle.key, key));
    }
    return { allowed: true } as const;
  });
}

/** Refunds the failure charged by `reserveAttempt` after a successful sign-in. */
export async function releaseAttempt(db: Db, keys: string[]): Promise<void> {
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    for (const key of keys) {
      const [row] = await tx.select().from(authThrottle).where(eq(authThrottle.key, key)).for('update');
      if (!row) continue;
      const next = recordSuccess(row);
      await tx
        .update(authThrottle)
        .set({ ...next, windowFailures: sql`greatest(${authThrottle.windowFailures} - 1, 0)` })
        .where(eq(authThrottle.key, key));
    }
  });
}

/** A licence's or address's throttle row, for tests and the admin view. */
export async function readThrottle(db: Db, key: string): Promise<ThrottleState | undefined> {
  const [row] = await db.select().from(authThrottle).where(eq(authThrottle.key, key));
  return row;
}
