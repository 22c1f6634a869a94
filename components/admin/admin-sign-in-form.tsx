'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type SubmitEvent } from 'react';
import { useLocale } from '@/components/providers';
import { formText } from '@/lib/admin/form-data';
import { formatDate } from '@/lib/i18n/format';
import { ErrorAlert } from '@/components/shell/error-alert';

/** Username, password and the authenticator code. Any wrong part gets the same message: nothing is revealed. */
export function AdminSignInForm() {
  const { t, lang, calendar } = useLocale();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = formText(form, 'username').trim();
    const password = formText(form, 'password');
    const totp = formText(form, 'totp').trim();
    if (!username || !password || !/^\d{6}$/.test(totp)) {
      setMessage(t('admin.login.error.format'));
      return;
    }
    setBusy(true);
    setMessage(null);
    const result = await signIn('admin', { username, password, totp, redirect: false });
    setBusy(false);
    if (result?.ok && !result.error) {
      router.replace('/admin');
      router.refresh();
      return;
    }
    const code = decodeURIComponent(result?.error ?? 'invalid');
    if (code.startsWith('locked:'))
      setMessage(t('login.error.locked', { time: formatDate(code.slice('locked:'.length), lang, calendar, true) }));
    else if (code === 'format') setMessage(t('admin.login.error.format'));
    else setMessage(t('admin.login.error.invalid'));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div>
        <label htmlFor="username" className="label">
          {t('admin.login.username')}
        </label>
        <input id="username" name="username" className="field" autoComplete="username" autoCapitalize="none" spellCheck={false} />
      </div>
      <div>
        <label htmlFor="password" className="label">
          {t('admin.login.password')}
        </label>
        <input id="password" name="password" type="password" className="field" autoComplete="current-password" />
      </div>
      <div>
        <label htmlFor="totp" className="label">
          {t('admin.login.totp')}
        </label>
        <input id="totp" name="totp" className="field" autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
      </div>
      {message && <ErrorAlert>{message}</ErrorAlert>}
      <button type="submit" className="btn-primary w-full" disabled={busy}>
        {busy ? t('common.loading') : t('admin.login.submit')}
      </button>
    </form>
  );
}
