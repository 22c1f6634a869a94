import Link from 'next/link';
import { TermsView } from '@/components/terms/terms-view';
import { termsPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';
import { termsText } from '@/lib/terms/content';
import { currentTermsVersion } from '@/lib/terms/version';
import { acceptTermsAction } from './actions';

export default termsPage(async function TermsPage({ searchParams }) {
  const { lang, t } = await getLocale();
  const error = searchParams.error === 'invalid' ? 'invalid' : searchParams.error === 'stale-version' ? 'stale' : null;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <TermsView text={termsText(lang)} version={currentTermsVersion()} error={error} accept={acceptTermsAction} />
      <Link href="/signout" className="btn-secondary">
        {t('terms.signOut')}
      </Link>
    </div>
  );
});
