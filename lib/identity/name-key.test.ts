import { describe, expect, it } from 'vitest';
import { NAME_CHARACTERS, nameKey, nameMatches, nameScript, tidyName } from './name-key';

describe('nameKey', () => {
  it.each([
    ['สมศรี', 'สมศรี'],
    ['  สมศรี   มีสุข ', 'สมศรี มีสุข'],
    ['แก้วมณี', 'แกวมณี'],
    ['แกวมณี', 'แกวมณี'],
    ['ก๊ก ก๋ง ก่า', 'กก กง กา'],
    ['สม\u200Bศรี', 'สมศรี'],
    // Sara am has no canonical decomposition: only the tone mark before it goes.
    ['น้ำ', 'นำ'],
    // Vowels and the silencing mark are part of the spelling: they stay.
    ['สมศักดิ์', 'สมศักดิ์'],
    ['Somsri', 'somsri'],
    ['SOMSRI  MEESUK', 'somsri meesuk'],
    ['José', 'jose'],
    ['Jose\u0301', 'jose'],
    ['Zoë\tO\u2019Brien', 'zoe o\u2019brien'],
    ['', ''],
  ])('%j → %j', (input, key) => {
    expect(nameKey(input)).toBe(key);
  });

  it('makes tone-mark variants of one name equal', () => {
    expect(nameKey('บุญชั้ย')).toBe(nameKey('บุญชัย'));
    expect(nameKey('แก้ว')).not.toBe(nameKey('แกะ'));
  });
});

describe('tidyName', () => {
  it('keeps tone marks and case, collapses spaces, composes to NFC', () => {
    expect(tidyName(' แก้ว  มณี ')).toBe('แก้ว มณี');
    expect(tidyName('Jose\u0301')).toBe('José');
  });
});

describe('nameScript', () => {
  it.each([
    ['สมศรี', 'thai'],
    ['Somsri', 'latin'],
    ['สมศรี Meesuk', 'mixed'],
    ['123', 'none'],
  ] as const)('%s is %s', (input, script) => {
    expect(nameScript(input)).toBe(script);
  });
});

describe('NAME_CHARACTERS and nameMatches', () => {
  it('accepts names and refuses digits and symbols', () => {
    expect(NAME_CHARACTERS.test(nameKey('มีสุข'))).toBe(true);
    expect(NAME_CHARACTERS.test(nameKey("O'Brien-Smith Jr."))).toBe(true);
    expect(NAME_CHARACTERS.test(nameKey('สมศรี1'))).toBe(false);
    expect(NAME_CHARACTERS.test(nameKey('a<b'))).toBe(false);
  });

  it('matches from the start, ignoring tone marks and case', () => {
    expect(nameMatches('แก้วมณี', nameKey('แกวมณี'))).toBe(true);
    expect(nameMatches('Meesuk', 'mee')).toBe(true);
    expect(nameMatches('Meesuk', 'suk')).toBe(false);
  });
});
