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

/** The hospital admin's catchment choice: the hospital's health region, or nationwide. */
export const catchmentFormSchema = z
  .instanceof(FormData)
  .transform((form) => ({ scope: form.get('scope') }))
  .pipe(z.object({ scope: z.enum(['region', 'nationwide']) }));

/**
 * A staff-list submission: replace (with the pasted text, or an uploaded file's text when one is chosen) or
 * clear. The IDs themselves are checked line by line afterwards (staff-list-parse.ts), to name each bad line.
 */
export const staffListFormSchema = z
  .instanceof(FormData)
  .transform((form) => {
    const file = form.get('file');
    return {
      intent: form.get('intent'),
      text: form.get('text') ?? '',
      file: file instanceof File && file.size > 0 ? file : null,
    };
  })
  .pipe(
    z.object({
      intent: z.enum(['replace', 'clear']),
      text: z.string(),
      file: z.instanceof(File).nullable(),
    }),
  );
