import { SignOutButton } from '@/components/auth/sign-out-button';
import { publicPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';

export default publicPage(async function SignOutPage() {
  const { t } = await getLocale();
  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-bold">{t('nav.signOut')}</h1>
      <SignOutButton label={t('nav.signOut')} />
    </div>
  );
});
