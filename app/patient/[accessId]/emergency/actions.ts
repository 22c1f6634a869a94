'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { endEmergencyAccess } from '@/lib/emergency/service';
import { formAction, patientAction } from '@/lib/entry/actions';
import { formSchema } from '@/lib/forms';

/** Ends the doctor's own emergency access early (form with the access id; re-authorised like every action). */
export const endEmergencyAccessAction = formAction(
  patientAction({ input: formSchema({ accessId: z.uuid() }), signedOut: 'redirect' }, async ({ doctor, access, deps }) => {
    if (access.kind === 'emergency') await endEmergencyAccess(doctor, access.id, deps);
    redirect('/emergency?ended=1');
  }),
);
