'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { adminAction, formAction } from '@/lib/entry/actions';
import { resetDoctorPasskeys, setHospitalPasskeyPolicy } from '@/lib/passkey/manage';
import { hospitalPolicyFormSchema, resetDoctorPasskeysFormSchema } from '@/lib/passkey/schemas';

/** The hospital's passkey policy (required, PIN bootstrap), set by its admin; audited. */
export const setPasskeyPolicyAction = formAction(
  adminAction({ input: hospitalPolicyFormSchema }, async ({ admin, deps }, policy) => {
    await setHospitalPasskeyPolicy(admin, policy, deps);
    revalidatePath('/admin/security');
    redirect('/admin/security?saved=1');
  }),
);

/** Lost-passkey recovery: removes every passkey of a doctor of this hospital and allows a new registration; audited. */
export const resetDoctorPasskeysAction = formAction(
  adminAction({ input: resetDoctorPasskeysFormSchema }, async ({ admin, deps }, { grantId }) => {
    const result = await resetDoctorPasskeys(admin, grantId, deps);
    if (result === null) notFound();
    redirect(`/admin/doctors/${grantId}?passkeysRemoved=${result.removed}`);
  }),
);
