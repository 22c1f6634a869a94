import 'server-only';
import { adminActor, type AdminActor } from './actor';
import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { auditLog, emergencyAccesses } from '../db/schema';
import { AppError } from '../errors';
import { appendAudit } from './append';
import { REVIEW_OVERDUE_MS, type ReviewOutcome } from './queries';
import { mergeSummaries, summariseDetails, type AccessSummary } from './summary';

export const REVIEW_OUTCOMES = ['justified', 'not-justified', 'referred'] as const satisfies readonly ReviewOutcome[];

export const reviewQueueFilterSchema = z.object({
  show: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['unreviewed', 'all', ...REVIEW_OUTCOMES]).default('unreviewed')),
});
export type ReviewQueueFilter = z.infer<typeof reviewQueueFilterSchema>;

export const reviewInputSchema = z.object({
  accessId: z.uuid(),
  outcome: z.enum(REVIEW_OUTCOMES),
  comment: z.string().trim().min(5, 'comment-short').max(2000, 'comment-long'),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/** An emergency access as the review queue shows it: who, which patient, why, how long, what was viewed. */
export interface EmergencyReviewView {
  id: string;
  licence: string;
  patientCid: string;
  reasonCode: string;
  reasonText: string;
  startedAt: string;
  expiresAt: string;
  endedAt: string | null;
  durationMinutes: number;
  review: { outcome: ReviewOutcome; comment: string; by: string; at: string } | null;
  overdue: boolean;
  viewed: AccessSummary & { reads: number };
}

/** The hospital's emergency accesses for review, newest first (unreviewed: oldest first, most urgent on top). */
export async function listEmergencyReviews(
  db: Db,
  hospitalCode: string,
  filter: ReviewQueueFilter,
  now = new Date(),
  limit = 200,
): Promise<EmergencyReviewView[]> {
  const where: SQL[] = [eq(emergencyAccesses.hospitalCode, hospitalCode)];
  if (filter.show === 'unreviewed') where.push(isNull(emergencyAccesses.reviewOutcome));
  else if (filter.show !== 'all') where.push(eq(emergencyAccesses.reviewOutcome, filter.show));
  const accesses = await db
    .select()
    .from(emergencyAccesses)
    .where(and(...where))
    .orderBy(filter.show === 'unreviewed' ? asc(emergencyAccesses.startedAt) : desc(emergencyAccesses.startedAt))
    .limit(limit);
  const ids = accesses.map((a) => a.id);
  const reads = ids.length
    ? await db
        .select({ accessRef: auditLog.accessRef, details: auditLog.details })
        .from(auditLog)
        .where(and(eq(auditLog.hospitalCode, hospitalCode), eq(auditLog.action, 'clinical-read'), inArray(auditLog.accessRef, ids)))
    : [];
  const byAccess = new Map<string, AccessSummary[]>();
  for (const r of reads) if (r.accessRef) byAccess.set(r.accessRef, [...(byAccess.get(r.accessRef) ?? []), summariseDetails(r.details)]);
  return accesses.map((a) => {
    const end = a.endedAt && a.endedAt < a.expiresAt ? a.endedAt : a.expiresAt;
    return {
      id: a.id,
      licence: a.licenceNumber,
      patientCid: a.patientCid,
      reasonCode: a.reasonCode,
      reasonText: a.reasonText,
      startedAt: a.startedAt.toISOString(),
      expiresAt: a.expiresAt.toISOString(),
      endedAt: a.endedAt?.toISOString() ?? null,
      durationMinutes: Math.max(0, Math.round((Math.min(end.getTime(), now.getTime()) - a.startedAt.getTime()) / 60_000)),
      review: a.reviewOutcome
        ? { outcome: a.reviewOutcome, comment: a.reviewComment ?? '', by: a.reviewedBy ?? '', at: a.reviewedAt?.toISOString() ?? '' }
        : null,
      overdue: !a.reviewOutcome && now.getTime() - a.startedAt.getTime() > REVIEW_OVERDUE_MS,
      viewed: mergeSummaries(byAccess.get(a.id) ?? []),
    };
  });
}

export type ReviewResult =
  { ok: true } | { ok: false; fieldErrors: Partial<Record<'outcome' | 'comment', string>>; message?: 'already-reviewed' };

/**
 * Records an admin's review of an emergency access at their own hospital, with its 'emergency-review' audit
 * row in the same transaction. An access of another hospital (or an unknown id) is not found.
 */
export async function recordEmergencyReview(db: Db, admin: AdminActor, raw: unknown, now = new Date()): Promise<ReviewResult> {
  const parsed = reviewInputSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<'outcome' | 'comment', string>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (key === 'accessId') throw new AppError('not-found', { th: 'ไม่พบรายการนี้', en: 'Not found.' });
      if ((key === 'outcome' || key === 'comment') && !fieldErrors[key]) fieldErrors[key] = issue.message;
    }
    return { ok: false, fieldErrors };
  }
  const input = parsed.data;
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [access] = await tx
      .select({
        id: emergencyAccesses.id,
        patientCid: emergencyAccesses.patientCid,
        licence: emergencyAccesses.licenceNumber,
        reviewOutcome: emergencyAccesses.reviewOutcome,
      })
      .from(emergencyAccesses)
      .where(and(eq(emergencyAccesses.id, input.accessId), eq(emergencyAccesses.hospitalCode, admin.hospitalCode)))
      .for('update');
    if (!access) throw new AppError('not-found', { th: 'ไม่พบรายการนี้', en: 'Not found.' });
    if (access.reviewOutcome) return { ok: false, fieldErrors: {}, message: 'already-reviewed' } as const;
    await tx
      .update(emergencyAccesses)
      .set({ reviewOutcome: input.outcome, reviewComment: input.comment, reviewedBy: admin.adminId, reviewedAt: now })
      .where(eq(emergencyAccesses.id, access.id));
    await appendAudit(
      tx,
      {
        ...adminActor(admin),
        action: 'emergency-review',
        outcome: 'success',
        patientCid: access.patientCid,
        purpose: 'ETREAT',
        accessRef: access.id,
        // The comment stays in emergency_accesses; the log records the decision, not free text.
        details: { reviewOutcome: input.outcome, doctor: access.licence, commentLength: input.comment.length },
      },
      now,
    );
    return { ok: true } as const;
  });
}
