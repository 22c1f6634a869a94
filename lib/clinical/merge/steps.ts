/** The merge itself: group, flag, sort into sections, build each section, cross-check. */
import { buildSeries } from '../lab-series';
import type { FactKind, MergeInput, SealedFactStub, TimelineModel } from '../types';
import { FACT_KINDS } from '../types';
import { buildAllergies } from './allergies';
import { flagNearConflicts, flagNoKnownAllergyEntries } from './conflicts';
import { attachCrossChecks } from './cross-checks';
import { groupFacts } from './dedupe';
import { ClusterIndex, GroupStore, PAUSE_EVERY } from './groups';
import { buildMedications } from './medications';
import { sortedUnique } from './order';
import { buildProblems } from './problems';
import { sortIntoSections } from './sections';

/** Merges all answered hospitals' facts into one deterministic timeline model with duplicates collapsed and disagreements flagged. */
export function mergeTimeline(input: MergeInput): TimelineModel {
  const steps = mergeSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * The merge as a sequence of short steps: it pauses (yields) every few thousand records, so a caller on
 * a browser's main thread can let the page breathe between steps (see components/timeline). Running it
 * to the end is exactly `mergeTimeline`.
 */
export function* mergeSteps(input: MergeInput): Generator<void, TimelineModel, void> {
  const nowTime = Date.parse(input.now);
  const sealedCounts = {} as Record<FactKind, number>;
  for (const k of FACT_KINDS) sealedCounts[k] = 0;

  const groups = new GroupStore(input.facts.length);
  const clusters = new ClusterIndex(groups);
  const stubs: { stub: SealedFactStub; time: number }[] = [];
  const factHospitals = new Set<string>();
  yield* groupFacts(input.facts, groups, clusters, stubs, factHospitals);
  const allergyStubHospitals = new Set<string>();
  for (const { stub } of stubs) {
    sealedCounts[stub.kind]++;
    if (stub.kind === 'allergy') allergyStubHospitals.add(stub.hospitalCode);
  }

  flagNearConflicts(groups, clusters);
  yield;

  const s = yield* sortIntoSections(groups, stubs);
  const answered = sortedUnique([...input.answered, ...factHospitals]);

  const { allergies, allergyCoverage, allergyNkaConflict } = buildAllergies(groups, s.allergyGroups, answered, allergyStubHospitals);
  if (allergyNkaConflict !== undefined) flagNoKnownAllergyEntries(s.entries, allergyNkaConflict);

  yield;
  const meds = buildMedications(groups, s.medicationGroups, nowTime);
  const probs = buildProblems(groups, s.conditionGroups);
  yield;
  const { labs, vitals } = yield* buildSeries(groups.entries, s.resultGroups, PAUSE_EVERY);

  const model: TimelineModel = {
    now: input.now,
    answered,
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
    sealedCounts,
  };
  if (allergyNkaConflict !== undefined) model.allergyNkaConflict = allergyNkaConflict;
  if (meds.medicationNoneKnownConflict !== undefined) model.medicationNoneKnownConflict = meds.medicationNoneKnownConflict;
  if (probs.problemNoneKnownConflict !== undefined) model.problemNoneKnownConflict = probs.problemNoneKnownConflict;
  attachCrossChecks(model);
  return model;
}
