import { auditEventBundleSchema, toAuditEventBundle } from '@/lib/audit/fhir';
import { listPatientAuditRows } from '@/lib/audit/patient-log';
import { parseFhirDateParams } from '@/lib/audit/service-auth';
import { auditedServiceRead, countSchema, parsePatientParam, serviceError, serviceErrorFrom } from '@/lib/audit/service-read';
import { serviceRoute } from '@/lib/entry/routes';
import { env } from '@/lib/env';
import { logger } from '@/lib/log';

export const dynamic = 'force-dynamic';

const ALLOWED = new Set(['patient', 'date', '_count']);

/** FHIR AuditEvent search for one patient (Bearer SERVICE_TOKEN): `?patient=<cid>&date=ge…&date=le…&_count=`. */
export const GET = serviceRoute({ token: 'SERVICE_TOKEN', onError: serviceErrorFrom }, async ({ request, deps }) => {
  const url = new URL(request.url);
  const unknown = [...url.searchParams.keys()].filter((k) => !ALLOWED.has(k));
  if (unknown.length > 0) return serviceError(400, 'invalid', `Unsupported search parameter: ${unknown.join(', ')}`);
  const patients = url.searchParams.getAll('patient');
  const cid = patients.length === 1 ? parsePatientParam(patients[0]!) : null;
  if (!cid) return serviceError(400, 'invalid', 'Exactly one patient=<13-digit citizen ID> is required.');
  const range = parseFhirDateParams(url.searchParams.getAll('date'));
  if (!range) return serviceError(400, 'invalid', 'date must look like ge2026-11-01 / le2026-11-30.');
  const count = countSchema.safeParse(url.searchParams.get('_count') ?? undefined);
  if (!count.success) return serviceError(400, 'invalid', '_count must be 1–1000.');
  const rows = await auditedServiceRead(
    deps.db,
    request,
    { action: 'audit-export', patientCid: cid, details: (r: unknown[]) => ({ format: 'fhir', count: r.length }) },
    () => listPatientAuditRows(deps.db, cid, range, count.data),
  );
  const appUrl = env().APP_URL;
  const bundle = toAuditEventBundle(
    rows,
    { site: new URL(appUrl).host, display: 'Health Link clinical viewer' },
    `${appUrl}/api/audit/AuditEvent${url.search}`,
  );
  const checked = auditEventBundleSchema.safeParse(bundle);
  if (!checked.success) {
    logger().error({ issues: checked.error.issues.length }, 'AuditEvent export failed its shape check');
    return serviceError(500, 'exception', 'The export did not pass validation.');
  }
  return Response.json(bundle, { headers: { 'content-type': 'application/fhir+json', 'cache-control': 'no-store' } });
});
