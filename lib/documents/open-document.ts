import 'server-only';
import type { Composition, DocumentReference } from '@medplum/fhirtypes';
import { accessAuditFields, type PatientAccess } from '../access/patient-access';
import { appendAudit } from '../audit/append';
import type { DoctorContext } from '../auth/guard';
import { DOCUMENT_MAX_BYTES, baseMimeType, contentKindOf, contradictsDeclaredKind, decodeBase64 } from '../clinical/document-content';
import { toClinicalFacts } from '../clinical/facts';
import { attachmentProblem } from '../clinical/facts/document';
import { parseSafeHtml } from '../clinical/safe-html';
import type { DocumentFact } from '../clinical/types';
import { AppError } from '../errors';
import { exchangeContextFor } from '../exchange/request-context';
import { logger } from '../log';
import { metrics } from '../metrics';
import { openedFactIds } from '../timeline/hospital-view';
import type { RecordDeps } from '../timeline/deps';
import type { DocumentBody, DocumentFile, DocumentParams, DocumentRefusal } from './types';

type Opened =
  { ok: true; fact: DocumentFact; body: DocumentBody | DocumentFile } | { ok: false; reason: DocumentRefusal; fact?: DocumentFact };

function compositionBody(c: Composition): DocumentBody {
  const sections: { title: string; nodes: ReturnType<typeof parseSafeHtml> }[] = [];
  const walk = (list: Composition['section'], depth: number): void => {
    for (const s of list ?? []) {
      sections.push({ title: s.title ?? s.code?.text ?? '', nodes: s.text?.div === undefined ? [] : parseSafeHtml(s.text.div) });
      if (depth < 2) walk(s.section, depth + 1);
    }
  };
  walk(c.section, 0);
  return { kind: 'sections', sections };
}

/** The attachment's bytes, inline or fetched from the exchange's own origin, checked against what it declares. */
async function attachmentBody(
  doc: DocumentReference,
  hcode: string,
  deps: RecordDeps,
  ctx: ReturnType<typeof exchangeContextFor>,
): Promise<{ ok: true; body: DocumentBody | DocumentFile } | { ok: false; reason: DocumentRefusal }> {
  const attachment = doc.content?.[0]?.attachment;
  const problem = attachmentProblem(attachment, hcode);
  if (problem !== undefined || attachment === undefined) return { ok: false, reason: problem ?? 'missing' };
  const mime = baseMimeType(attachment.contentType)!;
  const kind = contentKindOf(mime);
  let bytes: Uint8Array;
  if (attachment.data !== undefined && attachment.data !== '') {
    const decoded = decodeBase64(attachment.data);
    if (decoded === null) return { ok: false, reason: 'missing' };
    bytes = decoded;
  } else {
    const fetched = await deps.exchange.fetchAttachment(hcode, attachment.url ?? '', ctx, DOCUMENT_MAX_BYTES);
    if (!fetched.ok) return fetched;
    const served = baseMimeType(fetched.contentType ?? undefined);
    // The exchange saying it is something else is as wrong as bytes that are something else.
    if (served !== null && served !== mime) return { ok: false, reason: 'wrong-type' };
    bytes = fetched.bytes;
  }
  if (bytes.length > DOCUMENT_MAX_BYTES) return { ok: false, reason: 'oversized' };
  if (contradictsDeclaredKind(kind, bytes.subarray(0, 16)) || (kind !== 'pdf' && kind !== 'other' && bytes.includes(0)))
    return { ok: false, reason: 'wrong-type' };
  if (kind === 'text' || kind === 'markdown') return { ok: true, body: { kind, text: new TextDecoder('utf-8').decode(bytes) } };
  if (kind === 'html') return { ok: true, body: { kind: 'html', nodes: parseSafeHtml(new TextDecoder('utf-8').decode(bytes)) } };
  return { ok: true, body: { kind: 'file', fileKind: kind, contentType: mime, bytes } };
}

async function readDocument(doctor: DoctorContext, access: PatientAccess, p: DocumentParams, deps: RecordDeps): Promise<Opened> {
  const ctx = exchangeContextFor(doctor, access.purpose);
  const read = await deps.exchange.fetchDocument(p.hcode, access.cid, p.type, p.id, ctx);
  if (!read.ok) return { ok: false, reason: read.reason === 'unavailable' ? 'unreachable' : 'not-found' };
  const fact = toClinicalFacts([read.resource], p.hcode)[0];
  if (fact?.kind !== 'document') return { ok: false, reason: 'not-found' };
  // Sealed until this access has opened it with a reason (lib/timeline/sealed.ts), like every sealed record.
  if (fact.sealed !== undefined && !(await openedFactIds(deps.db, access)).has(fact.id)) return { ok: false, reason: 'sealed', fact };
  if (read.resource.resourceType === 'Composition') return { ok: true, fact, body: compositionBody(read.resource) };
  const body = await attachmentBody(read.resource, p.hcode, deps, ctx);
  return body.ok ? { ok: true, fact, body: body.body } : { ok: false, reason: body.reason, fact };
}

/**
 * Opens one document for the patient of an active access: re-reads it from its hospital (patient-checked),
 * refuses a sealed one not yet opened with a reason, fetches its content only from the exchange's own
 * origin with a size cap and a timeout, and checks the bytes against the declared type. One audit row per
 * attempt (`document-open`, no content in it); fail closed: no audit row, no content (503).
 */
export async function openDocument(
  doctor: DoctorContext,
  access: PatientAccess,
  params: DocumentParams,
  deps: RecordDeps,
): Promise<{ ok: true; title: string; body: DocumentBody | DocumentFile } | { ok: false; reason: DocumentRefusal }> {
  const opened = await readDocument(doctor, access, params, deps);
  try {
    await appendAudit(deps.db, {
      ...accessAuditFields(doctor, access),
      action: 'document-open',
      outcome: opened.ok ? 'success' : opened.reason === 'sealed' ? 'denied' : 'failure',
      details: {
        sourceHospital: params.hcode,
        record: `${params.hcode}/${params.type}/${params.id}`,
        ...(opened.ok ? { contentKind: opened.body.kind } : { reason: opened.reason }),
        accessKind: access.kind,
      },
    });
  } catch (error) {
    metrics().auditWriteFailures.inc();
    logger().error(
      { err: error instanceof Error ? error.message : 'unknown', hospital: params.hcode },
      'audit write failed; document refused',
    );
    throw new AppError('audit-unavailable', {
      th: 'ไม่สามารถบันทึกประวัติการเข้าถึงได้ จึงไม่แสดงข้อมูล กรุณาลองใหม่หรือแจ้งผู้ดูแลระบบ',
      en: 'The access could not be recorded, so no data is shown. Please try again or contact the administrator.',
    });
  }
  return opened.ok ? { ok: true, title: opened.fact.display, body: opened.body } : { ok: false, reason: opened.reason };
}
