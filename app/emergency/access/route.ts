import { readSameOriginJson } from '@/lib/emergency/http';
import { startEmergencyAccess } from '@/lib/emergency/service';
import { NO_STORE } from '@/lib/entry/respond';
import { doctorRoute } from '@/lib/entry/routes';

export const dynamic = 'force-dynamic';

/**
 * Starts an emergency access (break the glass). Role 'ed', PIN step-up and the form are all checked on the
 * server; expected refusals come back as 422 with the Result failure (`{ ok: false, reason, fieldErrors? }`,
 * field messages as catalogue keys), a non-ED doctor gets 403.
 */
export const POST = doctorRoute(undefined, async ({ request, doctor, deps }) => {
  const result = await startEmergencyAccess(doctor, await readSameOriginJson(request), deps);
  return Response.json(result, { status: result.ok ? 201 : 422, headers: NO_STORE });
});
