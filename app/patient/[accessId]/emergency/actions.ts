'use server';

import { redirect } from 'next/navigation';
import { requirePatientAccess } from '@/lib/access/patient-access';
import { db } from '@/lib/db';
import { endEmergencyAccess } from '@/lib/emergency/service';

/** Ends the doctor's own emergency access early (re-authorised here: actions are reachable by direct POST). */
export async function endEmergencyAccessAction(accessId: string): Promise<void> {
  const { doctor, access } = await requirePatientAccess(accessId);
  if (access.kind === 'emergency') await endEmergencyAccess(doctor, access.id, { db: await db(), now: () => new Date() });
  redirect('/emergency?ended=1');
}
