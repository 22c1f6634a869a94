'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { recordEmergencyReview, type ReviewResult } from '@/lib/audit/reviews';
import { requireAdmin } from '@/lib/auth/guard';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** Records the review of an emergency access at the admin's own hospital (re-checks the admin; any other id is 404). */
export async function reviewEmergencyAction(_previous: ReviewResult | null, form: FormData): Promise<ReviewResult> {
  const admin = await requireAdmin();
  let result: ReviewResult;
  try {
    result = await recordEmergencyReview(await db(), admin, { accessId: form.get('accessId'), outcome: form.get('outcome') ?? undefined, comment: form.get('comment') ?? '' });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found') notFound();
    throw error;
  }
  if (!result.ok) return result;
  // The reviewed access leaves the "unreviewed" queue, so the confirmation is shown at page level.
  revalidatePath('/admin/reviews');
  redirect('/admin/reviews?saved=1');
}
