import { translate } from './messages';

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

/** "Mar 1964" / "มี.ค. 2507": a month without a day (FHIR allows YYYY-MM); inventing a day would mislead. */
function monthYear(y: number, m: number, lang: Lang, calendar: Calendar): string {
  return `${MONTHS[lang][m - 1]!} ${yearIn(y, calendar)}${era(lang, calendar)}`;
}

// English with the Buddhist era names it, as Intl does ("15 Nov 2569 BE").
function era(lang: Lang, calendar: Calendar): string {
  return lang === 'en' && calendar === 'buddhist' ? ' BE' : '';
}

function dayText(y: number, m: number, d: number, lang: Lang, calendar: Calendar): string {
  return `${d} ${MONTHS[lang][m - 1]!} ${yearIn(y, calendar)}${era(lang, calendar)}`;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A date-only or partial value (YYYY, YYYY-MM, YYYY-MM-DD) as written, or null when it is not one. */
function formatPartial(iso: string, lang: Lang, calendar: Calendar): string | null {
  const m = PARTIAL.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[2] === undefined) return String(yearIn(y, calendar));
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return iso;
  if (m[3] === undefined) return monthYear(y, mo, lang, calendar);
  const d = Number(m[3]);
  if (d < 1 || d > 31) return iso;
  return dayText(y, mo, d, lang, calendar);
}

/**
 * Formats an instant of OUR OWN (audit rows, sign-in times, consent expiry, lock-outs) in Bangkok time; Thai
 * shows the Buddhist era (2569 for 2026). A date-only value (`2026-11-15`) is shown without a time and
 * without shifting the day. For a date a source hospital recorded, use `formatSourceDate`.
 */
export function formatDate(iso: string | undefined, lang: Lang, calendar: Calendar = defaultCalendar(lang), withTime = false): string {
  if (!iso) return '—';
  const partial = formatPartial(iso, lang, calendar);
  if (partial !== null) return partial;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const bangkok = new Date(date.getTime() + BANGKOK_OFFSET_MS);
  const day = dayText(bangkok.getUTCFullYear(), bangkok.getUTCMonth() + 1, bangkok.getUTCDate(), lang, calendar);
  if (!withTime) return day;
  return `${day}${lang === 'en' ? ',' : ''} ${clock(bangkok)}`;
}

/*
 * A clinical fact's date is shown on the calendar day the source recorded, in the source's own UTC offset:
 * a visit at 2023-01-19T23:45+01:00 happened on 19 January where it happened, though it was already the
 * 20th in Bangkok (shown in Bangkok time, 17 % of one third-party record's dates moved by a day).
 *
 * Z (UTC) is the exception. It states an instant but no local wall clock: systems write Z after converting,
 * so it says nothing about where the event happened. This is the Thai exchange, so a value without a zone
 * of its own is read as Bangkok's, the same as before. RFC 3339's "-00:00" (offset unknown) is read the same
 * way, and so is a date-time without any offset (not valid FHIR, but seen). An explicit offset, +07:00 or
 * any other (+00:00 included: a source that writes it is stating its clock), keeps its own day.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** The parts of a date-time that matter for display: the source's day, the instant, its offset if any. */
interface SourceDateTime {
  /** The source's calendar day (Bangkok's when the source gave no zone of its own). */
  y: number;
  m: number;
  d: number;
  instant: Date;
  /** "+01:00" when the source's zone differs from Bangkok's; null when it is Bangkok's or unknown. */
  foreignOffset: string | null;
}

function parseSourceDateTime(iso: string): SourceDateTime | null {
  const m = DATE_TIME.exec(iso);
  if (!m) return null;
  const zone = m[6];
  const noZone = zone === undefined || zone === 'Z' || zone === '-00:00';
  const instant = new Date(
    noZone ? `${iso.slice(0, zone === undefined ? iso.length : -zone.length)}${zone === undefined ? '+07:00' : 'Z'}` : iso,
  );
  if (Number.isNaN(instant.getTime())) return null;
  if (zone === 'Z' || zone === '-00:00') {
    const bangkok = new Date(instant.getTime() + BANGKOK_OFFSET_MS);
    return { y: bangkok.getUTCFullYear(), m: bangkok.getUTCMonth() + 1, d: bangkok.getUTCDate(), instant, foreignOffset: null };
  }
  return {
    y: Number(m[1]),
    m: Number(m[2]),
    d: Number(m[3]),
    instant,
    foreignOffset: zone === undefined || zone === '+07:00' ? null : zone,
  };
}

/**
 * The calendar day a source recorded (YYYY-MM-DD), or the partial date as it is (YYYY, YYYY-MM); null when
 * absent or unreadable. Used to filter and group clinical facts by the day the clinician saw.
 */
export function sourceDay(iso: string | null | undefined): string | null {
  if (!iso) return null;
  if (PARTIAL.test(iso)) return iso;
  const p = parseSourceDateTime(iso);
  if (!p) return null;
  return `${String(p.y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/**
 * Formats the date of a clinical fact on the source's own calendar day (see above); partial dates stay
 * partial. With `withTime`, the time of day is Bangkok time, and when the source's zone is not Bangkok's
 * the text says so and names the source's offset; if Bangkok's day differs too, it is named with the time,
 * so the time is never read against the wrong day.
 */
export function formatSourceDate(
  iso: string | null | undefined,
  lang: Lang,
  calendar: Calendar = defaultCalendar(lang),
  withTime = false,
): string {
  if (!iso) return '—';
  const partial = formatPartial(iso, lang, calendar);
  if (partial !== null) return partial;
  const p = parseSourceDateTime(iso);
  if (!p) return iso;
  const day = dayText(p.y, p.m, p.d, lang, calendar);
  if (!withTime) return day;
  const bangkok = new Date(p.instant.getTime() + BANGKOK_OFFSET_MS);
  if (p.foreignOffset === null) return `${day}${lang === 'en' ? ',' : ''} ${clock(bangkok)}`;
  const sameDay = bangkok.getUTCFullYear() === p.y && bangkok.getUTCMonth() + 1 === p.m && bangkok.getUTCDate() === p.d;
  return sameDay
    ? translate(lang, 'dates.zone.sameDay', { day, time: clock(bangkok), offset: p.foreignOffset })
    : translate(lang, 'dates.zone.otherDay', {
        day,
        bangkok: formatDate(p.instant.toISOString(), lang, calendar, true),
        offset: p.foreignOffset,
      });
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
