import { describe, expect, it } from 'vitest';
import { withCitizenIdCheckDigit } from '../identity/citizen-id';
import { MAX_REPORTED_LINES, MAX_STAFF_LIST_ENTRIES, parseStaffList } from './staff-list-parse';

const A = '3100400123456';
const B = '1101700230708';

describe('parseStaffList', () => {
  it.each([
    { name: 'one ID a line', text: `${A}\n${B}\n`, cids: [A, B] },
    { name: 'Windows line ends, blank lines and a byte-order mark', text: `\uFEFF${A}\r\n\r\n${B}\r\n`, cids: [A, B] },
    { name: 'dashes and spaces as Thai cards print them', text: '3-1004-00123-45-6\n1 1017 00230 70 8', cids: [A, B] },
    { name: 'a spreadsheet column, quoted or with a trailing comma', text: `"${A}",\n${B},`, cids: [A, B] },
    { name: 'repeats kept once', text: `${A}\n${A}`, cids: [A] },
    { name: 'nothing at all is an empty list', text: '\n \n', cids: [] },
  ])('$name', ({ text, cids }) => {
    expect(parseStaffList(text)).toEqual({ ok: true, cids });
  });

  it('reports every bad line by its number and why, and keeps nothing', () => {
    const text = [A, '310040012345', '', '3100400123457', 'abc1234567890', B].join('\n');
    expect(parseStaffList(text)).toEqual({
      ok: false,
      tooMany: false,
      more: 0,
      errors: [
        { line: 2, problem: 'length' },
        { line: 4, problem: 'checksum' },
        { line: 5, problem: 'not-digits' },
      ],
    });
  });

  it('refuses a list longer than any hospital staff', () => {
    const text = Array.from({ length: MAX_STAFF_LIST_ENTRIES + 1 }, (_, i) =>
      withCitizenIdCheckDigit(`1${String(i).padStart(11, '0')}`),
    ).join('\n');
    const parsed = parseStaffList(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed).toMatchObject({ tooMany: true, errors: [] });
  });

  it('lists the first bad lines and counts the rest', () => {
    const parsed = parseStaffList(Array.from({ length: MAX_REPORTED_LINES + 7 }, () => '12345').join('\n'));
    expect(parsed).toMatchObject({ ok: false, more: 7 });
    if (!parsed.ok) expect(parsed.errors.at(-1)).toEqual({ line: MAX_REPORTED_LINES, problem: 'length' });
  });
});
