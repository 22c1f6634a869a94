import http from 'node:http';

// Node-only (node:http): used by lib/cli/server.ts in front of Next, never by a page or route.

/** Reads a request's whole body, or answers null as soon as it passes `limit` bytes (the rest is left unread). */
export async function readBodyCapped(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const part = chunk as Buffer;
    size += part.length;
    if (size > limit) return null;
    chunks.push(part);
  }
  return Buffer.concat(chunks, size);
}

/**
 * A request with the same method, URL, headers and connection as `req` whose body is `body`, already read:
 * Next reads it as it would have read the original, which the screen in front of it has consumed.
 */
export function replayRequest(req: http.IncomingMessage, body: Buffer): http.IncomingMessage {
  const copy = new http.IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}
