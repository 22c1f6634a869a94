import Link from 'next/link';
import { z } from 'zod';
import { AdminSignInForm } from '@/components/admin/admin-sign-in-form';
import { publicPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';

const searchSchema = z.object({ ended: z.enum(['expired', 'revoked']).optional(), setup: z.literal('done').optional() });

export default publicPage(async function AdminLoginPage({ searchParams }) {
  const { t } = await getLocale();
  const search = searchSchema.safeParse(searchParams);
  const { ended, setup } = search.success ? search.data : {};
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">{t('admin.login.title')}</h1>
      {ended && (
        <p role="status" className="rounded-md border border-warning bg-warning-bg p-3 font-semibold text-warning">
          {t('login.expired')}
        </p>
      )}
      {setup && (
        <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 font-semibold text-ok">
          {t('admin.login.setupDone')}
        </p>
      )}
      <div className="card">
        <AdminSignInForm />
      </div>
      <p className="text-center">
        <Link href="/login" className="text-info underline">
          {t('admin.login.doctorLink')}
        </Link>
      </p>
    </div>
  );
});
