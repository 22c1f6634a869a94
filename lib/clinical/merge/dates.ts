/**
 * Dates as the merge reads them: epoch milliseconds and Thai calendar days, parsed without Date.parse on
 * the shapes hospitals nearly always send (it dominated the merge profile).
 */

export const DAY_MS = 86_400_000;
export const THAI_OFFSET_MS = 7 * 3_600_000;

/** Epoch ms of an ISO date; a date without a time counts as Thai midnight. NaN when unparseable. */
export function timeOf(date: string | null): number {
  if (date === null) return Number.NaN;
  const fast = fastIsoTime(date);
  if (!Number.isNaN(fast)) return fast;
  const t = Date.parse(date);
  if (date.length <= 10) return t - THAI_OFFSET_MS;
  return t;
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 of a proleptic Gregorian date, by arithmetic (Date.UTC is a slow runtime call). */
function epochDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yearOfEra = yy - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Parses the two shapes hospitals nearly always send ('YYYY-MM-DD', 'YYYY-MM-DDThh:mm:ss[.sss](Z|±hh:mm)')
 * without Date.parse, which dominated the merge profile; anything else returns NaN and falls back.
 */
function fastIsoTime(s: string): number {
  const len = s.length;
  if (len < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (Number.isNaN(y + mo + d) || mo < 1 || mo > 12 || d < 1 || d > 31) return Number.NaN;
  if (len === 10) return epochDay(y, mo, d) * DAY_MS - THAI_OFFSET_MS;
  if (len < 20 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return Number.NaN;
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const sec = digits(s, 17, 2);
  if (Number.isNaN(h + mi + sec)) return Number.NaN;
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    i++;
    let scale = 100;
    while (i < len) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      ms += c * scale;
      scale /= 10;
      i++;
    }
    ms = Math.floor(ms);
  }
  const base = epochDay(y, mo, d) * DAY_MS + ((h * 60 + mi) * 60 + sec) * 1000 + ms;
  const z = s.charCodeAt(i);
  if (z === 90 && i === len - 1) return base;
  if ((z === 43 || z === 45) && i + 6 === len && s.charCodeAt(i + 3) === 58) {
    const oh = digits(s, i + 1, 2);
    const om = digits(s, i + 4, 2);
    if (Number.isNaN(oh + om)) return Number.NaN;
    const offset = (oh * 60 + om) * 60_000;
    return z === 43 ? base - offset : base + offset;
  }
  return Number.NaN;
}

/**
 * The calendar day the source recorded, in its own UTC offset (a visit at 23:45+01:00 on the 19th is on the
 * 19th, though Bangkok was already on the 20th). Z, or RFC 3339's -00:00, states no local clock: on the Thai
 * exchange such a value gets Bangkok's day (lib/i18n/format.ts formats dates by the same rule).
 */
export function dayOf(date: string | null, time: number): string | null {
  if (date === null) return null;
  if (date.length <= 10 || !hasNoZone(date) || Number.isNaN(time)) return date.slice(0, 10);
  return new Date(time + THAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function hasNoZone(date: string): boolean {
  return date.endsWith('Z') || date.endsWith('-00:00');
}
