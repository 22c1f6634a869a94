import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { GrantControls } from '@/components/admin/grant-controls';
import { SignInHistory } from '@/components/admin/sign-in-history';
import { GrantStatusBadge } from '@/components/admin/status-badge';
import { findHospitalDoctor, listSignInHistory } from '@/lib/admin/doctor-access';
import { thaiDateOf } from '@/lib/admin/grant-rules';
import { adminPage } from '@/lib/entry/pages';
import { formatDate } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/server';
import { localName } from '@/lib/i18n/local-name';
import { doctorPasskeyCount } from '@/lib/passkey/manage';
import { changeGrantAction } from '../../actions';
import { resetDoctorPasskeysAction } from '../../passkey-actions';

const removedSchema = z.coerce.number().int().min(0).max(100);

/** One doctor's access at the admin's hospital and their sign-in history there. A foreign id is a 404. */
export default adminPage(async function AdminDoctorPage({ admin, params, searchParams, deps }) {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) notFound();
  const database = deps.db;
  const grant = await findHospitalDoctor(database, admin.hospitalCode, id.data);
  if (!grant) notFound();
  const history = await listSignInHistory(database, admin.hospitalCode, grant.licence);
  const passkeys = (await doctorPasskeyCount(database, admin.hospitalCode, grant.id)) ?? 0;
  const removed = removedSchema.safeParse(searchParams.passkeysRemoved);
  const { t, lang, calendar } = await getLocale();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin" className="text-info underline">
          {t('admin.doctor.back')}
        </Link>
      </p>
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{localName(lang, grant.nameTh, grant.nameEn)}</h1>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">{t('admin.col.licence')}</dt>
          <dd>{t('common.licence', { licence: grant.licence })}</dd>
          <dt className="font-semibold">{t('admin.col.role')}</dt>
          <dd>{t(`admin.role.${grant.role}`)}</dd>
          <dt className="font-semibold">{t('admin.col.status')}</dt>
          <dd>
            <GrantStatusBadge status={grant.status} />
          </dd>
          <dt className="font-semibold">{t('admin.col.since')}</dt>
          <dd>{formatDate(grant.since, lang, calendar)}</dd>
          <dt className="font-semibold">{t('admin.col.until')}</dt>
          <dd>{grant.validUntil ? formatDate(grant.validUntil, lang, calendar) : t('admin.doctors.noEnd')}</dd>
          <dt className="font-semibold">{t('admin.col.lastSignIn')}</dt>
          <dd>{grant.lastSignInAt ? formatDate(grant.lastSignInAt, lang, calendar, true) : t('admin.doctors.never')}</dd>
        </dl>
      </div>
      <GrantControls
        grant={grant}
        validUntilDate={grant.validUntil ? thaiDateOf(new Date(grant.validUntil)) : ''}
        today={thaiDateOf(new Date())}
        change={changeGrantAction}
      />
      <section className="card space-y-3" aria-labelledby="doctor-passkeys">
        <h2 id="doctor-passkeys" className="text-lg font-semibold">
          {t('passkey.admin.doctor.title')}
        </h2>
        {removed.success && (
          <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 font-semibold text-ok">
            {t('passkey.admin.doctor.resetDone', { count: removed.data })}
          </p>
        )}
        <p data-testid="passkey-count">{t('passkey.admin.doctor.count', { count: passkeys })}</p>
        <p className="text-sm text-muted">{t('passkey.admin.doctor.resetHint')}</p>
        <form action={resetDoctorPasskeysAction}>
          <input type="hidden" name="grantId" value={grant.id} />
          <button type="submit" className="btn-danger">
            {t('passkey.admin.doctor.reset')}
          </button>
        </form>
      </section>
      <SignInHistory events={history} />
    </div>
  );
});
