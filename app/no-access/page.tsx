import Link from 'next/link';
import { publicPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';

export default publicPage(async function NoAccessPage() {
  const { t } = await getLocale();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t('noAccess.title')}</h1>
      <div className="card space-y-2">
        <p>{t('noAccess.licenceValid')}</p>
        <p>{t('noAccess.askAdmin')}</p>
      </div>
      <Link href="/login" className="btn-secondary">
        {t('noAccess.backToLogin')}
      </Link>
    </div>
  );
});
