import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// TOTP secrets are stored encrypted so that a database dump alone does not yield second factors.
function key(masterSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterSecret, 'healthlink-viewer', 'totp-secret-v1', 32));
}

/** Encrypts a short secret with AES-256-GCM under a key derived from AUTH_SECRET. */
export function sealSecret(plain: string, masterSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(masterSecret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1.${iv.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
}

/** Decrypts what sealSecret produced; throws if it was altered or the key is different. */
export function openSecret(sealed: string, masterSecret: string): string {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !body || !tag) throw new Error('unrecognised sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key(masterSecret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
