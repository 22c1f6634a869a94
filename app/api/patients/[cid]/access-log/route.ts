import { listPatientAccesses } from '@/lib/audit/patient-log';
import { hasServiceToken } from '@/lib/audit/service-auth';
import { auditedServiceRead, serviceError, serviceErrorFrom } from '@/lib/audit/service-read';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { checkCitizenId } from '@/lib/identity/citizen-id';

export const dynamic = 'force-dynamic';

/** For the patient app: every access to this patient's records by any hospital (Bearer SERVICE_TOKEN). */
export async function GET(request: Request, { params }: { params: Promise<{ cid: string }> }): Promise<Response> {
  if (!hasServiceToken(request.headers, env().SERVICE_TOKEN)) return serviceError(401, 'login', 'A valid service token is required.');
  const check = checkCitizenId((await params).cid);
  if (!check.ok) return serviceError(400, 'invalid', `Not a valid citizen ID (${check.reason}).`);
  try {
    const database = await db();
    const entries = await auditedServiceRead(database, request, { action: 'access-log-read', patientCid: check.cid, details: (r: unknown[]) => ({ view: 'patient-app', count: r.length }) }, () => listPatientAccesses(database, check.cid));
    return Response.json({ patient: check.cid, count: entries.length, entries }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return serviceErrorFrom(error);
  }
}
