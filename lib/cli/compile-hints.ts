/**
 * After `next build`: adds V8's compile hint to every browser chunk (see lib/build/compile-hints.ts).
 * Run by `npm run build`. Reads NEXT_DIST_DIR like next.config.ts.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withCompileHint } from '../build/compile-hints';

const root = path.resolve(import.meta.dirname, '../..');
const chunks = path.join(root, process.env.NEXT_DIST_DIR ?? '.next', 'static', 'chunks');

let changed = 0;
const files = (await readdir(chunks, { recursive: true })).filter((f) => f.endsWith('.js'));
for (const file of files) {
  const full = path.join(chunks, file);
  const source = await readFile(full, 'utf8');
  const hinted = withCompileHint(source);
  if (hinted !== source) {
    await writeFile(full, hinted);
    changed++;
  }
}
console.log(`compile hints: ${changed} of ${files.length} chunks in ${path.relative(root, chunks)}`);
