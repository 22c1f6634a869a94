import { describe, expect, it } from 'vitest';
import { dateWindows, mergeWindows, sameJson, WINDOW_BOUNDARY_YEARS, windowQuery, type DateWindow } from './date-windows';

const NOW = Date.parse('2026-12-06T05:00:00Z');

describe('dateWindows', () => {
  it('covers all time: from a year ago on (the future included), bands back, everything older, and the undated', () => {
    expect(dateWindows(NOW)).toEqual([
      { kind: 'range', ge: '2025-12-06' },
      { kind: 'range', ge: '2024-12-06', lt: '2025-12-06' },
      { kind: 'range', ge: '2023-12-06', lt: '2024-12-06' },
      { kind: 'range', ge: '2021-12-06', lt: '2023-12-06' },
      { kind: 'range', ge: '2019-12-06', lt: '2021-12-06' },
      { kind: 'range', ge: '2016-12-06', lt: '2019-12-06' },
      { kind: 'range', ge: '2011-12-06', lt: '2016-12-06' },
      { kind: 'range', lt: '2011-12-06' },
      { kind: 'missing' },
    ]);
  });

  it('leaves no gap whatever the clock: each band ends where the next newer one begins', () => {
    for (const now of [NOW, Date.parse('2028-02-29T23:59:59Z'), Date.parse('2027-01-01T00:00:00Z'), 0]) {
      const ranges = dateWindows(now).filter((w): w is Extract<DateWindow, { kind: 'range' }> => w.kind === 'range');
      expect(ranges).toHaveLength(WINDOW_BOUNDARY_YEARS.length + 1);
      expect(ranges[0]!.lt).toBeUndefined();
      expect(ranges.at(-1)!.ge).toBeUndefined();
      for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.lt).toBe(ranges[i - 1]!.ge);
      const bounds = ranges.slice(0, -1).map((w) => w.ge!);
      expect([...bounds].sort().reverse()).toEqual(bounds); // strictly older going down
      expect(new Set(bounds).size).toBe(bounds.length);
      expect(dateWindows(now).filter((w) => w.kind === 'missing')).toHaveLength(1);
    }
  });

  it('takes its boundaries from the injected clock (a leap day falls to 1 March in other years)', () => {
    expect(dateWindows(Date.parse('2028-02-29T12:00:00Z'))[0]).toEqual({ kind: 'range', ge: '2027-03-01' });
    expect(dateWindows(Date.parse('2028-02-29T12:00:00Z'))[1]).toEqual({ kind: 'range', ge: '2026-03-01', lt: '2027-03-01' });
  });
});

describe('windowQuery', () => {
  it('writes the window as repeated (ANDed) date parameters with prefixes, or :missing', () => {
    expect(windowQuery('date', { kind: 'range', ge: '2025-12-06' })).toBe('&date=ge2025-12-06');
    expect(windowQuery('authoredon', { kind: 'range', ge: '2024-12-06', lt: '2025-12-06' })).toBe(
      '&authoredon=ge2024-12-06&authoredon=lt2025-12-06',
    );
    expect(windowQuery('date', { kind: 'range', lt: '2011-12-06' })).toBe('&date=lt2011-12-06');
    expect(windowQuery('whenhandedover', { kind: 'missing' })).toBe('&whenhandedover:missing=true');
  });
});

describe('mergeWindows', () => {
  const o = (id: string, extra: Record<string, unknown> = {}) => ({ resourceType: 'Observation', id, status: 'final', ...extra });

  it('keeps a record two windows matched (a Period across a boundary) once, in first-seen order', () => {
    const across = o('across', { effectivePeriod: { start: '2025-11-01', end: '2026-01-31' } });
    const r = mergeWindows([[o('a'), across], [structuredClone(across), o('b')], [o('c')]]);
    expect(r).toEqual({ ok: true, value: [o('a'), across, o('b'), o('c')] });
  });

  it('treats the same copy with its keys in another order as the same record', () => {
    const r = mergeWindows([
      [{ resourceType: 'Observation', id: 'x', meta: { a: 1, b: 2 } }],
      [{ meta: { b: 2, a: 1 }, id: 'x', resourceType: 'Observation' }],
    ]);
    expect(r.ok && r.value).toHaveLength(1);
  });

  it('refuses the answer when one id comes back with different content (cannot tell which is current)', () => {
    expect(mergeWindows([[o('x', { valueQuantity: { value: 5 } })], [o('x', { valueQuantity: { value: 6 } })]])).toEqual({
      ok: false,
      reason: 'the same record came back twice with different content',
    });
  });

  it('keeps same ids of different types apart, and every item without an id', () => {
    const r = mergeWindows([
      [o('1'), { resourceType: 'Observation' }],
      [{ resourceType: 'Encounter', id: '1' }, { resourceType: 'Observation' }],
    ]);
    expect(r.ok && r.value).toHaveLength(4);
  });
});

describe('sameJson', () => {
  it.each([
    ['equal primitives', 'a', 'a', true],
    ['a number and its text', 1, '1', false],
    ['null and an empty object', null, {}, false],
    ['keys in another order', { a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }, true],
    ['arrays in another order', [1, 2], [2, 1], false],
    ['an array and an object with index keys', [1], { 0: 1 }, false],
    ['an extra key', { a: 1 }, { a: 1, b: 2 }, false],
    ['a missing key', { a: 1, b: 2 }, { a: 1 }, false],
    ['a key with null and one absent', { a: null }, { b: null }, false],
    ['a difference deep inside', { x: [{ y: { z: 'p' } }] }, { x: [{ y: { z: 'q' } }] }, false],
  ])('%s', (_name, a, b, same) => {
    expect(sameJson(a, b)).toBe(same);
    expect(sameJson(b, a)).toBe(same);
  });

  it('agrees with comparing the values key-sorted as JSON text, on parsed records', () => {
    const sorted = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sorted)
        : typeof v === 'object' && v !== null
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
            )
          : v;
    const records = [
      { resourceType: 'Encounter', id: 'e', period: { start: '2020-01-01' }, type: [{ text: 'OPD' }] },
      { id: 'e', resourceType: 'Encounter', type: [{ text: 'OPD' }], period: { start: '2020-01-01' } },
      { resourceType: 'Encounter', id: 'e', period: { start: '2020-01-02' }, type: [{ text: 'OPD' }] },
      { resourceType: 'Encounter', id: 'e', period: { start: '2020-01-01' }, type: [{ text: 'OPD' }, { text: 'x' }] },
    ];
    for (const a of records) for (const b of records) expect(sameJson(a, b)).toBe(JSON.stringify(sorted(a)) === JSON.stringify(sorted(b)));
  });
});
