import { z } from 'zod';
import { NO_STORE } from '@/lib/entry/respond';
import { patientRoute } from '@/lib/entry/routes';
import { fetchHospitalView } from '@/lib/timeline/hospital-view';

export const dynamic = 'force-dynamic';

/** One hospital's records for the patient of an active consent or emergency access (the page's retry of one hospital). */
export const GET = patientRoute(
  z.object({ accessId: z.uuid(), hcode: z.string().regex(/^\d{5}$/) }),
  async ({ doctor, access, params, deps }) =>
    Response.json(await fetchHospitalView(doctor, access, params.hcode, deps), { headers: NO_STORE }),
);
