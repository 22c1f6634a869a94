import { z } from 'zod';

/** Which alerts the queue shows. */
export const alertQueueFilterSchema = z.object({ show: z.enum(['open', 'all']).catch('open') });
export type AlertQueueFilter = z.output<typeof alertQueueFilterSchema>;

export const ALERT_DECISIONS = ['acknowledge', 'dismiss', 'suspend'] as const;

/**
 * The privacy officer's decision on one alert. Dismissing or suspending needs a reason in the note, so the
 * decision can be understood later; acknowledging may go without.
 */
export const alertReviewSchema = z
  .object({
    alertId: z.uuid(),
    decision: z.enum(ALERT_DECISIONS),
    note: z.string().trim().max(500).default(''),
  })
  .refine((v) => v.decision === 'acknowledge' || v.note.length > 0, { path: ['note'], message: 'note-required' });
export type AlertReview = z.output<typeof alertReviewSchema>;
