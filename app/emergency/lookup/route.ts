import { readSameOriginJson } from '@/lib/emergency/http';
import { lookupEmergencyPatient } from '@/lib/emergency/service';
import { NO_STORE } from '@/lib/entry/respond';
import { doctorRoute } from '@/lib/entry/routes';

export const dynamic = 'force-dynamic';

/**
 * ED quick lookup: identity and sharing hospitals only. Role 'ed' enforced (403 + audited denial); an
 * invalid citizen ID is a 400 with the Result's field error (the form shows it), not a 200.
 */
export const POST = doctorRoute(undefined, async ({ request, doctor, deps }) => {
  const result = await lookupEmergencyPatient(doctor, await readSameOriginJson(request), deps);
  return Response.json(result, { status: !result.ok && result.reason === 'invalid' ? 400 : 200, headers: NO_STORE });
});
