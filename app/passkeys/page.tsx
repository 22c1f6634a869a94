import { PasskeyManager } from '@/components/passkey/passkey-manager';
import { doctorPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';
import { listPasskeyViews } from '@/lib/passkey/manage';
import { finishPasskeyRegistrationAction, startPasskeyRegistrationAction } from '../passkey/actions';
import { removePasskeyAction, renamePasskeyAction } from './actions';

export const dynamic = 'force-dynamic';

/** The doctor's own passkeys: list, add, rename, remove. */
export default doctorPage(async function PasskeysPage({ doctor, deps }) {
  const { t } = await getLocale();
  const passkeys = await listPasskeyViews(deps.db, doctor.licence);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('passkey.settings.title')}</h1>
        <p className="text-muted">{t('passkey.settings.intro')}</p>
      </div>
      <PasskeyManager
        passkeys={passkeys}
        actions={{
          startRegistration: startPasskeyRegistrationAction,
          finishRegistration: finishPasskeyRegistrationAction,
          rename: renamePasskeyAction,
          remove: removePasskeyAction,
        }}
      />
    </div>
  );
});
