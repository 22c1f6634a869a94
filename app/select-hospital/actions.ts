'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireDoctorSession } from '@/lib/auth/guard';
import { chooseWorkingHospital, hospitalChoiceSchema } from '@/lib/auth/hospital-choice';
import { db } from '@/lib/db';

export async function chooseHospital(formData: FormData): Promise<void> {
  const session = await requireDoctorSession();
  const parsed = hospitalChoiceSchema.safeParse({ hospitalCode: formData.get('hospitalCode') });
  if (!parsed.success) redirect('/select-hospital?error=invalid');
  const result = await chooseWorkingHospital(await db(), session, parsed.data.hospitalCode, session.request);
  // The header (in the root layout) names the working hospital: refresh it too.
  if (result.ok) revalidatePath('/', 'layout');
  redirect(result.ok ? '/patients' : '/select-hospital?error=invalid');
}
