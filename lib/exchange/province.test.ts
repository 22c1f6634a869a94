import { describe, expect, it } from 'vitest';
import { PROVINCE_EXTENSION, PROVINCE_SYSTEM } from '../geo/provinces';
import { provinceOf } from './province';

const coded = (code: string, extra: Record<string, unknown> = {}) => ({
  extension: [{ url: PROVINCE_EXTENSION, valueCoding: { system: PROVINCE_SYSTEM, code } }],
  ...extra,
});

describe('provinceOf', () => {
  it.each([
    { name: 'the coded province', address: [coded('50', { state: 'เชียงใหม่' })], expected: '50' },
    { name: 'the code wins over a differing name', address: [coded('50', { state: 'กรุงเทพมหานคร' })], expected: '50' },
    { name: 'a Thai province name only', address: [{ state: 'นนทบุรี' }], expected: '12' },
    { name: 'a name with จังหวัด', address: [{ state: 'จังหวัดภูเก็ต' }], expected: '83' },
    { name: 'a name with จ.', address: [{ state: 'จ. สงขลา' }], expected: '90' },
    { name: 'an English name', address: [{ state: 'Chiang Rai' }], expected: '57' },
    {
      name: 'the home address before another',
      address: [
        { use: 'work', state: 'Bangkok' },
        { use: 'home', state: 'Nan' },
      ],
      expected: '55',
    },
    { name: 'an old address is not where the patient lives', address: [{ use: 'old', state: 'Nan' }], expected: undefined },
    { name: 'an unknown code and no name', address: [coded('99')], expected: undefined },
    {
      name: 'a code of another system',
      address: [{ extension: [{ url: PROVINCE_EXTENSION, valueCoding: { system: 'x', code: '50' } }] }],
      expected: undefined,
    },
    { name: 'a name that is no province', address: [{ state: 'Atlantis' }], expected: undefined },
    { name: 'no address', address: undefined, expected: undefined },
    { name: 'a malformed address', address: [{ state: 42 }, 'x'], expected: undefined },
    { name: 'not a list', address: { state: 'Nan' }, expected: undefined },
  ])('$name', ({ address, expected }) => {
    expect(provinceOf(address)).toBe(expected);
  });
});
