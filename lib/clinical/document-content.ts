/**
 * Rules for a document's attachment that both the facts (listing) and the server (opening) apply: what
 * kind of content a MIME type is, whether its bytes are what it claims, where it may be fetched from,
 * and how large it may be. Pure.
 */
import type { DocumentContentKind } from './types';

/** Past this size an attachment is neither fetched nor shown (declared or counted while streaming). */
export const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

/** The bare MIME type (`text/html; charset=utf-8` → `text/html`), or null when it is not one. */
export function baseMimeType(contentType: string | undefined): string | null {
  if (contentType === undefined) return null;
  const bare = contentType.split(';')[0]!.trim().toLowerCase();
  return MIME.test(bare) ? bare : null;
}

/** How the viewer shows a MIME type: text, markdown (as text), sanitised HTML, the browser's PDF viewer, or a download. */
export function contentKindOf(mime: string): Exclude<DocumentContentKind, 'sections'> {
  switch (mime) {
    case 'text/plain':
      return 'text';
    case 'text/markdown':
    case 'text/x-markdown':
      return 'markdown';
    case 'text/html':
    case 'application/xhtml+xml':
      return 'html';
    case 'application/pdf':
      return 'pdf';
    default:
      return 'other';
  }
}

/**
 * True when the first bytes contradict the declared kind: a "PDF" that does not start with `%PDF-`, or
 * "text" that is binary (a NUL byte) or is really a PDF. Other types are not sniffed.
 */
export function contradictsDeclaredKind(kind: DocumentContentKind, head: Uint8Array): boolean {
  const isPdf = head.length >= 5 && head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46 && head[4] === 0x2d;
  if (kind === 'pdf') return !isPdf;
  if (kind === 'text' || kind === 'markdown' || kind === 'html') return isPdf || head.includes(0);
  return false;
}

const BINARY_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * The id of the exchange Binary an attachment URL names at this hospital, or null. Accepted: the relative
 * `Binary/<id>` (resolved against the hospital's FHIR base on the exchange) and an absolute URL whose path
 * is `…/hospitals/<hcode>/fhir/Binary/<id>`. Whoever fetches still checks an absolute URL's origin (see
 * lib/documents/attachment-url.ts): nothing the document names is ever fetched as it stands.
 */
export function binaryIdOf(url: string, hcode: string): string | null {
  const relative = /^Binary\/([^/?#]+)$/.exec(url);
  if (relative) return BINARY_ID.test(relative[1]!) ? relative[1]! : null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !/^\d{5}$/.test(hcode)) return null;
  const m = new RegExp(`/hospitals/${hcode}/fhir/Binary/([^/]+)$`).exec(parsed.pathname);
  return m && BINARY_ID.test(m[1]!) && parsed.search === '' && parsed.hash === '' ? m[1]! : null;
}

/** Bytes a base64 string decodes to, without decoding it. */
export function base64Length(data: string): number {
  const clean = data.replace(/\s+/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - pad);
}

/** Decodes base64 (null when it is not base64). */
export function decodeBase64(data: string): Uint8Array | null {
  const clean = data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return null;
  try {
    const bin = atob(clean);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
