/**
 * Search by first name + surname (as Health Link offers): the input rules shared by the browser form and
 * the server, the breadth rule, the per-doctor limit and the masked citizen ID a candidate shows. Pure:
 * no server imports, no clock (times arrive as arguments).
 */
import { z } from 'zod';
import type { Calendar } from '../i18n/format';
import { parseDateText } from '../i18n/date-text';
import { NAME_CHARACTERS, nameKey, nameScript, tidyName } from '../identity/name-key';
import type { FieldErrors } from '../result';

/** More people than this with the name and no birth date or year given: ask for one. */
export const MAX_MATCHES_WITHOUT_BIRTH = 5;
/** At most this many candidates are ever shown; more (even with a birth date or year) is "too broad". */
export const MAX_CANDIDATES = 10;
/** Name searches per doctor per hour: fewer than ID lookups (60), since a name can be fished for. */
export const MAX_NAME_SEARCHES_PER_DOCTOR_HOUR = 20;
export const NAME_SEARCH_WINDOW_MS = 3600_000;
const MAX_NAME_LENGTH = 60;
const BE_OFFSET = 543;

export type NameSearchField = 'given' | 'family' | 'birth';

/** What the form sends: the text as typed, and the calendar its birth date or year is in. */
export const nameSearchInputSchema = z.object({
  given: z.string().max(200),
  family: z.string().max(200),
  birth: z.string().max(40),
  calendar: z.enum(['buddhist', 'gregory']),
});
export type NameSearchInput = z.input<typeof nameSearchInputSchema>;

/** A birth date (YYYY-MM-DD) or a birth year, Gregorian. */
export type Birth = { date: string } | { year: number } | null;

/** A checked search: names tidied (as typed) and keyed (as matched), birth in the Gregorian calendar. */
export interface NameSearch {
  given: string;
  family: string;
  givenKey: string;
  familyKey: string;
  script: 'thai' | 'latin';
  birth: Birth;
}

type Parsed = { ok: true; search: NameSearch } | { ok: false; fieldErrors: FieldErrors<NameSearchField> };

function readBirth(text: string, calendar: Calendar, today: string): { ok: true; birth: Birth } | { ok: false; future?: true } {
  const clean = text.trim().replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  if (clean === '') return { ok: true, birth: null };
  if (/^\d{4}$/.test(clean)) {
    const typed = Number(clean);
    const year = calendar === 'buddhist' ? typed - BE_OFFSET : typed;
    // The same era line as typed dates: 2507 with ค.ศ. chosen, or 1964 with พ.ศ., is refused, not guessed.
    if (year < 1880) return { ok: false };
    if (year > Number(today.slice(0, 4))) return { ok: false, future: true };
    return { ok: true, birth: { year } };
  }
  const date = parseDateText(clean, calendar, '1880-01-01');
  if (!date.ok || date.iso === '') return { ok: false };
  if (date.iso > today) return { ok: false, future: true };
  return { ok: true, birth: { date: date.iso } };
}

function nameProblem(key: string, empty: 'nameSearch.error.givenEmpty' | 'nameSearch.error.familyEmpty') {
  if (key === '') return { key: empty };
  if (key.length > MAX_NAME_LENGTH || !NAME_CHARACTERS.test(key)) return { key: 'nameSearch.error.nameChars' as const };
  return null;
}

/**
 * Checks a name search field by field, saying what is wrong with each (the form keeps what was typed).
 * `today` is the ISO date the birth may not be after.
 */
export function parseNameSearch(input: unknown, today: string): Parsed {
  const shape = nameSearchInputSchema.safeParse(input);
  if (!shape.success) return { ok: false, fieldErrors: { given: { key: 'nameSearch.error.nameChars' } } };
  const { given, family, birth, calendar } = shape.data;
  const givenKey = nameKey(given);
  const familyKey = nameKey(family);
  const fieldErrors: FieldErrors<NameSearchField> = {};
  const g = nameProblem(givenKey, 'nameSearch.error.givenEmpty');
  const f = nameProblem(familyKey, 'nameSearch.error.familyEmpty');
  if (g) fieldErrors.given = g;
  if (f) fieldErrors.family = f;
  const scripts = new Set([nameScript(given), nameScript(family)]);
  if (!g && !f && scripts.size > 1) fieldErrors.family = { key: 'nameSearch.error.mixedScript' };
  const b = readBirth(birth, calendar, today);
  if (!b.ok) fieldErrors.birth = { key: b.future ? 'nameSearch.error.birthFuture' : 'nameSearch.error.birth' };
  if (Object.keys(fieldErrors).length > 0 || !b.ok) return { ok: false, fieldErrors };
  const script = nameScript(given) === 'thai' ? 'thai' : 'latin';
  return { ok: true, search: { given: tidyName(given), family: tidyName(family), givenKey, familyKey, script, birth: b.birth } };
}

export type Breadth = 'candidates' | 'none' | 'needs-birth' | 'too-broad';

/**
 * What to do with `matches` people of that name: nobody; show them (at most five without a birth date
 * or year, at most ten with one); ask for the birth date or year; or, with one already given, say the
 * search is still too broad (a full birth date or the citizen ID narrows it).
 */
export function nameSearchBreadth(matches: number, birth: Birth): Breadth {
  if (matches === 0) return 'none';
  if (birth === null) return matches > MAX_MATCHES_WITHOUT_BIRTH ? 'needs-birth' : 'candidates';
  return matches > MAX_CANDIDATES ? 'too-broad' : 'candidates';
}

/** Whether a doctor may search by name once more, given the times of their searches (any order) in the last hour. */
export function nameSearchVerdict(recent: readonly Date[], now: Date): { ok: true } | { ok: false; retryAt: Date } {
  const inWindow = recent.map((d) => d.getTime()).filter((t) => now.getTime() - t < NAME_SEARCH_WINDOW_MS);
  if (inWindow.length < MAX_NAME_SEARCHES_PER_DOCTOR_HOUR) return { ok: true };
  inWindow.sort((a, b) => a - b);
  return { ok: false, retryAt: new Date(inWindow[inWindow.length - MAX_NAME_SEARCHES_PER_DOCTOR_HOUR]! + NAME_SEARCH_WINDOW_MS) };
}

/**
 * A citizen ID as a candidate shows it: only the last four digits (`•-••••-••••4-56-7`), enough to tell
 * two namesakes apart against the ID card in the patient's hand, not enough to look anyone up.
 */
export function maskCitizenId(cid: string): string {
  if (!/^\d{13}$/.test(cid)) return '•-••••-•••••-••-•';
  const masked = '•'.repeat(9) + cid.slice(9);
  return [masked.slice(0, 1), masked.slice(1, 5), masked.slice(5, 10), masked.slice(10, 12), masked.slice(12)].join('-');
}
