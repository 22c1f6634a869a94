import { describe, expect, it } from 'vitest';
import { ageInYears, formatCount, formatDate, formatDuration, formatTime, type Calendar, type Lang } from './format';

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
    }
  });
  it('keeps a date-only value on its day, and a year alone as the year', () => {
    expect(formatDate('2026-01-01', 'th', 'buddhist', true)).toBe('1 ม.ค. 2569');
    expect(formatDate('1964-03', 'en', 'gregory')).toBe('15 Mar 1964');
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
