import { describe, expect, it } from 'vitest';
import { analyteName, conceptName, medicationName } from './names';

describe('one name per concept in the reader’s language', () => {
  const amoxicillin = { display: 'AMOXY 500', nameTh: 'อะม็อกซีซิลลิน 500 มก.', nameEn: 'Amoxicillin 500 mg capsule' };
  it.each<[string, { display: string; nameTh?: string; nameEn?: string }, 'th' | 'en', string]>([
    ['Thai name in Thai', amoxicillin, 'th', 'อะม็อกซีซิลลิน 500 มก.'],
    ['English name in English', amoxicillin, 'en', 'Amoxicillin 500 mg capsule'],
    ['unknown drug: the hospital’s own text in Thai', { display: 'ยาสมุนไพร X' }, 'th', 'ยาสมุนไพร X'],
    ['unknown drug: the hospital’s own text in English', { display: 'ยาสมุนไพร X' }, 'en', 'ยาสมุนไพร X'],
    [
      'no Thai name: the hospital’s text, never the English name',
      { display: 'Dabigatran 110 mg', nameEn: 'Dabigatran' },
      'th',
      'Dabigatran 110 mg',
    ],
    ['an empty name is no name', { display: 'Metformin', nameTh: '' }, 'th', 'Metformin'],
  ])('%s', (_n, concept, lang, expected) => {
    expect(conceptName(concept, lang)).toBe(expected);
    expect(medicationName(concept, lang)).toBe(expected);
    expect(analyteName(concept, lang)).toBe(expected);
  });
});
