/**
 * After `next build` (run by `npm run build`; reads NEXT_DIST_DIR like next.config.ts):
 *  1. adds V8's compile hint to every browser chunk (lib/build/compile-hints.ts);
 *  2. writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every compressible static file, which the
 *     production server sends from memory instead of compressing each request (lib/http/static-assets.ts).
 * The hint goes in first: the compressed copies must be of the hinted chunks.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withCompileHint } from '../build/compile-hints';
import { compressFile, isCompressible } from '../http/static-assets';

const root = path.resolve(import.meta.dirname, '../..');
const staticDir = path.join(root, process.env.NEXT_DIST_DIR ?? '.next', 'static');
const chunks = path.join(staticDir, 'chunks');

let hinted = 0;
const scripts = (await readdir(chunks, { recursive: true })).filter((f) => f.endsWith('.js'));
for (const file of scripts) {
  const full = path.join(chunks, file);
  const source = await readFile(full, 'utf8');
  const withHint = withCompileHint(source);
  if (withHint !== source) {
    await writeFile(full, withHint);
    hinted++;
  }
}
console.log(`compile hints: ${hinted} of ${scripts.length} chunks in ${path.relative(root, chunks)}`);

let raw = 0;
let br = 0;
let compressed = 0;
for (const file of (await readdir(staticDir, { recursive: true })).filter(isCompressible)) {
  const full = path.join(staticDir, file);
  const source = await readFile(full);
  const out = compressFile(source);
  await writeFile(`${full}.br`, out.br);
  await writeFile(`${full}.gz`, out.gz);
  raw += source.length;
  br += out.br.length;
  compressed++;
}
console.log(
  `precompressed: ${compressed} files in ${path.relative(root, staticDir)}, ${Math.round(raw / 1024)} KB → ${Math.round(br / 1024)} KB Brotli`,
);
