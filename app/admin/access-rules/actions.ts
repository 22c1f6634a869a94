'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { setCatchment } from '@/lib/alerts/catchment';
import { catchmentFormSchema, staffListFormSchema } from '@/lib/alerts/schemas';
import { clearStaffList, MAX_STAFF_LIST_CHARS, replaceStaffList } from '@/lib/alerts/staff-list';
import type { StaffListFormState } from '@/lib/alerts/view-model';
import { adminAction, formAction } from '@/lib/entry/actions';

/** The hospital's catchment for the outside-catchment alert, set by its admin; audited. */
export const setCatchmentAction = formAction(
  adminAction({ input: catchmentFormSchema }, async ({ admin, deps }, { scope }) => {
    await setCatchment(admin, scope === 'nationwide', deps);
    revalidatePath('/admin/access-rules');
    redirect('/admin/access-rules?saved=catchment');
  }),
);

const BAD_FORM: StaffListFormState = { ok: false, reason: 'file', errors: [], more: 0, tooMany: false, text: '' };

/**
 * Replaces or clears the hospital's staff list (`useActionState`: previous state, form). A refused list
 * comes back with its text, so nothing the admin pasted or uploaded is lost.
 */
export const staffListAction = adminAction(
  { input: staffListFormSchema, invalid: BAD_FORM },
  async ({ admin, deps }, { intent, text, file }): Promise<StaffListFormState> => {
    if (intent === 'clear') {
      await clearStaffList(admin, deps);
      revalidatePath('/admin/access-rules');
      return { ok: true, done: 'cleared', entries: 0 };
    }
    if (file && file.size > MAX_STAFF_LIST_CHARS * 4)
      return { ok: false, reason: 'too-large', errors: [], more: 0, tooMany: false, text: '' };
    const body = file ? await file.text().catch(() => null) : text;
    if (body === null) return BAD_FORM;
    const result = await replaceStaffList(admin, body, deps);
    if (result.ok) {
      revalidatePath('/admin/access-rules');
      return { ok: true, done: 'replaced', entries: result.entries };
    }
    const kept = body.slice(0, MAX_STAFF_LIST_CHARS);
    if (result.reason === 'too-large') return { ok: false, reason: 'too-large', errors: [], more: 0, tooMany: false, text: kept };
    return { ok: false, reason: 'invalid', errors: result.errors, more: result.more, tooMany: result.tooMany, text: kept };
  },
);
