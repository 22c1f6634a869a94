/**
 * The CSP of a document's file (lib/documents/file-response.ts): whatever the browser makes of a hospital's
 * file runs sandboxed (no scripts, no same-origin access, no requests). The proxy sets it on that route in
 * place of the app's page CSP, which would otherwise replace the route's own header.
 */
export const DOCUMENT_FILE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

/** The document file route: `/api/access/{accessId}/documents/{hcode}/{type}/{id}/content`. */
export const DOCUMENT_FILE_PATH = /^\/api\/access\/[^/]+\/documents\/[^/]+\/[^/]+\/[^/]+\/content$/;
