'use client';

import { useRouter } from 'next/navigation';
import Link from 'next/link';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useLocale } from '@/components/providers';
import type { LookupResult } from '@/lib/consent/lookup';
import { searchProblem, type FieldMessage, type PatientSearchInput, type SignedOut } from '@/lib/consent/schemas';
import type { SendOtpResult, VerifyOtpResult } from '@/lib/consent/service';
import type { PatientCard } from '@/lib/consent/view-model';
import { formatDate, formatDuration, formatTime } from '@/lib/i18n/format';
import type { MessageKey } from '@/lib/i18n/messages';
import { CitizenIdInput } from './citizen-id-input';
import { OtpInput } from './otp-input';
import { PatientCardView } from './patient-card';

export interface ConsentActions {
  lookup: (input: PatientSearchInput) => Promise<LookupResult | SignedOut>;
  send: (input: PatientSearchInput) => Promise<SendOtpResult | SignedOut>;
  verify: (input: { challengeId: string; code: string }) => Promise<VerifyOtpResult | SignedOut>;
}

type Step = 'search' | 'confirm' | 'otp';
type Notice = { tone: 'critical' | 'warning' | 'info' | 'ok'; text: string; extra?: 'ed' };

interface Challenge {
  id: string;
  phoneMasked: string;
  expiresAt: number;
  resendAt: number;
}

const EMPTY_CODE = ['', '', '', '', '', ''];

const TONE: Record<Notice['tone'], string> = {
  critical: 'border-critical bg-critical-bg text-critical',
  warning: 'border-warning bg-warning-bg text-warning',
  info: 'border-info bg-info-bg text-info',
  ok: 'border-ok bg-ok-bg text-ok',
};

function NoticeBox({ notice, id, isEd }: { notice: Notice; id: string; isEd: boolean }) {
  const { t } = useLocale();
  return (
    <div id={id} role={notice.tone === 'critical' || notice.tone === 'warning' ? 'alert' : 'status'} className={`rounded-md border p-3 font-semibold ${TONE[notice.tone]}`}>
      <p>
        <span aria-hidden="true">{notice.tone === 'ok' ? '✓ ' : notice.tone === 'info' ? 'ℹ ' : '⚠ '}</span>
        {notice.text}
      </p>
      {notice.extra === 'ed' && (
        <p className="mt-2 font-normal">
          {t('consent.result.noPhoneEd')}
          {isEd && (
            <>
              {' '}
              <Link href="/emergency" className="font-semibold underline">
                {t('nav.emergency')}
              </Link>
            </>
          )}
        </p>
      )}
    </div>
  );
}

/**
 * The bedside consent flow: find the patient, confirm who they are and why, send the SMS code, and enter
 * the code the patient reads out. Everything is checked again on the server; nothing clinical appears here.
 */
