/**
 * Serves Next's build output under /_next/static from memory, compressed once at build time.
 *
 * Next compresses every static file again on every request (gzip at its default level). On the record page
 * that is ~35 ms of server CPU per page load (700 KB of scripts), spent exactly while the browser lays out
 * the first paint, and it sends gzip where the browser accepts Brotli (15 % smaller here). `npm run build`
 * writes a `.br` and a `.gz` beside each compressible file (lib/cli/post-build.ts); the production server
 * (lib/cli/server.ts) loads them at start and answers without touching the disk or the CPU.
 *
 * Anything it does not know exactly (another path, a Range request, a file without its compressed
 * siblings) is left to Next. No 'server-only': this runs in the plain Node HTTP server, outside Next.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { preferredEncoding, type Encoding } from './accept-encoding';
import { SECURITY_HEADERS } from './security-headers';

const STATIC_PREFIX = '/_next/static/';

const CONTENT_TYPES: Record<string, { type: string; compress: boolean }> = {
  '.js': { type: 'application/javascript; charset=UTF-8', compress: true },
  '.css': { type: 'text/css; charset=UTF-8', compress: true },
  '.json': { type: 'application/json; charset=UTF-8', compress: true },
  '.svg': { type: 'image/svg+xml', compress: true },
  '.txt': { type: 'text/plain; charset=UTF-8', compress: true },
  '.woff2': { type: 'font/woff2', compress: false },
  '.woff': { type: 'font/woff', compress: false },
  '.png': { type: 'image/png', compress: false },
  '.ico': { type: 'image/x-icon', compress: false },
};

/** One file of the build, in each encoding that is worth sending. */
export interface StaticAsset {
  contentType: string;
  etag: string;
  bodies: Partial<Record<Encoding, Buffer>> & { identity: Buffer };
}

/** The compressed siblings a build step writes beside a file (`a.js.br`, `a.js.gz`). */
export function compressFile(source: Buffer): { br: Buffer; gz: Buffer } {
  return {
    br: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } }),
    gz: gzipSync(source, { level: 9 }),
  };
}

/** True for a file whose type is worth compressing (scripts, styles, JSON, SVG, text). */
export function isCompressible(file: string): boolean {
  return CONTENT_TYPES[path.extname(file)]?.compress === true;
}

/**
 * Reads `<distDir>/static` into memory, keyed by URL path. A compressible file is included only with both
 * of its compressed siblings (else Next serves it as before); `.br`/`.gz` files are not served on their own.
 */
export async function loadStaticAssets(staticDir: string): Promise<Map<string, StaticAsset>> {
  const assets = new Map<string, StaticAsset>();
  let files: string[];
  try {
    files = (await readdir(staticDir, { recursive: true, withFileTypes: true }))
      .filter((d) => d.isFile())
      .map((d) => path.join(d.parentPath, d.name));
  } catch {
    return assets; // no build output: Next answers (and says what is missing)
  }
  const present = new Set(files);
  for (const file of files) {
    const kind = CONTENT_TYPES[path.extname(file)];
    if (!kind) continue;
    const identity = await readFile(file);
    const bodies: StaticAsset['bodies'] = { identity };
    if (kind.compress) {
      if (!present.has(`${file}.br`) || !present.has(`${file}.gz`)) continue;
      bodies.br = await readFile(`${file}.br`);
      bodies.gzip = await readFile(`${file}.gz`);
    }
    const url = STATIC_PREFIX + path.relative(staticDir, file).split(path.sep).join('/');
    assets.set(url, {
      contentType: kind.type,
      etag: `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
      bodies,
    });
  }
  return assets;
}

/**
 * Answers a GET/HEAD for a known static file and returns true; returns false (and touches nothing) for
 * anything else, which the caller hands to Next. Headers match Next's for /_next/static (immutable cache,
 * the security headers of next.config.ts) plus Vary and the chosen Content-Encoding.
 */
export function serveStaticAsset(assets: ReadonlyMap<string, StaticAsset>, req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.range !== undefined) return false;
  const url = req.url ?? '';
  if (!url.startsWith(STATIC_PREFIX)) return false;
  const query = url.indexOf('?');
  const asset = assets.get(query === -1 ? url : url.slice(0, query));
  if (!asset) return false;

  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  res.setHeader('Content-Type', asset.contentType);
  res.setHeader('ETag', asset.etag);
  const encodings = Object.keys(asset.bodies) as Encoding[];
  if (encodings.length > 1) res.setHeader('Vary', 'Accept-Encoding');
  // A weak tag: the same file in another encoding is the same representation for revalidation.
  if ((req.headers['if-none-match'] ?? '').split(',').some((tag) => tag.trim() === asset.etag)) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  const encoding = preferredEncoding(req.headers['accept-encoding'], encodings);
  const body = asset.bodies[encoding] ?? asset.bodies.identity;
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', body.length);
  res.statusCode = 200;
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
