import { describe, expect, it } from 'vitest';
import {
  ageInYears,
  formatCount,
  formatDate,
  formatDuration,
  formatSourceDate,
  formatTime,
  sourceDay,
  type Calendar,
  type Lang,
} from './format';

describe('formatDate', () => {
  it.each([
    ['2026-11-15', 'th', 'buddhist', '15 พ.ย. 2569'],
    ['2026-11-15', 'en', 'gregory', '15 Nov 2026'],
    ['2026-11-15', 'th', 'gregory', '15 พ.ย. 2026'],
    ['2026-11-14T20:30:00Z', 'en', 'gregory', '15 Nov 2026'],
  ] as const)('%s in %s/%s → %s', (iso, lang, cal, expected) => {
    expect(formatDate(iso, lang, cal)).toBe(expected);
  });

  it('shows Bangkok time when asked', () => {
    expect(formatDate('2026-11-14T20:30:00Z', 'en', 'gregory', true)).toBe('15 Nov 2026, 03:30');
  });

  it('uses the Buddhist era by default in Thai', () => {
    expect(formatDate('2024-01-01', 'th')).toContain('2567');
  });

  it('never throws on missing or odd input', () => {
    expect(formatDate(undefined, 'th')).toBe('—');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});

describe('formatDate matches Intl (th-TH / en-GB, Bangkok time) without calling it', () => {
  function intl(iso: string, lang: Lang, calendar: Calendar, withTime: boolean): string {
    const options: Intl.DateTimeFormatOptions = { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'short', year: 'numeric' };
    if (withTime) Object.assign(options, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return new Intl.DateTimeFormat(`${lang === 'th' ? 'th-TH' : 'en-GB'}-u-ca-${calendar}`, options).format(new Date(iso));
  }
  // 2,000 instants from 1925 to 2075 (a fixed pseudo-random walk, so a failure is reproducible), every month and hour.
  const instants: string[] = [];
  let seed = 20261122;
  for (let i = 0; i < 2000; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    instants.push(new Date(Date.UTC(1925, 0, 1) + (seed / 2 ** 31) * 150 * 365.25 * 86_400_000).toISOString());
  }
  it.each([
    ['th', 'buddhist'],
    ['th', 'gregory'],
    ['en', 'gregory'],
    ['en', 'buddhist'],
  ] as const)('%s / %s, with and without the time', (lang, calendar) => {
    for (const iso of instants) {
      expect(formatDate(iso, lang, calendar)).toBe(intl(iso, lang, calendar, false));
      expect(formatDate(iso, lang, calendar, true)).toBe(intl(iso, lang, calendar, true));
      // A source date in Z has no zone of its own: it reads exactly like one of our instants.
      expect(formatSourceDate(iso, lang, calendar, true)).toBe(formatDate(iso, lang, calendar, true));
    }
  });
  it('keeps a date-only value on its day, and a year alone as the year', () => {
    expect(formatDate('2026-01-01', 'th', 'buddhist', true)).toBe('1 ม.ค. 2569');
    expect(formatDate('1964-03', 'en', 'gregory')).toBe('Mar 1964');
    expect(formatDate('2026', 'th')).toBe('2569');
    expect(formatDate('2026', 'en')).toBe('2026');
  });
  it('formats a time of day and a count', () => {
    expect(formatTime('2026-11-14T20:30:00Z')).toBe('03:30');
    expect(formatCount(21596)).toBe('21,596');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('ageInYears and formatDuration', () => {
  it('counts whole years', () => {
    expect(ageInYears('1964-11-20', new Date('2026-11-22T00:00:00Z'))).toBe(62);
    expect(ageInYears('1964-11-23', new Date('2026-11-22T00:00:00Z'))).toBe(61);
  });
  it('formats countdowns', () => {
    expect(formatDuration(4 * 3600_000 + 12 * 60_000, 'en')).toBe('4 h 12 min');
    expect(formatDuration(65_000, 'th')).toBe('1 นาที 5 วินาที');
  });
});

describe('formatSourceDate: the day the source recorded, in its own offset', () => {
  // 23:45 on 19 Jan at +01:00 is 05:45 on 20 Jan in Bangkok; 20:30 at −05:00 is 08:30 on the 20th.
  it.each([
    // Z has no zone of its own: Bangkok's day (20:30Z is 03:30 on the 20th in Bangkok).
    ['2023-01-19T20:30:00Z', 'th', 'buddhist', '20 ม.ค. 2566'],
    ['2023-01-19T20:30:00Z', 'en', 'gregory', '20 Jan 2023'],
    ['2023-01-19T23:45:00+07:00', 'th', 'buddhist', '19 ม.ค. 2566'],
    ['2023-01-19T23:45:00+07:00', 'en', 'gregory', '19 Jan 2023'],
    ['2023-01-19T23:45:00+01:00', 'th', 'buddhist', '19 ม.ค. 2566'],
    ['2023-01-19T23:45+01:00', 'en', 'gregory', '19 Jan 2023'],
    ['2023-01-19T23:45:00+01:00', 'th', 'gregory', '19 ม.ค. 2023'],
    ['2023-01-19T23:45:00+01:00', 'en', 'buddhist', '19 Jan 2566 BE'],
    ['2023-01-19T20:30:00-05:00', 'th', 'buddhist', '19 ม.ค. 2566'],
    ['2023-01-19T20:30:00.123-05:00', 'en', 'gregory', '19 Jan 2023'],
    ['2023-01-19', 'th', 'buddhist', '19 ม.ค. 2566'],
    ['2023-01-19', 'en', 'gregory', '19 Jan 2023'],
    // Partial dates stay partial: no invented day.
    ['2023-01', 'th', 'buddhist', 'ม.ค. 2566'],
    ['2023-01', 'en', 'gregory', 'Jan 2023'],
    ['2023-01', 'en', 'buddhist', 'Jan 2566 BE'],
    ['2023', 'th', 'buddhist', '2566'],
    ['2023', 'en', 'gregory', '2023'],
  ] as const)('%s in %s/%s → %s', (iso, lang, cal, expected) => {
    expect(formatSourceDate(iso, lang, cal)).toBe(expected);
  });

  it.each([
    ['2023-01-19T20:30:00Z', 'th', 'buddhist', '20 ม.ค. 2566 03:30'],
    ['2023-01-19T20:30:00Z', 'en', 'gregory', '20 Jan 2023, 03:30'],
    ['2023-01-19T23:45:00+07:00', 'th', 'buddhist', '19 ม.ค. 2566 23:45'],
    ['2023-01-19T23:45:00+07:00', 'en', 'gregory', '19 Jan 2023, 23:45'],
    // Another zone, same day in Bangkok: the time is marked as Bangkok's and the source's offset named.
    ['2023-01-19T08:00:00+01:00', 'th', 'buddhist', '19 ม.ค. 2566 14:00 (เวลาไทย; ต้นทาง UTC+01:00)'],
    ['2023-01-19T08:00:00+01:00', 'en', 'gregory', '19 Jan 2023, 14:00 (Bangkok time; source UTC+01:00)'],
    // Another zone and another day in Bangkok: the time carries its own day.
    ['2023-01-19T23:45:00+01:00', 'th', 'buddhist', '19 ม.ค. 2566 (20 ม.ค. 2566 05:45 เวลาไทย; ต้นทาง UTC+01:00)'],
    ['2023-01-19T23:45:00+01:00', 'en', 'gregory', '19 Jan 2023 (20 Jan 2023, 05:45 Bangkok time; source UTC+01:00)'],
    ['2023-01-19T20:30:00-05:00', 'th', 'gregory', '19 ม.ค. 2023 (20 ม.ค. 2023 08:30 เวลาไทย; ต้นทาง UTC-05:00)'],
    ['2023-01-19T20:30:00-05:00', 'en', 'buddhist', '19 Jan 2566 BE (20 Jan 2566 BE, 08:30 Bangkok time; source UTC-05:00)'],
    // A date-only value has no time to show.
    ['2023-01-19', 'th', 'buddhist', '19 ม.ค. 2566'],
    ['2023-01-19', 'en', 'gregory', '19 Jan 2023'],
  ] as const)('with the time: %s in %s/%s → %s', (iso, lang, cal, expected) => {
    expect(formatSourceDate(iso, lang, cal, true)).toBe(expected);
  });

  it('never throws on missing or odd input', () => {
    expect(formatSourceDate(undefined, 'th')).toBe('—');
    expect(formatSourceDate(null, 'en')).toBe('—');
    expect(formatSourceDate('not a date', 'en')).toBe('not a date');
    expect(formatSourceDate('2023-13', 'en')).toBe('2023-13');
  });
});

describe('sourceDay', () => {
  it.each([
    ['2023-01-19T20:30:00Z', '2023-01-20'],
    ['2023-01-19T20:30:00-00:00', '2023-01-20'],
    ['2023-01-19T23:45:00+07:00', '2023-01-19'],
    ['2023-01-19T23:45:00+01:00', '2023-01-19'],
    ['2023-01-19T20:30:00-05:00', '2023-01-19'],
    ['2023-01-19T00:30:00+00:00', '2023-01-19'],
    // No offset at all (not valid FHIR): read as Bangkok's wall clock.
    ['2023-01-19T23:45:00', '2023-01-19'],
    ['2023-01-19', '2023-01-19'],
    ['2023-01', '2023-01'],
    ['2023', '2023'],
    [null, null],
    ['', null],
    ['yesterday', null],
  ] as const)('%s → %s', (iso, expected) => {
    expect(sourceDay(iso)).toBe(expected);
  });
});
