import 'server-only';
import type { Composition, DocumentReference } from '@medplum/fhirtypes';
import { CID_SYSTEM } from '../identity/citizen-id';
import { resolveAttachmentUrl } from './attachment-url';
import { CID, HCODE, clinicalHeaders, send, type ExchangeConnection } from './connection';
import { requestBytes } from './http';
import { exchangeContextSchema, type ExchangeContext } from './types';
import { parseSearchset, partitionByPatient } from './validate';

export type DocumentType = 'DocumentReference' | 'Composition';

const RESOURCE_ID = /^[A-Za-z0-9\-.]{1,64}$/;

export type DocumentRead =
  | { ok: true; resource: DocumentReference | Composition }
  /** not-found: the hospital holds no such document for this patient (or it failed the patient check). */
  | { ok: false; reason: 'not-found' | 'not-shared' | 'unavailable' };

/**
 * Reads one document again from its hospital when the physician opens it (the listing carried no content
 * and the browser is never trusted to say where the content is). Same validation and patient check as the
 * record read: the answer must be a searchset of that type, and the document must carry this citizen's ID.
 */
export async function fetchDocument(
  conn: ExchangeConnection,
  hcode: string,
  cid: string,
  type: DocumentType,
  id: string,
  ctx: ExchangeContext,
): Promise<DocumentRead> {
  if (!HCODE.test(hcode) || !CID.test(cid) || !RESOURCE_ID.test(id) || !exchangeContextSchema.safeParse(ctx).success)
    return { ok: false, reason: 'not-found' };
  const identifier = encodeURIComponent(`${CID_SYSTEM}|${cid}`);
  const r = await send(conn, {
    url: `${conn.baseUrl}/hospitals/${hcode}/fhir/${type}?patient.identifier=${identifier}&_id=${encodeURIComponent(id)}`,
    headers: clinicalHeaders(conn, ctx),
    deadlineAt: Date.now() + conn.timeoutMs,
  });
  if (!r.ok) return { ok: false, reason: r.failure.kind === 'http' && r.failure.status === 403 ? 'not-shared' : 'unavailable' };
  const page = parseSearchset(r.value, type);
  if (!page.ok) return { ok: false, reason: 'unavailable' };
  const kept = partitionByPatient(page.resources, cid).kept;
  const found = kept.find((res) => res.resourceType === type && res.id === id);
  return found === undefined ? { ok: false, reason: 'not-found' } : { ok: true, resource: found as DocumentReference | Composition };
}

export type AttachmentRead =
  { ok: true; contentType: string | null; bytes: Uint8Array } | { ok: false; reason: 'unreachable' | 'oversized' };

/**
 * Fetches an attachment's bytes from the exchange's own origin only (resolveAttachmentUrl rebuilds the
 * URL from our base; anything else is 'unreachable' without a request), with a size cap and the
 * connection's timeout. A redirect is refused by the HTTP primitive.
 */
export async function fetchAttachment(
  conn: ExchangeConnection,
  hcode: string,
  url: string,
  ctx: ExchangeContext,
  maxBytes: number,
): Promise<AttachmentRead> {
  const target = resolveAttachmentUrl(url, conn.baseUrl, hcode);
  if (target === null || !exchangeContextSchema.safeParse(ctx).success) return { ok: false, reason: 'unreachable' };
  const r = await requestBytes({
    url: target,
    headers: clinicalHeaders(conn, ctx),
    timeoutMs: conn.timeoutMs,
    maxBytes,
    fetchImpl: conn.fetchImpl,
  });
  if (r.ok) return { ok: true, contentType: r.contentType, bytes: r.bytes };
  return { ok: false, reason: r.kind === 'too-large' ? 'oversized' : 'unreachable' };
}
