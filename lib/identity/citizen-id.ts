/** FHIR identifier systems used by Thai systems for the 13-digit citizen ID. Both are accepted everywhere. */
export const CID_SYSTEM = 'https://terms.sil-th.org/id/th-cid';
export const CID_SYSTEM_DOPA = 'http://dopa.go.th';
export const CID_SYSTEMS = [CID_SYSTEM, CID_SYSTEM_DOPA] as const;

export type CitizenIdCheck =
  | { ok: true; cid: string; warning?: 'starts-with-zero' }
  | { ok: false; reason: 'empty' | 'not-digits' | 'length'; length?: number }
  | { ok: false; reason: 'checksum'; expectedCheckDigit: number; actualCheckDigit: number };

/** Computes the 13th (check) digit from the first twelve: (11 − Σ dᵢ·(14−i) mod 11) mod 10. */
export function computeCitizenIdCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

/** Strips the spaces and dashes people type from the ID card (e.g. `1-1120-34563-56-2`). */
export function normaliseCitizenId(input: string): string {
  return input.replace(/[\s\-–—.]/g, '');
}

/**
 * Validates a Thai citizen ID as typed. Explains what is wrong (length, characters, or which check
 * digit was expected) so the form can say so; IDs starting with 0 are valid but flagged.
 */
export function checkCitizenId(input: string): CitizenIdCheck {
  const cid = normaliseCitizenId(input);
  if (cid.length === 0) return { ok: false, reason: 'empty' };
  if (!/^\d+$/.test(cid)) return { ok: false, reason: 'not-digits' };
  if (cid.length !== 13) return { ok: false, reason: 'length', length: cid.length };
  const expected = computeCitizenIdCheckDigit(cid.slice(0, 12));
  const actual = Number(cid[12]);
  if (expected !== actual) return { ok: false, reason: 'checksum', expectedCheckDigit: expected, actualCheckDigit: actual };
  return cid.startsWith('0') ? { ok: true, cid, warning: 'starts-with-zero' } : { ok: true, cid };
}

/** Makes a valid citizen ID from any twelve digits (used by generators and tests). */
export function withCitizenIdCheckDigit(first12: string): string {
  return first12 + String(computeCitizenIdCheckDigit(first12));
}

/** Formats 13 digits the way the ID card prints them: `1-1120-34563-56-2`. */
export function formatCitizenId(cid: string): string {
  if (!/^\d{13}$/.test(cid)) return cid;
  return `${cid[0]}-${cid.slice(1, 5)}-${cid.slice(5, 10)}-${cid.slice(10, 12)}-${cid[12]}`;
}
