/**
 * The bedside consent flow as a pure state machine: find the patient → confirm who and why → send the
 * SMS code → enter the code → open the record. Every step the doctor takes and every answer the server
 * gives is an event; the reducer decides what the screen shows next, which request goes out (`request`)
 * and where the browser goes (`navigate`). The hook in `use-consent-flow.ts` only carries those out.
 *
 * Pure: no React, no clock, no I/O — times arrive inside events.
 */
import type { LookupResult } from '@/lib/consent/lookup';
import { searchProblem, type PatientSearchInput } from '@/lib/consent/schemas';
import type { SendOtpResult, VerifyOtpResult } from '@/lib/consent/service';
import type { PatientCard } from '@/lib/consent/view-model';
import type { MessageKey } from '@/lib/i18n/messages';
import type { FieldMessage, SignedOut } from '@/lib/result';

export type Step = 'search' | 'confirm' | 'otp';
export type SearchBy = 'cid' | 'passport' | 'name';

/**
 * A message above or below a form. `until` is a moment the text names (when sending is allowed again); it
 * is formatted at render time, in the reader's language and calendar, as a clock time or a date and time.
 */
export interface Notice {
  tone: 'critical' | 'warning' | 'info' | 'ok';
  message: FieldMessage;
  until?: { at: number; as: 'time' | 'date-time' };
  /** Adds the emergency-access hint (a patient without a phone cannot consent by SMS). */
  extra?: 'ed';
}

export interface Challenge {
  id: string;
  phoneMasked: string;
  /** Browser-clock milliseconds; only for the countdown — the server decides what is still valid. */
  expiresAt: number;
  resendAt: number;
}

/** A server call the hook must make, once per object (the same search twice is two requests). */
export type Request =
  | { kind: 'lookup'; search: PatientSearchInput }
  | { kind: 'send'; search: PatientSearchInput; resend: boolean }
  | { kind: 'verify'; challengeId: string; code: string };

export type Navigation = { to: 'sign-in' } | { to: 'record'; consentId: string };

export interface ConsentState {
  step: Step;
  by: SearchBy;
  cid: string;
  passport: string;
  /** The sealed token of the person chosen from a search by name (name-search.tsx), or ''. */
  candidate: string;
  fieldError: FieldMessage | null;
  notice: Notice | null;
  patient: PatientCard | null;
  zeroWarning: boolean;
  purposeOk: boolean;
  purposeError: boolean;
  challenge: Challenge | null;
  code: string[];
  codeError: FieldMessage | null;
  /** The code can no longer be used (void or expired): only a new one helps. */
  needsNewCode: boolean;
  request: Request | null;
  navigate: Navigation | null;
  /** Bumped whenever the code boxes are cleared for another try, so focus returns to the first box. */
  focusCode: number;
  now: number;
}

export type ConsentEvent =
  | { type: 'by-changed'; by: SearchBy }
  | { type: 'cid-typed'; value: string }
  | { type: 'passport-typed'; value: string }
  | { type: 'search-submitted' }
  | { type: 'candidate-chosen'; token: string }
  | { type: 'lookup-answered'; result: LookupResult | SignedOut }
  | { type: 'purpose-toggled'; checked: boolean }
  | { type: 'send-requested'; resend: boolean }
  | { type: 'send-answered'; result: SendOtpResult | SignedOut; at: number }
  | { type: 'code-changed'; code: string[] }
  | { type: 'verify-submitted' }
  | { type: 'verify-answered'; result: VerifyOtpResult | SignedOut }
  | { type: 'request-failed' }
  | { type: 'tick'; at: number }
  | { type: 'restarted' };

export const EMPTY_CODE: readonly string[] = ['', '', '', '', '', ''];

export const initialConsentState: ConsentState = {
  step: 'search',
  by: 'cid',
  cid: '',
  passport: '',
  candidate: '',
  fieldError: null,
  notice: null,
  patient: null,
  zeroWarning: false,
  purposeOk: false,
  purposeError: false,
  challenge: null,
  code: [...EMPTY_CODE],
  codeError: null,
  needsNewCode: false,
  request: null,
  navigate: null,
  focusCode: 0,
  now: 0,
};

/** The search as the doctor has typed it, for the form check and the server. */
export function searchInput(state: Pick<ConsentState, 'by' | 'cid' | 'passport' | 'candidate'>): PatientSearchInput {
  if (state.by === 'name') return { by: 'candidate', value: state.candidate };
  return state.by === 'cid' ? { by: 'cid', value: state.cid } : { by: 'passport', value: state.passport };
}

