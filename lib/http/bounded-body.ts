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
  const bytes = await readStreamCapped(request.body, maxBytes);
  if (bytes === null) throw TOO_LARGE;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw NOT_JSON;
  }
}

/**
 * Reads a body stream up to `maxBytes`; null when the cap is exceeded (the stream is cancelled before the
 * rest arrives). Shared by request bodies here and the external adapters' responses (lib/exchange/http.ts).
 */
export async function readStreamCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array | null> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
