import { z } from 'zod';
import { NO_STORE } from '@/lib/entry/respond';
import { patientRoute } from '@/lib/entry/routes';
import { exportEmergencyIps } from '@/lib/emergency/export';

export const dynamic = 'force-dynamic';

/** The emergency summary as an HL7 FHIR IPS document Bundle (download). Audited 'summary-export', fail closed. */
export const GET = patientRoute(z.object({ accessId: z.uuid() }), async ({ doctor, access, deps }) => {
  const bundle = await exportEmergencyIps(doctor, access, deps);
  return new Response(JSON.stringify(bundle, null, 2), {
    headers: {
      ...NO_STORE,
      'Content-Type': 'application/fhir+json; charset=utf-8',
      'Content-Disposition': `attachment; filename="ips-summary-${access.id}.json"`,
    },
  });
});
