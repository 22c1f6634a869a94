/** Units as a clinician reads them (pure; shipped to the browser, so it imports nothing). */
const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
};
const superscript = (digits: string): string => digits.replace(/[0-9-]/g, (d) => SUPERSCRIPT[d] ?? d);

/**
 * How a unit reads to a clinician. Canonical units are UCUM codes (`mm[Hg]`, `Cel`, `10*3/uL`,
 * `mL/min/{1.73_m2}`), which are for machines; this writes them as printed on a lab report (mmHg, °C,
 * 10³/µL, mL/min/1.73 m²). Dimensionless codes (`1`, `{INR}`, `{ratio}`) show no unit. Display only: values
 * are compared and converted with the codes, never with this text.
 */
export function displayUnit(unit: string | undefined): string {
  if (unit === undefined) return '';
  const u = unit.trim();
  if (u === '1' || /^\{[^}]*\}$/.test(u)) return '';
  if (u === 'Cel') return '°C';
  if (u === '[degF]') return '°F';
  if (u === '[lb_av]') return 'lb';
  if (u === '[in_i]') return 'in';
  return u
    .replace(/\{([^}]*)\}/g, (_, note: string) => note.replace(/_/g, ' '))
    .replace(/\[([^\]]*)\]/g, '$1')
    .replace(/10[*^](-?\d+)/g, (_, exp: string) => `10${superscript(exp)}`)
    .replace(/(\d)\s?m2\b/g, '$1 m²') // 1.73m2, 1.73 m2 → 1.73 m²
    .replace(/(^|[\s/])m2\b/g, '$1m²') // kg/m2 → kg/m²
    .replace(/(^|[\s/])u(mol|g|L|l|IU|U)\b/g, '$1µ$2');
}
