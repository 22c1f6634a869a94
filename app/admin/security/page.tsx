import { z } from 'zod';
import { adminPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';
import { hospitalPolicyOf } from '@/lib/passkey/manage';
import { setPasskeyPolicyAction } from '../passkey-actions';

const searchSchema = z.object({ saved: z.literal('1').optional() });

/** The hospital's sign-in policy for its doctors: require a passkey, and whether the PIN alone may bind the first one. */
export default adminPage(async function AdminSecurityPage({ admin, searchParams, deps }) {
  const { t } = await getLocale();
  const policy = await hospitalPolicyOf(deps.db, admin.hospitalCode);
  const saved = searchSchema.safeParse(searchParams).data?.saved === '1';
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t('passkey.admin.title')}</h1>
      <p>{t('passkey.admin.intro')}</p>
      {saved && (
        <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 font-semibold text-ok">
          {t('passkey.admin.saved')}
        </p>
      )}
      <form action={setPasskeyPolicyAction} className="card space-y-3">
        <label className="flex items-start gap-2">
          <input type="checkbox" name="required" className="mt-1" defaultChecked={policy.required} />
          <span>{t('passkey.admin.required')}</span>
        </label>
        <label className="flex items-start gap-2">
          <input type="checkbox" name="allowBootstrap" className="mt-1" defaultChecked={policy.allowBootstrap} />
          <span>{t('passkey.admin.bootstrap')}</span>
        </label>
        <button type="submit" className="btn-primary">
          {t('passkey.admin.save')}
        </button>
      </form>
    </div>
  );
});
