import { requirePatientAccess } from '@/lib/access/patient-access';
import { toHttpError } from '@/lib/errors';
import { NO_STORE } from '@/lib/emergency/http';
import { exportEmergencyIps } from '@/lib/emergency/export';

export const dynamic = 'force-dynamic';

/** The emergency summary as an HL7 FHIR IPS document Bundle (download). Audited 'summary-export', fail closed. */
export async function GET(_request: Request, { params }: { params: Promise<{ accessId: string }> }): Promise<Response> {
  try {
    const { accessId } = await params;
    const { doctor, access } = await requirePatientAccess(accessId);
    const bundle = await exportEmergencyIps(doctor, access);
    return new Response(JSON.stringify(bundle, null, 2), {
      headers: { ...NO_STORE, 'Content-Type': 'application/fhir+json; charset=utf-8', 'Content-Disposition': `attachment; filename="ips-summary-${access.id}.json"` },
    });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status, headers: NO_STORE });
  }
}
