import { NO_STORE } from '@/lib/entry/respond';
import { patientRoute } from '@/lib/entry/routes';
import { openDocument } from '@/lib/documents/open-document';
import { documentParamsSchema, type DocumentView } from '@/lib/documents/types';

export const dynamic = 'force-dynamic';

/**
 * Opens one document (text, sanitised HTML, or a Composition's sections) for the patient of an active
 * access; audited. A PDF or other file is opened through ./content instead (never inlined in JSON).
 */
export const GET = patientRoute(documentParamsSchema, async ({ doctor, access, params, deps }) => {
  const opened = await openDocument(doctor, access, params, deps);
  const view: DocumentView = !opened.ok
    ? { ok: false, reason: opened.reason }
    : opened.body.kind === 'file'
      ? {
          ok: true,
          title: opened.title,
          body: { kind: 'file', fileKind: opened.body.fileKind, contentType: opened.body.contentType, size: opened.body.bytes.length },
        }
      : { ok: true, title: opened.title, body: opened.body };
  return Response.json(view, { headers: NO_STORE });
});
