import { describe, expect, it } from 'vitest';
import { ageInYears, formatDate, formatDuration } from './format';

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
