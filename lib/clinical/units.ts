/**
 * Unit conversion to each analyte's canonical unit: the conversions listed in the terminology table
 * (including the substance-specific molar ones), then any unit UCUM says measures the same quantity
 * (mg/L for a mg/dL analyte). A unit we cannot read is never guessed, and its points stay in their own series.
 */
import { ANALYTES } from './terminology';
import { conversionFactor } from './unit-dimension';

export interface CanonicalValue {
  value: number;
  unit: string;
}

/** Case, micro sign and whitespace differences are spelling, not different units. */
export function normaliseUnit(unit: string): string {
  let out = '';
  for (let i = 0; i < unit.length; i++) {
    const ch = unit[i]!;
    if (ch === ' ') continue;
    // U+00B5 micro sign and U+03BC Greek mu are both written for "micro".
    out += ch === '\u00b5' || ch === '\u03bc' ? 'u' : ch;
  }
  return out.toLowerCase();
}

interface AnalyteUnits {
  canonical: string;
  factors: Map<string, number>;
  /** Normalised unit → offset, only for the few affine scales (°F); empty for almost every analyte. */
  offsets: Map<string, number>;
  /** Raw unit string as sent → factor (NaN = not convertible); hospitals send few distinct spellings. */
  cache: Map<string, number>;
}

const CACHE_LIMIT = 256;

const UNIT_TABLE = new Map<string, AnalyteUnits>();
for (const a of ANALYTES) {
  const factors = new Map<string, number>();
  const offsets = new Map<string, number>();
  factors.set(normaliseUnit(a.unit), 1);
  for (const c of a.conversions) {
    factors.set(normaliseUnit(c.unit), c.factor);
    if (c.offset !== undefined) offsets.set(normaliseUnit(c.unit), c.offset);
  }
  UNIT_TABLE.set(a.key, { canonical: a.unit, factors, offsets, cache: new Map() });
}
// Common spellings hospitals send for canonical units that UCUM writes differently.
const ALIASES: Record<string, string> = {
  mmhg: 'mm[hg]',
  bpm: '/min',
  'beats/min': '/min',
  '°c': 'cel',
  c: 'cel',
  degc: 'cel',
  'ml/min/1.73m^2': 'ml/min/{1.73_m2}',
  'ml/min/1.73_m2': 'ml/min/{1.73_m2}',
  'iu/l': '[iu]/l',
  'x10^3/ul': '10*3/ul',
  'x10^9/l': '10*9/l',
  'kg.': 'kg',
  // Non-SI units bedside devices and some hospitals still send for vital signs.
  '°f': '[degf]',
  degf: '[degf]',
  f: '[degf]',
  lb: '[lb_av]',
  lbs: '[lb_av]',
  '[lb_us]': '[lb_av]',
  in: '[in_i]',
  inch: '[in_i]',
  '[in_us]': '[in_i]',
};

/** Round converted values to three significant figures (never fewer than the integer digits). */
export function roundConverted(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  const magnitude = Math.floor(Math.log10(Math.abs(v)));
  const decimals = Math.max(0, 2 - magnitude);
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

/** Converts a value to the analyte's canonical unit; null when the unit is unknown or not commensurable. */
export function toCanonical(analyteKey: string, value: number, unit: string): CanonicalValue | null {
  const entry = UNIT_TABLE.get(analyteKey);
  if (entry === undefined || !Number.isFinite(value)) return null;
  let factor = entry.cache.get(unit);
  if (factor === undefined) {
    factor = resolveFactor(entry, unit);
    if (entry.cache.size < CACHE_LIMIT) entry.cache.set(unit, factor);
  }
  if (Number.isNaN(factor)) return null;
  if (entry.offsets.size > 0) {
    const offset = offsetOf(entry, unit);
    if (offset !== 0) return { value: roundConverted(value * factor + offset), unit: entry.canonical };
  }
  return { value: factor === 1 ? value : roundConverted(value * factor), unit: entry.canonical };
}

/** The offset of an affine unit (°F), through the same spellings as its factor; 0 for a ratio unit. */
function offsetOf(entry: AnalyteUnits, unit: string): number {
  const norm = normaliseUnit(unit);
  return entry.offsets.get(norm) ?? entry.offsets.get(ALIASES[norm] ?? '') ?? 0;
}

function resolveFactor(entry: AnalyteUnits, unit: string): number {
  const norm = normaliseUnit(unit);
  let factor = entry.factors.get(norm);
  if (factor === undefined) {
    const alias = ALIASES[norm];
    if (alias !== undefined) factor = entry.factors.get(alias);
  }
  // Not in the table: a unit of the same UCUM dimension (never a dimensionless one) still converts.
  return factor ?? conversionFactor(unit, entry.canonical) ?? Number.NaN;
}

/** The canonical unit of a known analyte. */
export function canonicalUnitOf(analyteKey: string): string | undefined {
  return UNIT_TABLE.get(analyteKey)?.canonical;
}

const pairFactors = new Map<string, number | null>();

/**
 * A value in `from` expressed in `to` when UCUM says the two units measure the same quantity; null when
 * they do not (or either is unreadable). For series of analytes our tables do not know.
 */
export function convertUnit(value: number, from: string, to: string): number | null {
  if (from === to) return value;
  const key = from + '\u0000' + to;
  let factor = pairFactors.get(key);
  if (factor === undefined) {
    factor = conversionFactor(from, to);
    if (pairFactors.size < CACHE_LIMIT) pairFactors.set(key, factor);
  }
  return factor === null ? null : roundConverted(value * factor);
}
