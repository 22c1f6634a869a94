import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/messages';
import { medicationChangeNotes } from './medication-notes';
import type { MedicationHospitalStatus } from './types';

type Line = Pick<MedicationHospitalStatus, 'statusReason' | 'indication' | 'previousDose' | 'dose' | 'current'>;

describe('what a hospital’s medication line says beyond its status', () => {
  it.each<[string, Line, string[]]>([
    [
      'stopped with a reason and an indication',
      { current: false, statusReason: 'eGFR below 45', indication: 'Type 2 diabetes' },
      ['เหตุผลที่หยุดหรือเปลี่ยน: eGFR below 45', 'ข้อบ่งใช้ที่บันทึก: Type 2 diabetes'],
    ],
    ['still taken: the indication is no news', { current: true, indication: 'Type 2 diabetes' }, []],
    ['dose changed', { current: true, previousDose: '500 mg bid', dose: '1000 mg bid' }, ['ขนาดยาเปลี่ยนจาก 500 mg bid เป็น 1000 mg bid']],
    ['nothing to add', { current: true, dose: '500 mg bid' }, []],
    ['an empty reason says nothing', { current: false, statusReason: '' }, []],
  ])('%s', (_n, line, expected) => {
    expect(medicationChangeNotes(line).map((n) => translate('th', n.key, n.vars))).toEqual(expected);
  });
});
