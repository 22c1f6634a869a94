import { AlertList } from '@/components/alerts/alert-list';
import { listAccessAlerts } from '@/lib/alerts/review';
import { alertQueueFilterSchema } from '@/lib/alerts/schemas';
import { adminActor } from '@/lib/audit/actor';
import { withAuditedRead } from '@/lib/audit/read';
import { adminPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';
import { reviewAlertAction } from './actions';

/** Privacy office: the hospital's unusual-access alerts, with their evidence; reading the queue is audited. */
export default adminPage(async function AccessAlertsPage({ admin, searchParams, deps }) {
  const { t } = await getLocale();
  const filter = alertQueueFilterSchema.parse({ show: searchParams.show });
  const items = await withAuditedRead(
    deps.db,
    (found: unknown[]) => ({
      ...adminActor(admin),
      action: 'access-log-read',
      outcome: 'success',
      details: { view: 'access-alerts', show: filter.show, count: found.length },
    }),
    () => listAccessAlerts(deps.db, admin.hospitalCode, filter),
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('alerts.title')}</h1>
        <p className="text-muted">{t('alerts.intro')}</p>
      </div>
      {searchParams.saved === '1' && (
        <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 font-semibold text-ok">
          {t('alerts.saved')}
        </p>
      )}
      <form method="get" action="/admin/alerts" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="show" className="label">
            {t('alerts.show')}
          </label>
          <select id="show" name="show" className="field" defaultValue={filter.show}>
            <option value="open">{t('alerts.show.open')}</option>
            <option value="all">{t('alerts.show.all')}</option>
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t('reviews.show.submit')}
        </button>
      </form>
      <AlertList items={items} action={reviewAlertAction} />
    </div>
  );
}, 'privacy-officer');