/** True while a request is out: the buttons that would start another are disabled. */
export function isBusy(state: ConsentState): boolean {
  return state.request !== null;
}

const notice = (tone: Notice['tone'], key: MessageKey, rest: Omit<Notice, 'tone' | 'message'> = {}): Notice => ({
  tone,
  message: { key },
  ...rest,
});
const UNEXPECTED = notice('critical', 'consent.error.unexpected');
const NOT_FOUND = notice('warning', 'consent.result.notFound');
const NO_SHARING = notice('info', 'consent.result.noSharing');
const NO_PHONE = notice('warning', 'consent.result.noPhone', { extra: 'ed' });
const UNAVAILABLE = notice('critical', 'consent.result.unavailable');

/** Why a code the server refused cannot be used, for each refusal that is not a wrong code. */
const VERIFY_FAILURE: Record<'not-found' | 'void' | 'expired' | 'used', MessageKey> = {
  'not-found': 'consent.otp.error.notFound',
  void: 'consent.otp.error.void',
  expired: 'consent.otp.error.expired',
  used: 'consent.otp.error.used',
};

function onSearchSubmitted(state: ConsentState): ConsentState {
  // A search by name is its own form (name-search.tsx); choosing one of its candidates is the lookup.
  if (state.request || state.by === 'name') return state;
  const search = searchInput(state);
  const problem = searchProblem(search);
  if (problem) return { ...state, notice: null, fieldError: problem };
  return { ...state, notice: null, fieldError: null, request: { kind: 'lookup', search } };
}

function onLookupAnswered(state: ConsentState, result: LookupResult | SignedOut): ConsentState {
  const done = { ...state, request: null };
  if (result.ok) {
    return {
      ...done,
      patient: result.patient,
      zeroWarning: result.warning === 'starts-with-zero',
      purposeOk: false,
      purposeError: false,
      step: 'confirm',
    };
  }
  switch (result.reason) {
    case 'signed-out':
      return { ...done, navigate: { to: 'sign-in' } };
    case 'invalid':
      return { ...done, fieldError: result.fieldErrors?.value ?? { key: 'consent.cid.error.digits' } };
    case 'not-found':
      // No card is left over from an earlier search: a notice never sits beside someone else's card.
      return { ...done, patient: null, notice: NOT_FOUND };
    case 'exchange-unavailable':
      return { ...done, patient: null, notice: UNAVAILABLE };
    case 'no-sharing':
      return { ...done, patient: result.patient, notice: NO_SHARING };
    case 'no-phone':
      return { ...done, patient: result.patient, notice: NO_PHONE };
    case 'lookup-limit':
      return {
        ...done,
        patient: null,
        notice: {
          tone: 'warning',
          message: { key: 'consent.lookup.error.limit', vars: { minutes: Math.ceil(result.retryInMs / 60_000), limit: result.limit } },
        },
      };
  }
}

function onSendRequested(state: ConsentState, resend: boolean): ConsentState {
  if (state.request) return state;
  if (!resend && !state.purposeOk) return { ...state, purposeError: true };
  return { ...state, notice: null, codeError: null, request: { kind: 'send', search: searchInput(state), resend } };
}

function sendRefusal(result: Exclude<SendOtpResult, { ok: true } | { reason: 'invalid' }>, at: number): Notice {
  switch (result.reason) {
    case 'not-found':
      return NOT_FOUND;
    case 'no-sharing':
      return NO_SHARING;
    case 'no-phone':
      return NO_PHONE;
    case 'exchange-unavailable':
      return UNAVAILABLE;
    case 'sms-failed':
      return notice('critical', 'consent.send.error.smsFailed');
    case 'resend-too-soon':
      return { tone: 'warning', message: { key: 'consent.send.error.tooSoon', vars: { seconds: Math.ceil(result.retryInMs / 1000) } } };
    case 'doctor-limit':
      return notice('warning', 'consent.send.error.doctorLimit', { until: { at: at + result.retryInMs, as: 'time' } });
    case 'patient-daily-limit':
      return notice('warning', 'consent.send.error.patientLimit', { until: { at: at + result.retryInMs, as: 'date-time' } });
    case 'phone-recently-changed':
      return notice('critical', 'consent.send.error.phoneChanged', { until: { at: at + result.retryInMs, as: 'date-time' } });
  }
}

