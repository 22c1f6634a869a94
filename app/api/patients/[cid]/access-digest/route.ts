import { z } from 'zod';
import { serviceError, serviceErrorFrom } from '@/lib/audit/service-read';
import { digestChoice, setDigestChoice } from '@/lib/digest/service';
import { serviceRoute } from '@/lib/entry/routes';
import { readBoundedJson } from '@/lib/http/bounded-body';
import { fromHeaders } from '@/lib/http/request-context';
import { checkCitizenId } from '@/lib/identity/citizen-id';

export const dynamic = 'force-dynamic';

const params = z.object({ cid: z.string().max(32) });
const bodySchema = z.object({ enabled: z.boolean() }).strict();
const NO_STORE = { 'cache-control': 'no-store' };

/** For the patient app (Bearer SERVICE_TOKEN): whether the patient receives the daily access digest by SMS. */
export const GET = serviceRoute({ token: 'SERVICE_TOKEN', params, onError: serviceErrorFrom }, async ({ params: p, deps }) => {
  const check = checkCitizenId(p.cid);
  if (!check.ok) return serviceError(400, 'invalid', `Not a valid citizen ID (${check.reason}).`);
  return Response.json({ patient: check.cid, ...(await digestChoice(deps.db, check.cid)) }, { headers: NO_STORE });
});

/**
 * For the patient app: the patient's choice (`{ "enabled": true | false }`), audited. With it on, the day
 * after any opening of their record they get one SMS naming the hospitals and counts (lib/digest/rules.ts).
 */
export const PUT = serviceRoute({ token: 'SERVICE_TOKEN', params, onError: serviceErrorFrom }, async ({ request, params: p, deps }) => {
  const check = checkCitizenId(p.cid);
  if (!check.ok) return serviceError(400, 'invalid', `Not a valid citizen ID (${check.reason}).`);
  const body = bodySchema.safeParse(await readBoundedJson(request, 1024));
  if (!body.success) return serviceError(400, 'invalid', 'The body must be { "enabled": true } or { "enabled": false }.');
  const choice = await setDigestChoice(deps.db, check.cid, body.data.enabled, fromHeaders(request.headers), deps.now());
  return Response.json({ patient: check.cid, ...choice }, { headers: NO_STORE });
});
