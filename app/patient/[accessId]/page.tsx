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
import { startPageRecord } from '@/lib/timeline/page-answers';

export default patientPage(async function PatientPage({ doctor, access, deps }) {
  const { lang, calendar, t } = await getLocale();
  // The hospitals the access recorded as sharing are asked now, with the page request, while the exchange
  // re-checks the list (lib/timeline/page-answers.ts); the answers stream into this same response. The page
  // waits for the re-check (one patient-index round trip, in parallel with the reads) rather than streaming a
  // frame first: a Suspense fallback shown first would hold the record back (React throttles the reveal of
  // a boundary to 300 ms after its fallback), measured at ~70 ms later on screen.
  const { context, answers } = await startPageRecord(doctor, access, deps);
  const now = new Date();
  return (
    <div className="space-y-4">
      {access.kind === 'emergency' && access.emergency && (
        <div role="alert" className="rounded-lg bg-critical p-3 font-bold text-white" data-testid="emergency-banner">
          ⚠ {t('patient.emergencyBanner')} — {t(emergencyReasonLabel(access.emergency.reasonCode))}: {access.emergency.reasonText} ·{' '}
          <AccessCountdown expiresAt={access.expiresAt.toISOString()} serverNow={now.toISOString()} label="patient.emergencyEndsIn" />
        </div>
      )}
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
    </div>
  );
});
