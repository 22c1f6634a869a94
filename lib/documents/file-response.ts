/**
 * How a document's file leaves the server: its checked type, a safe file name, nosniff, and a CSP that
 * sandboxes whatever the browser makes of it (no scripts, no same-origin access, no network), so a hostile
 * file can never act as a page of ours. Refusals are a short bilingual text, not the file.
 */
import { bilingual, type MessageKey } from '../i18n/messages';
import { DOCUMENT_MAX_BYTES } from '../clinical/document-content';
import { DOCUMENT_FILE_CSP } from './file-csp';
import type { DocumentFile, DocumentRefusal } from './types';

/** Headers for a file response. `name` is our own (hospital and id), never a name the document gives. */
export function documentFileHeaders(file: DocumentFile, name: string): Record<string, string> {
  const safe = name.replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 80);
  const pdf = file.fileKind === 'pdf';
  return {
    // Only a PDF is shown inline; anything else can only be saved, never rendered by us.
    'Content-Type': pdf ? 'application/pdf' : 'application/octet-stream',
    'Content-Disposition': `${pdf ? 'inline' : 'attachment'}; filename="${safe}${pdf ? '.pdf' : '.bin'}"`,
    'Content-Length': String(file.bytes.length),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': DOCUMENT_FILE_CSP,
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

const REFUSAL: Record<DocumentRefusal, { status: number; key: MessageKey }> = {
  'not-found': { status: 404, key: 'documents.problem.not-found' },
  sealed: { status: 403, key: 'documents.problem.sealed' },
  missing: { status: 422, key: 'documents.problem.missing' },
  oversized: { status: 413, key: 'documents.problem.oversized' },
  'wrong-type': { status: 415, key: 'documents.problem.wrong-type' },
  unreachable: { status: 502, key: 'documents.problem.unreachable' },
};

/** A refusal as plain text in Thai and English (the file route is opened in its own tab). */
export function refusalResponse(reason: DocumentRefusal): Response {
  const { status, key } = REFUSAL[reason];
  const text = bilingual(key, { max: `${DOCUMENT_MAX_BYTES / 1024 / 1024} MB`, type: '' });
  return new Response(`${text.th}\n${text.en}\n`, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': DOCUMENT_FILE_CSP,
      'X-Document-Refusal': reason,
    },
  });
}
