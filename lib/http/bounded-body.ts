import { AppError } from '../errors';

const TOO_LARGE = new AppError('too-large', { th: 'ข้อมูลที่ส่งมามีขนาดใหญ่เกินไป', en: 'The request body is too large.' });
const NOT_JSON = new AppError('bad-request', { th: 'รูปแบบคำขอไม่ถูกต้อง', en: 'The request format is not valid.' });

/**
 * Reads a JSON body of at most `maxBytes`, refusing a larger one (413) before it is all in memory and a
 * body that is not JSON (400). A declared Content-Length over the limit is refused without reading.
 */
export async function readBoundedJson(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw TOO_LARGE;
  if (!request.body) throw NOT_JSON;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw TOO_LARGE;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw NOT_JSON;
  }
}
