import { NextResponse, type NextRequest } from 'next/server';
import { CLIENT_PROTO_HEADER } from './lib/http/client-address';
import { DOCUMENT_FILE_CSP, DOCUMENT_FILE_PATH } from './lib/documents/file-csp';

/**
 * Security headers for every page and API response: a per-request CSP nonce (scripts run only with it),
 * no framing, no caching of anything that may carry personal data, HSTS over https. Authorisation is NOT
 * done here: every page, action and route handler checks for itself through lib/auth/guard.ts.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const dev = process.env.NODE_ENV === 'development';
  const csp = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // recharts (the lab trend charts) and the virtualised timeline set inline styles; scripts stay nonce-only.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `frame-ancestors 'none'`,
    `form-action 'self'`,
    `base-uri 'none'`,
    `object-src 'none'`,
    // Violations are reported to our own endpoint (kept as counts, nothing personal): app/api/csp-report.
    `report-uri /api/csp-report`,
    `report-to csp`,
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  if (!requestHeaders.get('x-request-id')) requestHeaders.set('x-request-id', crypto.randomUUID());

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // A hospital's file (a PDF) is not our page: it gets the sandboxing CSP, not the page CSP.
  response.headers.set('Content-Security-Policy', DOCUMENT_FILE_PATH.test(request.nextUrl.pathname) ? DOCUMENT_FILE_CSP : csp);
  response.headers.set('Reporting-Endpoints', 'csp="/api/csp-report"');
  response.headers.set('Cache-Control', 'no-store');
  response.headers.set('X-Request-Id', requestHeaders.get('x-request-id')!);
  // The scheme as the server stamped it: X-Forwarded-Proto counts only from a trusted proxy (Next's own
  // nextUrl believes the header from anyone).
  const https = request.headers.get(CLIENT_PROTO_HEADER) === 'https';
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|icon.svg|icons/|robots.txt|manifest.webmanifest).*)' }],
};
