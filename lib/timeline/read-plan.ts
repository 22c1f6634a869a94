/**
 * Which hospitals' early answers the record page may use (issue 19). The page asks the hospitals the access
 * recorded as sharing the moment its request arrives, while the exchange's list is re-checked in parallel;
 * once the re-check answers, the exchange's list is what counts:
 * - `use`: asked early and still listed — its answer goes to the page;
 * - `start`: listed now but not asked yet (the patient began sharing with it since) — ask it now;
 * - `discard`: asked early but no longer listed — its answer never reaches the page.
 * A failed re-check (`confirmed` null) lists nothing, so every early answer is discarded: fail closed.
 */
export interface ReadPlan {
  use: string[];
  start: string[];
  discard: string[];
}

export function planPageReads(early: readonly string[], confirmed: readonly string[] | null): ReadPlan {
  const listed = new Set(confirmed ?? []);
  const asked = new Set(early);
  return {
    use: (confirmed ?? []).filter((h) => asked.has(h)),
    start: (confirmed ?? []).filter((h) => !asked.has(h)),
    discard: [...asked].filter((h) => !listed.has(h)),
  };
}

/** Whether the stored list differs from the exchange's (as sets): then the access's record of it is refreshed. */
export function sharingChanged(stored: readonly string[] | null | undefined, confirmed: readonly string[]): boolean {
  if (!stored) return true;
  const a = new Set(stored);
  const b = new Set(confirmed);
  return a.size !== b.size || [...a].some((h) => !b.has(h));
}
