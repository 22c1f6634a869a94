import 'server-only';
import { AppError } from '../errors';
import { readBoundedJson } from '../http/bounded-body';

/**
 * Reads a JSON body from a same-origin request. Cross-site form posts cannot send JSON, and an Origin of
 * another site is refused outright, so these POST handlers cannot be driven from another page.
 */
export async function readSameOriginJson(request: Request): Promise<unknown> {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost === null || originHost !== host)
      throw new AppError('forbidden', { th: 'คำขอไม่ได้มาจากหน้านี้', en: 'The request did not come from this site.' });
  }
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new AppError('bad-request', { th: 'รูปแบบคำขอไม่ถูกต้อง', en: 'The request format is not valid.' });
  }
  // A break-the-glass form is a few hundred bytes: anything far larger is refused (413) before it is parsed.
  return readBoundedJson(request, 64 * 1024);
}
