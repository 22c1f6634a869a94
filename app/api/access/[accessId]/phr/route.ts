import { z } from 'zod';
import { BAD_REQUEST, NO_STORE } from '@/lib/entry/respond';
import { patientRoute } from '@/lib/entry/routes';
import { readBoundedJson } from '@/lib/http/bounded-body';
import { requestPhrCode, verifyPhrCode } from '@/lib/phr/grants';
import { fetchPhrAnswer } from '@/lib/phr/views';

export const dynamic = 'force-dynamic';

const params = z.object({ accessId: z.uuid() });
const bodySchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('request') }),
  z.object({ action: z.literal('verify'), code: z.string().max(20) }),
]);

/**
 * The patient's Mor Prom (MOPH-PHR) records for an active consent or emergency access: the state of the
 * request and, once the patient's code is accepted, one HospitalView per facility MOPH-PHR names, for the
 * page to merge beside Health Link's answers. The code itself never leaves the server.
 */
export const GET = patientRoute(params, async ({ doctor, access, deps }) => {
  if (deps.phr === null) return Response.json({ state: 'unavailable' }, { headers: NO_STORE });
  return Response.json(await fetchPhrAnswer(doctor, access, { ...deps, phr: deps.phr }), { headers: NO_STORE });
});

/** Asks MOPH-PHR to send the patient a code (`request`), or checks the code the patient read out (`verify`). */
export const POST = patientRoute(params, async ({ request, doctor, access, deps }) => {
  const body = bodySchema.safeParse(await readBoundedJson(request, 1024));
  if (!body.success) throw BAD_REQUEST;
  if (deps.phr === null) return Response.json({ ok: false, reason: 'unavailable' }, { headers: NO_STORE });
  const phrDeps = { ...deps, phr: deps.phr };
  const result =
    body.data.action === 'request'
      ? await requestPhrCode(doctor, access, phrDeps)
      : await verifyPhrCode(doctor, access, body.data.code, phrDeps);
  return Response.json(result, { headers: NO_STORE });
});
