'use server';

import { doctorAction } from '@/lib/entry/actions';
import { requireEmergencyRole } from '@/lib/emergency/service';
import { startPasskeyAuthentication } from '@/lib/passkey/ceremonies';

/**
 * The challenge for break-the-glass with a passkey (instead of the PIN), bound to this session: role 'ed'
 * only (a denial is audited); the assertion comes back with the form to POST /emergency/access.
 */
export const startEmergencyStepUpAction = doctorAction({}, async ({ doctor, deps }) => {
  await requireEmergencyRole(doctor, deps.db, 'step-up', deps.now());
  return startPasskeyAuthentication({ ...doctor, passkeyVerified: true }, 'step-up', deps);
});
