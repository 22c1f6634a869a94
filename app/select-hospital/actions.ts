'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { chooseWorkingHospital, hospitalChoiceSchema } from '@/lib/auth/hospital-choice';
import { doctorSessionAction, formAction } from '@/lib/entry/actions';

/** The doctor chooses where they work today; only a hospital with a grant in force is accepted. */
export const chooseHospital = formAction(
  doctorSessionAction({ signedOut: 'redirect' }, async ({ session, deps }, form: unknown) => {
    const parsed = hospitalChoiceSchema.safeParse({ hospitalCode: form instanceof FormData ? form.get('hospitalCode') : null });
    if (!parsed.success) redirect('/select-hospital?error=invalid');
    const result = await chooseWorkingHospital(deps.db, session, parsed.data.hospitalCode, session.request);
    // The header (in the root layout) names the working hospital: refresh it too.
    if (result.ok) revalidatePath('/', 'layout');
    redirect(result.ok ? '/patients' : '/select-hospital?error=invalid');
  }),
);
