import { setPreferences } from '@/app/preferences-actions';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { translate } from '@/lib/i18n/messages';

/** Language and calendar switch: plain forms, so it works before any JavaScript loads. */
export function PreferencesSwitch({
  lang,
  calendar,
  labels,
}: {
  lang: Lang;
  calendar: Calendar;
  labels: { language: string; calendar: string; buddhist: string; gregory: string };
}) {
  const pill = (active: boolean) =>
    `min-h-9 rounded px-2 text-sm font-semibold ${active ? 'bg-white text-brand-strong' : 'text-white underline-offset-2 hover:underline'}`;
  return (
    <div className="flex items-center gap-3 no-print">
      <form action={setPreferences} aria-label={labels.language} className="flex items-center gap-1">
        <button name="lang" value="th" className={pill(lang === 'th')} aria-pressed={lang === 'th'} lang="th">
          {translate(lang, 'prefs.lang.th')}
        </button>
        <button name="lang" value="en" className={pill(lang === 'en')} aria-pressed={lang === 'en'} lang="en">
          {translate(lang, 'prefs.lang.en')}
        </button>
      </form>
      <form action={setPreferences} aria-label={labels.calendar} className="flex items-center gap-1">
        <button name="calendar" value="buddhist" className={pill(calendar === 'buddhist')} aria-pressed={calendar === 'buddhist'}>
          {labels.buddhist}
        </button>
        <button name="calendar" value="gregory" className={pill(calendar === 'gregory')} aria-pressed={calendar === 'gregory'}>
          {labels.gregory}
        </button>
      </form>
    </div>
  );
}
