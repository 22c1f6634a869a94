import { z } from 'zod';
import { requirePatientAccess } from '@/lib/access/patient-access';
import { toHttpError } from '@/lib/errors';
import { fetchHospitalView } from '@/lib/timeline/hospital-view';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ accessId: z.uuid(), hcode: z.string().regex(/^\d{5}$/) });

/** One hospital's records for the patient of an active consent or emergency access (one call per hospital, so the timeline fills as each answers). */
export async function GET(_request: Request, { params }: { params: Promise<{ accessId: string; hcode: string }> }): Promise<Response> {
  try {
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) return Response.json({ error: 'bad-request' }, { status: 400, headers: { 'Cache-Control': 'no-store' } });
    const { doctor, access } = await requirePatientAccess(parsed.data.accessId);
    const view = await fetchHospitalView(doctor, access, parsed.data.hcode);
    return Response.json(view, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
  }
}
