// Every conversion factor in the analyte tables, proved against UCUM (@lhncbc/ucum-lhc, test-only).
import ucum from '@lhncbc/ucum-lhc';
import { describe, expect, it } from 'vitest';
import { ANALYTES, type UnitConversion } from './terminology';

const utils = ucum.UcumLhcUtils.getInstance();

const rows = ANALYTES.flatMap((a) => a.conversions.map((c): [string, string, UnitConversion] => [a.key, a.unit, c]));
const ucumRows = rows.filter(([, , c]) => c.molarMass === undefined && c.convention === undefined);
const molarRows = rows.filter(([, , c]) => c.molarMass !== undefined);
const conventionRows = rows.filter(([, , c]) => c.convention !== undefined);

describe('analyte unit conversions agree with UCUM', () => {
  it.each(ucumRows)('%s: %s ← %j', (_key, canonical, c) => {
    // Two points prove factor and offset (an affine scale such as °F has both).
    for (const v of c.offset === undefined ? [1] : [0, 100]) {
      const r = utils.convertUnitTo(c.unit, v, canonical);
      expect(r.status, r.msg.join('; ')).toBe('succeeded');
      expect(v * c.factor + (c.offset ?? 0)).toBeCloseTo(r.toVal!, 9);
    }
  });

  // Substance-specific: UCUM converts mol ↔ g only given the molar mass, which the row records. The
  // clinical factors are the conventional rounded ones (18.016, 88.42, 38.67): within 0.05 % of UCUM.
  it.each(molarRows)('%s: %s ← %j (molar mass)', (_key, canonical, c) => {
    const r = utils.convertUnitTo(c.unit, 1, canonical, { molecularWeight: c.molarMass });
    expect(r.status, r.msg.join('; ')).toBe('succeeded');
    expect(Math.abs(c.factor - r.toVal!) / r.toVal!).toBeLessThan(5e-4);
  });

  // Conventions UCUM does not make (meq = mmol for a monovalent ion, IU = U for enzymes, a non-UCUM
  // spelling): each says why, and none scales the value.
  it.each(conventionRows)('%s: %s ← %j is a stated convention with factor 1', (_key, _canonical, c) => {
    expect(c.convention).not.toBe('');
    expect(c.factor).toBe(1);
  });

  it('covers every row', () => {
    expect(ucumRows.length + molarRows.length + conventionRows.length).toBe(rows.length);
    expect(molarRows.length).toBeGreaterThan(0);
  });

  it.each(ANALYTES.map((a) => [a.key, a.unit] as const))('%s canonical unit %s is valid UCUM', (_key, unit) => {
    expect(utils.validateUnitString(unit).status).toBe('valid');
  });
});
