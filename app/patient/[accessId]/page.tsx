import Link from 'next/link';
import { Suspense } from 'react';
import { endConsentAction } from '@/app/patients/actions';
import { unsealRecord } from './actions';
import { emergencyReasonLabel } from '@/components/emergency/reason-label';
import { AccessCountdown } from '@/components/timeline/access-countdown';
import { PatientBannerView } from '@/components/timeline/patient-banner';
import { PatientRecord } from '@/components/timeline/patient-record';
import { patientPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';
import type { PatientAccess } from '@/lib/access/patient-access';
import type { Locale } from '@/lib/i18n/server';
import { startPageRecord, type PageRecord } from '@/lib/timeline/page-answers';

export default patientPage(async function PatientPage({ doctor, access, deps }) {
  const locale = await getLocale();
  // Every hospital the access recorded as sharing is asked now, with the page request, while the exchange's
  // list is re-checked; the page's frame goes out at once and the record streams into this same response.
  const record = startPageRecord(doctor, access, deps);
  const now = new Date();
  return (
    <div className="space-y-4">
      {access.kind === 'emergency' && access.emergency && (
        <div role="alert" className="rounded-lg bg-critical p-3 font-bold text-white" data-testid="emergency-banner">
          ⚠ {locale.t('patient.emergencyBanner')} — {locale.t(emergencyReasonLabel(access.emergency.reasonCode))}:{' '}
          {access.emergency.reasonText} ·{' '}
          <AccessCountdown expiresAt={access.expiresAt.toISOString()} serverNow={now.toISOString()} label="patient.emergencyEndsIn" />
        </div>
      )}
      <Suspense
        fallback={
          <p role="status" className="card text-muted" data-testid="record-pending">
            {locale.t('patient.checkingSharing')}
          </p>
        }
      >
        <RecordSection record={record} access={access} locale={locale} now={now} />
      </Suspense>
    </div>
  );
});

/** The banner and the record, once the exchange has said who the patient is and whom they share with. */
async function RecordSection({
  record,
  access,
  locale,
  now,
}: {
  record: Promise<PageRecord>;
  access: PatientAccess;
  locale: Locale;
  now: Date;
}) {
  const { context, answers } = await record;
  const { lang, calendar, t } = locale;
  return (
    <>
      {context.banner && (
        <PatientBannerView banner={context.banner} lang={lang} calendar={calendar} now={now}>
          <div className="text-right text-sm">
            <div className="font-semibold">{t(access.kind === 'consent' ? 'patient.consentBasis' : 'patient.emergencyBasis')}</div>
            {access.kind === 'consent' && (
              <AccessCountdown expiresAt={access.expiresAt.toISOString()} serverNow={now.toISOString()} label="patient.consentEndsIn" />
            )}
            {access.kind === 'consent' && (
              <form action={endConsentAction} className="mt-1 no-print">
                <input type="hidden" name="consentId" value={access.id} />
                <button type="submit" className="text-sm font-semibold text-critical underline">
                  {t('patient.endConsent')}
                </button>
              </form>
            )}
            <div className="mt-1 flex justify-end gap-3 no-print">
              <Link prefetch={false} href={`/patient/${access.id}/emergency`} className="text-info underline">
                {t('patient.emergencySummary')}
              </Link>
              <Link prefetch={false} href={`/patient/${access.id}/print`} className="text-info underline">
                {t('patient.printSummary')}
              </Link>
            </div>
          </div>
        </PatientBannerView>
      )}
      {context.ok ? (
        // A Suspense boundary lets React hydrate the record after the banner, in short slices, not one long task.
        <Suspense>
          <PatientRecord
            accessId={access.id}
            hospitals={context.hospitals}
            answers={answers}
            now={now.toISOString()}
            unseal={unsealRecord}
          />
        </Suspense>
      ) : (
        <div role="alert" className="card border-warning bg-warning-bg">
          <p className="font-semibold text-warning">
            {t(context.reason === 'exchange-unavailable' ? 'patient.exchangeUnavailable' : 'patient.notFound')}
          </p>
          <Link prefetch={false} href={`/patient/${access.id}`} className="btn-secondary mt-2">
            {t('common.retry')}
          </Link>
        </div>
      )}
    </>
  );
}
