import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

/*
 * A candidate of a name search travels to the browser as an opaque token, never as a citizen ID: the
 * doctor sees a masked ID, and choosing a candidate sends the token back. It is sealed (AES-256-GCM,
 * under a key derived from AUTH_SECRET for this purpose only), bound to the doctor who searched and
 * short-lived, so it cannot be read, forged, replayed by another doctor or kept for later.
 */
export const CANDIDATE_TTL_MS = 15 * 60_000;
export const candidateTokenSchema = z.string().regex(/^c1\.[\w-]{16}\.[\w-]{20,200}\.[\w-]{22}$/);

const payloadSchema = z.object({ c: z.string().regex(/^\d{13}$/), l: z.string().min(1), e: z.number().int() });

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'healthlink-viewer', 'name-search-candidate-v1', 32));
}

/** Seals a candidate's citizen ID for the doctor who searched, until `now` + CANDIDATE_TTL_MS. */
export function sealCandidate(cid: string, licence: string, now: Date, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret), iv);
  const plain = JSON.stringify({ c: cid, l: licence, e: now.getTime() + CANDIDATE_TTL_MS });
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `c1.${iv.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
}

/** The citizen ID behind a token, or null if it was altered, is another doctor's, or has expired. */
export function openCandidate(token: string, licence: string, now: Date, secret: string): string | null {
  if (!candidateTokenSchema.safeParse(token).success) return null;
  const [, iv, body, tag] = token.split('.') as [string, string, string, string];
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(secret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    const payload = payloadSchema.safeParse(JSON.parse(plain));
    if (!payload.success || payload.data.l !== licence || payload.data.e <= now.getTime()) return null;
    return payload.data.c;
  } catch {
    return null;
  }
}
