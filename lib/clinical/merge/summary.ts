/** The end of the merge: the summary sections built from the dealt groups, and the model put together. */
import { buildSeries } from '../lab-series';
import type { FactKind, LabPoint, TimelineEntry, TimelineModel } from '../types';
import { buildAllergies } from './allergies';
import { attachCrossChecks } from './cross-checks';
import { PAUSE_EVERY, type GroupStore } from './groups';
import { buildMedications } from './medications';
import { buildProblems } from './problems';
import type { Sections } from './sections';

/** What the merge gathered besides the groups: the hospitals that answered and the sealed records. */
export interface Gathered {
  now: string;
  /** Sorted: every hospital that answered or sent a record. */
  answered: string[];
  sealedCounts: Record<FactKind, number>;
  allergyStubHospitals: Set<string>;
}

type NkaConflict = { nkaHospitals: string[]; allergyHospitals: string[] };

/**
 * Allergies, medications, problems, series and cross-checks from the sections, then the model.
 * `flagNka` marks the "no known allergy" entries when another hospital records an allergy (it is given
 * undefined when none does, so a merger that keeps entries between answers can clear an old mark);
 * `pointCache` keeps lab points between such merges (buildSeries).
 */
export function* summarise(
  groups: GroupStore,
  s: Sections,
  gathered: Gathered,
  flagNka: (nka: NkaConflict | undefined) => void,
  pointCache?: WeakMap<TimelineEntry, LabPoint>,
): Generator<void, TimelineModel, void> {
  const { allergies, allergyCoverage, allergyNkaConflict } = buildAllergies(
    groups,
    s.allergyGroups,
    gathered.answered,
    gathered.allergyStubHospitals,
  );
  flagNka(allergyNkaConflict);

  yield;
  const meds = buildMedications(groups, s.medicationGroups, Date.parse(gathered.now));
  const probs = buildProblems(groups, s.conditionGroups);
  yield;
  const { labs, vitals } = yield* buildSeries(groups.entries, s.resultGroups, PAUSE_EVERY, pointCache);

  const model: TimelineModel = {
    now: gathered.now,
    answered: gathered.answered,
    entries: s.entries,
    allergies,
    allergyCoverage,
    medications: meds.medications,
    medicationStatements: meds.medicationStatements,
    problems: probs.problems,
    resolvedProblems: probs.resolvedProblems,
    problemStatements: probs.problemStatements,
    labs,
    vitals,
    codedResults: s.codedResults,
    imaging: s.imaging,
    immunizations: s.immunizations,
    procedures: s.procedures,
    encounters: s.encounters,
    documents: s.documents,
    crossChecks: [],
    sealedCounts: gathered.sealedCounts,
  };
  if (allergyNkaConflict !== undefined) model.allergyNkaConflict = allergyNkaConflict;
  if (meds.medicationNoneKnownConflict !== undefined) model.medicationNoneKnownConflict = meds.medicationNoneKnownConflict;
  if (probs.problemNoneKnownConflict !== undefined) model.problemNoneKnownConflict = probs.problemNoneKnownConflict;
  attachCrossChecks(model);
  return model;
}
