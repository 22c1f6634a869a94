'use server';

import { redirect } from 'next/navigation';
import { requireDoctorSession } from '@/lib/auth/guard';
import { chooseWorkingHospital, hospitalChoiceSchema } from '@/lib/auth/hospital-choice';
import { db } from '@/lib/db';

export async function chooseHospital(formData: FormData): Promise<void> {
  const session = await requireDoctorSession();
  const parsed = hospitalChoiceSchema.safeParse({ hospitalCode: formData.get('hospitalCode') });
  if (!parsed.success) redirect('/select-hospital?error=invalid');
  const result = await chooseWorkingHospital(await db(), session, parsed.data.hospitalCode, session.request);
  redirect(result.ok ? '/patients' : '/select-hospital?error=invalid');
}
