import { z } from 'zod';
import { StaffListForm } from '@/components/admin/staff-list-form';
import { isNationwide, hospitalProvince, toCatchmentView } from '@/lib/alerts/catchment';
import { staffListSummary } from '@/lib/alerts/staff-list';
import { adminPage } from '@/lib/entry/pages';
import { formatDate } from '@/lib/i18n/format';
import { localName } from '@/lib/i18n/local-name';
import { getLocale } from '@/lib/i18n/server';
import { setCatchmentAction, staffListAction } from './actions';

const searchSchema = z.object({ saved: z.literal('catchment').optional() });

/** The hospital admin's settings for two unusual-access alerts: the hospital's catchment and its staff list. */
export default adminPage(async function AccessRulesPage({ admin, searchParams, deps }) {
  const { t, lang, calendar } = await getLocale();
  const [nationwide, province, staff] = await Promise.all([
    isNationwide(deps.db, admin.hospitalCode),
    hospitalProvince(deps.exchange, admin.hospitalCode),
    staffListSummary(deps.db, admin.hospitalCode),
  ]);
  const catchment = toCatchmentView(province, nationwide);
  const saved = searchSchema.safeParse(searchParams).data?.saved === 'catchment';
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('accessRules.title')}</h1>
        <p className="text-muted">{t('accessRules.intro')}</p>
      </div>
      <section aria-labelledby="catchment-heading" className="card space-y-3">
        <h2 id="catchment-heading" className="text-xl font-bold">
          {t('accessRules.catchment.title')}
        </h2>
        {saved && (
          <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 font-semibold text-ok">
            {t('accessRules.catchment.saved')}
          </p>
        )}
        <p data-testid="catchment-home">
          {catchment.provinceTh && catchment.provinceEn && catchment.region !== null
            ? t('accessRules.catchment.home', {
                province: localName(lang, catchment.provinceTh, catchment.provinceEn),
                region: catchment.region,
              })
            : t('accessRules.catchment.unknown')}
        </p>
        <form action={setCatchmentAction} className="space-y-3">
          <fieldset className="space-y-2">
            <legend className="sr-only">{t('accessRules.catchment.title')}</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="scope" value="region" className="mt-1" defaultChecked={!catchment.nationwide} />
              <span>{t('accessRules.catchment.region')}</span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="scope" value="nationwide" className="mt-1" defaultChecked={catchment.nationwide} />
              <span>{t('accessRules.catchment.nationwide')}</span>
            </label>
          </fieldset>
          <button type="submit" className="btn-primary">
            {t('accessRules.catchment.save')}
          </button>
        </form>
      </section>
      <section aria-labelledby="staff-heading" className="card space-y-3">
        <h2 id="staff-heading" className="text-xl font-bold">
          {t('accessRules.staff.title')}
        </h2>
        <p data-testid="staff-summary">
          {staff.replacedAt && staff.entries > 0
            ? t('accessRules.staff.count', { count: staff.entries, at: formatDate(staff.replacedAt, lang, calendar, true) })
            : t('accessRules.staff.none')}
        </p>
        <StaffListForm action={staffListAction} hasList={staff.entries > 0} />
      </section>
    </div>
  );
});
