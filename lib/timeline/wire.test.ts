import { describe, expect, it } from 'vitest';
import { wireDecoder, wireEncoder, type WirePart } from './wire';

/** What JSON would carry: the value the decoder must give back. */
const viaJson = (x: unknown): unknown => JSON.parse(JSON.stringify(x) ?? 'null');

/** Encodes the parts as one answer, sends each through JSON, decodes them in order. */
function roundTrip(parts: unknown[]): unknown[] {
  const enc = wireEncoder();
  const dec = wireDecoder();
  return parts.map((p) => dec.decode(JSON.parse(JSON.stringify(enc.encode(p))) as WirePart));
}

const lab = {
  kind: 'lab',
  id: '11535/Observation/obs-1',
  hospitalCode: '11535',
  date: '2026-01-02T03:04:05Z',
  code: { system: 'http://loinc.org', code: '2345-7', display: 'Glucose' },
  value: 5.4,
  unit: 'mmol/L',
  interpretation: null,
  sealed: undefined,
  flags: ['H', 'critical'],
};

describe('the compact wire form', () => {
  it('gives back exactly what JSON would, for facts of a known kind', () => {
    expect(roundTrip([lab])).toEqual([viaJson(lab)]);
  });

  it('passes a fact of a kind it has never seen through untouched (nested objects, arrays, Thai text)', () => {
    const unknown = {
      kind: 'vital-sign-from-a-second-platform',
      readings: [
        { at: '2026-02-01', systolic: 120, diastolic: 80, note: 'ความดันปกติ' },
        { at: '2026-02-02', systolic: -1.5e-7, diastolic: 1e21, note: '' },
      ],
      matrix: [[1, 2], [], [null, true, false, '3']],
      nested: { deeper: { deepest: { list: [{}, { a: 'a' }] } } },
      '': 'empty key',
      __proto__key: 1,
    };
    expect(roundTrip([unknown])).toEqual([viaJson(unknown)]);
  });

  it('keeps the order of keys, strings that look like numbers as strings, and numbers as numbers', () => {
    const [out] = roundTrip([{ z: '1', a: 1, m: '0x10', n: 0, neg: -0, big: Number.MAX_SAFE_INTEGER, tiny: 5e-324 }]) as [
      Record<string, unknown>,
    ];
    expect(Object.keys(out)).toEqual(['z', 'a', 'm', 'n', 'neg', 'big', 'tiny']);
    expect(out).toEqual({ z: '1', a: 1, m: '0x10', n: 0, neg: 0, big: Number.MAX_SAFE_INTEGER, tiny: 5e-324 });
  });

  it('drops undefined keys and turns undefined, NaN and Infinity in arrays into null, as JSON does', () => {
    const odd = { a: undefined, b: [undefined, NaN, Infinity, () => 1], c: NaN, d: new Date('2026-03-04T00:00:00Z') };
    expect(roundTrip([odd])).toEqual([viaJson(odd)]);
  });

  it('makes a "__proto__" key an own property, as JSON.parse does, never the prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": "yes"}, "x": "1"}') as Record<string, unknown>;
    const [out] = roundTrip([hostile]) as [Record<string, unknown>];
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
    expect((out as { polluted?: string }).polluted).toBeUndefined();
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
    expect(out).toEqual(viaJson(hostile));
  });

  it('sends each string and each shape once per answer, across its parts', () => {
    const enc = wireEncoder();
    const first = enc.encode([lab, { ...lab, id: 'x' }]);
    const second = enc.encode({ hcode: '11535', facts: [{ ...lab, id: 'y' }] });
    // The code system, the unit and the fact's shape travel in the first part only.
    expect(first.s.filter((s) => s === 'http://loinc.org')).toHaveLength(1);
    expect(second.s).not.toContain('http://loinc.org');
    expect(second.s).toEqual(['y']);
    expect(second.k).toEqual([['hcode', 'facts']]);
    expect(JSON.stringify(first).length).toBeLessThan(JSON.stringify([lab, { ...lab, id: 'x' }]).length);
    const dec = wireDecoder();
    expect(dec.decode(first)).toEqual(viaJson([lab, { ...lab, id: 'x' }]));
    expect(dec.decode(second)).toEqual(viaJson({ hcode: '11535', facts: [{ ...lab, id: 'y' }] }));
  });

  it('tells apart shapes where one is the start of another, or the same keys in another order', () => {
    const enc = wireEncoder();
    const parts = [{ a: 1 }, { a: 1, b: 2 }, { b: 2, a: 1 }, { a: 3 }, {}, { a: undefined, b: 4 }];
    const encoded = parts.map((p) => enc.encode(p));
    expect(encoded.flatMap((e) => e.k)).toEqual([['a'], ['a', 'b'], ['b', 'a'], [], ['b']]);
    const dec = wireDecoder();
    expect(encoded.map((e) => dec.decode(e))).toEqual(parts.map(viaJson));
  });

  it('refuses a part that refers to a string or shape it was never sent', () => {
    expect(() => wireDecoder().decode({ s: [], k: [], v: 3 })).toThrow();
    expect(() => wireDecoder().decode({ s: [], k: [], v: [0, 1] })).toThrow();
    expect(() => wireDecoder().decode({ s: [], k: [], v: { b: [] } })).toThrow();
  });

  it('encodes top-level values of every kind', () => {
    expect(roundTrip(['text', 42, true, null, [], {}])).toEqual(['text', 42, true, null, [], {}]);
  });
});
