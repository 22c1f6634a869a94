'use client';

import { useLocale } from '@/components/providers';
import { provinceByCode } from '@/lib/geo/provinces';
import { formatDate } from '@/lib/i18n/format';
import { localName } from '@/lib/i18n/local-name';
import type { AlertReviewResult, AlertView } from '@/lib/alerts/view-model';
import { AlertReviewForm } from './alert-review-form';

/** The unusual-access alerts of one hospital: who, which rule, the counts and the audit rows behind them. */
export function AlertList({
  items,
  action,
}: {
  items: AlertView[];
  action: (previous: AlertReviewResult | null, form: FormData) => Promise<AlertReviewResult>;
}) {
  const { t, lang, calendar } = useLocale();
  if (items.length === 0) return <p className="card text-muted">{t('alerts.empty')}</p>;
  return (
    <ul className="space-y-4">
      {items.map((a) => (
        <li key={a.id} data-alert-id={a.id} className={`card space-y-3 ${a.status === 'open' ? 'border-2 border-warning' : ''}`}>
          <h2 className="text-lg font-bold">
            {t(`alerts.rule.${a.rule}`, { count: a.count, minutes: a.windowMinutes, hours: a.windowMinutes / 60 })}
          </h2>
          <p className="text-muted">{t(`alerts.explain.${a.rule}`)}</p>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">{t('alerts.doctor')}</dt>
            <dd>
              {a.doctorNameTh && a.doctorNameEn ? localName(lang, a.doctorNameTh, a.doctorNameEn) : '—'} ·{' '}
              {t('common.licence', { licence: a.licence })}
            </dd>
            <dt className="font-semibold">{t('alerts.raisedAt')}</dt>
            <dd>{formatDate(a.raisedAt, lang, calendar, true)}</dd>
            <dt className="font-semibold">{t('alerts.lastSeenAt')}</dt>
            <dd>{formatDate(a.lastSeenAt, lang, calendar, true)}</dd>
            <dt className="font-semibold">{t('alerts.evidence')}</dt>
            <dd className="font-mono" data-testid="alert-evidence">
              {a.auditSeqs.join(', ')}
            </dd>
            {a.provinces.length > 0 && (
              <>
                <dt className="font-semibold">{t('alerts.provinces')}</dt>
                <dd data-testid="alert-provinces">
                  {a.provinces
                    .map((code) => {
                      const p = provinceByCode(code);
                      return p ? `${code} ${localName(lang, p.nameTh, p.nameEn)}` : code;
                    })
                    .join(', ')}
                </dd>
              </>
            )}
            <dt className="font-semibold">{t('alerts.status')}</dt>
            <dd>{t(`alerts.status.${a.status}`)}</dd>
          </dl>
          {a.status === 'open' ? (
            <AlertReviewForm alertId={a.id} action={action} />
          ) : (
            a.reviewNote && <p className="text-muted">{a.reviewNote}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
