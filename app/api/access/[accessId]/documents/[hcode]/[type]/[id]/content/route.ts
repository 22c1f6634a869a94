import { NO_STORE } from '@/lib/entry/respond';
import { patientRoute } from '@/lib/entry/routes';
import { documentFileHeaders, refusalResponse } from '@/lib/documents/file-response';
import { openDocument } from '@/lib/documents/open-document';
import { documentParamsSchema } from '@/lib/documents/types';

export const dynamic = 'force-dynamic';

/**
 * A document's file (PDF shown in the browser's own viewer, anything else as a download) for the patient
 * of an active access; audited. Served with nosniff and a sandboxing CSP, never as our own page.
 */
export const GET = patientRoute(documentParamsSchema, async ({ doctor, access, params, deps }) => {
  const opened = await openDocument(doctor, access, params, deps);
  if (!opened.ok) return refusalResponse(opened.reason);
  if (opened.body.kind !== 'file') return refusalResponse('wrong-type');
  return new Response(opened.body.bytes.slice(), {
    headers: { ...NO_STORE, ...documentFileHeaders(opened.body, `${params.hcode}-${params.id}`) },
  });
});
