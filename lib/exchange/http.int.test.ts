import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from './http';

// A local server on 127.0.0.1:0 with one route per behaviour http.ts must survive.
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes: Record<string, Handler> = {
  '/ok': (_q, res) => {
    res.writeHead(200, { 'content-type': 'application/fhir+json; charset=utf-8' });
    res.end(JSON.stringify({ resourceType: 'Bundle', type: 'searchset' }));
  },
  '/echo': (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          method: req.method,
          auth: req.headers.authorization,
          contentType: req.headers['content-type'],
          body: JSON.parse(body) as unknown,
        }),
      );
    });
  },
  '/html': (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body>Gateway error</body></html>');
  },
  '/truncated': (_q, res) => {
    res.writeHead(200, { 'content-type': 'application/fhir+json' });
    res.end('{"resourceType":"Bundle","entry":[{"resou');
  },
  '/500': (_q, res) => {
    res.writeHead(503, { 'content-type': 'application/fhir+json' });
    res.end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient' }] }));
  },
  '/declared-large': (_q, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(5000) });
    res.end('x'.repeat(5000));
  },
  '/streamed-large': (_q, res) => {
    // No content-length: the cap has to be enforced while reading.
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = 'x'.repeat(1024);
    let sent = 0;
    const timer = setInterval(() => {
      if (res.destroyed || sent > 200) {
        clearInterval(timer);
        res.end();
        return;
      }
      res.write(chunk);
      sent++;
    }, 1);
  },
  '/silent': () => {
    // never answers
  },
  '/slow-body': (_q, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"a":');
    // the rest never comes
  },
  '/redirect': (_q, res) => {
    res.writeHead(302, { location: '/ok' });
    res.end();
  },
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const handler = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (handler) handler(req, res);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('requestJson', () => {
  it('returns parsed FHIR JSON', async () => {
    expect(await requestJson({ url: `${base}/ok`, timeoutMs: 2000 })).toEqual({
      ok: true,
      status: 200,
      body: { resourceType: 'Bundle', type: 'searchset' },
    });
  });

  it('POSTs JSON with headers and content type', async () => {
    const r = await requestJson({
      url: `${base}/echo`,
      method: 'POST',
      headers: { Authorization: 'Bearer t' },
      json: { a: 1 },
      contentType: 'application/fhir+json',
      timeoutMs: 2000,
    });
    expect(r).toEqual({
      ok: true,
      status: 200,
      body: { method: 'POST', auth: 'Bearer t', contentType: 'application/fhir+json', body: { a: 1 } },
    });
  });

  it('treats HTML as malformed', async () => {
    expect(await requestJson({ url: `${base}/html`, timeoutMs: 2000 })).toMatchObject({ ok: false, kind: 'malformed', status: 200 });
  });

  it('treats truncated JSON as malformed', async () => {
    expect(await requestJson({ url: `${base}/truncated`, timeoutMs: 2000 })).toMatchObject({ ok: false, kind: 'malformed' });
  });

  it('returns http failures with the parsed OperationOutcome', async () => {
    expect(await requestJson({ url: `${base}/500`, timeoutMs: 2000 })).toMatchObject({
      ok: false,
      kind: 'http',
      status: 503,
      body: { resourceType: 'OperationOutcome' },
    });
    expect(await requestJson({ url: `${base}/nope`, timeoutMs: 2000 })).toMatchObject({ ok: false, kind: 'http', status: 404 });
  });

  it('refuses a declared content-length over the cap', async () => {
    expect(await requestJson({ url: `${base}/declared-large`, timeoutMs: 2000, maxBytes: 1000 })).toMatchObject({
      ok: false,
      kind: 'too-large',
    });
  });

  it('aborts a streamed body once it passes the cap', async () => {
    expect(await requestJson({ url: `${base}/streamed-large`, timeoutMs: 5000, maxBytes: 10_000 })).toMatchObject({
      ok: false,
      kind: 'too-large',
    });
  });

  it('times out a server that never answers', async () => {
    expect(await requestJson({ url: `${base}/silent`, timeoutMs: 150 })).toMatchObject({ ok: false, kind: 'timeout' });
  });

  it('times out a body that never completes', async () => {
    expect(await requestJson({ url: `${base}/slow-body`, timeoutMs: 150 })).toMatchObject({ ok: false, kind: 'timeout' });
  });

  it('honours an overall deadline earlier than the per-call timeout', async () => {
    expect(await requestJson({ url: `${base}/silent`, timeoutMs: 60_000, deadlineAt: Date.now() + 150 })).toMatchObject({
      ok: false,
      kind: 'timeout',
    });
    expect(await requestJson({ url: `${base}/ok`, timeoutMs: 60_000, deadlineAt: Date.now() - 1 })).toMatchObject({
      ok: false,
      kind: 'timeout',
    });
  });

  it('reports a caller cancellation as cancelled', async () => {
    const c = new AbortController();
    const p = requestJson({ url: `${base}/silent`, timeoutMs: 60_000, signal: c.signal });
    setTimeout(() => c.abort(), 50);
    expect(await p).toMatchObject({ ok: false, kind: 'timeout', cancelled: true });
  });

  it('reports a refused connection as network', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await requestJson({ url: `http://127.0.0.1:${port}/ok`, timeoutMs: 2000 })).toMatchObject({ ok: false, kind: 'network' });
  });

  it('does not follow redirects (the bearer token must not travel)', async () => {
    expect(await requestJson({ url: `${base}/redirect`, timeoutMs: 2000 })).toMatchObject({ ok: false, kind: 'network' });
  });

  it('never puts the URL (which carries citizen IDs) into messages', async () => {
    const r = await requestJson({ url: `${base}/nope?identifier=3100400123456`, timeoutMs: 2000 });
    expect(JSON.stringify(r)).not.toContain('3100400123456');
  });
});
