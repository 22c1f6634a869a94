import { describe, expect, it } from 'vitest';
import {
  MAX_NAME_SEARCHES_PER_DOCTOR_HOUR,
  maskCitizenId,
  nameSearchBreadth,
  nameSearchVerdict,
  parseNameSearch,
} from './name-search-rules';

const TODAY = '2026-12-06';
const input = (over: Partial<{ given: string; family: string; birth: string; calendar: 'buddhist' | 'gregory' }> = {}) => ({
  given: 'สมศรี',
  family: 'มีสุข',
  birth: '',
  calendar: 'buddhist' as const,
  ...over,
});

describe('parseNameSearch', () => {
  it('tidies as typed and keys for matching', () => {
    const r = parseNameSearch(input({ given: ' สม\u200Bศรี ', family: 'มี่สุข' }), TODAY);
    expect(r).toEqual({
      ok: true,
      search: { given: 'สมศรี', family: 'มี่สุข', givenKey: 'สมศรี', familyKey: 'มีสุข', script: 'thai', birth: null },
    });
  });

  it.each([
    ['2507', 'buddhist', { year: 1964 }],
    ['1964', 'gregory', { year: 1964 }],
    ['๒๕๐๗', 'buddhist', { year: 1964 }],
    ['12/03/2507', 'buddhist', { date: '1964-03-12' }],
    ['12/03/1964', 'gregory', { date: '1964-03-12' }],
  ] as const)('reads birth %s (%s)', (birth, calendar, expected) => {
    const r = parseNameSearch(input({ birth, calendar }), TODAY);
    expect(r.ok && r.search.birth).toEqual(expected);
  });

  it.each([
    [input({ given: '' }), { given: 'nameSearch.error.givenEmpty' }],
    [input({ family: '   ' }), { family: 'nameSearch.error.familyEmpty' }],
    [input({ given: 'สมศรี1' }), { given: 'nameSearch.error.nameChars' }],
    [input({ given: 'Somsri' }), { family: 'nameSearch.error.mixedScript' }],
    [input({ birth: '1964' }), { birth: 'nameSearch.error.birth' }],
    [input({ birth: '2507', calendar: 'gregory' }), { birth: 'nameSearch.error.birthFuture' }],
    [input({ birth: '31/02/2507' }), { birth: 'nameSearch.error.birth' }],
    [input({ birth: '01/01/2600' }), { birth: 'nameSearch.error.birthFuture' }],
    [
      input({ given: '', family: '', birth: 'x' }),
      { given: 'nameSearch.error.givenEmpty', family: 'nameSearch.error.familyEmpty', birth: 'nameSearch.error.birth' },
    ],
  ])('refuses %j field by field', (bad, errors) => {
    const r = parseNameSearch(bad, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.fromEntries(Object.entries(r.fieldErrors).map(([k, v]) => [k, v.key]))).toEqual(errors);
  });

  it('refuses what is not a search at all', () => {
    expect(parseNameSearch({ given: 1 }, TODAY).ok).toBe(false);
    expect(parseNameSearch(null, TODAY).ok).toBe(false);
  });
});

describe('nameSearchBreadth', () => {
  it.each([
    [0, null, 'none'],
    [1, null, 'candidates'],
    [5, null, 'candidates'],
    [6, null, 'needs-birth'],
    [40, null, 'needs-birth'],
    [0, { year: 1964 }, 'none'],
    [6, { year: 1964 }, 'candidates'],
    [10, { year: 1964 }, 'candidates'],
    [11, { year: 1964 }, 'too-broad'],
    [11, { date: '1964-03-12' }, 'too-broad'],
  ] as const)('%i matches with birth %j → %s', (matches, birth, verdict) => {
    expect(nameSearchBreadth(matches, birth)).toBe(verdict);
  });
});

describe('nameSearchVerdict', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  it('allows up to the limit within the hour and says when the oldest leaves it', () => {
    const recent = Array.from({ length: MAX_NAME_SEARCHES_PER_DOCTOR_HOUR - 1 }, (_, i) => minutesAgo(i + 1));
    expect(nameSearchVerdict(recent, now)).toEqual({ ok: true });
    const full = [...recent, minutesAgo(50)];
    expect(nameSearchVerdict(full, now)).toEqual({ ok: false, retryAt: new Date(minutesAgo(50).getTime() + 3600_000) });
    expect(nameSearchVerdict([...recent, minutesAgo(61)], now)).toEqual({ ok: true });
  });
});

describe('maskCitizenId', () => {
  it('shows only the last four digits, grouped as the card prints them', () => {
    expect(maskCitizenId('3100400123456')).toBe('•-••••-••••3-45-6');
    expect(maskCitizenId('3100400123456')).not.toContain('31004');
    expect(maskCitizenId('123')).toBe('•-••••-•••••-••-•');
  });
});
