/**
 * How a numeric result reads, everywhere it is shown (record, trend tooltip, key labs, emergency summary,
 * print, IPS narrative): one function, so one value never reads 15.1 in one place and 15.096 in another.
 */
import { analyteByKey } from './terminology-index';
import { normaliseUnit } from './units';

/** For units and analytes without a rule: enough for any lab value, short of floating-point noise. */
const DEFAULT_DECIMALS = 3;

/** Decimals the value was sent with (its shortest form): 7.50 arrives as 7.5 and reads 7.5. */
function sentDecimals(value: number): number {
  const text = String(value);
  if (text.includes('e')) return DEFAULT_DECIMALS;
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

function decimalsCap(analyteKey: string, unit: string | undefined): number {
  const a = analyteByKey.get(analyteKey);
  if (a === undefined) return DEFAULT_DECIMALS;
  // The rule is for the canonical unit: the same creatinine in µmol/L is not read to two decimals.
  if (unit !== undefined && normaliseUnit(unit) !== normaliseUnit(a.unit)) return DEFAULT_DECIMALS;
  return a.decimals;
}

/**
 * A result value as text: the precision it was sent with, capped by the analyte's rule for its canonical
 * unit (haematocrit 37.553 % → "37.6", red cells 4.3277 → "4.33", haemoglobin 15.096 g/dL → "15.1").
 * Never adds digits the laboratory did not send (13 stays "13", not "13.0"); no thousands separators.
 */
export function formatResultValue(analyteKey: string, value: number, unit?: string): string {
  if (!Number.isFinite(value)) return String(value);
  const d = Math.min(sentDecimals(value), decimalsCap(analyteKey, unit));
  // Rounded in decimal, not binary: 1.005 to two places is 1.01, as on the laboratory's report.
  const text = String(value);
  let rounded = text.includes('e') ? Math.round(value * 10 ** d) / 10 ** d : Number(`${Math.round(Number(`${text}e${d}`))}e-${d}`);
  if (Object.is(rounded, -0)) rounded = 0;
  // Digits that survive rounding only: binary noise (0.1 + 0.2) reads 0.3, never 0.300.
  return rounded.toFixed(Math.min(d, sentDecimals(rounded)));
}

/** A reference range as text ("3.5–5.1", "–5.1" for an upper bound only), each bound read like a value. */
export function formatResultRange(analyteKey: string, low: number | undefined, high: number | undefined, unit?: string): string {
  if (low === undefined && high === undefined) return '';
  const text = (v: number | undefined): string => (v === undefined ? '' : formatResultValue(analyteKey, v, unit));
  return `${text(low)}–${text(high)}`;
}
