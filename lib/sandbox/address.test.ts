import { describe, expect, it } from 'vitest';
import { provinceOf } from '../exchange/province';
import { PROVINCE_EXTENSION } from '../geo/provinces';
import { DEMO_PATIENTS, findDemoPatient, findHospital, HOSPITALS, sandboxProvince } from './demo-catalog';
import { fromDemo } from './demo-stories';
import { toOrganization, toPatient } from './exchange';

describe('the sandbox gives provinces the way the viewer reads them', () => {
  it('a demo patient: the province name in state, the DOPA code in the extension', () => {
    const patient = toPatient(fromDemo(findDemoPatient('pimchanok')));
    expect(patient.address).toEqual([
      {
        extension: [
          { url: PROVINCE_EXTENSION, valueCoding: { system: 'https://terms.sil-th.org/cs/dopa-province', code: '50', display: 'เชียงใหม่' } },
        ],
        use: 'home',
        type: 'physical',
        state: 'เชียงใหม่',
        country: 'TH',
      },
    ]);
    expect(provinceOf(patient.address)).toBe('50');
  });

  it.each(DEMO_PATIENTS.map((d) => [d.story, d] as const))('%s', (_, d) => {
    const expected = d.story === 'john' ? undefined : (d.province ?? '10');
    expect(provinceOf(toPatient(fromDemo(d)).address)).toBe(expected);
  });

  it('generated people: the province their citizen ID was issued in, none for a foreigner’s number', () => {
    expect(sandboxProvince('3500100123456')).toBe('50');
    expect(sandboxProvince('1900100123456')).toBe('90');
    expect(sandboxProvince('0099912345673')).toBeUndefined();
    expect(sandboxProvince('3990100123456')).toBeUndefined();
    expect(sandboxProvince('3500100123456', '10')).toBe('10');
  });

  it('every organisation has its province; Phra Nang Klao is in Nonthaburi, the rest in Bangkok', () => {
    for (const h of HOSPITALS) expect(provinceOf(toOrganization(h).address), h.hcode).toBe(h.hcode === '10702' ? '12' : '10');
    expect(toOrganization(findHospital('13781')!).address?.[0]).toMatchObject({ use: 'work', state: 'กรุงเทพมหานคร' });
  });
});
