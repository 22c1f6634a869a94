'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useLocale } from '@/components/providers';
import { ErrorAlert } from '@/components/shell/error-alert';
import type { MessageKey } from '@/lib/i18n/messages';
import { createPasskey, getPasskeyAssertion, type PasskeyActions } from './webauthn-client';

export type PasskeyStepKind = 'verify' | 'register' | 'blocked';

/** Why a ceremony failed, in the doctor's words. */
export function passkeyFailureKey(reason: string): MessageKey {
  switch (reason) {
    case 'unsupported':
      return 'passkey.error.unsupported';
    case 'cancelled':
      return 'passkey.error.cancelled';
    case 'not-allowed':
      return 'passkey.error.notAllowed';
    case 'duplicate':
      return 'passkey.error.duplicate';
    default:
      return 'passkey.error.failed';
  }
}

/**
 * The passkey step after the PIN, on the same screen: the prompt for a doctor who has a passkey, the
 * registration a hospital requires, or why the doctor must ask the admin. When done the doctor goes on
 * to their start page.
 */
export function PasskeyStep({ step, actions }: { step: PasskeyStepKind; actions: PasskeyActions }) {
  const { t } = useLocale();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [name, setName] = useState('');

  function proceed() {
    router.replace('/');
    router.refresh();
  }

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      const started = await actions.startSignIn();
      if (!started.ok) return setError(passkeyFailureKey(started.reason));
      const answer = await getPasskeyAssertion(started.options);
      if (!answer.ok) return setError(passkeyFailureKey(answer.reason));
      const finished = await actions.finishSignIn({ response: answer.response });
      if (!finished.ok) return setError(passkeyFailureKey(finished.reason));
      proceed();
    } finally {
      setBusy(false);
    }
  }

  async function register() {
    setBusy(true);
    setError(null);
    try {
      const started = await actions.startRegistration();
      if (!started.ok) return setError(passkeyFailureKey(started.reason));
      const created = await createPasskey(started.options);
      if (!created.ok) return setError(passkeyFailureKey(created.reason));
      const trimmed = name.trim();
      const finished = await actions.finishRegistration({ response: created.response, ...(trimmed ? { name: trimmed } : {}) });
      if (!finished.ok) return setError(passkeyFailureKey(finished.reason));
      proceed();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="space-y-4" aria-labelledby="passkey-step-title">
      <h2 id="passkey-step-title" className="text-lg font-semibold">
        {t('passkey.step.title')}
      </h2>
      {step === 'verify' && (
        <>
          <p>{t('passkey.verify.intro')}</p>
          <button type="button" className="btn-primary w-full" onClick={() => void verify()} disabled={busy} autoFocus>
            {busy ? t('common.loading') : t('passkey.verify.button')}
          </button>
        </>
      )}
      {step === 'register' && (
        <>
          <p>{t('passkey.register.requiredIntro')}</p>
          <div>
            <label htmlFor="passkey-name" className="label">
              {t('passkey.register.nameLabel')}
            </label>
            <input id="passkey-name" className="field" maxLength={40} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <button type="button" className="btn-primary w-full" onClick={() => void register()} disabled={busy}>
            {busy ? t('common.loading') : t('passkey.register.button')}
          </button>
        </>
      )}
      {step === 'blocked' && (
        <p role="alert" className="rounded-md border border-warning bg-warning-bg p-3 font-semibold text-warning">
          {t('passkey.blocked')}
        </p>
      )}
      {error && <ErrorAlert>{t(error)}</ErrorAlert>}
      <p>
        <Link href="/signout" prefetch={false} className="text-info underline">
          {t('passkey.signOut')}
        </Link>
      </p>
    </section>
  );
}
