import { describe, expect, it } from 'vitest';
import { failure, success } from './result';

describe('Result helpers', () => {
  it('builds a failure with no fieldErrors key when there are none (the signed-out value is exactly this JSON)', () => {
    // e2e/security/unauthorised.spec.ts recognises a refused server action by this text in its response.
    expect(JSON.stringify(failure('signed-out'))).toBe('{"ok":false,"reason":"signed-out"}');
  });

  it('keeps the field messages of a form failure', () => {
    expect(failure('invalid', { value: { key: 'consent.cid.error.checksum', vars: { expected: 6, actual: 7 } } })).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { value: { key: 'consent.cid.error.checksum', vars: { expected: 6, actual: 7 } } },
    });
  });

  it('spreads a success payload beside ok', () => {
    expect(success({ consentId: 'c-1' })).toEqual({ ok: true, consentId: 'c-1' });
  });
});
