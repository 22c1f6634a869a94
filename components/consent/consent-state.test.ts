import { describe, expect, it } from 'vitest';
import type { PatientCard } from '@/lib/consent/view-model';
import {
  consentReducer,
  EMPTY_CODE,
  initialConsentState,
  isBusy,
  searchInput,
  type ConsentEvent,
  type ConsentState,
} from './consent-state';

const CID = '3-1004-00123-45-6'; // a valid citizen ID
const AT = 1_750_000_000_000;

const patient: PatientCard = {
  identifier: CID,
  identifierKind: 'cid',
  nameTh: 'สมศรี ใจดี',
  nameEn: 'Somsri Jaidee',
  gender: 'female',
  birthDate: '1980-01-01',
  age: 45,
  phoneMasked: '••• ••• 5678',
  sharingHospitals: 2,
  language: 'th',
};

const typed: ConsentState = { ...initialConsentState, cid: CID };
const lookingUp = consentReducer(typed, { type: 'search-submitted' });
const confirming: ConsentState = { ...typed, step: 'confirm', patient, purposeOk: true };
const sending = consentReducer(confirming, { type: 'send-requested', resend: false });
const challenge = {
  id: '5b1c1f1e-4a4b-4c4d-8e8f-000000000001',
  phoneMasked: '••• ••• 5678',
  expiresAt: AT + 300_000,
  resendAt: AT + 60_000,
};
const entering: ConsentState = { ...confirming, step: 'otp', challenge, now: AT, code: ['1', '2', '3', '4', '5', '6'] };
const verifying = consentReducer(entering, { type: 'verify-submitted' });
const resending = consentReducer({ ...entering, now: AT + 61_000 }, { type: 'send-requested', resend: true });

interface Row {
  name: string;
  from: ConsentState;
  event: ConsentEvent;
  expect: Partial<ConsentState>;
}

