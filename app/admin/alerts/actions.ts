'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { reviewAccessAlert } from '@/lib/alerts/review';
import type { AlertReviewResult } from '@/lib/alerts/view-model';
import { adminAction } from '@/lib/entry/actions';

/** The privacy officer's decision on one alert of their hospital (`useActionState`: previous state, form). */
export const reviewAlertAction = adminAction(
  { role: 'privacy-officer' },
  async ({ admin, deps }, form: unknown): Promise<AlertReviewResult> => {
    const data = form instanceof FormData ? form : new FormData();
    const result = await reviewAccessAlert(
      deps.db,
      admin,
      { alertId: data.get('alertId'), decision: data.get('decision'), note: data.get('note') ?? '' },
      deps.now(),
    );
    if (!result.ok) return result;
    // The reviewed alert leaves the "awaiting review" queue, so the confirmation is shown at page level.
    revalidatePath('/admin/alerts');
    redirect('/admin/alerts?saved=1');
  },
);
