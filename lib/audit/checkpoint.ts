/**
 * Checkpoints of the audit chain, signed and kept outside the database. The hash chain shows any edited
 * or removed row *before* the newest one, but someone able to write to the database could cut the newest
 * rows off and the chain would still verify. A checkpoint — the head's seq and hash, signed with an Ed25519
 * key the database never sees, written where the database cannot reach — makes such a cut visible:
 * `npm run audit:verify` finds the log shorter than, or different from, what was signed. Pure.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';

export const checkpointSchema = z.object({
  version: z.literal(1),
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.string().min(1),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410): the key is configured as 32 bytes, base64.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The Ed25519 signing key from its 32-byte seed (base64), or an error naming what is wrong. */
export function signingKeyFromSeed(seedBase64: string): KeyObject {
  const seed = Buffer.from(seedBase64, 'base64');
  if (seed.length !== 32) throw new Error('must be 32 bytes, base64 (e.g. `openssl rand -base64 32`)');
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** A short, stable name for a key: whoever verifies can tell which key signed. */
export function keyIdOf(key: KeyObject): string {
  const publicDer = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'der', type: 'spki' });
  return createHash('sha256').update(publicDer).digest('hex').slice(0, 16);
}

function payload(head: { seq: number; hash: string; at: string }): Buffer {
  return Buffer.from(`hl-audit-checkpoint/v1\n${head.seq}\n${head.hash}\n${head.at}`, 'utf8');
}

/** Signs the chain's head as it is now. */
export function signCheckpoint(head: { seq: number; hash: string }, key: KeyObject, at: Date): Checkpoint {
  const body = { seq: head.seq, hash: head.hash, at: at.toISOString() };
  return { version: 1, ...body, keyId: keyIdOf(key), signature: sign(null, payload(body), key).toString('base64') };
}

/** Whether the checkpoint was signed by this key (private or public) and says what it says. */
export function checkpointSignedBy(checkpoint: Checkpoint, key: KeyObject): boolean {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (checkpoint.keyId !== keyIdOf(publicKey)) return false;
  try {
    return verify(null, payload(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

export type CheckpointVerdict = { ok: true } | { ok: false; problem: 'bad-signature' | 'truncated' | 'rewritten'; message: string };

/**
 * The log measured against its latest checkpoint: the signature must hold, the row at the checkpoint's seq
 * must still exist with the signed hash. `rowAtSeq` is that row's hash (undefined when it is gone) and
 * `lastSeq` the newest seq in the log (0 when empty).
 */
export function compareWithCheckpoint(
  checkpoint: Checkpoint,
  key: KeyObject,
  rowAtSeq: string | undefined,
  lastSeq: number,
): CheckpointVerdict {
  if (!checkpointSignedBy(checkpoint, key))
    return { ok: false, problem: 'bad-signature', message: `the checkpoint of seq ${checkpoint.seq} is not signed by this key` };
  if (rowAtSeq === undefined)
    return {
      ok: false,
      problem: 'truncated',
      message: `signed at ${checkpoint.at} with the log at seq ${checkpoint.seq}, but the log now ends at seq ${lastSeq}`,
    };
  if (rowAtSeq !== checkpoint.hash)
    return { ok: false, problem: 'rewritten', message: `row ${checkpoint.seq} no longer has the hash signed at ${checkpoint.at}` };
  return { ok: true };
}
