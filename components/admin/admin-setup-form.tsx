'use client';

import { useState, type SubmitEvent } from 'react';
import { useLocale } from '@/components/providers';
import { formText } from '@/lib/admin/form-data';
import type { SetupActionResult, SetupField } from '@/lib/admin/view-models';

interface Props {
  token: string;
  qrDataUrl: string;
  secret: string;
  complete: (input: { token: string; password: string; confirm: string; totp: string }) => Promise<SetupActionResult>;
}

/** Password and authenticator enrolment in one form; the server checks everything again. */
export function AdminSetupForm({ token, qrDataUrl, secret, complete }: Props) {
  const { t } = useLocale();
  const [error, setError] = useState<SetupActionResult | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    // On success the action redirects to the sign-in page.
    const result = await complete({
      token,
      password: formText(form, 'password'),
      confirm: formText(form, 'confirm'),
      totp: formText(form, 'totp'),
    });
    setBusy(false);
    setError(result);
  }

  const problems = error?.fieldErrors ?? {};
  // The field the server named, if any: a refusal without one puts the whole link in doubt.
  const field = (Object.keys(problems) as SetupField[])[0] ?? null;
  const message = field ? problems[field] : undefined;
  const messageText = message ? t(message.key, message.vars) : t('admin.setup.invalid');
  const fieldError = (f: SetupField) =>
    field === f ? (
      <p id={`${f}-error`} className="field-error">
        {messageText}
      </p>
    ) : null;
  const described = (f: SetupField, extra?: string) =>
    [extra, field === f ? `${f}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <fieldset className="space-y-4">
        <legend className="text-lg font-bold">{t('admin.setup.step1')}</legend>
        <p id="password-hint" className="text-muted">
          {t('admin.setup.passwordHint')}
        </p>
        <div>
          <label htmlFor="password" className="label">
            {t('admin.login.password')}
          </label>
          <input
            id="password"
            name="password"
            type="password"
            className="field"
            autoComplete="new-password"
            aria-invalid={field === 'password' ? true : undefined}
            aria-describedby={described('password', 'password-hint')}
          />
          {fieldError('password')}
        </div>
        <div>
          <label htmlFor="confirm" className="label">
            {t('admin.setup.confirm')}
          </label>
          <input
            id="confirm"
            name="confirm"
            type="password"
            className="field"
            autoComplete="new-password"
            aria-invalid={field === 'confirm' ? true : undefined}
            aria-describedby={described('confirm')}
          />
          {fieldError('confirm')}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-lg font-bold">{t('admin.setup.step2')}</legend>
        {/* A data: URL rendered on the server: no script, allowed by the CSP's img-src. */}
        <img src={qrDataUrl} alt={t('admin.setup.qrAlt')} width={220} height={220} className="rounded border border-line bg-white" />
        <p>
          {t('admin.setup.manual')}{' '}
          <code data-testid="totp-secret" className="break-all rounded bg-canvas px-2 py-1 font-mono text-base">
            {secret}
          </code>
        </p>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-lg font-bold">{t('admin.setup.step3')}</legend>
        <div>
          <label htmlFor="totp" className="label">
            {t('admin.login.totp')}
          </label>
          <input
            id="totp"
            name="totp"
            className="field"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            aria-invalid={field === 'totp' ? true : undefined}
            aria-describedby={described('totp')}
          />
          {fieldError('totp')}
        </div>
      </fieldset>
      {error && field === null && (
        <p role="alert" className="rounded-md border border-critical bg-critical-bg p-3 font-semibold text-critical">
          {messageText}
        </p>
      )}
      {error && field !== null && (
        <p role="alert" className="sr-only">
          {messageText}
        </p>
      )}
      <button type="submit" className="btn-primary w-full" disabled={busy}>
        {busy ? t('common.loading') : t('admin.setup.submit')}
      </button>
    </form>
  );
}
