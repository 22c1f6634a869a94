import 'server-only';
import { and, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import { appendAudit } from '../audit/append';
import type { Db } from '../db';
import { sessions } from '../db/schema';
import { logger } from '../log';
import { metrics } from '../metrics';
import type { DoctorRegistry } from '../registry/doctor-registry';
import { licenceVerdict } from './session-rules';

/**
 * Every doctor's licence is re-checked with the Medical Council registry at most every 60 s, and a request
 * whose check is older than that waits for a fresh one (lib/auth/guard.ts). That wait is the registry's
 * latency (80–250 ms in the sandbox), and a timeline's twelve reads all paid it at once. So the licences of
 * doctors working right now are re-checked here, in the background, before their check falls due: requests
 * then find it fresh. Nothing about the rule changes: the request path still refuses to go on with a check
 * older than 60 s, so a slow or failed refresh only means the request waits, as before. The refresh reads
 * and writes only PostgreSQL, so every instance may run it (duplicate checks are harmless).
 */
export const REFRESH_AHEAD_MS = 40_000; // 20 s before REGISTRY_RECHECK_MS (60 s)
/** Only sessions used this recently are kept fresh; a doctor back from a pause waits for one check. */
export const REFRESH_ACTIVE_WITHIN_MS = 2 * 60_000;
export const REFRESH_EVERY_MS = 10_000;
const MAX_PER_ROUND = 500;
const PARALLEL_CALLS = 8;

export interface RefreshRound {
  licences: number;
  /** Licences still active (their sessions' check moved to now). */
  fresh: number;
  /** Licences suspended, revoked or unknown, and the sessions this ended. */
  refused: number;
  ended: number;
  unavailable: number;
}

/** One round: re-checks the licences of active doctor sessions whose check is older than REFRESH_AHEAD_MS. */
export async function refreshLicences(db: Db, registry: Pick<DoctorRegistry, 'getPractitioner'>, now = new Date()): Promise<RefreshRound> {
  const due = await db
    .select({ id: sessions.id, subject: sessions.subject, role: sessions.role, hospitalCode: sessions.hospitalCode })
    .from(sessions)
    .where(
      and(
        eq(sessions.kind, 'doctor'),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - REFRESH_ACTIVE_WITHIN_MS)),
        lt(sessions.registryCheckedAt, new Date(now.getTime() - REFRESH_AHEAD_MS)),
      ),
    )
    .orderBy(sessions.registryCheckedAt)
    .limit(MAX_PER_ROUND);
  const byLicence = new Map<string, typeof due>();
  for (const s of due) byLicence.set(s.subject, [...(byLicence.get(s.subject) ?? []), s]);
  const round: RefreshRound = { licences: byLicence.size, fresh: 0, refused: 0, ended: 0, unavailable: 0 };
  const queue = [...byLicence];
  const worker = async (): Promise<void> => {
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      const [licence, rows] = next;
      const ids = rows.map((r) => r.id);
      const verdict = licenceVerdict(await registry.getPractitioner(licence));
      if (verdict.kind === 'unavailable') {
        round.unavailable++;
        continue;
      }
      if (verdict.kind === 'active') {
        // Never moves a check backwards (a request may have checked meanwhile).
        await db
          .update(sessions)
          .set({ registryCheckedAt: now })
          .where(and(inArray(sessions.id, ids), lt(sessions.registryCheckedAt, now)));
        round.fresh++;
        continue;
      }
      const { reason } = verdict;
      const ended = await db
        .update(sessions)
        .set({ endedAt: now, endReason: reason })
        .where(and(inArray(sessions.id, ids), isNull(sessions.endedAt)))
        .returning({ id: sessions.id });
      for (const row of rows.filter((r) => ended.some((e) => e.id === r.id))) {
        await appendAudit(db, {
          actorType: 'doctor',
          actorId: row.subject,
          actorRole: row.role,
          hospitalCode: row.hospitalCode,
          action: 'session-expired',
          outcome: 'success',
          details: { reason, by: 'licence-refresh' },
        });
      }
      round.refused++;
      round.ended += ended.length;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CALLS, queue.length) }, worker));
  const m = metrics().licenceChecks;
  m.inc({ outcome: 'active' }, round.fresh);
  m.inc({ outcome: 'refused' }, round.refused);
  m.inc({ outcome: 'unavailable' }, round.unavailable);
  return round;
}

/** Runs refreshLicences every REFRESH_EVERY_MS (rounds never overlap); returns a stop function. */
export function startLicenceRefresh(open: () => Promise<Db>, registry: () => Pick<DoctorRegistry, 'getPractitioner'>): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    open()
      .then((db) => refreshLicences(db, registry()))
      .then((round) => {
        if (round.ended > 0) logger().info({ ended: round.ended }, 'sessions ended: licence no longer active');
      })
      .catch((error: unknown) => logger().warn({ err: error instanceof Error ? error.message : 'unknown' }, 'licence refresh round failed'))
      .finally(() => {
        running = false;
      });
  }, REFRESH_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
