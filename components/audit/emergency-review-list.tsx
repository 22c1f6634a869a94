'use client';

import { emergencyReasonLabel } from '@/components/emergency/reason-label';
import { useLocale } from '@/components/providers';
import type { EmergencyReviewView, ReviewResult } from '@/lib/audit/reviews';
import { formatTypeCounts } from '@/lib/audit/summary';
import { formatCitizenId } from '@/lib/identity/citizen-id';
import { formatDate } from '@/lib/i18n/format';
import { ReviewBadge } from './review-badge';
import { ReviewForm } from './review-form';

/** The emergency review queue: who, which patient, why, for how long, and what was viewed (counts only). */
export function EmergencyReviewList({
  items,
  action,
}: {
  items: EmergencyReviewView[];
  action: (previous: ReviewResult | null, form: FormData) => Promise<ReviewResult>;
}) {
  const { t, lang, calendar } = useLocale();
  if (items.length === 0) return <p className="card text-muted">{t('reviews.empty')}</p>;
  return (
    <ul className="space-y-4">
      {items.map((item) => (
        <li key={item.id} data-access-id={item.id} className={`card space-y-3 ${item.overdue ? 'border-2 border-critical' : ''}`}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-bold">
              {t('common.licence', { licence: item.licence })} · <span className="font-mono">{formatCitizenId(item.patientCid)}</span>
            </h2>
            <ReviewBadge outcome={item.review?.outcome ?? null} overdue={item.overdue} />
          </div>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">{t('reviews.reason')}</dt>
            <dd>
              {t(emergencyReasonLabel(item.reasonCode))} — {item.reasonText}
            </dd>
            <dt className="font-semibold">{t('reviews.started')}</dt>
            <dd>{formatDate(item.startedAt, lang, calendar, true)}</dd>
            <dt className="font-semibold">{t('reviews.period')}</dt>
            <dd>
              {t('reviews.duration', { minutes: item.durationMinutes, expires: formatDate(item.expiresAt, lang, calendar, true) })} ·{' '}
              {item.endedAt ? t('reviews.ended', { at: formatDate(item.endedAt, lang, calendar, true) }) : t('reviews.active')}
            </dd>
            <dt className="font-semibold">{t('reviews.viewed')}</dt>
            <dd>
              {item.viewed.reads === 0 ? (
                t('reviews.viewedNone')
              ) : (
                <>
                  {t('reviews.viewedSummary', { reads: item.viewed.reads, hospitals: item.viewed.hospitals.join(', ') || '—' })}
                  {Object.keys(item.viewed.resourceTypes).length > 0 && (
                    <span className="block text-muted">{formatTypeCounts(item.viewed.resourceTypes)}</span>
                  )}
                </>
              )}
            </dd>
          </dl>
          {item.review ? (
            <p>
              {t('reviews.reviewedBy', {
                outcome: t(`audit.review.${item.review.outcome}`),
                by: item.review.by,
                at: formatDate(item.review.at, lang, calendar, true),
              })}
              <span className="block text-muted">{item.review.comment}</span>
            </p>
          ) : (
            <ReviewForm accessId={item.id} action={action} />
          )}
        </li>
      ))}
    </ul>
  );
}
