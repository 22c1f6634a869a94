import { describe, expect, it } from 'vitest';
import { formatResultRange, formatResultValue } from './result-format';

describe('formatResultValue', () => {
  it.each<[string, number, string | undefined, string]>([
    ['haematocrit', 37.553, '%', '37.6'],
    ['rbc', 4.3277, '10*6/uL', '4.33'],
    ['haemoglobin', 15.096, 'g/dL', '15.1'],
    ['haemoglobin', 15.096, undefined, '15.1'],
    ['haemoglobin', 13, 'g/dL', '13'],
    ['creatinine', 1.234, 'mg/dL', '1.23'],
    ['creatinine', 1.005, 'mg/dL', '1.01'],
    ['creatinine', 109.7, 'umol/L', '109.7'], // not the canonical unit: the mg/dL rule does not apply
    ['glucose', 99.1, 'mg/dL', '99'],
    ['glucose', 5.55, 'mmol/L', '5.55'],
    ['potassium', 4.1, 'mmol/L', '4.1'],
    ['potassium', 4.15, 'mEq/L', '4.15'],
    ['inr', 1.234, '{INR}', '1.23'],
    ['temperature', 37.25, 'Cel', '37.3'],
    ['platelets', 250000, '10*3/uL', '250000'],
    ['loinc|9999-9', 0.123456, 'mg/L', '0.123'], // unknown analyte: sent precision up to three decimals
    ['loinc|9999-9', 0.1 + 0.2, undefined, '0.3'],
    ['loinc|9999-9', 1e-7, 'mol/L', '0'],
    ['loinc|9999-9', 2.5e-5, 'mol/L', '0'],
    ['glucose', -0.2, 'mg/dL', '0'],
    ['glucose', Number.NaN, 'mg/dL', 'NaN'],
  ])('%s %d %s → %s', (key, value, unit, text) => {
    expect(formatResultValue(key, value, unit)).toBe(text);
  });
});

describe('formatResultRange', () => {
  it.each<[string, number | undefined, number | undefined, string | undefined, string]>([
    ['glucose', 70.3, 99.1, 'mg/dL', '70–99'],
    ['potassium', 3.5, 5.1, 'mmol/L', '3.5–5.1'],
    ['troponin', undefined, 14, 'ng/L', '–14'],
    ['haemoglobin', 12, undefined, 'g/dL', '12–'],
    ['haemoglobin', undefined, undefined, 'g/dL', ''],
  ])('%s %s–%s %s → %s', (key, low, high, unit, text) => {
    expect(formatResultRange(key, low, high, unit)).toBe(text);
  });
});
