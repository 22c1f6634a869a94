/**
 * The incremental merge's safety property (lib/clinical/merge/merger.ts): whatever order the hospitals
 * answer in and however their answers are batched, the model equals `mergeTimeline` of every answer at
 * once — the same duplicates collapsed, the same disagreements flagged, no record lost, the same order,
 * coverage and sealed counts — and a model already handed out is never changed by a later answer.
 * Checked over random arrival orders on the generated demo patients (the stress patient included) and on
 * the conformance examples, each also delivered by a second hospital verbatim (duplicates) and by a third
 * with other values and statuses (disagreements).
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { sealSensitiveFacts, toClinicalFacts } from '../clinical/facts';
import { seededRandom } from '../clinical/fixtures';
import { createMerger, mergeTimeline } from '../clinical/merge';
import type { MergeInput, TimelineModel } from '../clinical/types';
import { DEFAULT_SEED, DEMO_PATIENTS } from '../sandbox/demo-catalog';
import { generateDataset } from '../sandbox/generate';
import { loadCorpus, type Json } from './corpus';

const NOW = '2026-11-22T10:00:00+07:00';

/** One hospital's answer as the record page holds it: its records, and whether it answered. */
interface Answer {
  hcode: string;
  facts: MergeInput['facts'];
  answered: boolean;
}

function answerOf(hcode: string, resources: readonly Resource[], answered = true): Answer {
  return { hcode, facts: sealSensitiveFacts(toClinicalFacts(resources, hcode)), answered };
}

function wholeMerge(answers: readonly Answer[]): TimelineModel {
  return mergeTimeline({
    facts: answers.flatMap((a) => a.facts),
    answered: answers.filter((a) => a.answered).map((a) => a.hcode),
    now: NOW,
  });
}

function run<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

function shuffle<T>(xs: readonly T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Adds the answers in a random order and random batches, taking a model after some batches. Checks the
 * final model against the whole merge, then every model taken on the way against the whole merge of
 * what it had been given: a later answer must not have changed a model already handed out.
 */
function checkArrivalOrder(answers: readonly Answer[], seed: number, whole = wholeMerge(answers)): void {
  const rnd = seededRandom(seed);
  const order = shuffle(answers, rnd);
  const merger = createMerger(NOW);
  const taken: { model: TimelineModel; given: Answer[] }[] = [];
  let i = 0;
  while (i < order.length) {
    const size = 1 + Math.floor(rnd() * Math.min(3, order.length - i));
    const batch = order.slice(i, i + size);
    i += size;
    run(merger.add({ facts: batch.flatMap((a) => a.facts), answered: batch.filter((a) => a.answered).map((a) => a.hcode) }));
    if (i < order.length && rnd() < 0.7) taken.push({ model: run(merger.model()), given: order.slice(0, i) });
  }
  const final = run(merger.model());
  expect(final).toStrictEqual(whole);
  for (const t of taken) expect(t.model).toStrictEqual(wholeMerge(t.given));
}

const dataset = generateDataset(DEFAULT_SEED);

function demoAnswers(story: string): Answer[] {
  const p = DEMO_PATIENTS.find((d) => d.story === story)!;
  const byHospital = new Map<string, Resource[]>(p.sharesWith.map((h) => [h, []]));
  for (const r of dataset.resources) if (r.cid === p.cid) byHospital.get(r.hcode)?.push(r.resource);
  const answers = [...byHospital].map(([h, rs]) => answerOf(h, rs));
  // A hospital that answered with nothing, and one that did not answer at all.
  return [...answers, answerOf('99901', []), answerOf('99902', [], false)];
}

// Patients with records at two or more hospitals (one demo patient is not in the exchange at all).
const stories = DEMO_PATIENTS.map((p) => p.story).filter(
  (s) => s !== 'stress' && demoAnswers(s).filter((a) => a.facts.length > 0).length > 1,
);

describe('the incremental merge equals the whole merge in any arrival order', () => {
  it('has demo patients whose hospitals repeat and contradict each other, with sealed records', () => {
    expect(stories.length).toBeGreaterThanOrEqual(6);
    const models = stories.map((s) => wholeMerge(demoAnswers(s)));
    expect(models.some((m) => m.entries.some((e) => e.recordedAt > 1 && e.hospitals.length > 1))).toBe(true);
    expect(models.some((m) => m.entries.some((e) => e.conflict !== undefined))).toBe(true);
    expect(models.some((m) => m.allergyNkaConflict !== undefined)).toBe(true);
    expect(models.some((m) => Object.values(m.sealedCounts).some((n) => n > 0))).toBe(true);
  });

  it.each(stories)('demo patient %s, 25 orders', (story) => {
    const answers = demoAnswers(story);
    const whole = wholeMerge(answers);
    for (let seed = 1; seed <= 25; seed++) checkArrivalOrder(answers, seed, whole);
  });

  it('the stress patient (12 hospitals, over 20,000 records), 3 orders', { timeout: 120_000 }, () => {
    const answers = demoAnswers('stress');
    expect(answers.reduce((n, a) => n + a.facts.length, 0)).toBeGreaterThan(20_000);
    const whole = wholeMerge(answers);
    for (let seed = 1; seed <= 3; seed++) checkArrivalOrder(answers, seed, whole);
  });
});

/** The example as another hospital would send it: other values, other statuses (a disagreement on the same day). */
function disagreeing(resource: Json): Json {
  const copy = structuredClone(resource);
  const quantity = copy.valueQuantity as { value?: number } | undefined;
  if (typeof quantity?.value === 'number') quantity.value = quantity.value * 1.5 + 1;
  const status = copy.clinicalStatus as { coding?: { code?: string }[] } | undefined;
  const coding = status?.coding?.[0];
  if (coding?.code === 'active') coding.code = 'resolved';
  else if (coding !== undefined) coding.code = 'active';
  if (copy.resourceType === 'MedicationStatement' || copy.resourceType === 'MedicationRequest')
    copy.status = copy.status === 'active' ? 'stopped' : 'active';
  return copy;
}

const corpus = loadCorpus() ?? [];

describe('on the conformance examples', () => {
  it('finds the corpus', () => expect(corpus.length).toBeGreaterThanOrEqual(12));

  it.each(corpus.map((c) => [c.name, c] as const))('%s sent by three hospitals, 15 orders', (_name, example) => {
    const resources = example.bundle.entry.map((e) => e.resource);
    const answers = [
      answerOf('11535', resources as unknown as Resource[]),
      answerOf('10661', resources as unknown as Resource[]),
      answerOf('13781', resources.map(disagreeing) as unknown as Resource[]),
      answerOf('24001', []),
    ];
    const whole = wholeMerge(answers);
    for (let seed = 1; seed <= 15; seed++) checkArrivalOrder(answers, seed, whole);
  });

  it('all of them at once, each example a hospital, 10 orders', () => {
    const answers = corpus.map((c, i) => answerOf(String(20000 + i), c.bundle.entry.map((e) => e.resource) as unknown as Resource[]));
    const whole = wholeMerge(answers);
    expect(whole.entries.some((e) => e.conflict !== undefined) || whole.entries.some((e) => e.recordedAt > 1)).toBe(true);
    for (let seed = 1; seed <= 10; seed++) checkArrivalOrder(answers, seed, whole);
  });
});