const rows: Row[] = [
  // typing and choosing
  {
    name: 'switching to passport clears the field error',
    from: { ...typed, fieldError: { key: 'consent.cid.error.empty' } },
    event: { type: 'by-changed', by: 'passport' },
    expect: { by: 'passport', fieldError: null },
  },
  {
    name: 'a partial citizen ID says nothing yet',
    from: initialConsentState,
    event: { type: 'cid-typed', value: '3-1004' },
    expect: { cid: '3-1004', fieldError: null },
  },
  {
    name: 'all 13 digits with a wrong check digit say which was expected',
    from: initialConsentState,
    event: { type: 'cid-typed', value: '3100400123457' },
    expect: { fieldError: { key: 'consent.cid.error.checksum', vars: { expected: 6, actual: 7 } } },
  },
  {
    name: 'all 13 valid digits clear the error',
    from: { ...typed, fieldError: { key: 'consent.cid.error.length', vars: { length: 3 } } },
    event: { type: 'cid-typed', value: '3100400123456' },
    expect: { fieldError: null },
  },
  {
    name: 'a passport is typed as is',
    from: initialConsentState,
    event: { type: 'passport-typed', value: 'aa 123' },
    expect: { passport: 'aa 123' },
  },

  // search
  {
    name: 'an empty search is refused on the field, nothing is sent',
    from: initialConsentState,
    event: { type: 'search-submitted' },
    expect: { fieldError: { key: 'consent.cid.error.empty' }, request: null },
  },
  {
    name: 'a bad passport is refused on the field',
    from: { ...initialConsentState, by: 'passport', passport: 'a!' },
    event: { type: 'search-submitted' },
    expect: { fieldError: { key: 'consent.passport.error.format' }, request: null },
  },
  {
    name: 'a valid search clears the notice and asks the server',
    from: { ...typed, notice: { tone: 'warning', message: { key: 'consent.result.notFound' } } },
    event: { type: 'search-submitted' },
    expect: { notice: null, fieldError: null, request: { kind: 'lookup', search: { by: 'cid', value: CID } } },
  },
  {
    name: 'a second submit while one is out changes nothing',
    from: lookingUp,
    event: { type: 'search-submitted' },
    expect: { request: lookingUp.request },
  },

  // lookup answers
  {
    name: 'found: on to the confirm step, purpose unticked',
    from: { ...lookingUp, purposeOk: true },
    event: { type: 'lookup-answered', result: { ok: true, patient } },
    expect: { step: 'confirm', patient, zeroWarning: false, purposeOk: false, purposeError: false, request: null },
  },
  {
    name: 'found with a leading zero: warned on the confirm step',
    from: lookingUp,
    event: { type: 'lookup-answered', result: { ok: true, patient, warning: 'starts-with-zero' } },
    expect: { step: 'confirm', zeroWarning: true },
  },
  {
    name: 'invalid: the server’s message goes on the field',
    from: lookingUp,
    event: {
      type: 'lookup-answered',
      result: {
        ok: false,
        reason: 'invalid',
        fieldErrors: { value: { key: 'consent.cid.error.checksum', vars: { expected: 6, actual: 7 } } },
      },
    },
    expect: { step: 'search', fieldError: { key: 'consent.cid.error.checksum', vars: { expected: 6, actual: 7 } }, request: null },
  },
  {
    name: 'invalid without a field message: a generic one',
    from: lookingUp,
    event: { type: 'lookup-answered', result: { ok: false, reason: 'invalid' } },
    expect: { fieldError: { key: 'consent.cid.error.digits' } },
  },
  {
    name: 'not found: a warning, and no card left from an earlier search',
    from: { ...lookingUp, patient },
    event: { type: 'lookup-answered', result: { ok: false, reason: 'not-found' } },
    expect: { step: 'search', patient: null, notice: { tone: 'warning', message: { key: 'consent.result.notFound' } }, request: null },
  },
  {
    name: 'exchange unavailable: a critical notice',
    from: lookingUp,
    event: { type: 'lookup-answered', result: { ok: false, reason: 'exchange-unavailable' } },
    expect: { step: 'search', notice: { tone: 'critical', message: { key: 'consent.result.unavailable' } } },
  },
  {
    name: 'no sharing: the card with an explanation, no way on',
    from: lookingUp,
    event: { type: 'lookup-answered', result: { ok: false, reason: 'no-sharing', patient } },
    expect: { step: 'search', patient, notice: { tone: 'info', message: { key: 'consent.result.noSharing' } } },
  },
  {
    name: 'no phone: the card and the emergency-access hint',
    from: lookingUp,
    event: { type: 'lookup-answered', result: { ok: false, reason: 'no-phone', patient } },
    expect: { step: 'search', patient, notice: { tone: 'warning', message: { key: 'consent.result.noPhone' }, extra: 'ed' } },
  },
  {
    name: 'lookup limit: no card, and when searching is possible again',
    from: lookingUp,
    event: { type: 'lookup-answered', result: { ok: false, reason: 'lookup-limit', retryInMs: 125_000, limit: 60 } },
    expect: {
      step: 'search',
      patient: null,
      notice: { tone: 'warning', message: { key: 'consent.lookup.error.limit', vars: { minutes: 3, limit: 60 } } },
    },
  },
  {
    name: 'signed out during the lookup: off to sign in',
    from: lookingUp,
    event: { type: 'lookup-answered', result: { ok: false, reason: 'signed-out' } },
    expect: { navigate: { to: 'sign-in' }, request: null },
  },
  {
    name: 'the lookup threw: an unexpected-error notice, ready to try again',
    from: lookingUp,
    event: { type: 'request-failed' },
    expect: { request: null, notice: { tone: 'critical', message: { key: 'consent.error.unexpected' } } },
  },

  // confirm and send
  {
    name: 'ticking the purpose clears its error',
    from: { ...confirming, purposeOk: false, purposeError: true },
    event: { type: 'purpose-toggled', checked: true },
    expect: { purposeOk: true, purposeError: false },
  },
  {
    name: 'sending without the purpose ticked is refused, nothing is sent',
    from: { ...confirming, purposeOk: false },
    event: { type: 'send-requested', resend: false },
    expect: { purposeError: true, request: null },
  },
  {
    name: 'sending with the purpose ticked asks the server',
    from: confirming,
    event: { type: 'send-requested', resend: false },
    expect: { notice: null, codeError: null, request: { kind: 'send', search: { by: 'cid', value: CID }, resend: false } },
  },
  {
    name: 'sent: on to the code step with the countdown from the answer’s time',
    from: sending,
    event: {
      type: 'send-answered',
      at: AT,
      result: { ok: true, challengeId: challenge.id, phoneMasked: challenge.phoneMasked, expiresInMs: 300_000, resendInMs: 60_000 },
    },
    expect: { step: 'otp', challenge, now: AT, code: [...EMPTY_CODE], needsNewCode: false, notice: null, request: null },
  },
  {
    name: 'send refused as invalid: back to the search with the message on the field',
    from: sending,
    event: {
      type: 'send-answered',
      at: AT,
      result: {
        ok: false,
        reason: 'invalid',
        fieldErrors: { value: { key: 'consent.cid.error.checksum', vars: { expected: 1, actual: 2 } } },
      },
    },
    expect: { step: 'search', fieldError: { key: 'consent.cid.error.checksum', vars: { expected: 1, actual: 2 } } },
  },
  {
    name: 'send: not found',
    from: sending,
    event: { type: 'send-answered', at: AT, result: { ok: false, reason: 'not-found' } },
    expect: { step: 'confirm', notice: { tone: 'warning', message: { key: 'consent.result.notFound' } } },
  },
  {
    name: 'send: no sharing',
    from: sending,
    event: { type: 'send-answered', at: AT, result: { ok: false, reason: 'no-sharing' } },
    expect: { notice: { tone: 'info', message: { key: 'consent.result.noSharing' } } },
  },
  {
    name: 'send: no phone',
    from: sending,
    event: { type: 'send-answered', at: AT, result: { ok: false, reason: 'no-phone' } },
    expect: { notice: { tone: 'warning', message: { key: 'consent.result.noPhone' }, extra: 'ed' } },
  },
  {
    name: 'send: exchange unavailable',
    from: sending,
    event: { type: 'send-answered', at: AT, result: { ok: false, reason: 'exchange-unavailable' } },
    expect: { notice: { tone: 'critical', message: { key: 'consent.result.unavailable' } } },
  },
  {
    name: 'send: SMS failed',
    from: sending,
    event: { type: 'send-answered', at: AT, result: { ok: false, reason: 'sms-failed' } },
    expect: { notice: { tone: 'critical', message: { key: 'consent.send.error.smsFailed' } }, request: null },
  },
  {
    name: 'send: too soon says the seconds left, rounded up',
    from: sending,
    event: { type: 'send-answered', at: AT, result: { ok: false, reason: 'resend-too-soon', retryInMs: 29_001 } },
    expect: { notice: { tone: 'warning', message: { key: 'consent.send.error.tooSoon', vars: { seconds: 30 } } } },
  },
  {
    name: 'send: the doctor’s limit names the time it lifts',
    from: sending,
    event: { type: 'send-answered', at: AT, result: { ok: false, reason: 'doctor-limit', retryInMs: 600_000 } },
    expect: { notice: { tone: 'warning', message: { key: 'consent.send.error.doctorLimit' }, until: { at: AT + 600_000, as: 'time' } } },
  },
  {
    name: 'send: the patient’s daily limit names the date and time it lifts',
    from: sending,
    event: { type: 'send-answered', at: AT, result: { ok: false, reason: 'patient-daily-limit', retryInMs: 3_600_000 } },
    expect: {
      notice: { tone: 'warning', message: { key: 'consent.send.error.patientLimit' }, until: { at: AT + 3_600_000, as: 'date-time' } },
    },
  },
  {
    name: 'send: a phone number changed days ago is refused, naming when codes may be sent',
    from: sending,
    event: { type: 'send-answered', at: AT, result: { ok: false, reason: 'phone-recently-changed', retryInMs: 5 * 86_400_000 } },
    expect: {
      notice: {
        tone: 'critical',
        message: { key: 'consent.send.error.phoneChanged' },
        until: { at: AT + 5 * 86_400_000, as: 'date-time' },
      },
    },
  },
  {
    name: 'signed out during the send: off to sign in',
    from: sending,
    event: { type: 'send-answered', at: AT, result: { ok: false, reason: 'signed-out' } },
    expect: { navigate: { to: 'sign-in' }, request: null },
  },
  {
    name: 'the send threw: an unexpected-error notice',
    from: sending,
    event: { type: 'request-failed' },
    expect: { step: 'confirm', request: null, notice: { tone: 'critical', message: { key: 'consent.error.unexpected' } } },
  },
  {
    name: 'starting again from the confirm step',
    from: confirming,
    event: { type: 'restarted' },
    expect: { step: 'search', patient: null, challenge: null, notice: null },
  },

  // the code
  {
    name: 'typing the code',
    from: { ...entering, code: [...EMPTY_CODE] },
    event: { type: 'code-changed', code: ['4', '', '', '', '', ''] },
    expect: { code: ['4', '', '', '', '', ''] },
  },
  {
    name: 'a short code is refused in the browser, nothing is sent',
    from: { ...entering, code: ['1', '2', '', '', '', ''] },
    event: { type: 'verify-submitted' },
    expect: { codeError: { key: 'consent.otp.error.format' }, request: null },
  },
  {
    name: 'six digits ask the server',
    from: { ...entering, codeError: { key: 'consent.otp.error.format' } },
    event: { type: 'verify-submitted' },
    expect: { codeError: null, notice: null, request: { kind: 'verify', challengeId: challenge.id, code: '123456' } },
  },
  {
    name: 'no challenge, nothing to verify',
    from: { ...entering, challenge: null },
    event: { type: 'verify-submitted' },
    expect: { request: null, codeError: null },
  },
  {
    name: 'verified: a success notice and on to the record',
    from: verifying,
    event: { type: 'verify-answered', result: { ok: true, consentId: 'c-1', expiresAt: '2026-01-01T00:00:00Z' } },
    expect: {
      notice: { tone: 'ok', message: { key: 'consent.otp.verified' } },
      navigate: { to: 'record', consentId: 'c-1' },
      request: null,
    },
  },
  {
    name: 'wrong code: attempts left, boxes cleared, focus back to the first',
    from: verifying,
    event: { type: 'verify-answered', result: { ok: false, reason: 'wrong', remaining: 3 } },
    expect: {
      codeError: { key: 'consent.otp.error.wrong', vars: { remaining: 3 } },
      code: [...EMPTY_CODE],
      focusCode: 1,
      needsNewCode: false,
    },
  },
  {
    name: 'void after the fifth wrong code: only a new code helps',
    from: verifying,
    event: { type: 'verify-answered', result: { ok: false, reason: 'void' } },
    expect: { codeError: { key: 'consent.otp.error.void' }, needsNewCode: true, code: [...EMPTY_CODE] },
  },
  {
    name: 'expired: only a new code helps',
    from: verifying,
    event: { type: 'verify-answered', result: { ok: false, reason: 'expired' } },
    expect: { codeError: { key: 'consent.otp.error.expired' }, needsNewCode: true },
  },
  {
    name: 'used',
    from: verifying,
    event: { type: 'verify-answered', result: { ok: false, reason: 'used' } },
    expect: { codeError: { key: 'consent.otp.error.used' }, needsNewCode: false },
  },
  {
    name: 'not found (someone else’s challenge)',
    from: verifying,
    event: { type: 'verify-answered', result: { ok: false, reason: 'not-found' } },
    expect: { codeError: { key: 'consent.otp.error.notFound' }, needsNewCode: false },
  },
  {
    name: 'invalid: the server’s field message',
    from: verifying,
    event: {
      type: 'verify-answered',
      result: { ok: false, reason: 'invalid', fieldErrors: { code: { key: 'consent.otp.error.format' } } },
    },
    expect: { codeError: { key: 'consent.otp.error.format' } },
  },
  {
    name: 'signed out during the verify: off to sign in',
    from: verifying,
    event: { type: 'verify-answered', result: { ok: false, reason: 'signed-out' } },
    expect: { navigate: { to: 'sign-in' }, request: null },
  },
  {
    name: 'the verify threw: an unexpected-error notice, the code kept',
    from: verifying,
    event: { type: 'request-failed' },
    expect: { request: null, code: entering.code, notice: { tone: 'critical', message: { key: 'consent.error.unexpected' } } },
  },
  { name: 'the clock ticks', from: entering, event: { type: 'tick', at: AT + 1000 }, expect: { now: AT + 1000 } },

  // resend
  {
    name: 'resend skips the purpose check and asks the server',
    from: { ...entering, purposeOk: false, codeError: { key: 'consent.otp.error.void' }, needsNewCode: true },
    event: { type: 'send-requested', resend: true },
    expect: { codeError: null, request: { kind: 'send', search: { by: 'cid', value: CID }, resend: true } },
  },
  {
    name: 'resent: a new countdown, empty boxes, the old code gone',
    from: { ...resending, needsNewCode: true },
    event: {
      type: 'send-answered',
      at: AT + 61_000,
      result: { ok: true, challengeId: challenge.id, phoneMasked: challenge.phoneMasked, expiresInMs: 300_000, resendInMs: 60_000 },
    },
    expect: {
      step: 'otp',
      needsNewCode: false,
      code: [...EMPTY_CODE],
      challenge: { ...challenge, expiresAt: AT + 361_000, resendAt: AT + 121_000 },
      notice: { tone: 'ok', message: { key: 'consent.otp.resent' } },
    },
  },
  {
    name: 'resend refused by the server’s wait (the browser clock was wrong)',
    from: resending,
    event: { type: 'send-answered', at: AT + 61_000, result: { ok: false, reason: 'resend-too-soon', retryInMs: 30_000 } },
    expect: { step: 'otp', challenge, notice: { tone: 'warning', message: { key: 'consent.send.error.tooSoon', vars: { seconds: 30 } } } },
  },
  {
    name: 'starting again from the code step clears the code and challenge',
    from: { ...entering, codeError: { key: 'consent.otp.error.void' }, needsNewCode: true },
    event: { type: 'restarted' },
    expect: { step: 'search', challenge: null, patient: null, code: [...EMPTY_CODE], codeError: null, needsNewCode: false },
  },
];

