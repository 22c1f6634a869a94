import { adminActor } from '@/lib/audit/actor';
import { EmergencyReviewList } from '@/components/audit/emergency-review-list';
import { withAuditedRead } from '@/lib/audit/read';
import { listEmergencyReviews, reviewQueueFilterSchema, REVIEW_OUTCOMES } from '@/lib/audit/reviews';
import { adminPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';
import { reviewEmergencyAction } from './actions';

export default adminPage(async function EmergencyReviewsPage({ admin, searchParams: params, deps }) {
  const { t } = await getLocale();
  const parsed = reviewQueueFilterSchema.safeParse(params);
  const saved = params.saved === '1';
  const filter = parsed.success ? parsed.data : { show: 'unreviewed' as const };
  const database = deps.db;
  const items = await withAuditedRead(
    database,
    (found: unknown[]) => ({
      ...adminActor(admin),
      action: 'access-log-read',
      outcome: 'success',
      details: { view: 'emergency-reviews', show: filter.show, count: found.length },
    }),
    () => listEmergencyReviews(database, admin.hospitalCode, filter),
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('reviews.title')}</h1>
        <p className="text-muted">{t('reviews.intro')}</p>
      </div>
      {saved && (
        <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 font-semibold text-ok">
          {t('reviews.saved')}
        </p>
      )}
      <form method="get" action="/admin/reviews" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="show" className="label">
            {t('reviews.show')}
          </label>
          <select id="show" name="show" className="field" defaultValue={filter.show}>
            <option value="unreviewed">{t('reviews.show.unreviewed')}</option>
            <option value="all">{t('reviews.show.all')}</option>
            {REVIEW_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`audit.review.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t('reviews.show.submit')}
        </button>
      </form>
      <EmergencyReviewList items={items} action={reviewEmergencyAction} />
    </div>
  );
}, 'privacy-officer');
