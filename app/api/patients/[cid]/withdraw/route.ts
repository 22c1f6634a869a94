import { z } from 'zod';
import { serviceError, serviceErrorFrom } from '@/lib/audit/service-read';
import { withdrawPatientAccess } from '@/lib/consent/withdraw';
import { serviceRoute } from '@/lib/entry/routes';
import { readBoundedJson } from '@/lib/http/bounded-body';
import { fromHeaders } from '@/lib/http/request-context';
import { checkCitizenId } from '@/lib/identity/citizen-id';

export const dynamic = 'force-dynamic';

const bodySchema = z.object({ accessId: z.uuid().optional() }).strict();

/**
 * For the patient app (Bearer SERVICE_TOKEN): the patient withdraws one access (`{ "accessId": … }`) or every
 * access in force (`{}`). It ends at once on every instance; the doctor's next request is refused with a
 * message that says the patient withdrew it. Answers how many ended.
 */
export const POST = serviceRoute(
  { token: 'SERVICE_TOKEN', params: z.object({ cid: z.string().max(32) }), onError: serviceErrorFrom },
  async ({ request, params, deps }) => {
    const check = checkCitizenId(params.cid);
    if (!check.ok) return serviceError(400, 'invalid', `Not a valid citizen ID (${check.reason}).`);
    const body = bodySchema.safeParse(await readBoundedJson(request, 4096));
    if (!body.success)
      return serviceError(400, 'invalid', 'The body may only name one accessId (a UUID), or be {} to withdraw every access.');
    const result = await withdrawPatientAccess(deps.db, check.cid, fromHeaders(request.headers), body.data.accessId, deps.now());
    return Response.json({ patient: check.cid, ...result }, { headers: { 'cache-control': 'no-store' } });
  },
);
