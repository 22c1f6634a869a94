/**
 * Tested against data we did not write: every example of the HL7 IPS and HL7 AU corpus is imported into a
 * sandbox hospital for its own patient and read back through the app's read path (exchange client →
 * toClinicalFacts → mergeTimeline, as the timeline route does). Each allergy, medicine, condition,
 * immunization, result and procedure the source holds must come out with its code, status, day and a real
 * label. What is expected is worked out from the source JSON (lib/conformance/expected.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEmergencySummary } from '../clinical/emergency-summary';
import { toClinicalFacts } from '../clinical/facts';
import { mergeTimeline } from '../clinical/merge';
import { createExchangeClient, type ExchangeContext } from '../exchange/client';
import { withCitizenIdCheckDigit } from '../identity/citizen-id';
import { parseImportBundle, saveImportRecord } from '../sandbox/importer';
import { TOKENS, startTestSandbox, type TestSandbox } from '../sandbox/test-helpers';
import { checkItem, emergencyLabelProblems } from './check';
import { CORPUS_DIR, loadCorpus, type CorpusExample } from './corpus';
import { expectedItems, sourceTetanusDoses } from './expected';

const HCODE = '11535';
const ctx: ExchangeContext = { requestId: 'conformance', purpose: 'TREAT', practitioner: '12345', organization: HCODE };
const corpus = loadCorpus();
let sb: TestSandbox | undefined;

const cidOf = (i: number): string => withCitizenIdCheckDigit(`19990017${String(i).padStart(4, '0')}`);

beforeAll(async () => {
  if (corpus === undefined) return;
  sb = await startTestSandbox();
  const importedAt = new Date().toISOString();
  corpus.forEach((example, i) => {
    const parsed = parseImportBundle(JSON.stringify(example.bundle), `${example.name}.json`, { hcode: HCODE, cid: cidOf(i) }, importedAt);
    if (!parsed.ok) throw new Error(`import refused ${example.name}: ${parsed.reason}`);
    saveImportRecord(sb!.dataDir, parsed.record, i);
  });
  expect((await sb.post('/_sandbox/reload', {}, TOKENS.control)).status).toBe(200);
});

afterAll(async () => {
  await sb?.dispose();
});

interface ExampleResult {
  name: string;
  items: number;
  shown: number;
  hidden: number;
  /** Items whose timeline day (Thai time) is not the day the source wrote: display, not model, work. */
  thaiDayDiffers: number;
  notRead: string[];
  /** Doses the source says protect against tetanus (each must make the emergency summary's tetanus line). */
  tetanusDoses: number;
  failures: string[];
}

async function readBack(example: CorpusExample, i: number): Promise<ExampleResult> {
  const walk = expectedItems(example.bundle.entry);
  const client = createExchangeClient({ baseUrl: sb!.url, token: TOKENS.exchange });
  const result = await client.fetchHospitalRecords(HCODE, cidOf(i), ctx);
  const failures: string[] = [];
  if (result.status !== 'answered' && result.status !== 'no-data') failures.push(`hospital read ${result.status}: ${result.error ?? ''}`);
  if (result.droppedWrongPatient + result.droppedUnverifiable > 0)
    failures.push(`${result.droppedWrongPatient + result.droppedUnverifiable} resources dropped as not this patient's`);
  const facts = toClinicalFacts(result.resources, HCODE);
  const model = mergeTimeline({ facts, answered: [HCODE], now: new Date().toISOString() });
  const summary = buildEmergencySummary(model, [HCODE]);
  failures.push(...emergencyLabelProblems(summary));
  // A tetanus dose the source names (by target disease or in words) must reach the emergency summary.
  const tetanusDoses = sourceTetanusDoses(example.bundle.entry);
  if (tetanusDoses.length > 0 && summary.tetanus.status !== 'recorded')
    failures.push(`emergency summary says no tetanus dose, source gives ${tetanusDoses.join(', ')}`);
  let shown = 0;
  let thaiDayDiffers = 0;
  for (const item of walk.expected) {
    const factId = `${HCODE}/${item.resourceType}/${item.resourceId}${item.part}`;
    const problems = checkItem(item, factId, facts, model);
    const entry = model.entries.find((e) => e.sources.some((s) => s.id === factId));
    const day = entry?.day ?? null;
    if (day !== null && item.dates.length > 0 && !item.dates.some((d) => d.startsWith(day))) thaiDayDiffers++;
    if (problems.length === 0) shown++;
    else failures.push(`${item.resourceType}/${item.resourceId}${item.part}: ${problems.join('; ')}`);
  }
  let hidden = 0;
  for (const h of walk.hidden) {
    if (facts.some((f) => f.resourceType === h.resourceType && f.resourceId === h.resourceId))
      failures.push(`${h.resourceType}/${h.resourceId} is entered-in-error but shown`);
    else hidden++;
  }
  return {
    name: example.name,
    items: walk.expected.length,
    shown,
    hidden,
    thaiDayDiffers,
    notRead: walk.notRead,
    tetanusDoses: tetanusDoses.length,
    failures,
  };
}

describe('conformance corpus (HL7 IPS and HL7 AU examples) through the read path', () => {
  it('finds the corpus beside the repository', () => {
    expect(corpus, `no conformance corpus at ${CORPUS_DIR}`).toBeDefined();
    expect(corpus!.length).toBeGreaterThanOrEqual(12);
  });

  it('shows every allergy, medicine, condition, immunization, result and procedure with its code, status, day and label', async () => {
    const results: ExampleResult[] = [];
    for (const [i, example] of (corpus ?? []).entries()) results.push(await readBack(example, i));
    for (const r of results) {
      const notRead = r.notRead.length > 0 ? `, observations not read: ${r.notRead.length} (${[...new Set(r.notRead)].join(', ')})` : '';
      const dayNote = r.thaiDayDiffers > 0 ? `, Thai-time day differs from the source's day: ${r.thaiDayDiffers}` : '';
      const tetanusNote = r.tetanusDoses > 0 ? `, tetanus doses ${r.tetanusDoses} (in the emergency summary)` : '';
      console.log(
        `conformance ${r.name}: items ${r.items}, shown ${r.shown}, entered-in-error hidden ${r.hidden}${notRead}${dayNote}${tetanusNote}`,
      );
    }
    const items = results.reduce((n, r) => n + r.items, 0);
    const shown = results.reduce((n, r) => n + r.shown, 0);
    console.log(`conformance total: examples ${results.length}, items ${items}, shown ${shown}`);
    expect(results.flatMap((r) => r.failures.map((f) => `${r.name}: ${f}`))).toEqual([]);
    expect(shown).toBe(items);
    expect(items).toBeGreaterThan(0);
  });
});
