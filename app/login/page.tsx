import Link from 'next/link';
import { z } from 'zod';
import { DoctorSignInForm } from '@/components/auth/doctor-sign-in-form';
import { publicPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';
import {
  finishPasskeyRegistrationAction,
  finishPasskeySignInAction,
  passkeyNextStepAction,
  startPasskeyRegistrationAction,
  startPasskeySignInAction,
} from '../passkey/actions';

const searchSchema = z.object({ ended: z.enum(['expired', 'revoked', 'signed-out']).optional() });

export default publicPage(async function LoginPage({ searchParams }) {
  const { t } = await getLocale();
  const search = searchSchema.safeParse(searchParams);
  const ended = search.success ? search.data.ended : undefined;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('login.title')}</h1>
        <p className="text-muted">{t('app.tagline')}</p>
      </div>
      {ended === 'signed-out' && (
        <p role="status" className="rounded-md border border-info bg-info-bg p-3 font-semibold text-info">
          {t('login.signedOut')}
        </p>
      )}
      {(ended === 'expired' || ended === 'revoked') && (
        <p role="status" className="rounded-md border border-warning bg-warning-bg p-3 font-semibold text-warning">
          {t('login.expired')}
        </p>
      )}
      <div className="card">
        <DoctorSignInForm
          passkey={{
            nextStep: passkeyNextStepAction,
            startSignIn: startPasskeySignInAction,
            finishSignIn: finishPasskeySignInAction,
            startRegistration: startPasskeyRegistrationAction,
            finishRegistration: finishPasskeyRegistrationAction,
          }}
        />
      </div>
      <p className="text-center">
        <Link href="/admin/login" className="text-info underline">
          {t('login.adminLink')}
        </Link>
      </p>
    </div>
  );
});
