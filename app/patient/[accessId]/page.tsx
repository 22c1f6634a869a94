import Link from 'next/link';
import { Suspense } from 'react';
import { endConsentAction } from '@/app/patients/actions';
import { unsealRecord } from './actions';
import { AccessCountdown } from '@/components/timeline/access-countdown';
import { PatientBannerView } from '@/components/timeline/patient-banner';
import { PatientRecord } from '@/components/timeline/patient-record';
import { patientPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';
import { loadPatientContext } from '@/lib/timeline/patient-context';

const REASONS: Record<string, { th: string; en: string }> = {
  unconscious: { th: 'ผู้ป่วยหมดสติ / ระดับความรู้สึกตัวลดลง', en: 'Unconscious / altered consciousness' },
  'life-threatening': { th: 'ภาวะฉุกเฉินคุกคามชีวิต', en: 'Life-threatening emergency' },
  'no-capacity': { th: 'ไม่มีความสามารถตัดสินใจและไม่มีผู้แทน', en: 'No capacity and no representative' },
  other: { th: 'อื่น ๆ', en: 'Other' },
};

export default patientPage(async function PatientPage({ doctor, access }) {
  const { lang, calendar } = await getLocale();
  const context = await loadPatientContext(doctor, access);
  const now = new Date();
  const th = lang === 'th';
  return (
    <div className="space-y-4">
      {access.kind === 'emergency' && access.emergency && (
        <div role="alert" className="rounded-lg bg-critical p-3 font-bold text-white" data-testid="emergency-banner">
          ⚠ {th ? 'การเข้าถึงฉุกเฉิน (ไม่มีความยินยอม)' : 'EMERGENCY ACCESS (without consent)'} — {(REASONS[access.emergency.reasonCode] ?? REASONS.other!)[lang]}: {access.emergency.reasonText} ·{' '}
          <AccessCountdown expiresAt={access.expiresAt.toISOString()} serverNow={now.toISOString()} label={{ th: 'เหลือเวลา', en: 'ends in' }} />
        </div>
      )}
      {context.banner && (
        <PatientBannerView banner={context.banner} lang={lang} calendar={calendar} now={now}>
          <div className="text-right text-sm">
            <div className="font-semibold">
              {access.kind === 'consent' ? (th ? 'ผู้ป่วยยินยอมผ่าน OTP · เพื่อการรักษา' : 'Patient consented by OTP · for treatment') : th ? 'เพื่อการรักษาฉุกเฉิน' : 'For emergency treatment'}
            </div>
            {access.kind === 'consent' && <AccessCountdown expiresAt={access.expiresAt.toISOString()} serverNow={now.toISOString()} label={{ th: 'ความยินยอมเหลือ', en: 'Consent ends in' }} />}
            {access.kind === 'consent' && (
              <form action={endConsentAction} className="mt-1 no-print">
                <input type="hidden" name="consentId" value={access.id} />
                <button type="submit" className="text-sm font-semibold text-critical underline">
                  {th ? 'สิ้นสุดความยินยอมตอนนี้' : 'End consent now'}
                </button>
              </form>
            )}
            <div className="mt-1 flex justify-end gap-3 no-print">
              <Link prefetch={false} href={`/patient/${access.id}/emergency`} className="text-info underline">
                {th ? 'สรุปฉุกเฉิน' : 'Emergency summary'}
              </Link>
              <Link prefetch={false} href={`/patient/${access.id}/print`} className="text-info underline">
                {th ? 'พิมพ์สรุป' : 'Print summary'}
              </Link>
            </div>
          </div>
        </PatientBannerView>
      )}
      {context.ok ? (
        // A Suspense boundary lets React hydrate the record after the banner, in short slices, not one long task.
        <Suspense>
          <PatientRecord accessId={access.id} hospitals={context.hospitals} now={now.toISOString()} unseal={unsealRecord} />
        </Suspense>
      ) : (
        <div role="alert" className="card border-warning bg-warning-bg">
          <p className="font-semibold text-warning">
            {context.reason === 'exchange-unavailable'
              ? th
                ? 'ไม่สามารถติดต่อระบบแลกเปลี่ยนข้อมูลได้ในขณะนี้ จึงยังไม่ทราบว่าผู้ป่วยแชร์ข้อมูลกับโรงพยาบาลใด'
                : 'The exchange cannot be reached right now, so we do not know which hospitals this patient shares with.'
              : th
                ? 'ไม่พบผู้ป่วยในระบบแลกเปลี่ยนข้อมูลแล้ว'
                : 'The patient is no longer found in the exchange.'}
          </p>
          <Link prefetch={false} href={`/patient/${access.id}`} className="btn-secondary mt-2">
            {th ? 'ลองใหม่' : 'Try again'}
          </Link>
        </div>
      )}
    </div>
  );
});
