import Link from 'next/link';
import { endConsentAction } from '@/app/patients/actions';
import { unsealRecord } from './actions';
import { emergencyReasonLabel } from '@/components/emergency/reason-label';
import { AccessCountdown } from '@/components/timeline/access-countdown';
import { CheckedRecordView } from '@/components/timeline/checked-record';
import { patientPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';
import { startPageRecord } from '@/lib/timeline/page-answers';

export default patientPage(async function PatientPage({ doctor, access, deps }) {
  const { t } = await getLocale();
  // The hospitals the access recorded as sharing are asked now, with the page request, while the exchange
  // re-checks the list (lib/timeline/page-answers.ts); the page goes out at once and the re-checked record and
  // answers stream into this same response (components/timeline/checked-record.tsx says why without Suspense).
  const record = startPageRecord(doctor, access, deps);
  const now = new Date();
  return (
    <div className="space-y-4">
      {access.kind === 'emergency' && access.emergency && (
        <div role="alert" className="rounded-lg bg-critical p-3 font-bold text-white" data-testid="emergency-banner">
          ⚠ {t('patient.emergencyBanner')} — {t(emergencyReasonLabel(access.emergency.reasonCode))}: {access.emergency.reasonText} ·{' '}
          <AccessCountdown expiresAt={access.expiresAt.toISOString()} serverNow={now.toISOString()} label="patient.emergencyEndsIn" />
        </div>
      )}
      <CheckedRecordView
        record={record}
        accessId={access.id}
        now={now.toISOString()}
        unseal={unsealRecord}
        accessControls={
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
        }
      />
    </div>
  );
});
