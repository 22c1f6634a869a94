'use client';

import Link from 'next/link';
import { useSyncExternalStore, useState } from 'react';
import { useLocale } from '@/components/providers';

const DISMISSED = 'hl.passkey-offer-dismissed';

function subscribe(): () => void {
  return () => undefined;
}

/**
 * The offer to add a passkey, on the start page after sign-in: a card the doctor may follow to the
 * settings page or dismiss ("Not now", remembered for this browser tab). Never a step that holds them up.
 */
export function PasskeyOffer() {
  const { t } = useLocale();
  // Read once on the client; the server renders the card and the client hides it if already dismissed.
  const dismissedBefore = useSyncExternalStore(
    subscribe,
    () => window.sessionStorage.getItem(DISMISSED) === '1',
    () => false,
  );
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || dismissedBefore) return null;
  return (
    <section className="card space-y-2 border-info" aria-labelledby="passkey-offer-title">
      <h2 id="passkey-offer-title" className="text-lg font-semibold">
        {t('passkey.offer.title')}
      </h2>
      <p>{t('passkey.offer.body')}</p>
      <div className="flex flex-wrap gap-2">
        <Link href="/passkeys" prefetch={false} className="btn-primary inline-block">
          {t('passkey.settings.add')}
        </Link>
        <button
          type="button"
          className="btn-secondary"
          onClick={() => {
            window.sessionStorage.setItem(DISMISSED, '1');
            setDismissed(true);
          }}
        >
          {t('passkey.offer.skip')}
        </button>
      </div>
    </section>
  );
}
