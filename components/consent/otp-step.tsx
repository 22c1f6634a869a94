'use client';

import { useLocale } from '@/components/providers';
import { patientNames } from '@/lib/consent/view-model';
import { formatDuration } from '@/lib/i18n/format';
import { isBusy } from './consent-state';
import { NoticeBox } from './notice-box';
import { OtpInput } from './otp-input';
import type { StepProps } from './search-step';

/** The countdown under the code boxes; the server, not this clock, decides what is still valid. */
function ExpiryTimer({ expiresInMs }: { expiresInMs: number }) {
  const { t, lang } = useLocale();
  const expired = expiresInMs <= 0;
  return (
    <p role="timer" aria-live="off" className={`font-semibold ${expired ? 'text-critical' : 'text-muted'}`}>
      {expired ? t('consent.otp.expiredNow') : t('consent.otp.expiresIn', { time: formatDuration(expiresInMs, lang) })}
    </p>
  );
}

/** How long until a new code may be sent, and a screen-reader announcement at the moments that matter. */
function ResendWait({ expired, resendInS }: { expired: boolean; resendInS: number }) {
  const { t } = useLocale();
  return (
    <>
      <p id="resend-wait" className="text-sm text-muted">
        {resendInS > 0 ? t('consent.otp.resendIn', { seconds: resendInS }) : ''}
      </p>
      {/* Announced to screen readers only at moments that matter, not every second. */}
      <p className="sr-only" aria-live="polite">
        {expired ? t('consent.otp.expiredNow') : resendInS === 0 ? t('consent.otp.resend') : ''}
      </p>
    </>
  );
}

/** Step 3: the code the patient reads out — with resend, wrong-code and used-up-code handling. */
export function OtpStep({ state, dispatch, headingRef, isEd }: StepProps) {
  const { t, lang } = useLocale();
  const busy = isBusy(state);
  const { challenge, patient, codeError, needsNewCode, notice, now } = state;
  if (!challenge) return null;
  const expiresInMs = challenge.expiresAt - now;
  const resendInS = Math.max(0, Math.ceil((challenge.resendAt - now) / 1000));
  return (
    <div className="space-y-4">
      {patient && (
        <p className="text-muted">
          {patientNames(patient, lang).primary} · <span className="font-mono">{patient.identifier}</span>
        </p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          dispatch({ type: 'verify-submitted' });
        }}
        noValidate
        className="card space-y-4"
      >
        <h2 ref={headingRef} tabIndex={-1} className="text-lg font-bold">
          {t('consent.otp.title')}
        </h2>
        <p id="otp-sent">{t('consent.otp.sentTo', { phone: challenge.phoneMasked })}</p>
        <OtpInput
          digits={state.code}
          onChange={(code) => dispatch({ type: 'code-changed', code })}
          invalid={codeError !== null}
          describedBy={codeError ? 'otp-sent otp-error' : 'otp-sent'}
          disabled={busy || needsNewCode}
        />
        {codeError && (
          <p id="otp-error" className="field-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {t(codeError.key, codeError.vars)}
          </p>
        )}
        <ExpiryTimer expiresInMs={expiresInMs} />
        {notice && <NoticeBox notice={notice} id="otp-notice" isEd={isEd} />}
        <div className="flex flex-wrap gap-3">
          {!needsNewCode && (
            <button type="submit" className="btn-primary" disabled={busy}>
              {busy ? t('common.loading') : t('consent.otp.submit')}
            </button>
          )}
          <button
            type="button"
            className={needsNewCode ? 'btn-primary' : 'btn-secondary'}
            disabled={busy || resendInS > 0}
            onClick={() => dispatch({ type: 'send-requested', resend: true })}
            aria-describedby="resend-wait"
          >
            {needsNewCode ? t('consent.otp.requestNew') : t('consent.otp.resend')}
          </button>
          <button type="button" className="btn-secondary" onClick={() => dispatch({ type: 'restarted' })} disabled={busy}>
            {t('consent.search.again')}
          </button>
        </div>
        <ResendWait expired={expiresInMs <= 0} resendInS={resendInS} />
      </form>
    </div>
  );
}
