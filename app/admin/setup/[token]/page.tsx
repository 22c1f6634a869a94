import QRCode from 'qrcode';
import { AdminSetupForm } from '@/components/admin/admin-setup-form';
import { setupTokenSchema } from '@/lib/admin/schemas';
import { beginTotpEnrolment, findSetupAccount } from '@/lib/admin/setup';
import { publicPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';
import { completeSetupAction } from './actions';

/**
 * One-time admin setup. There is no session yet: the link's token (only its hash is stored; unexpired,
 * unused) is the authorisation, checked here and again by the action.
 */
export default publicPage(async function AdminSetupPage({ params, deps }) {
  const { t } = await getLocale();
  const token = setupTokenSchema.safeParse(params.token);
  const database = deps.db;
  const account = token.success ? await findSetupAccount(database, token.data) : undefined;
  if (!token.success || !account) {
    return (
      <div className="mx-auto max-w-lg space-y-4">
        <h1 className="text-2xl font-bold">{t('admin.setup.title')}</h1>
        <p role="alert" className="rounded-md border border-critical bg-critical-bg p-3 font-semibold text-critical">
          {t('admin.setup.invalid')}
        </p>
      </div>
    );
  }
  const { secret, uri } = await beginTotpEnrolment(database, account, deps.secret);
  const qrDataUrl = await QRCode.toDataURL(uri, { margin: 1, width: 220, errorCorrectionLevel: 'M' });
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('admin.setup.title')}</h1>
        <p className="text-muted">{t('admin.setup.intro', { username: account.username, hospital: account.hospitalCode })}</p>
      </div>
      <div className="card">
        <AdminSetupForm token={token.data} qrDataUrl={qrDataUrl} secret={secret} complete={completeSetupAction} />
      </div>
    </div>
  );
});
