import Link from 'next/link';
import { EmergencyBanner } from '@/components/emergency/emergency-banner';
import { EmergencySummaryView } from '@/components/emergency/emergency-summary-view';
import { emergencyReasonLabel } from '@/components/emergency/reason-label';
import { PrintButton } from '@/components/emergency/print-button';
import { loadEmergencySummary } from '@/lib/emergency/summary';
import { formatDate, formatSourceDate } from '@/lib/i18n/format';
import type { MessageKey } from '@/lib/i18n/messages';
import { getLocale } from '@/lib/i18n/server';
import { localName } from '@/lib/i18n/local-name';
import { patientPage } from '@/lib/entry/pages';
import { ErrorAlert } from '@/components/shell/error-alert';
import { endEmergencyAccessAction } from './actions';

export const dynamic = 'force-dynamic';

/** The one-screen emergency summary (printable), for emergency and consent accesses alike. */
export default patientPage(async function EmergencySummaryPage({ doctor, access, deps }) {
  const { t, lang, calendar } = await getLocale();
  const now = new Date();
  const view = await loadEmergencySummary(doctor, access, deps, now);
  const banner = view.banner;

  return (
    <div className="mx-auto max-w-7xl space-y-4">
      {access.kind === 'emergency' && access.emergency ? (
        <EmergencyBanner
          reasonLabel={t(emergencyReasonLabel(access.emergency.reasonCode))}
          reasonText={access.emergency.reasonText}
          expiresAt={access.expiresAt.toISOString()}
          serverNow={now.toISOString()}
          accessId={access.id}
          endAction={endEmergencyAccessAction}
        />
      ) : (
        <p className="rounded-md border border-info bg-info-bg p-3 text-info">
          {t('emergency.banner.consent', { time: formatDate(access.expiresAt.toISOString(), lang, calendar, true) })}
        </p>
      )}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t('emergency.summary.title')}</h1>
          {banner && (
            <p className="text-lg" data-testid="patient-banner">
              <span className="font-semibold">{localName(lang, banner.nameTh, banner.nameEn)}</span> ·{' '}
              <span className="font-mono">{banner.cidFormatted}</span> ·{' '}
              {t(
                `emergency.gender.${banner.gender === 'male' || banner.gender === 'female' || banner.gender === 'other' ? banner.gender : 'unknown'}` as MessageKey,
              )}{' '}
              · {formatSourceDate(banner.birthDate, lang, calendar)}
            </p>
          )}
        </div>
        <div className="no-print flex flex-wrap gap-2">
          <Link href={`/patient/${access.id}`} className="btn-secondary">
            {t('emergency.summary.fullRecord')}
          </Link>
          <a href={`/patient/${access.id}/emergency/ips`} className="btn-secondary" download>
            {t('emergency.summary.export')}
          </a>
          <PrintButton />
        </div>
      </div>
      {view.ok ? (
        <>
          {view.summary.sealedCount > 0 && (
            <p className="rounded-md border border-warning bg-warning-bg p-3 font-semibold text-warning" data-testid="sealed-count">
              <span aria-hidden="true">⚠ </span>
              {t('emergency.sealed', { count: view.summary.sealedCount })}
            </p>
          )}
          <EmergencySummaryView
            summary={view.summary}
            coverage={view.coverage}
            hospitalNames={view.hospitalNames}
            lang={lang}
            calendar={calendar}
            t={t}
          />
        </>
      ) : (
        <ErrorAlert>
          {t(view.reason === 'patient-not-found' ? 'emergency.summary.patientNotFound' : 'emergency.summary.unavailable')}
        </ErrorAlert>
      )}
    </div>
  );
});
