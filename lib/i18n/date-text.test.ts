import { describe, expect, it } from 'vitest';
import { dateTextErrorMessage, formatDateText, parseDateText, type DateTextResult } from './date-text';

const ok = (iso: string): DateTextResult => ({ ok: true, iso });
const refused = (reason: 'format' | 'short-year' | 'no-such-day'): DateTextResult => ({ ok: false, error: { reason } });

describe('parseDateText', () => {
  it.each([
    // Buddhist era: the typed year is 543 ahead.
    ['01/01/2569', 'buddhist', ok('2026-01-01')],
    ['1/1/2569', 'buddhist', ok('2026-01-01')],
    [' 29/02/2567 ', 'buddhist', ok('2024-02-29')],
    ['31-12-2568', 'buddhist', ok('2025-12-31')],
    ['๐๑/๐๑/๒๕๖๙', 'buddhist', ok('2026-01-01')],
    ['01/01/2026', 'gregory', ok('2026-01-01')],
    ['15.11.2026', 'gregory', ok('2026-11-15')],
    ['29/02/2024', 'gregory', ok('2024-02-29')],
    // Empty is no date, not an error.
    ['', 'buddhist', ok('')],
    ['   ', 'gregory', ok('')],
    // Days the calendar does not have.
    ['31/02/2569', 'buddhist', refused('no-such-day')],
    ['29/02/2025', 'gregory', refused('no-such-day')],
    ['29/02/2568', 'buddhist', refused('no-such-day')],
    ['00/01/2026', 'gregory', refused('no-such-day')],
    ['01/13/2026', 'gregory', refused('no-such-day')],
    // A 2-digit year could be any century.
    ['01/01/69', 'buddhist', refused('short-year')],
    ['01/01/26', 'gregory', refused('short-year')],
    ['01/01/202', 'gregory', refused('format')],
    ['2026-01-01', 'gregory', refused('format')],
    ['1 Jan 2026', 'gregory', refused('format')],
    ['01/01', 'buddhist', refused('format')],
  ] as const)('%j in %s → %j', (text, calendar, expected) => {
    expect(parseDateText(text, calendar)).toEqual(expected);
  });

  it('refuses a year typed in the other era, naming it', () => {
    expect(parseDateText('01/01/2026', 'buddhist')).toEqual({ ok: false, error: { reason: 'wrong-era', year: 2026 } });
    expect(parseDateText('01/01/2569', 'gregory')).toEqual({ ok: false, error: { reason: 'wrong-era', year: 2569 } });
  });

  it('refuses a date before the minimum, and accepts the minimum itself', () => {
    expect(parseDateText('14/11/2569', 'buddhist', '2026-11-15')).toEqual({
      ok: false,
      error: { reason: 'before-min', min: '2026-11-15' },
    });
    expect(parseDateText('15/11/2569', 'buddhist', '2026-11-15')).toEqual(ok('2026-11-15'));
  });
});

describe('formatDateText', () => {
  it.each([
    ['2026-01-01', 'buddhist', '01/01/2569'],
    ['2026-01-01', 'gregory', '01/01/2026'],
    ['2024-02-29', 'buddhist', '29/02/2567'],
    ['', 'buddhist', ''],
    [undefined, 'gregory', ''],
    ['2026-01', 'gregory', ''],
  ] as const)('%s in %s → %j', (iso, calendar, expected) => {
    expect(formatDateText(iso, calendar)).toBe(expected);
  });

  it('round-trips with parseDateText in both calendars', () => {
    for (const iso of ['1950-06-30', '2000-02-29', '2026-12-31']) {
      for (const calendar of ['buddhist', 'gregory'] as const)
        expect(parseDateText(formatDateText(iso, calendar), calendar)).toEqual(ok(iso));
    }
  });
});

describe('dateTextErrorMessage', () => {
  it.each([
    [{ reason: 'format' }, '1 ม.ค.', 'th', 'buddhist', 'วันที่ไม่ถูกต้อง: ใช้รูปแบบ วว/ดด/ปปปป (พ.ศ.)'],
    [{ reason: 'format' }, 'x', 'en', 'gregory', 'Invalid date: use the form dd/mm/yyyy'],
    [{ reason: 'format' }, 'x', 'en', 'buddhist', 'Invalid date: use the form dd/mm/yyyy (Buddhist era)'],
    [{ reason: 'short-year' }, '01/01/69', 'th', 'buddhist', 'วันที่ไม่ถูกต้อง: ใส่ปีเต็ม 4 หลัก (วว/ดด/ปปปป (พ.ศ.))'],
    [{ reason: 'no-such-day' }, '31/02/2569 ', 'th', 'buddhist', 'วันที่ไม่ถูกต้อง: ไม่มีวันที่ 31/02/2569 ในปฏิทิน'],
    [{ reason: 'no-such-day' }, '31/02/2026', 'en', 'gregory', 'Invalid date: 31/02/2026 does not exist'],
    [{ reason: 'wrong-era', year: 2026 }, '01/01/2026', 'th', 'buddhist', 'วันที่ไม่ถูกต้อง: ปี 2026 ดูเป็นปี ค.ศ. กรุณาใส่ปี พ.ศ. (เช่น 2569)'],
    [
      { reason: 'wrong-era', year: 2569 },
      '01/01/2569',
      'en',
      'gregory',
      'Invalid date: 2569 looks like a Buddhist-era year; write the Gregorian (CE) year (e.g. 2026)',
    ],
    [{ reason: 'before-min', min: '2026-11-15' }, '01/01/2569', 'th', 'buddhist', 'วันที่ต้องไม่ก่อน 15 พ.ย. 2569'],
    [{ reason: 'before-min', min: '2026-11-15' }, '01/01/2026', 'en', 'gregory', 'The date must be on or after 15 Nov 2026'],
  ] as const)('%j (%s) in %s/%s', (error, text, lang, calendar, expected) => {
    expect(dateTextErrorMessage(error, text, lang, calendar)).toBe(expected);
  });
});