describe('consentReducer', () => {
  it.each(rows)('$name', ({ from, event, expect: expected }) => {
    const before = structuredClone(from);
    expect(consentReducer(from, event)).toMatchObject(expected);
    // Pure: the state it was given is left as it was.
    expect(from).toEqual(before);
  });

  it('covers every event type', () => {
    const covered = new Set(rows.map((r) => r.event.type));
    const all: ConsentEvent['type'][] = [
      'by-changed',
      'cid-typed',
      'passport-typed',
      'search-submitted',
      'lookup-answered',
      'purpose-toggled',
      'send-requested',
      'send-answered',
      'code-changed',
      'verify-submitted',
      'verify-answered',
      'request-failed',
      'tick',
      'restarted',
    ];
    expect([...covered].sort()).toEqual([...all].sort());
  });

  it('makes the same search twice two requests (the hook sends each request object once)', () => {
    const answered = consentReducer(lookingUp, { type: 'lookup-answered', result: { ok: false, reason: 'not-found' } });
    const again = consentReducer(answered, { type: 'search-submitted' });
    expect(again.request).toEqual(lookingUp.request);
    expect(again.request).not.toBe(lookingUp.request);
  });

  it('leaves a state it has nothing to do with as it is', () => {
    expect(consentReducer(lookingUp, { type: 'search-submitted' })).toBe(lookingUp);
    expect(consentReducer(verifying, { type: 'verify-submitted' })).toBe(verifying);
  });

  it('is busy exactly while a request is out', () => {
    expect(isBusy(initialConsentState)).toBe(false);
    expect(isBusy(lookingUp)).toBe(true);
    expect(isBusy(consentReducer(lookingUp, { type: 'request-failed' }))).toBe(false);
  });

  it('searches by what the doctor chose', () => {
    expect(searchInput({ by: 'passport', cid: CID, passport: 'AA1234567', candidate: '' })).toEqual({ by: 'passport', value: 'AA1234567' });
    expect(searchInput({ by: 'cid', cid: CID, passport: 'AA1234567', candidate: '' })).toEqual({ by: 'cid', value: CID });
    expect(searchInput({ by: 'name', cid: CID, passport: '', candidate: 'c1.token' })).toEqual({ by: 'candidate', value: 'c1.token' });
  });

  it('looks up a candidate chosen from a search by name, once, and sends the code to that person', () => {
    const byName = consentReducer(initialConsentState, { type: 'by-changed', by: 'name' });
    expect(consentReducer(byName, { type: 'search-submitted' })).toBe(byName);
    const chosen = consentReducer(byName, { type: 'candidate-chosen', token: 'c1.token' });
    expect(chosen.request).toEqual({ kind: 'lookup', search: { by: 'candidate', value: 'c1.token' } });
    expect(consentReducer(chosen, { type: 'candidate-chosen', token: 'c1.other' })).toBe(chosen);
  });
});
