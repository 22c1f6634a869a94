'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { recordEmergencyReview, type ReviewResult } from '@/lib/audit/reviews';
import { adminAction } from '@/lib/entry/actions';
import { AppError } from '@/lib/errors';

/** Records the review of an emergency access at the admin's own hospital (`useActionState`: previous state, form). */
export const reviewEmergencyAction = adminAction(
  { role: 'privacy-officer' },
  async ({ admin, deps }, form: unknown): Promise<ReviewResult> => {
    const data = form instanceof FormData ? form : new FormData();
    let result: ReviewResult;
    try {
      result = await recordEmergencyReview(deps.db, admin, {
        accessId: data.get('accessId'),
        outcome: data.get('outcome') ?? undefined,
        comment: data.get('comment') ?? '',
      });
    } catch (error) {
      // Another hospital's access, or none: the same 404 as a page that does not exist.
      if (error instanceof AppError && error.code === 'not-found') notFound();
      throw error;
    }
    if (!result.ok) return result;
    // The reviewed access leaves the "unreviewed" queue, so the confirmation is shown at page level.
    revalidatePath('/admin/reviews');
    redirect('/admin/reviews?saved=1');
  },
);
