/** Content negotiation for the precompressed static files (lib/http/static-assets.ts). */

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The encoding to send for an Accept-Encoding header, among those available: Brotli, then gzip, then none.
 * Honours q-values (`br;q=0` refuses Brotli) and `*`; a header that refuses everything still gets identity.
 */
export function preferredEncoding(acceptEncoding: string | undefined, available: readonly Encoding[]): Encoding {
  const q = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const weight = (enc: Encoding): number => q.get(enc) ?? q.get('*') ?? 0;
  for (const enc of ['br', 'gzip'] as const) if (available.includes(enc) && weight(enc) > 0) return enc;
  return 'identity';
}
