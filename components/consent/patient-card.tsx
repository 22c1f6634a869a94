'use client';

import { useLocale } from '@/components/providers';
import { patientNames, type PatientCard } from '@/lib/consent/view-model';
import { formatSourceDate } from '@/lib/i18n/format';

/** Who the patient is (identity only) so the doctor can check it against the person in front of them. */
export function PatientCardView({ patient }: { patient: PatientCard }) {
  const { t, lang, calendar } = useLocale();
  const { primary, secondary } = patientNames(patient, lang);
  return (
    <section className="card space-y-3" aria-labelledby="patient-card-title">
      <h2 id="patient-card-title" className="text-lg font-bold">
        {t('consent.card.title')}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="font-semibold text-muted">{t('consent.card.name')}</dt>
        <dd>
          <span className="text-xl font-bold">{primary}</span>
          {secondary && secondary !== primary && <span className="block text-muted">{secondary}</span>}
        </dd>
        <dt className="font-semibold text-muted">{t('consent.card.identifier')}</dt>
        <dd className="font-mono">{patient.identifier}</dd>
        <dt className="font-semibold text-muted">{t('consent.card.sex')}</dt>
        <dd>{t(`consent.sex.${patient.gender}`)}</dd>
        <dt className="font-semibold text-muted">{t('consent.card.age')}</dt>
        <dd>{t('consent.card.ageValue', { age: patient.age, date: formatSourceDate(patient.birthDate, lang, calendar) })}</dd>
        {patient.phoneMasked && (
          <>
            <dt className="font-semibold text-muted">{t('consent.card.phone')}</dt>
            <dd className="font-mono">{patient.phoneMasked}</dd>
          </>
        )}
        <dt className="font-semibold text-muted">{t('consent.card.language')}</dt>
        <dd>{t(`consent.lang.${patient.language}`)}</dd>
      </dl>
      <p className="rounded-md bg-info-bg p-2 font-semibold text-info">{t('consent.card.sharing', { count: patient.sharingHospitals })}</p>
    </section>
  );
}