export function ConsentFlow({ actions, isEd }: { actions: ConsentActions; isEd: boolean }) {
  const { t, lang, calendar } = useLocale();
  const router = useRouter();
  const [step, setStep] = useState<Step>('search');
  const [by, setBy] = useState<'cid' | 'passport'>('cid');
  const [cid, setCid] = useState('');
  const [passport, setPassport] = useState('');
  const [fieldError, setFieldError] = useState<FieldMessage | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [patient, setPatient] = useState<PatientCard | null>(null);
  const [zeroWarning, setZeroWarning] = useState(false);
  const [purposeOk, setPurposeOk] = useState(false);
  const [purposeError, setPurposeError] = useState(false);
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [code, setCode] = useState<string[]>(EMPTY_CODE);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [needsNewCode, setNeedsNewCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const headingRef = useRef<HTMLHeadingElement>(null);

  const search: PatientSearchInput = by === 'cid' ? { by: 'cid', value: cid } : { by: 'passport', value: passport };
  const msg = (m: FieldMessage) => t(m.key, m.vars);

  useEffect(() => {
    if (step !== 'otp') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [step]);

  const mounted = useRef(false);
  useEffect(() => {
    // Focus goes where the doctor types next: the citizen ID on the search step (also on first load) and
    // the first code box once the code is sent. Other steps move focus to their heading (not on first
    // load) so keyboard and screen-reader users follow along.
    const field = step === 'search' ? document.getElementById('cid') : step === 'otp' ? document.getElementById('otp-0') : null;
    if (field) field.focus();
    else if (mounted.current) headingRef.current?.focus();
    mounted.current = true;
  }, [step]);

  function signedOut() {
    window.location.assign('/login?ended=expired');
  }

  async function onSearch(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const problem = searchProblem(search);
    setFieldError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const r = await actions.lookup(search);
      switch (r.outcome) {
        case 'signed-out':
          return signedOut();
        case 'invalid':
          setFieldError(r.field);
          return;
        case 'not-found':
          setNotice({ tone: 'warning', text: t('consent.result.notFound') });
          return;
        case 'exchange-unavailable':
          setNotice({ tone: 'critical', text: t('consent.result.unavailable') });
          return;
        case 'found-no-sharing':
          setPatient(r.patient);
          setNotice({ tone: 'info', text: t('consent.result.noSharing') });
          return;
        case 'found-no-phone':
          setPatient(r.patient);
          setNotice({ tone: 'warning', text: t('consent.result.noPhone'), extra: 'ed' });
          return;
        case 'found':
          setPatient(r.patient);
          setZeroWarning(r.warning === 'starts-with-zero');
          setPurposeOk(false);
          setPurposeError(false);
          setStep('confirm');
          return;
      }
    } catch {
      setNotice({ tone: 'critical', text: t('consent.error.unexpected') });
    } finally {
      setBusy(false);
    }
  }

  async function send(isResend: boolean) {
    setNotice(null);
    setCodeError(null);
    setBusy(true);
    try {
      const r = await actions.send(search);
      if (r.ok) {
        const at = Date.now();
        setChallenge({ id: r.challengeId, phoneMasked: r.phoneMasked, expiresAt: at + r.expiresInMs, resendAt: at + r.resendInMs });
        setNow(at);
        setCode(EMPTY_CODE);
        setNeedsNewCode(false);
        setStep('otp');
        if (isResend) setNotice({ tone: 'ok', text: t('consent.otp.resent') });
        return;
      }
      switch (r.reason) {
        case 'signed-out':
          return signedOut();
        case 'invalid':
          setStep('search');
          setFieldError(r.field);
          return;
        case 'not-found':
          return setNotice({ tone: 'warning', text: t('consent.result.notFound') });
        case 'no-sharing':
          return setNotice({ tone: 'info', text: t('consent.result.noSharing') });
        case 'no-phone':
          return setNotice({ tone: 'warning', text: t('consent.result.noPhone'), extra: 'ed' });
        case 'exchange-unavailable':
          return setNotice({ tone: 'critical', text: t('consent.result.unavailable') });
        case 'sms-failed':
          return setNotice({ tone: 'critical', text: t('consent.send.error.smsFailed') });
        case 'resend-too-soon':
          return setNotice({ tone: 'warning', text: t('consent.send.error.tooSoon', { seconds: Math.ceil(r.retryInMs / 1000) }) });
        case 'doctor-limit':
          return setNotice({ tone: 'warning', text: t('consent.send.error.doctorLimit', { time: formatTime(new Date(Date.now() + r.retryInMs).toISOString()) }) });
        case 'patient-daily-limit':
          return setNotice({ tone: 'warning', text: t('consent.send.error.patientLimit', { time: formatDate(new Date(Date.now() + r.retryInMs).toISOString(), lang, calendar, true) }) });
      }
    } catch {
      setNotice({ tone: 'critical', text: t('consent.error.unexpected') });
    } finally {
      setBusy(false);
    }
  }

  function onConfirm(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!purposeOk) {
      setPurposeError(true);
      return;
    }
    void send(false);
  }

  async function onVerify(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!challenge) return;
    const entered = code.join('');
    if (!/^\d{6}$/.test(entered)) {
      setCodeError(t('consent.otp.error.format'));
      return;
    }
    setCodeError(null);
    setNotice(null);
    setBusy(true);
    try {
      const r = await actions.verify({ challengeId: challenge.id, code: entered });
      if (r.ok) {
        setNotice({ tone: 'ok', text: t('consent.otp.verified') });
        router.push(`/patient/${r.consentId}`);
        return;
      }
      const failures: Record<Exclude<typeof r.reason, 'signed-out' | 'wrong'>, MessageKey> = {
        invalid: 'consent.otp.error.format',
        'not-found': 'consent.otp.error.notFound',
        void: 'consent.otp.error.void',
        expired: 'consent.otp.error.expired',
        used: 'consent.otp.error.used',
      };
      if (r.reason === 'signed-out') return signedOut();
      setCode(EMPTY_CODE);
      document.getElementById('otp-0')?.focus();
      if (r.reason === 'wrong') setCodeError(t('consent.otp.error.wrong', { remaining: r.remaining }));
      else {
        setCodeError(t(failures[r.reason]));
        setNeedsNewCode(r.reason === 'void' || r.reason === 'expired');
      }
    } catch {
      setNotice({ tone: 'critical', text: t('consent.error.unexpected') });
    } finally {
      setBusy(false);
    }
  }

  function restart() {
    setStep('search');
    setPatient(null);
    setChallenge(null);
    setNotice(null);
    setCode(EMPTY_CODE);
    setCodeError(null);
  }

  if (step === 'search') {
    return (
      <div className="space-y-4">
        <form onSubmit={onSearch} noValidate className="card space-y-4">
          <h2 ref={headingRef} tabIndex={-1} className="sr-only">
            {t('consent.search.submit')}
          </h2>
          <fieldset>
            <legend className="label">{t('consent.search.legend')}</legend>
            <div className="flex flex-wrap gap-4">
              {(['cid', 'passport'] as const).map((kind) => (
                <label key={kind} className="inline-flex min-h-11 items-center gap-2">
                  <input
                    type="radio"
                    name="by"
                    value={kind}
                    checked={by === kind}
                    onChange={() => {
                      setBy(kind);
                      setFieldError(null);
                    }}
                    className="h-5 w-5"
                  />
                  {t(kind === 'cid' ? 'consent.search.byCid' : 'consent.search.byPassport')}
                </label>
              ))}
            </div>
          </fieldset>
          {by === 'cid' ? (
            <CitizenIdInput
              value={cid}
              onChange={(v) => {
                setCid(v);
                // Once all 13 digits are in, say at once whether the check digit fits.
                const digits = v.replace(/\D/g, '');
                setFieldError(digits.length === 13 ? searchProblem({ by: 'cid', value: v }) : null);
              }}
              error={fieldError ? msg(fieldError) : undefined}
            />
          ) : (
            <div>
              <label htmlFor="passport" className="label">
                {t('consent.passport.label')}
              </label>
              <input
                id="passport"
                name="passport"
                className="field font-mono uppercase"
                autoComplete="off"
                spellCheck={false}
                value={passport}
                onChange={(e) => setPassport(e.target.value)}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={fieldError ? 'passport-error' : undefined}
              />
              {fieldError && (
                <p id="passport-error" className="field-error" role="alert">
                  <span aria-hidden="true">⚠ </span>
                  {msg(fieldError)}
                </p>
              )}
            </div>
          )}
          <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
            {busy ? t('common.loading') : t('consent.search.submit')}
          </button>
        </form>
        {notice && (
          <div className="space-y-3">
            <NoticeBox notice={notice} id="search-notice" isEd={isEd} />
            {patient && <PatientCardView patient={patient} />}
          </div>
        )}
      </div>
    );
  }

  if (step === 'confirm' && patient) {
    return (
      <div className="space-y-4">
        <h2 ref={headingRef} tabIndex={-1} className="sr-only">
          {t('consent.card.title')}
        </h2>
        {zeroWarning && <NoticeBox notice={{ tone: 'warning', text: t('consent.cid.warnZero') }} id="zero-warning" isEd={isEd} />}
        <PatientCardView patient={patient} />
        <form onSubmit={onConfirm} noValidate className="card space-y-4">
          <div>
            <p className="label">{t('consent.purpose.title')}</p>
            <p className="text-lg font-semibold">{t('consent.purpose.treat')}</p>
          </div>
          <div>
            <label className="flex items-start gap-3">
              <input
                type="checkbox"
                className="mt-1 h-5 w-5 shrink-0"
                checked={purposeOk}
                onChange={(e) => {
                  setPurposeOk(e.target.checked);
                  setPurposeError(false);
                }}
                aria-invalid={purposeError ? true : undefined}
                aria-describedby={purposeError ? 'purpose-error' : undefined}
              />
              <span>{t('consent.purpose.confirm')}</span>
            </label>
            {purposeError && (
              <p id="purpose-error" className="field-error" role="alert">
                <span aria-hidden="true">⚠ </span>
                {t('consent.purpose.required')}
              </p>
            )}
          </div>
          {notice && <NoticeBox notice={notice} id="send-notice" isEd={isEd} />}
          <div className="flex flex-wrap gap-3">
            <button type="submit" className="btn-primary" disabled={busy}>
              {busy ? t('common.loading') : t('consent.send')}
            </button>
            <button type="button" className="btn-secondary" onClick={restart} disabled={busy}>
              {t('consent.search.again')}
            </button>
          </div>
        </form>
      </div>
    );
  }

  if (step === 'otp' && challenge) {
    const expiresInMs = challenge.expiresAt - now;
    const resendInS = Math.max(0, Math.ceil((challenge.resendAt - now) / 1000));
    const expired = expiresInMs <= 0;
    return (
      <div className="space-y-4">
        {patient && (
          <p className="text-muted">
            {lang === 'th' ? patient.nameTh : patient.nameEn} · <span className="font-mono">{patient.identifier}</span>
          </p>
        )}
        <form onSubmit={onVerify} noValidate className="card space-y-4">
          <h2 ref={headingRef} tabIndex={-1} className="text-lg font-bold">
            {t('consent.otp.title')}
          </h2>
          <p id="otp-sent">{t('consent.otp.sentTo', { phone: challenge.phoneMasked })}</p>
          <OtpInput digits={code} onChange={setCode} invalid={codeError !== null} describedBy={codeError ? 'otp-sent otp-error' : 'otp-sent'} disabled={busy || needsNewCode} />
          {codeError && (
            <p id="otp-error" className="field-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {codeError}
            </p>
          )}
          <p role="timer" aria-live="off" className={`font-semibold ${expired ? 'text-critical' : 'text-muted'}`}>
            {expired ? t('consent.otp.expiredNow') : t('consent.otp.expiresIn', { time: formatDuration(expiresInMs, lang) })}
          </p>
          {notice && <NoticeBox notice={notice} id="otp-notice" isEd={isEd} />}
          <div className="flex flex-wrap gap-3">
            {!needsNewCode && (
              <button type="submit" className="btn-primary" disabled={busy}>
                {busy ? t('common.loading') : t('consent.otp.submit')}
              </button>
            )}
            <button type="button" className={needsNewCode ? 'btn-primary' : 'btn-secondary'} disabled={busy || resendInS > 0} onClick={() => void send(true)} aria-describedby="resend-wait">
              {needsNewCode ? t('consent.otp.requestNew') : t('consent.otp.resend')}
            </button>
            <button type="button" className="btn-secondary" onClick={restart} disabled={busy}>
              {t('consent.search.again')}
            </button>
          </div>
          <p id="resend-wait" className="text-sm text-muted">
            {resendInS > 0 ? t('consent.otp.resendIn', { seconds: resendInS }) : ''}
          </p>
          {/* Announced to screen readers only at moments that matter, not every second. */}
          <p className="sr-only" aria-live="polite">
            {expired ? t('consent.otp.expiredNow') : resendInS === 0 ? t('consent.otp.resend') : ''}
          </p>
        </form>
      </div>
    );
  }

  return null;
}
