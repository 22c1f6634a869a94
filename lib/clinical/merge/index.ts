/**
 * Merges the facts of every hospital that has answered into one timeline model. Runs in the browser each
 * time another hospital answers (and on the server for print and the emergency view), so it is pure,
 * allocation-conscious and deterministic: the result never depends on the order facts arrive in.
 *
 * Duplicates (the same thing said the same way on the same day) collapse into one entry with its sources;
 * near matches that disagree are never merged, they are linked and flagged as a conflict instead.
 *
 * The rooms: dates.ts and order.ts (parsing and orderings), groups.ts (working state), dedupe.ts (grouping),
 * conflicts.ts, entries.ts and sections.ts (the timeline), allergies.ts, medications.ts, problems.ts (the
 * summary sections), cross-checks.ts, summary.ts (the model put together), steps.ts (the merge in pausable
 * steps) and merger.ts (the same merge kept between answers, so each answer is added to what is built).
 */
export { checkAllergyMedication } from './cross-checks';
export { dayOf, timeOf } from './dates';
export { createMerger, type Merger, type MergerBatch } from './merger';
export { mergeSteps, mergeTimeline } from './steps';
