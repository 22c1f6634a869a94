import { describe, expect, it } from 'vitest';
import { maskPhone, normaliseThaiMobile } from './phone';

describe('maskPhone', () => {
  it.each([
    ['0812345678', '••• ••• 5678'],
    ['081-234-5678', '••• ••• 5678'],
    ['+66 81 234 5678', '••• ••• 5678'],
    ['12', '••• ••• ••••'],
    ['', '••• ••• ••••'],
  ])('%s → %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it('never reveals more than four digits', () => {
    expect(maskPhone('0812345678').replace(/\D/g, '')).toHaveLength(4);
  });
});

describe('normaliseThaiMobile', () => {
  it.each([
    ['0812345678', '0812345678'],
    ['081-234-5678', '0812345678'],
    ['+66812345678', '0812345678'],
    ['+66 81 234 5678', '0812345678'],
    ['021234567', null],
    ['081234567', null],
    ['abc', null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseThaiMobile(input)).toBe(expected);
  });
});
