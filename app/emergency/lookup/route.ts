import { requireDoctor } from '@/lib/auth/guard';
import { toHttpError } from '@/lib/errors';
import { NO_STORE, readSameOriginJson } from '@/lib/emergency/http';
import { defaultEmergencyDeps, lookupEmergencyPatient } from '@/lib/emergency/service';

export const dynamic = 'force-dynamic';

/** ED quick lookup: identity and sharing hospitals only. Role 'ed' enforced (403 + audited denial). */
export async function POST(request: Request): Promise<Response> {
  try {
    const doctor = await requireDoctor();
    const body = await readSameOriginJson(request);
    const result = await lookupEmergencyPatient(doctor, body, await defaultEmergencyDeps());
    return Response.json(result, { headers: NO_STORE });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status, headers: NO_STORE });
  }
}
