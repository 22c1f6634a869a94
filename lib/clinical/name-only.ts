/**
 * Facts a source sent with a name and no code (MOPH-PHR's free-text diagnoses and hospital drug names)
 * are keyed under this prefix (lib/phr/map.ts): a name match is never the same concept as a coded one, so
 * such a fact stands beside the coded fact instead of merging into it, and the screen says why.
 */
export const NAME_ONLY_PREFIX = 'name-only|';

/** True for the concept key of a fact matched to the terminology by name only. */
export function isNameOnlyKey(conceptKey: string): boolean {
  return conceptKey.startsWith(NAME_ONLY_PREFIX);
}
