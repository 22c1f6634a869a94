import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressFile, isCompressible, loadStaticAssets, serveStaticAsset } from './static-assets';

describe('isCompressible', () => {
  it.each([
    ['a.js', true],
    ['a.css', true],
    ['a.woff2', false],
    ['a.js.br', false],
    ['a.js.gz', false],
    ['a.exe', false],
  ])('%s → %s', (file, expected) => {
    expect(isCompressible(file)).toBe(expected);
  });
});

describe('serveStaticAsset against a real HTTP server', () => {
  const script = Buffer.from(`console.log(${JSON.stringify('ข้อมูล '.repeat(500))});\n`);
  const font = Buffer.from([0x77, 0x4f, 0x46, 0x32, 1, 2, 3]);
  let port = 0;
  let server: http.Server;
  let fellThrough: string[] = [];

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hl-static-'));
    await mkdir(path.join(dir, 'chunks'), { recursive: true });
    await mkdir(path.join(dir, 'media'), { recursive: true });
    await writeFile(path.join(dir, 'chunks', 'app.js'), script);
    const out = compressFile(script);
    await writeFile(path.join(dir, 'chunks', 'app.js.br'), out.br);
    await writeFile(path.join(dir, 'chunks', 'app.js.gz'), out.gz);
    // A script whose compressed siblings are missing (a bare `next build`): left to Next.
    await writeFile(path.join(dir, 'chunks', 'bare.js'), script);
    await writeFile(path.join(dir, 'media', 'font.woff2'), font);
    const assets = await loadStaticAssets(dir);
    server = http.createServer((req, res) => {
      if (serveStaticAsset(assets, req, res)) return;
      fellThrough.push(`${req.method ?? '?'} ${req.url ?? '?'}`);
      res.statusCode = 418;
      res.end('next');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  /** node:http with a raw path: nothing decodes the body or normalises the URL on the way. */
  function get(
    url: string,
    headers: Record<string, string> = {},
    method = 'GET',
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: url, method, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (b: Buffer) => parts.push(b));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('sends Brotli when accepted, with immutable caching and the security headers', async () => {
    const res = await get('/_next/static/chunks/app.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).equals(script)).toBe(true);
    expect(res.body.length).toBeLessThan(script.length / 5);
    expect(res.headers['content-length']).toBe(String(res.body.length));
    expect(res.headers['content-type']).toBe('application/javascript; charset=UTF-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('sends gzip or the plain file when that is all the client takes', async () => {
    const gz = await get('/_next/static/chunks/app.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(script)).toBe(true);
    const plain = await get('/_next/static/chunks/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(script)).toBe(true);
  });

  it('answers HEAD without a body and a matching If-None-Match with 304', async () => {
    const head = await get('/_next/static/chunks/app.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const etag = head.headers.etag!;
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
    const again = await get('/_next/static/chunks/app.js', { 'if-none-match': `W/"other", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('sends fonts as they are (already compressed)', async () => {
    const res = await get('/_next/static/media/font.woff2', { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-type']).toBe('font/woff2');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(font)).toBe(true);
  });

  it('leaves everything it does not know exactly to Next', async () => {
    fellThrough = [];
    const cases = [
      ['GET', '/_next/static/chunks/bare.js', {}],
      ['GET', '/_next/static/chunks/app.js.br', {}],
      ['GET', '/_next/static/chunks/../chunks/app.js', {}],
      ['GET', '/_next/static/chunks/%61pp.js', {}],
      ['GET', '/_next/static/chunks/missing.js', {}],
      ['GET', '/patient/x', {}],
      ['POST', '/_next/static/chunks/app.js', {}],
      ['GET', '/_next/static/chunks/app.js', { range: 'bytes=0-10' }],
    ] as const;
    for (const [method, url, headers] of cases) expect((await get(url, headers, method)).status).toBe(418);
    expect(fellThrough).toHaveLength(cases.length);
  });

  it('serves a query-string URL as the file (cache busting)', async () => {
    const res = await get('/_next/static/chunks/app.js?v=1', { 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(brotliDecompressSync(res.body).equals(script)).toBe(true);
  });

  it('loads nothing from a folder that does not exist', async () => {
    expect((await loadStaticAssets(path.join(os.tmpdir(), 'hl-no-such-build'))).size).toBe(0);
  });
});
