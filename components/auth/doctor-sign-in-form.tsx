'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type SubmitEvent } from 'react';
import { useLocale } from '@/components/providers';
import { formatDate } from '@/lib/i18n/format';
import type { MessageKey } from '@/lib/i18n/messages';
import { decodeSignInFailure, doctorSignInSchema } from '@/lib/auth/schemas';
import { formText } from '@/lib/forms';
import { ErrorAlert } from '@/components/shell/error-alert';
import { PasskeyStep, type PasskeyStepKind } from '@/components/passkey/passkey-step';
import type { PasskeyActions } from '@/components/passkey/webauthn-client';

/** The passkey step's server actions (lib/passkey), handed in by the page: the next step after the PIN and the ceremonies. */
export type SignInPasskeyActions = PasskeyActions & {
  nextStep: () => Promise<{ ok: true; step: PasskeyStepKind | 'none' } | { ok: false; reason: string }>;
};

type FieldErrors = { licence?: string; pin?: string };

/**
 * Licence number + council PIN. Format is checked here and again on the server; bad format never reaches
 * the registry. The passkey step, when there is one, follows on this same screen.
 */
export function DoctorSignInForm({ passkey }: { passkey: SignInPasskeyActions }) {
  const { t, lang, calendar } = useLocale();
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [passkeyStep, setPasskeyStep] = useState<PasskeyStepKind | null>(null);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const raw = { licence: formText(form, 'licence'), pin: formText(form, 'pin') };
    const parsed = doctorSignInSchema.safeParse(raw);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof FieldErrors;
        errors[field] ??= t(issue.message as MessageKey);
      }
      setFieldErrors(errors);
      setMessage(null);
      return;
    }
    setFieldErrors({});
    setBusy(true);
    setMessage(null);
    const result = await signIn('doctor', { licence: raw.licence, pin: raw.pin, redirect: false });
    setBusy(false);
    if (result?.ok && !result.error) {
      const next = await passkey.nextStep().catch(() => null);
      // Unknown (a failed request): go on; the entry guards send a session that owes the step to /passkey.
      if (next?.ok && next.step !== 'none') {
        setPasskeyStep(next.step);
        return;
      }
      router.replace('/');
      router.refresh();
      return;
    }
    const failure = decodeSignInFailure(decodeURIComponent(result?.error ?? 'invalid'));
    switch (failure.code) {
      case 'locked':
        setMessage(t('login.error.locked', { time: formatDate(failure.retryAt, lang, calendar, true) }));
        break;
      case 'suspended':
        setMessage(t('login.error.suspended', { reason: failure.reason }));
        break;
      case 'revoked':
        setMessage(t('login.error.revoked', { reason: failure.reason }));
        break;
      case 'unavailable':
        setMessage(t('login.error.unavailable'));
        break;
      case 'no-grant':
        router.push('/no-access');
        break;
      case 'format':
      case 'invalid':
        setMessage(t('login.error.invalid'));
        break;
    }
  }

  if (passkeyStep) return <PasskeyStep step={passkeyStep} actions={passkey} />;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={message ? 'signin-message' : undefined}>
      <div>
        <label htmlFor="licence" className="label">
          {t('login.licence')}
        </label>
        <input
          id="licence"
          name="licence"
          className="field"
          autoComplete="username"
          inputMode="text"
          placeholder={t('login.licenceHint')}
          aria-invalid={fieldErrors.licence ? true : undefined}
          aria-describedby={fieldErrors.licence ? 'licence-error' : undefined}
        />
        {fieldErrors.licence && (
          <p id="licence-error" className="field-error">
            {fieldErrors.licence}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="pin" className="label">
          {t('login.pin')}
        </label>
        <input
          id="pin"
          name="pin"
          type="password"
          className="field"
          autoComplete="current-password"
          inputMode="numeric"
          maxLength={6}
          aria-invalid={fieldErrors.pin ? true : undefined}
          aria-describedby={fieldErrors.pin ? 'pin-error' : undefined}
        />
        {fieldErrors.pin && (
          <p id="pin-error" className="field-error">
            {fieldErrors.pin}
          </p>
        )}
      </div>
      {message && <ErrorAlert id="signin-message">{message}</ErrorAlert>}
      <button type="submit" className="btn-primary w-full" disabled={busy}>
        {busy ? t('common.loading') : t('login.submit')}
      </button>
    </form>
  );
}
