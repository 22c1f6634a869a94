import { describe, expect, it } from 'vitest';
import { BANGKOK, PROVINCES, provinceByCode, provincesOfRegion } from './provinces';

describe('the province table', () => {
  it('holds the 77 provinces, each code once, two digits', () => {
    expect(PROVINCES).toHaveLength(77);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(77);
    expect(new Set(PROVINCES.map((p) => p.nameTh)).size).toBe(77);
    expect(PROVINCES.every((p) => /^[1-9]\d$/.test(p.code))).toBe(true);
  });

  it.each([
    [1, 8],
    [2, 5],
    [3, 5],
    [4, 8],
    [5, 8],
    [6, 8],
    [7, 4],
    [8, 7],
    [9, 4],
    [10, 5],
    [11, 7],
    [12, 7],
    [13, 1],
  ])('health region %i has %i provinces', (region, count) => {
    expect(provincesOfRegion(region)).toHaveLength(count);
  });

  it('places the provinces the regions are known by', () => {
    expect(
      provincesOfRegion(1)
        .map((c) => provinceByCode(c)?.nameEn)
        .sort(),
    ).toEqual(['Chiang Mai', 'Chiang Rai', 'Lampang', 'Lamphun', 'Mae Hong Son', 'Nan', 'Phayao', 'Phrae'].sort());
    expect(provincesOfRegion(13)).toEqual([BANGKOK]);
    expect(provinceByCode('12')?.region).toBe(4); // Nonthaburi
    expect(provinceByCode('30')?.region).toBe(9); // Nakhon Ratchasima
    expect(provinceByCode('83')?.region).toBe(11); // Phuket
    expect(provinceByCode('90')?.region).toBe(12); // Songkhla
  });

  it('knows no other codes', () => {
    expect(provinceByCode('28')).toBeUndefined();
    expect(provinceByCode('99')).toBeUndefined();
    expect(provinceByCode(null)).toBeUndefined();
  });
});
