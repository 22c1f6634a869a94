'use client';

import { useRouter } from 'next/navigation';
import { useState, type SubmitEvent } from 'react';
import { useLocale } from '@/components/providers';
import { ErrorAlert } from '@/components/shell/error-alert';
import { formatDate } from '@/lib/i18n/format';
import type { MessageKey } from '@/lib/i18n/messages';
import type { PasskeyView } from '@/lib/passkey/manage';
import { passkeyFailureKey } from './passkey-step';
import { createPasskey, type FinishResult, type PasskeyActions } from './webauthn-client';

interface ManagerActions extends Pick<PasskeyActions, 'startRegistration' | 'finishRegistration'> {
  rename: (input: { id: string; name: string }) => Promise<FinishResult>;
  remove: (input: { id: string }) => Promise<FinishResult>;
}

function failureKey(reason: string): MessageKey {
  if (reason === 'last-required') return 'passkey.error.lastRequired';
  if (reason === 'invalid') return 'passkey.error.name';
  return passkeyFailureKey(reason);
}

/** The doctor's passkeys with add, rename and remove; every change is made (and audited) by a server action. */
export function PasskeyManager({ passkeys, actions }: { passkeys: PasskeyView[]; actions: ManagerActions }) {
  const { t, lang, calendar } = useLocale();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [status, setStatus] = useState<MessageKey | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);

  async function run(work: () => Promise<FinishResult | { ok: false; reason: string }>, done: MessageKey) {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const result = await work();
      if (!result.ok) return setError(failureKey(result.reason));
      setStatus(done);
      setRenaming(null);
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  const add = () =>
    run(async () => {
      const started = await actions.startRegistration();
      if (!started.ok) return started;
      const created = await createPasskey(started.options);
      if (!created.ok) return created;
      return actions.finishRegistration({ response: created.response });
    }, 'passkey.settings.added');

  function onRename(id: string) {
    return (event: SubmitEvent<HTMLFormElement>) => {
      event.preventDefault();
      const name = new FormData(event.currentTarget).get('name');
      void run(() => actions.rename({ id, name: typeof name === 'string' ? name : '' }), 'passkey.settings.renamed');
    };
  }

  function onRemove(key: PasskeyView) {
    if (!window.confirm(t('passkey.settings.removeConfirm', { name: key.name }))) return;
    void run(() => actions.remove({ id: key.id }), 'passkey.settings.removed');
  }

  return (
    <div className="space-y-4">
      {status && (
        <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 font-semibold text-ok">
          {t(status)}
        </p>
      )}
      {error && <ErrorAlert>{t(error)}</ErrorAlert>}
      {passkeys.length === 0 ? (
        <p>{t('passkey.settings.none')}</p>
      ) : (
        <ul className="space-y-3" aria-label={t('passkey.settings.title')}>
          {passkeys.map((k) => (
            <li key={k.id} className="card space-y-2" data-testid="passkey-item">
              <p className="font-semibold">{k.name}</p>
              <p className="text-sm text-muted">
                {t('passkey.settings.created')}: {formatDate(k.createdAt, lang, calendar, true)} · {t('passkey.settings.lastUsed')}:{' '}
                {k.lastUsedAt ? formatDate(k.lastUsedAt, lang, calendar, true) : t('passkey.settings.never')}
              </p>
              {renaming === k.id ? (
                <form onSubmit={onRename(k.id)} className="flex flex-wrap items-end gap-2">
                  <div>
                    <label htmlFor={`rename-${k.id}`} className="label">
                      {t('passkey.settings.renameLabel', { name: k.name })}
                    </label>
                    <input id={`rename-${k.id}`} name="name" className="field" maxLength={40} defaultValue={k.name} autoFocus />
                  </div>
                  <button type="submit" className="btn-primary" disabled={busy}>
                    {t('passkey.settings.save')}
                  </button>
                </form>
              ) : (
                <div className="flex gap-2">
                  <button type="button" className="btn-secondary" onClick={() => setRenaming(k.id)} disabled={busy}>
                    {t('passkey.settings.rename')}
                  </button>
                  <button type="button" className="btn-danger" onClick={() => onRemove(k)} disabled={busy}>
                    {t('passkey.settings.remove')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn-primary" onClick={() => void add()} disabled={busy}>
        {busy ? t('common.loading') : t('passkey.settings.add')}
      </button>
    </div>
  );
}
