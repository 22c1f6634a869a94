// @lhncbc/ucum-lhc is the reference UCUM implementation: a test-only dependency, never bundled.
import ucum from '@lhncbc/ucum-lhc';
import { describe, expect, it } from 'vitest';
import { conversionFactor, measureUnit } from './unit-dimension';

const utils = ucum.UcumLhcUtils.getInstance();

/** UCUM's own factor from → to (to = from × factor), or null when UCUM refuses the conversion. */
function ucumFactor(from: string, to: string): number | null {
  const r = utils.convertUnitTo(from, 1, to);
  return r.status === 'succeeded' && typeof r.toVal === 'number' ? r.toVal : null;
}

describe('conversionFactor agrees with UCUM (ucum-lhc)', () => {
  it.each([
    ['mg/dL', 'g/L'],
    ['g/L', 'g/dL'],
    ['mg/L', 'mg/dL'],
    ['mmol/L', 'umol/L'],
    ['nmol/L', 'pmol/L'],
    ['ng/mL', 'ng/L'],
    ['pg/mL', 'ng/L'],
    ['ug/dL', 'ug/L'],
    ['10*9/L', '10*3/uL'],
    ['10*12/L', '10*6/uL'],
    ['10*3/uL', '/uL'],
    ['U/L', 'ukat/L'],
    ['kg', 'g'],
    ['m', 'cm'],
    ['kg/m2', 'g/cm2'],
    ['/min', '/h'],
    ['mL/min', 'L/h'],
    ['mL/min/{1.73_m2}', 'L/h/{1.73_m2}'],
    ['meq/L', 'meq/dL'],
    ['mm[Hg]', 'mm[Hg]'],
  ])('%s → %s', (from, to) => {
    const expected = ucumFactor(from, to);
    expect(expected).not.toBeNull();
    expect(conversionFactor(from, to)).toBeCloseTo(expected!, 9);
  });

  it.each([
    ['mg/dL', 'mmol/L'], // needs the molar mass: only the analyte tables may do this
    ['meq/L', 'mmol/L'], // needs the ion's charge
    ['[IU]/L', 'U/L'], // arbitrary unit
    ['g/L', 'mol/L'],
    ['kg', 'm'],
    ['/min', 'mL/min'],
    ['m[IU]/L', '[IU]/L'], // arbitrary units convert to nothing in UCUM
  ])('%s and %s are not commensurable, here or in UCUM', (from, to) => {
    expect(ucumFactor(from, to)).toBeNull();
    expect(conversionFactor(from, to)).toBeNull();
  });

  it.each([
    ['%', '{INR}'], // UCUM calls both dimensionless; they are never the same quantity
    ['mmol/mol', '%'],
    ['1', '{ratio}'],
  ])('dimensionless %s and %s convert only through the tables', (from, to) => {
    expect(conversionFactor(from, to)).toBeNull();
  });

  it.each([
    ['Cel', 'Cel', 1],
    ['Cel', '[degF]', null],
    ['mmHg', 'mm[Hg]', 1],
    ['MG/DL', 'g/l', 0.01],
    ['µmol/L', 'mmol/L', 0.001],
    ['[IU]/L', '[iu]/l', 1],
  ] as const)('%s → %s is %s (spelling forgiven, special units only to themselves)', (from, to, factor) => {
    expect(conversionFactor(from, to)).toBe(factor);
  });

  it.each(['furlongs', 'mg/dL/xyz', 'cells', 'x10^3/uL'])('%s is not a unit it reads', (unit) => {
    expect(measureUnit(unit)).toBeNull();
  });
});