function onSendAnswered(state: ConsentState, result: SendOtpResult | SignedOut, at: number): ConsentState {
  const resend = state.request?.kind === 'send' && state.request.resend;
  const done = { ...state, request: null };
  if (result.ok) {
    const challenge = {
      id: result.challengeId,
      phoneMasked: result.phoneMasked,
      expiresAt: at + result.expiresInMs,
      resendAt: at + result.resendInMs,
    };
    const sent = { ...done, challenge, now: at, code: [...EMPTY_CODE], needsNewCode: false, step: 'otp' as const };
    return resend ? { ...sent, notice: notice('ok', 'consent.otp.resent') } : sent;
  }
  if (result.reason === 'signed-out') return { ...done, navigate: { to: 'sign-in' } };
  // The search no longer passes the server's check: back to the form, with the problem on the field.
  if (result.reason === 'invalid')
    return { ...done, step: 'search', fieldError: result.fieldErrors?.value ?? { key: 'consent.cid.error.digits' } };
  return { ...done, notice: sendRefusal(result, at) };
}

function onVerifySubmitted(state: ConsentState): ConsentState {
  if (state.request || !state.challenge) return state;
  const code = state.code.join('');
  if (!/^\d{6}$/.test(code)) return { ...state, codeError: { key: 'consent.otp.error.format' } };
  return { ...state, codeError: null, notice: null, request: { kind: 'verify', challengeId: state.challenge.id, code } };
}

function onVerifyAnswered(state: ConsentState, result: VerifyOtpResult | SignedOut): ConsentState {
  const done = { ...state, request: null };
  if (result.ok) return { ...done, notice: notice('ok', 'consent.otp.verified'), navigate: { to: 'record', consentId: result.consentId } };
  if (result.reason === 'signed-out') return { ...done, navigate: { to: 'sign-in' } };
  // Any refusal clears the boxes and puts the cursor back in the first one.
  const retry = { ...done, code: [...EMPTY_CODE], focusCode: state.focusCode + 1 };
  switch (result.reason) {
    case 'wrong':
      return { ...retry, codeError: { key: 'consent.otp.error.wrong', vars: { remaining: result.remaining } } };
    case 'invalid':
      return { ...retry, codeError: result.fieldErrors?.code ?? { key: 'consent.otp.error.format' }, needsNewCode: false };
    case 'not-found':
    case 'void':
    case 'expired':
    case 'used':
      return {
        ...retry,
        codeError: { key: VERIFY_FAILURE[result.reason] },
        needsNewCode: result.reason === 'void' || result.reason === 'expired',
      };
  }
}

/** The consent flow's next state after one event. */
export function consentReducer(state: ConsentState, event: ConsentEvent): ConsentState {
  switch (event.type) {
    case 'by-changed':
      return { ...state, by: event.by, fieldError: null };
    case 'cid-typed':
      // Once all 13 digits are in, say at once whether the check digit fits; before that, say nothing.
      return {
        ...state,
        cid: event.value,
        fieldError: event.value.replace(/\D/g, '').length === 13 ? searchProblem({ by: 'cid', value: event.value }) : null,
      };
    case 'passport-typed':
      return { ...state, passport: event.value };
    case 'search-submitted':
      return onSearchSubmitted(state);
    case 'candidate-chosen':
      if (state.request) return state;
      return {
        ...state,
        candidate: event.token,
        notice: null,
        fieldError: null,
        patient: null,
        request: { kind: 'lookup', search: { by: 'candidate', value: event.token } },
      };
    case 'lookup-answered':
      return onLookupAnswered(state, event.result);
    case 'purpose-toggled':
      return { ...state, purposeOk: event.checked, purposeError: false };
    case 'send-requested':
      return onSendRequested(state, event.resend);
    case 'send-answered':
      return onSendAnswered(state, event.result, event.at);
    case 'code-changed':
      return { ...state, code: event.code };
    case 'verify-submitted':
      return onVerifySubmitted(state);
    case 'verify-answered':
      return onVerifyAnswered(state, event.result);
    case 'request-failed':
      return { ...state, request: null, notice: UNEXPECTED };
    case 'tick':
      return { ...state, now: event.at };
    case 'restarted':
      return {
        ...state,
        step: 'search',
        patient: null,
        challenge: null,
        notice: null,
        code: [...EMPTY_CODE],
        codeError: null,
        needsNewCode: false,
      };
  }
}
