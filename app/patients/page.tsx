import { z } from 'zod';
import { ConsentFlow } from '@/components/consent/consent-flow';
import { MAX_RECORD_OPENS_PER_DOCTOR_HOUR } from '@/lib/alerts/rules';
import { doctorPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';
import { PasskeyOffer } from '@/components/passkey/passkey-offer';
import { passkeyOffered } from '@/lib/passkey/step';
import { lookupPatientAction, searchByNameAction, sendConsentOtpAction, verifyConsentOtpAction } from './actions';

// Where a record page sends a doctor over the record-open limit (lib/alerts), with the minutes to wait.
const refusedSchema = z.object({ limit: z.literal('record-open'), minutes: z.coerce.number().int().min(1).max(60) });

export default doctorPage(async function PatientsPage({ doctor, deps, searchParams }) {
  const { t } = await getLocale();
  const refused = refusedSchema.safeParse(searchParams);
  const offerPasskey = await passkeyOffered(doctor, deps);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('consent.title')}</h1>
        <p className="text-muted">{t('consent.intro')}</p>
      </div>
      {offerPasskey && <PasskeyOffer />}
      {refused.success && (
        <p role="alert" className="card border-warning bg-warning-bg font-semibold text-warning">
          {t('alerts.recordOpenLimit', { limit: MAX_RECORD_OPENS_PER_DOCTOR_HOUR, minutes: refused.data.minutes })}
        </p>
      )}
      <ConsentFlow
        isEd={doctor.role === 'ed'}
        actions={{
          lookup: lookupPatientAction,
          send: sendConsentOtpAction,
          verify: verifyConsentOtpAction,
          searchByName: searchByNameAction,
        }}
      />
    </div>
  );
});
