import 'server-only';
import { AppError } from '../errors';

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
  try {
    return (await request.json()) as unknown;
  } catch {
    throw new AppError('bad-request', { th: 'รูปแบบคำขอไม่ถูกต้อง', en: 'The request format is not valid.' });
  }
}
