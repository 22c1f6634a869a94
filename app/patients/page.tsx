import { ConsentFlow } from '@/components/consent/consent-flow';
import { doctorPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';
import { lookupPatientAction, searchByNameAction, sendConsentOtpAction, verifyConsentOtpAction } from './actions';

export default doctorPage(async function PatientsPage({ doctor }) {
  const { t } = await getLocale();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('consent.title')}</h1>
        <p className="text-muted">{t('consent.intro')}</p>
      </div>
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
