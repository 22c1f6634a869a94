import { redirect } from 'next/navigation';
import { PasskeyStep } from '@/components/passkey/passkey-step';
import { doctorPasskeyPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';
import { passkeyNextStep } from '@/lib/passkey/step';
import {
  finishPasskeyRegistrationAction,
  finishPasskeySignInAction,
  startPasskeyRegistrationAction,
  startPasskeySignInAction,
} from './actions';

export const dynamic = 'force-dynamic';

/**
 * The passkey step after the PIN, where the entry guards send a session that has not passed it (a hospital
 * that requires passkeys, or a doctor who has one). Nothing else opens until it is done.
 */
export default doctorPasskeyPage(async function PasskeyPage({ session, deps }) {
  const { t } = await getLocale();
  const step = await passkeyNextStep(session, deps);
  if (step === 'none') redirect('/');
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">{t('login.title')}</h1>
      <div className="card">
        <PasskeyStep
          step={step}
          actions={{
            startSignIn: startPasskeySignInAction,
            finishSignIn: finishPasskeySignInAction,
            startRegistration: startPasskeyRegistrationAction,
            finishRegistration: finishPasskeyRegistrationAction,
          }}
        />
      </div>
    </div>
  );
});
