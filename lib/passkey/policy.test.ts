import { describe, expect, it } from 'vitest';
import {
  counterAcceptable,
  counterOfAuthenticatorData,
  decidePasskeyStep,
  enrolmentBasis,
  passkeyStepPending,
  type EnrolmentFacts,
} from './policy';

describe('decidePasskeyStep', () => {
  it.each([
    // sessionVerified, hasPasskey, hospitalRequires, mayEnrol → step
    [true, true, true, false, 'none'],
    [true, false, true, false, 'none'],
    [false, true, false, false, 'verify'], // a passkey once registered is always used
    [false, true, true, true, 'verify'],
    [false, false, false, true, 'none'],
    [false, false, true, true, 'register'],
    [false, false, true, false, 'blocked'],
  ] as const)('verified=%s has=%s required=%s mayEnrol=%s → %s', (sessionVerified, hasPasskey, hospitalRequires, mayEnrol, step) => {
    expect(decidePasskeyStep({ sessionVerified, hasPasskey, hospitalRequires }, mayEnrol)).toBe(step);
  });

  it('keeps the session at the step whenever it is not done (fail closed, whatever enrolment allows)', () => {
    expect(passkeyStepPending({ sessionVerified: false, hasPasskey: false, hospitalRequires: true })).toBe(true);
    expect(passkeyStepPending({ sessionVerified: false, hasPasskey: true, hospitalRequires: false })).toBe(true);
    expect(passkeyStepPending({ sessionVerified: false, hasPasskey: false, hospitalRequires: false })).toBe(false);
    expect(passkeyStepPending({ sessionVerified: true, hasPasskey: false, hospitalRequires: true })).toBe(false);
  });
});

describe('enrolmentBasis', () => {
  const base: EnrolmentFacts = { sessionVerified: false, hasPasskey: false, everHadPasskey: false, hospitals: [], permitInForce: false };
  const required = (allowBootstrap: boolean) => ({ required: true, allowBootstrap });
  const optional = { required: false, allowBootstrap: false };
  it.each<[string, Partial<EnrolmentFacts>, string | null]>([
    ['a verified session adds another', { sessionVerified: true, hasPasskey: true }, 'verified-session'],
    ['a doctor with a passkey never adds one on the PIN alone', { hasPasskey: true, permitInForce: true }, null],
    ["an admin's permit allows it", { everHadPasskey: true, hospitals: [required(false)], permitInForce: true }, 'permit'],
    ['voluntary where no hospital requires it', { hospitals: [optional] }, 'voluntary'],
    ['voluntary again after removing one, where none requires it', { everHadPasskey: true, hospitals: [optional] }, 'voluntary'],
    ['bootstrap: first passkey where every requiring hospital allows it', { hospitals: [required(true), optional] }, 'bootstrap'],
    ['no bootstrap where a requiring hospital does not allow it', { hospitals: [required(true), required(false)] }, null],
    ['no second bootstrap after a passkey was removed', { everHadPasskey: true, hospitals: [required(true)] }, null],
  ])('%s', (_name, facts, basis) => {
    expect(enrolmentBasis({ ...base, ...facts })).toBe(basis);
  });
});

describe('signature counter', () => {
  it.each([
    [0, 0, true], // authenticators without a counter (synced passkeys)
    [0, 1, true],
    [5, 6, true],
    [5, 5, false], // replayed or cloned
    [5, 4, false],
    [5, 0, false], // a counter that went back to zero
  ])('stored %i, received %i → %s', (stored, received, ok) => {
    expect(counterAcceptable(stored, received)).toBe(ok);
  });

  it('reads the big-endian counter after the RP id hash and the flags', () => {
    const data = new Uint8Array(37);
    data.set([0x00, 0x01, 0x02, 0x03], 33);
    expect(counterOfAuthenticatorData(data)).toBe(0x00010203);
    expect(counterOfAuthenticatorData(new Uint8Array(36))).toBeNull();
  });
});
