import type { Calendar, Lang } from '@/lib/i18n/format';
import { ageInYears, formatSourceDate } from '@/lib/i18n/format';
import { localName, otherName } from '@/lib/i18n/local-name';
import { translate, type MessageKey } from '@/lib/i18n/messages';
import type { PatientBanner as Banner } from '@/lib/timeline/patient-context';

const SEX: Record<string, MessageKey> = {
  male: 'record.sex.male',
  female: 'record.sex.female',
  other: 'record.sex.other',
  unknown: 'record.sex.unknown',
};

/** The patient banner on every patient page: who this is, so nobody reads the wrong patient's record. */
export function PatientBannerView({
  banner,
  lang,
  calendar,
  now,
  children,
}: {
  banner: Banner;
  lang: Lang;
  calendar: Calendar;
  now: Date;
  children?: React.ReactNode;
}) {
  const sex = translate(lang, SEX[banner.gender] ?? 'record.sex.unknown');
  return (
    <section
      aria-label={translate(lang, 'record.banner.label')}
      className="card flex flex-wrap items-center justify-between gap-3 border-l-8 border-l-brand"
      data-testid="patient-banner"
    >
      <div>
        <h1 className="text-2xl font-bold">{localName(lang, banner.nameTh, banner.nameEn)}</h1>
        <p className="text-muted">
          {otherName(lang, banner.nameTh, banner.nameEn)} · {sex} · {ageInYears(banner.birthDate, now)}{' '}
          {translate(lang, 'record.banner.years')} ({formatSourceDate(banner.birthDate, lang, calendar)}) ·{' '}
          <span className="font-mono">{banner.cidFormatted}</span>
        </p>
      </div>
      {children}
      {/* Filled in the browser by BannerAlerts once the hospitals' records are merged. */}
      <div id="patient-banner-alerts" className="basis-full empty:hidden" />
    </section>
  );
}
