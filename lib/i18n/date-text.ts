import { defaultCalendar, formatDate, type Calendar, type Lang } from './format';
import { translate } from './messages';

/*
 * A typed date, "dd/mm/yyyy", in the calendar the user chose: with พ.ศ. the year is Buddhist era (2569 is
 * 2026). The browser's <input type="date"> cannot do this: it is Gregorian and follows the browser's locale,
 * not the app's choice. What the form or filter receives is always ISO (YYYY-MM-DD, Gregorian), so the
 * server's validation does not change.
 */

/** Why a typed date was refused. */
export type DateTextError =
  | { reason: 'format' }
  | { reason: 'short-year' }
  | { reason: 'no-such-day' }
  | { reason: 'wrong-era'; year: number }
  | { reason: 'before-min'; min: string };

export type DateTextResult = { ok: true; iso: string } | { ok: false; error: DateTextError };

const BE_OFFSET = 543;
/*
 * A typed year on the wrong side of this line was almost surely written in the other era: 2026 typed with
 * พ.ศ. chosen would be 1483 CE, 2569 typed with ค.ศ. would be 2569 CE. Both are refused with a hint rather
 * than silently filtering to another century. (2300 BE is 1757 CE; 2300 CE is far beyond any record.)
 */
const ERA_LINE = 2300;

const THAI_DIGITS = /[๐-๙]/g;
const DATE_TEXT = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d+)$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * Reads a typed "dd/mm/yyyy" (also with "-", "." or Thai digits) in `calendar` into an ISO date. Empty text
 * is no date (`iso: ''`); a 2-digit year is refused (25 could be 2025, 2525 or 1925).
 */
export function parseDateText(text: string, calendar: Calendar, min?: string): DateTextResult {
  const clean = text.trim().replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));
  if (clean === '') return { ok: true, iso: '' };
  const m = DATE_TEXT.exec(clean);
  if (!m) return { ok: false, error: { reason: 'format' } };
  const [, dd, mm, yyyy] = m as unknown as [string, string, string, string];
  if (yyyy.length <= 2) return { ok: false, error: { reason: 'short-year' } };
  if (yyyy.length !== 4) return { ok: false, error: { reason: 'format' } };
  const typedYear = Number(yyyy);
  if (calendar === 'buddhist' ? typedYear < ERA_LINE : typedYear >= ERA_LINE)
    return { ok: false, error: { reason: 'wrong-era', year: typedYear } };
  const year = calendar === 'buddhist' ? typedYear - BE_OFFSET : typedYear;
  const month = Number(mm);
  const day = Number(dd);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return { ok: false, error: { reason: 'no-such-day' } };
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (min && iso < min) return { ok: false, error: { reason: 'before-min', min } };
  return { ok: true, iso };
}

/** An ISO date (YYYY-MM-DD) as the user would type it in `calendar`: "01/01/2569" for 2026-01-01 in พ.ศ.; '' when not a date. */
export function formatDateText(iso: string | null | undefined, calendar: Calendar): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return '';
  const year = Number(m[1]) + (calendar === 'buddhist' ? BE_OFFSET : 0);
  return `${m[3]}/${m[2]}/${year}`;
}

/** The form a date is typed in, for the field's hint ("วว/ดด/ปปปป (พ.ศ.)"). */
export function dateTextFormat(lang: Lang, calendar: Calendar): string {
  return translate(lang, calendar === 'buddhist' ? 'dates.field.format.buddhist' : 'dates.field.format.gregory');
}

/** The message for a refused date, in the user's language, naming the form expected. */
export function dateTextErrorMessage(error: DateTextError, text: string, lang: Lang, calendar: Calendar = defaultCalendar(lang)): string {
  const format = dateTextFormat(lang, calendar);
  switch (error.reason) {
    case 'format':
      return translate(lang, 'dates.field.error.format', { format });
    case 'short-year':
      return translate(lang, 'dates.field.error.shortYear', { format });
    case 'no-such-day':
      return translate(lang, 'dates.field.error.noSuchDay', { text: text.trim() });
    case 'wrong-era':
      return calendar === 'buddhist'
        ? translate(lang, 'dates.field.error.wrongEra.buddhist', { year: error.year, example: error.year + BE_OFFSET })
        : translate(lang, 'dates.field.error.wrongEra.gregory', { year: error.year, example: error.year - BE_OFFSET });
    case 'before-min':
      return translate(lang, 'dates.field.error.beforeMin', { min: formatDate(error.min, lang, calendar) });
  }
}
