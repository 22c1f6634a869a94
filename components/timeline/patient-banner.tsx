import type { Calendar, Lang } from '@/lib/i18n/format';
import { ageInYears, formatSourceDate } from '@/lib/i18n/format';
import type { PatientBanner as Banner } from '@/lib/timeline/patient-context';

const SEX = { male: { th: 'ชาย', en: 'Male' }, female: { th: 'หญิง', en: 'Female' }, other: { th: 'อื่น ๆ', en: 'Other' }, unknown: { th: 'ไม่ระบุ', en: 'Unknown' } } as const;

/** The patient banner on every patient page: who this is, so nobody reads the wrong patient's record. */
export function PatientBannerView({ banner, lang, calendar, now, children }: { banner: Banner; lang: Lang; calendar: Calendar; now: Date; children?: React.ReactNode }) {
  const sex = SEX[banner.gender as keyof typeof SEX] ?? SEX.unknown;
  return (
    <section aria-label={lang === 'th' ? 'ข้อมูลผู้ป่วย' : 'Patient'} className="card flex flex-wrap items-center justify-between gap-3 border-l-8 border-l-brand" data-testid="patient-banner">
      <div>
        <h1 className="text-2xl font-bold">{lang === 'th' ? banner.nameTh : banner.nameEn}</h1>
        <p className="text-muted">
          {lang === 'th' ? banner.nameEn : banner.nameTh} · {sex[lang]} · {ageInYears(banner.birthDate, now)} {lang === 'th' ? 'ปี' : 'y'} ({formatSourceDate(banner.birthDate, lang, calendar)}) ·{' '}
          <span className="font-mono">{banner.cidFormatted}</span>
        </p>
      </div>
      {children}
    </section>
  );
}
