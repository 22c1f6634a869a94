/**
 * Medical Council licence numbers as doctors type them: `ว.12345`, `ว 12345`, `12345`, in Thai or
 * Arabic digits. Pure, shared by the sign-in form and the registry adapter.
 */

const THAI_ZERO = 0x0e50;
const ARABIC_INDIC_ZERO = 0x0660;

function asciiDigits(s: string): string {
  return s.replace(/[\u0E50-\u0E59\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= THAI_ZERO ? code - THAI_ZERO : code - ARABIC_INDIC_ZERO);
  });
}

/** Returns the licence number as 4–6 ASCII digits, or null when the input is not a licence number. */
export function normaliseLicenceNumber(input: string): string | null {
  const s = asciiDigits(input.normalize('NFC').trim());
  const m = /^(?:ว\s*\.?\s*)?([0-9]{4,6})$/.exec(s);
  return m ? m[1]! : null;
}

/** Formats digits the way the council prints them: `ว.12345`. */
export function formatLicenceNumber(digits: string): string {
  return `ว.${digits}`;
}
