export type Lang = 'th' | 'en';
export type Calendar = 'buddhist' | 'gregory';

export const LANGS: Lang[] = ['th', 'en'];
export const TIME_ZONE = 'Asia/Bangkok';

/** The calendar a language shows dates in unless the user chose otherwise: Buddhist era for Thai. */
export function defaultCalendar(lang: Lang): Calendar {
  return lang === 'th' ? 'buddhist' : 'gregory';
}

function locale(lang: Lang, calendar: Calendar): string {
  return `${lang === 'th' ? 'th-TH' : 'en-GB'}-u-ca-${calendar}`;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, calendar: Calendar, style: 'date' | 'datetime' | 'time'): Intl.DateTimeFormat {
  const key = `${lang}|${calendar}|${style}`;
  let f = cache.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { timeZone: TIME_ZONE };
    if (style !== 'time') Object.assign(options, { day: 'numeric', month: 'short', year: 'numeric' });
    if (style !== 'date') Object.assign(options, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    f = new Intl.DateTimeFormat(locale(lang, calendar), options);
    cache.set(key, f);
  }
  return f;
}

/**
 * Formats an ISO date or date-time for display in Bangkok time; Thai shows the Buddhist era (2569 for 2026).
 * A date-only value (`2026-11-15`) is shown without a time and without shifting the day.
 */
export function formatDate(iso: string | undefined, lang: Lang, calendar: Calendar = defaultCalendar(lang), withTime = false): string {
  if (!iso) return '—';
  const dateOnly = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(iso);
  const date = new Date(dateOnly ? `${iso.length === 4 ? `${iso}-07-01` : iso.length === 7 ? `${iso}-15` : iso}T12:00:00+07:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (dateOnly && iso.length === 4) return formatter(lang, calendar, 'date').formatToParts(date).find((p) => p.type === 'year')?.value ?? iso;
  return formatter(lang, calendar, withTime && !dateOnly ? 'datetime' : 'date').format(date);
}

/** Formats a time of day in Bangkok time (24-hour). */
export function formatTime(iso: string, lang: Lang): string {
  return formatter(lang, 'gregory', 'time').format(new Date(iso));
}

/** Whole years between a birth date and `now`. */
export function ageInYears(birthDate: string, now: Date): number {
  const [y = 0, m = 1, d = 1] = birthDate.split('-').map(Number);
  // Compare calendar dates in Bangkok, where the birthday is counted.
  const today = new Date(now.getTime() + 7 * 3600_000);
  let age = today.getUTCFullYear() - y;
  const month = today.getUTCMonth() + 1;
  if (month < m || (month === m && today.getUTCDate() < d)) age -= 1;
  return Math.max(0, age);
}

/** "4 h 12 min" / "4 ชม. 12 นาที" for countdowns. */
export function formatDuration(ms: number, lang: Lang): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (lang === 'th') return h > 0 ? `${h} ชม. ${m} นาที` : m > 0 ? `${m} นาที ${s} วินาที` : `${s} วินาที`;
  return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s} s` : `${s} s`;
}
