import { describe, expect, it } from 'vitest';
import { DOCUMENT_FILE_CSP, DOCUMENT_FILE_PATH } from './file-csp';
import { documentFileHeaders, refusalResponse } from './file-response';

const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);

describe('document file responses', () => {
  it('shows a PDF inline, sandboxed and never sniffed', () => {
    const h = documentFileHeaders({ kind: 'file', fileKind: 'pdf', contentType: 'application/pdf', bytes }, '10661-doc-1');
    expect(h).toMatchObject({
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'inline; filename="10661-doc-1.pdf"',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': DOCUMENT_FILE_CSP,
      'Content-Length': '5',
    });
    expect(DOCUMENT_FILE_CSP).toMatch(/^sandbox;/);
  });

  it('offers any other type only as a download of opaque bytes', () => {
    const h = documentFileHeaders({ kind: 'file', fileKind: 'other', contentType: 'text/html', bytes }, '10661-"x"\r\nSet-Cookie: a');
    expect(h['Content-Type']).toBe('application/octet-stream');
    expect(h['Content-Disposition']).toBe('attachment; filename="10661-_x___Set-Cookie__a.bin"');
  });

  it('refuses with a bilingual message and a status per reason', async () => {
    const r = refusalResponse('sealed');
    expect(r.status).toBe(403);
    expect(r.headers.get('x-document-refusal')).toBe('sealed');
    expect(await r.text()).toContain('This document is sealed');
    expect(refusalResponse('oversized').status).toBe(413);
    expect(refusalResponse('unreachable').status).toBe(502);
  });

  it('recognises only the file route for the sandboxing CSP', () => {
    expect(DOCUMENT_FILE_PATH.test('/api/access/0b6c/documents/10661/DocumentReference/doc-1/content')).toBe(true);
    expect(DOCUMENT_FILE_PATH.test('/api/access/0b6c/documents/10661/DocumentReference/doc-1')).toBe(false);
    expect(DOCUMENT_FILE_PATH.test('/patient/0b6c')).toBe(false);
  });
});
