/**
 * A small reader of the UCUM units laboratories send (mg/dL, mmol/L, 10*9/L, ng/mL, U/L, mm[Hg], kg/m2,
 * /min), enough to tell whether two units measure the same kind of quantity and by what factor they
 * differ. The full UCUM library (@lhncbc/ucum-lhc) is ~500 KB and stays out of the app; its tests prove
 * this reader's factors and refusals against it (unit-dimension.test.ts).
 *
 * Deliberately narrow: a unit it cannot read, an arbitrary unit ([IU]) or a special one (Cel, degF) is
 * commensurable only with the same spelling, so an unknown unit is never converted by a guess.
 */

/** Exponents of mass, length, time, amount of substance, equivalents, international units, pressure. */
type Dim = [number, number, number, number, number, number, number];

export interface UnitMeasure {
  /** Dimension as a string key ("0,-3,0,1,0,0,0" for mmol/L); special units key on their own code. */
  dim: string;
  /** Size of one of this unit in base units (g, m, s, mol): mmol/L → 1 (mol/m³). */
  factor: number;
}

const ATOMS: Record<string, { dim: Dim; factor: number }> = {
  g: { dim: [1, 0, 0, 0, 0, 0, 0], factor: 1 },
  l: { dim: [0, 3, 0, 0, 0, 0, 0], factor: 1e-3 },
  m: { dim: [0, 1, 0, 0, 0, 0, 0], factor: 1 },
  s: { dim: [0, 0, 1, 0, 0, 0, 0], factor: 1 },
  min: { dim: [0, 0, 1, 0, 0, 0, 0], factor: 60 },
  h: { dim: [0, 0, 1, 0, 0, 0, 0], factor: 3600 },
  d: { dim: [0, 0, 1, 0, 0, 0, 0], factor: 86400 },
  mol: { dim: [0, 0, 0, 1, 0, 0, 0], factor: 1 },
  // UCUM's enzyme unit: 1 U = 1 µmol/min. Katal is mol/s.
  u: { dim: [0, 0, -1, 1, 0, 0, 0], factor: 1e-6 / 60 },
  kat: { dim: [0, 0, -1, 1, 0, 0, 0], factor: 1 },
  // Equivalents and international units are kept as their own dimensions: converting them to moles
  // needs the ion's charge or the substance's reference preparation, which a unit does not carry.
  eq: { dim: [0, 0, 0, 0, 1, 0, 0], factor: 1 },
  '[iu]': { dim: [0, 0, 0, 0, 0, 1, 0], factor: 1 },
  iu: { dim: [0, 0, 0, 0, 0, 1, 0], factor: 1 },
  'mm[hg]': { dim: [0, 0, 0, 0, 0, 0, 1], factor: 1 },
  mmhg: { dim: [0, 0, 0, 0, 0, 0, 1], factor: 1 },
  '%': { dim: [0, 0, 0, 0, 0, 0, 0], factor: 0.01 },
};

const PREFIXES: Record<string, number> = { k: 1e3, d: 1e-1, c: 1e-2, m: 1e-3, u: 1e-6, n: 1e-9, p: 1e-12, f: 1e-15 };

/** Units on an interval scale: a factor cannot convert them, so only the same spelling matches. */
const SPECIAL = new Set(['cel', '[degf]', 'degc', '°c']);

function readTerm(term: string): { dim: Dim; factor: number } | null {
  if (term === '' || term === '1') return { dim: [0, 0, 0, 0, 0, 0, 0], factor: 1 };
  const power = /^10[*^](-?\d+)$/.exec(term);
  if (power !== null) return { dim: [0, 0, 0, 0, 0, 0, 0], factor: 10 ** Number(power[1]) };
  const m = /^([a-z[\]%]+?)(-?\d+)?$/.exec(term);
  if (m === null) return null;
  const exp = m[2] === undefined ? 1 : Number(m[2]);
  const atom = ATOMS[m[1]!] ?? prefixed(m[1]!);
  if (atom === null || atom === undefined) return null;
  return { dim: atom.dim.map((x) => x * exp) as Dim, factor: atom.factor ** exp };
}

function prefixed(code: string): { dim: Dim; factor: number } | null {
  const prefix = PREFIXES[code[0]!];
  const atom = ATOMS[code.slice(1)];
  if (prefix === undefined || atom === undefined || code.slice(1) === '%') return null;
  return { dim: atom.dim, factor: prefix * atom.factor };
}

// Annotations ({cells}, {1.73_m2}) carry meaning for people but no dimension in UCUM; dropped before
// splitting so the dot inside {1.73_m2} is not read as a multiplication.
function normalise(unit: string): string {
  return unit
    .replace(/\{[^}]*\}/g, '')
    .replace(/\s+/g, '')
    .replace(/[\u00b5\u03bc]/g, 'u')
    .toLowerCase();
}

/** Reads a unit as sent (case, micro sign and spaces forgiven); null when it is not a unit this reader knows. */
export function measureUnit(unit: string): UnitMeasure | null {
  const u = normalise(unit);
  if (SPECIAL.has(u)) return { dim: 'special:' + u, factor: 1 };
  const dim: Dim = [0, 0, 0, 0, 0, 0, 0];
  let factor = 1;
  // Terms joined by '.' multiply and by '/' divide, read left to right as UCUM does.
  const parts = u.split(/([./])/);
  let sign = 1;
  for (const part of parts) {
    if (part === '.') sign = 1;
    else if (part === '/') sign = -1;
    else {
      const t = readTerm(part);
      if (t === null) return null;
      for (let i = 0; i < 7; i++) dim[i]! += sign * t.dim[i]!;
      factor *= t.factor ** sign;
    }
  }
  return { dim: dim.join(','), factor };
}

/** True for a unit with no dimension (%, {INR}, 1): such units convert only through the tables. */
export function isDimensionless(m: UnitMeasure): boolean {
  return m.dim === '0,0,0,0,0,0,0';
}

/**
 * Factor taking a value in `from` to `to` (to = from × factor), or null when the units measure different
 * things, either is unreadable, or either is dimensionless (% and {INR} share UCUM's dimension but are
 * never the same quantity).
 */
export function conversionFactor(from: string, to: string): number | null {
  const a = measureUnit(from);
  const b = measureUnit(to);
  if (a === null || b === null || a.dim !== b.dim || isDimensionless(a)) return null;
  if (a.dim.startsWith('special:')) return a.dim === b.dim ? 1 : null;
  // UCUM converts an arbitrary unit ([IU]) to nothing, not even to itself with another prefix.
  if (a.dim.split(',')[5] !== '0') return normalise(from) === normalise(to) ? 1 : null;
  // Twelve significant digits: enough for any lab value, and 10*9/L → 10*3/uL reads 1, not 1.0000000000000002.
  return Number((a.factor / b.factor).toPrecision(12));
}
