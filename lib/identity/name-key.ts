/**
 * How two spellings of a person's name are compared, for search by name. Pure (the app and the sandbox
 * share it). People type Thai names with or without tone marks, with stray or doubled spaces and with
 * invisible zero-width spaces pasted from elsewhere, and English names in any case and with or without
 * accents; none of that should decide whether a patient is found.
 */

/** Thai tone marks: ่ ้ ๊ ๋ (mai ek, mai tho, mai tri, mai chattawa). */
const THAI_TONE_MARKS = /[\u0E48-\u0E4B]/g;
/** Combining marks outside the Thai block (accents on Latin letters once decomposed); Thai vowels stay. */
const OTHER_COMBINING = /(?![\u0E00-\u0E7F])\p{M}/gu;
/** Zero-width space/joiners and the byte-order mark. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** The name as typed, tidied for display and storage: NFC, no invisible characters, single spaces, trimmed. */
export function tidyName(input: string): string {
  return input.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/**
 * The matching key of a name: tidied, then tone marks and other combining marks removed and English
 * case-folded. `สมศรี  มีสุข` → `สมศรี มีสุข`; `แก้ว` → `แกว`; `José` → `jose`.
 */
export function nameKey(input: string): string {
  return tidyName(input).normalize('NFD').replace(THAI_TONE_MARKS, '').replace(OTHER_COMBINING, '').normalize('NFC').toLowerCase();
}

/** Which script a name is written in (a name must be all Thai or all Latin letters). */
export function nameScript(input: string): 'thai' | 'latin' | 'mixed' | 'none' {
  const key = nameKey(input);
  const thai = /[\u0E01-\u0E4E]/.test(key);
  const latin = /[a-z]/.test(key);
  if (thai && latin) return 'mixed';
  return thai ? 'thai' : latin ? 'latin' : 'none';
}

/** Letters of either script, spaces, dots, hyphens and apostrophes: what a name may contain. */
export const NAME_CHARACTERS = /^[\u0E01-\u0E4Ea-z .'-]+$/;

/** Does a name (as the index holds it) match what was searched, FHIR string-search style (starts with, normalised)? */
export function nameMatches(stored: string, searchedKey: string): boolean {
  return nameKey(stored).startsWith(searchedKey);
}
