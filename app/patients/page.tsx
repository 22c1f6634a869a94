import { ConsentFlow } from '@/components/consent/consent-flow';
import { doctorPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';
import { PasskeyOffer } from '@/components/passkey/passkey-offer';
import { passkeyOffered } from '@/lib/passkey/step';
import { lookupPatientAction, searchByNameAction, sendConsentOtpAction, verifyConsentOtpAction } from './actions';

export default doctorPage(async function PatientsPage({ doctor, deps }) {
  const { t } = await getLocale();
  const offerPasskey = await passkeyOffered(doctor, deps);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('consent.title')}</h1>
        <p className="text-muted">{t('consent.intro')}</p>
      </div>
      {offerPasskey && <PasskeyOffer />}
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
