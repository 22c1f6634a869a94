import { readSameOriginJson } from '@/lib/emergency/http';
import { lookupEmergencyPatient } from '@/lib/emergency/service';
import { NO_STORE } from '@/lib/entry/respond';
import { doctorRoute } from '@/lib/entry/routes';

export const dynamic = 'force-dynamic';

/** ED quick lookup: identity and sharing hospitals only. Role 'ed' enforced (403 + audited denial). */
export const POST = doctorRoute(undefined, async ({ request, doctor, deps }) =>
  Response.json(await lookupEmergencyPatient(doctor, await readSameOriginJson(request), deps), { headers: NO_STORE }),
);
