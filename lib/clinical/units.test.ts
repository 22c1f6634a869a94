import { describe, expect, it } from 'vitest';
import { displayUnit } from './unit-display';
import { convertUnit, normaliseUnit, toCanonical } from './units';

describe('toCanonical', () => {
  it.each([
    ['glucose', 5.5, 'mmol/L', { value: 99.1, unit: 'mg/dL' }],
    ['glucose', 5.5, 'mmol/l', { value: 99.1, unit: 'mg/dL' }],
    ['glucose', 99, 'mg/dl', { value: 99, unit: 'mg/dL' }],
    ['creatinine', 88.42, 'µmol/L', { value: 1, unit: 'mg/dL' }],
    ['creatinine', 88.42, 'umol/L', { value: 1, unit: 'mg/dL' }],
    ['creatinine', 88.42, 'μmol/l', { value: 1, unit: 'mg/dL' }],
    ['haemoglobin', 135, 'g/L', { value: 13.5, unit: 'g/dL' }],
    ['hba1c', 7.2, '%', { value: 7.2, unit: '%' }],
    ['troponin', 0.015, 'ng/mL', { value: 15, unit: 'ng/L' }],
    ['potassium', 4.1, 'mEq/L', { value: 4.1, unit: 'mmol/L' }],
    ['systolic', 130, 'mmHg', { value: 130, unit: 'mm[Hg]' }],
    // Not listed in the table, converted because UCUM says they measure the same quantity.
    ['creatinine', 10.2, 'mg/L', { value: 1.02, unit: 'mg/dL' }],
    ['haemoglobin', 9.3, 'mmol/L', null],
    ['potassium', 4100, 'umol/L', { value: 4.1, unit: 'mmol/L' }],
    ['cholesterol', 5.2, 'mmol/L', { value: 201, unit: 'mg/dL' }],
    ['bun', 5, 'mmol/L', { value: 14, unit: 'mg/dL' }],
    ['calcium', 2.4, 'mmol/L', { value: 9.62, unit: 'mg/dL' }],
    ['haematocrit', 0.42, 'L/L', { value: 42, unit: '%' }],
    ['rbc', 4.5, '10*12/L', { value: 4.5, unit: '10*6/uL' }],
    // Vital signs in non-SI units: °F is affine (an offset as well as a factor), lb and in are ratios.
    ['temperature', 98.6, '[degF]', { value: 37, unit: 'Cel' }],
    ['temperature', 101.3, '°F', { value: 38.5, unit: 'Cel' }],
    ['temperature', 32, 'degF', { value: 0, unit: 'Cel' }],
    ['temperature', 37.2, 'Cel', { value: 37.2, unit: 'Cel' }],
    ['weight', 150, '[lb_av]', { value: 68, unit: 'kg' }],
    ['weight', 150, 'lbs', { value: 68, unit: 'kg' }],
    ['height', 62, '[in_i]', { value: 157, unit: 'cm' }],
    ['height', 62, 'in', { value: 157, unit: 'cm' }],
  ] as const)('%s %d %s', (key, value, unit, expected) => {
    expect(toCanonical(key, value, unit)).toEqual(expected);
  });

  it.each([
    ['glucose', 5.5, 'mmol/mol'],
    ['hba1c', 53, 'mmol/mol'],
    ['creatinine', 1, 'furlongs'],
    ['not-an-analyte', 1, 'mg/dL'],
    ['glucose', Number.NaN, 'mg/dL'],
    ['hba1c', 0.072, '1'], // dimensionless units convert only through the table
    ['inr', 110, '%'],
  ] as const)('%s %d %s → null (never guessed)', (key, value, unit) => {
    expect(toCanonical(key, value, unit)).toBeNull();
  });

  it.each([
    [2, 'mg/dL', 'g/L', 0.02],
    [150, 'mg/L', 'mg/dL', 15],
    [5, 'mg/dL', 'mmol/L', null],
    [5, '%', '{ratio}', null],
    [7, 'mg/dL', 'mg/dL', 7],
  ] as const)('convertUnit %d %s → %s = %s', (value, from, to, expected) => {
    expect(convertUnit(value, from, to)).toBe(expected);
  });

  it('normalises spelling only', () => {
    expect(normaliseUnit(' µmol/L ')).toBe('umol/l');
  });
});

describe('displayUnit', () => {
  it.each([
    ['mm[Hg]', 'mmHg'],
    ['[lb_av]', 'lb'],
    ['[in_i]', 'in'],
    ['Cel', '°C'],
    ['10*3/uL', '10³/µL'],
    ['10*9/L', '10⁹/L'],
    ['10^12/L', '10¹²/L'],
    ['mL/min/{1.73_m2}', 'mL/min/1.73 m²'],
    ['mL/min/1.73m2', 'mL/min/1.73 m²'],
    ['[IU]/L', 'IU/L'],
    ['umol/L', 'µmol/L'],
    ['ug/dL', 'µg/dL'],
    ['uIU/mL', 'µIU/mL'],
    ['µmol/L', 'µmol/L'],
    ['U/L', 'U/L'],
    ['mg/dL', 'mg/dL'],
    ['mmol/L', 'mmol/L'],
    ['/min', '/min'],
    ['%', '%'],
    ['kg/m2', 'kg/m²'],
    ['{INR}', ''],
    ['{ratio}', ''],
    ['1', ''],
    ['', ''],
  ])('%s reads as %s', (code, shown) => {
    expect(displayUnit(code)).toBe(shown);
  });

  it('shows nothing for a missing unit', () => {
    expect(displayUnit(undefined)).toBe('');
  });
});
