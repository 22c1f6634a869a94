'use client';

import { useLocale } from '@/components/providers';
import { isBusy } from './consent-state';
import { NoticeBox } from './notice-box';
import { PatientCardView } from './patient-card';
import type { StepProps } from './search-step';

/** Step 2: the doctor checks who the patient is and confirms the purpose was explained, then sends the code. */
export function ConfirmStep({ state, dispatch, headingRef, isEd }: StepProps) {
  const { t } = useLocale();
  const busy = isBusy(state);
  const { patient, purposeOk, purposeError, notice } = state;
  if (!patient) return null;
  return (
    <div className="space-y-4">
      <h2 ref={headingRef} tabIndex={-1} className="sr-only">
        {t('consent.card.title')}
      </h2>
      {state.zeroWarning && (
        <NoticeBox notice={{ tone: 'warning', message: { key: 'consent.cid.warnZero' } }} id="zero-warning" isEd={isEd} />
      )}
      <PatientCardView patient={patient} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          dispatch({ type: 'send-requested', resend: false });
        }}
        noValidate
        className="card space-y-4"
      >
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
              onChange={(e) => dispatch({ type: 'purpose-toggled', checked: e.target.checked })}
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
          <button type="button" className="btn-secondary" onClick={() => dispatch({ type: 'restarted' })} disabled={busy}>
            {t('consent.search.again')}
          </button>
        </div>
      </form>
    </div>
  );
}
