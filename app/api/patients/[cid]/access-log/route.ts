import { z } from 'zod';
import { listPatientAccesses } from '@/lib/audit/patient-log';
import { auditedServiceRead, serviceError, serviceErrorFrom } from '@/lib/audit/service-read';
import { serviceRoute } from '@/lib/entry/routes';
import { checkCitizenId } from '@/lib/identity/citizen-id';

export const dynamic = 'force-dynamic';

/** For the patient app: every access to this patient's records by any hospital (Bearer SERVICE_TOKEN). */
export const GET = serviceRoute(
  { token: 'SERVICE_TOKEN', params: z.object({ cid: z.string().max(32) }), onError: serviceErrorFrom },
  async ({ request, params, deps }) => {
    const check = checkCitizenId(params.cid);
    if (!check.ok) return serviceError(400, 'invalid', `Not a valid citizen ID (${check.reason}).`);
    const entries = await auditedServiceRead(
      deps.db,
      request,
      { action: 'access-log-read', patientCid: check.cid, details: (r: unknown[]) => ({ view: 'patient-app', count: r.length }) },
      () => listPatientAccesses(deps.db, check.cid),
    );
    return Response.json({ patient: check.cid, count: entries.length, entries }, { headers: { 'cache-control': 'no-store' } });
  },
);
