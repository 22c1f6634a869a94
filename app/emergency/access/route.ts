import { requireDoctor } from '@/lib/auth/guard';
import { toHttpError } from '@/lib/errors';
import { NO_STORE, readSameOriginJson } from '@/lib/emergency/http';
import { defaultEmergencyDeps, startEmergencyAccess } from '@/lib/emergency/service';

export const dynamic = 'force-dynamic';

/**
 * Starts an emergency access (break the glass). Role 'ed', PIN step-up and the form are all checked on the
 * server; expected refusals come back as 422 with field errors (message keys), a non-ED doctor gets 403.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const doctor = await requireDoctor();
    const body = await readSameOriginJson(request);
    const result = await startEmergencyAccess(doctor, body, await defaultEmergencyDeps());
    return Response.json(result, { status: result.ok ? 201 : 422, headers: NO_STORE });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status, headers: NO_STORE });
  }
}
