import { NO_STORE } from '@/lib/entry/respond';
import { patientRoute } from '@/lib/entry/routes';
import { originalRecordParamsSchema, readOriginalRecord } from '@/lib/timeline/original-record';

export const dynamic = 'force-dynamic';

/** One resource as the hospital sent it (the drawer's original-record view): audited, sealed ones refused until opened. */
export const GET = patientRoute(originalRecordParamsSchema, async ({ doctor, access, params, deps }) =>
  Response.json({ resource: await readOriginalRecord(doctor, access, params, deps) }, { headers: NO_STORE }),
);
