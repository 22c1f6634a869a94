export type Lang = 'th' | 'en';
export type Calendar = 'buddhist' | 'gregory';

export const LANGS: Lang[] = ['th', 'en'];
export const TIME_ZONE = 'Asia/Bangkok';

/** The calendar a language shows dates in unless the user chose otherwise: Buddhist era for Thai. */
export function defaultCalendar(lang: Lang): Calendar {
  return lang === 'th' ? 'buddhist' : 'gregory';
}

/*
 * Dates are formatted by hand, not with Intl.DateTimeFormat: the first Intl call on a page makes the browser
 * load its ICU data, which took 30–80 ms on this machine (one long task on the record page), and every
 * timeline row formats a date. The output is exactly what Intl gives for th-TH / en-GB with day, short
 * month and year in Bangkok time (the unit test compares the two over many dates). Bangkok has had
 * UTC+7 all year, no daylight saving, since 1920.
 */
const MONTHS: Record<Lang, readonly string[]> = {
  th: ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
};
const BANGKOK_OFFSET_MS = 7 * 3600_000;

/** The calendar year: the Buddhist era is 543 years ahead of the Gregorian one. */
function yearIn(gregorianYear: number, calendar: Calendar): number {
  return calendar === 'buddhist' ? gregorianYear + 543 : gregorianYear;
}

function clock(bangkok: Date): string {
  return `${String(bangkok.getUTCHours()).padStart(2, '0')}:${String(bangkok.getUTCMinutes()).padStart(2, '0')}`;
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
  const bangkok = new Date(date.getTime() + BANGKOK_OFFSET_MS);
  const year = yearIn(bangkok.getUTCFullYear(), calendar);
  if (dateOnly && iso.length === 4) return String(year);
  // English with the Buddhist era names it, as Intl does ("15 Nov 2569 BE").
  const day = `${bangkok.getUTCDate()} ${MONTHS[lang][bangkok.getUTCMonth()]!} ${year}${lang === 'en' && calendar === 'buddhist' ? ' BE' : ''}`;
  if (!withTime || dateOnly) return day;
  return `${day}${lang === 'en' ? ',' : ''} ${clock(bangkok)}`;
}

/** Formats a time of day in Bangkok time, 24-hour "HH:MM" (the same in Thai and English). */
export function formatTime(iso: string): string {
  return clock(new Date(new Date(iso).getTime() + BANGKOK_OFFSET_MS));
}

/** A count with thousands separators ("21,596" in both languages), without Intl for the same reason. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
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
