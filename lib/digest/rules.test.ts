import { describe, expect, it } from 'vitest';
import { composeDigest, digestDayFor } from './rules';

describe('digestDayFor', () => {
  it.each([
    // 07:59 Bangkok (00:59Z): too early, nobody is texted at night.
    { now: '2026-12-06T00:59:00Z', expected: null },
    // 08:00 Bangkok: yesterday (5 Dec, Bangkok) from 4 Dec 17:00Z to 5 Dec 17:00Z.
    { now: '2026-12-06T01:00:00Z', expected: { date: '2026-12-05', from: '2026-12-04T17:00:00.000Z', to: '2026-12-05T17:00:00.000Z' } },
    // 23:30 Bangkok (16:30Z) is still 6 Dec there.
    { now: '2026-12-06T16:30:00Z', expected: { date: '2026-12-05', from: '2026-12-04T17:00:00.000Z', to: '2026-12-05T17:00:00.000Z' } },
    // 00:30 Bangkok on 7 Dec (17:30Z on 6 Dec): before 08:00 again.
    { now: '2026-12-06T17:30:00Z', expected: null },
    // Across a year boundary.
    { now: '2027-01-01T02:00:00Z', expected: { date: '2026-12-31', from: '2026-12-30T17:00:00.000Z', to: '2026-12-31T17:00:00.000Z' } },
  ])('$now', ({ now, expected }) => {
    const day = digestDayFor(new Date(now));
    expect(day && { date: day.date, from: day.from.toISOString(), to: day.to.toISOString() }).toEqual(expected);
  });
});

describe('composeDigest', () => {
  const hospitals = [
    { hospitalName: 'โรงพยาบาลราชวิถี', opens: 1, emergency: 1 },
    { hospitalName: 'โรงพยาบาลกลาง', opens: 3, emergency: 0 },
  ];
  it.each([
    {
      lang: 'th' as const,
      expected: /^Health Link: วันที่ 5 ธ\.ค\. 2569 .*: โรงพยาบาลกลาง 3 ครั้ง, โรงพยาบาลราชวิถี 1 ครั้ง \(ฉุกเฉิน 1\)\. ดูรายละเอียดได้ในแอปผู้ป่วย/,
    },
    {
      lang: 'en' as const,
      expected: /^Health Link: on 5 Dec 2026 .*: โรงพยาบาลกลาง 3×, โรงพยาบาลราชวิถี 1× \(emergency 1\)\. See the details/,
    },
  ])('names hospitals and counts in $lang, most openings first', ({ lang, expected }) => {
    expect(composeDigest('2026-12-05', hospitals, lang, 600)).toMatch(expected);
  });

  it('leaves hospitals out, and says how many, when the text would be too long', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ hospitalName: `โรงพยาบาลทดสอบที่ ${i + 1}`, opens: 30 - i, emergency: 0 }));
    const text = composeDigest('2026-12-05', many, 'th', 300);
    expect(text.length).toBeLessThanOrEqual(300);
    expect(text).toContain('โรงพยาบาลทดสอบที่ 1 30 ครั้ง');
    expect(text).toMatch(/และอีก \d+ แห่ง/);
  });
});
