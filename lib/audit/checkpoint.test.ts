import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkpointSchema, checkpointSignedBy, compareWithCheckpoint, signCheckpoint, signingKeyFromSeed } from './checkpoint';

const key = signingKeyFromSeed(randomBytes(32).toString('base64'));
const other = signingKeyFromSeed(randomBytes(32).toString('base64'));
const head = { seq: 42, hash: 'a'.repeat(64) };
const at = new Date('2026-12-06T00:00:00Z');

describe('audit checkpoints', () => {
  it('signs the head and verifies with the same key only', () => {
    const cp = signCheckpoint(head, key, at);
    expect(checkpointSchema.parse(cp)).toEqual(cp);
    expect(checkpointSignedBy(cp, key)).toBe(true);
    expect(checkpointSignedBy(cp, other)).toBe(false);
    expect(checkpointSignedBy({ ...cp, seq: 41 }, key)).toBe(false);
    expect(checkpointSignedBy({ ...cp, hash: 'b'.repeat(64) }, key)).toBe(false);
  });

  it.each([
    ['intact', 'a'.repeat(64), 50, { ok: true }],
    ['cut below the checkpoint', undefined, 40, { ok: false, problem: 'truncated' }],
    ['row rewritten', 'c'.repeat(64), 50, { ok: false, problem: 'rewritten' }],
  ] as const)('%s', (_what, rowHash, lastSeq, expected) => {
    expect(compareWithCheckpoint(signCheckpoint(head, key, at), key, rowHash, lastSeq)).toMatchObject(expected);
  });

  it('refuses a checkpoint signed by another key before comparing', () => {
    expect(compareWithCheckpoint(signCheckpoint(head, other, at), key, 'a'.repeat(64), 50)).toMatchObject({
      ok: false,
      problem: 'bad-signature',
    });
  });

  it('takes the key as a 32-byte seed and says when it is not one', () => {
    expect(() => signingKeyFromSeed(Buffer.alloc(16).toString('base64'))).toThrow('32 bytes');
  });
});
