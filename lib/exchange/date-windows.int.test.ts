/**
 * The date-windowed read against real sandboxes: the stress patient's long records in one request per
 * hospital and exactly the resources the unpartitioned read returns; records whose date is absent, partial
 * or a Period across a window boundary each returned once; a hospital that refuses date search read the
 * old way; and every conformance example (dates written by others) read identically both ways.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCorpus } from '../conformance/corpus';
import { withCitizenIdCheckDigit } from '../identity/citizen-id';
import { parseImportBundle, saveImportRecord } from '../sandbox/importer';
import { TOKENS, startTestSandbox, type TestSandbox } from '../sandbox/test-helpers';
import { TEST_TOKENS } from '../testing/global-setup';
import { sandboxControl } from '../testing/sandbox-control';
import { createExchangeClient, type ExchangeContext, type HospitalFetchResult } from './client';
import { dateWindows } from './date-windows';

const sandboxUrl = inject('sandboxUrl');
const STRESS = '3100400678903';
const ctx: ExchangeContext = { requestId: 'int-windows', purpose: 'TREAT', practitioner: '12345', organization: '11535' };

const keys = (r: HospitalFetchResult): string[] => r.resources.map((x) => `${x.resourceType}/${x.id ?? ''}`).sort();

afterEach(async () => {
  await sandboxControl(sandboxUrl, 'reset');
});

describe('the stress patient through date windows', () => {
  const read = (partitionByDate: boolean) =>
    createExchangeClient({ baseUrl: sandboxUrl, token: TEST_TOKENS.exchange, timeoutMs: 30_000, partitionByDate });

  it('answers in one request per hospital with exactly the resources the unpartitioned read returns', async () => {
    const sharing = await read(true).listSharingHospitals(STRESS, ctx);
    if (!sharing.ok) throw new Error('sharing lookup failed');
    expect(sharing.hcodes).toHaveLength(12);
    const windowed = await Promise.all(read(true).fetchAllHospitals(sharing.hcodes, STRESS, ctx));
    const plain = await Promise.all(read(false).fetchAllHospitals(sharing.hcodes, STRESS, ctx));
    for (const [i, w] of windowed.entries()) {
      const p = plain[i]!;
      expect(w.status, w.hcode).toBe('answered');
      expect(w.pages, w.hcode).toBe(1);
      expect(keys(w), w.hcode).toEqual(keys(p));
      expect(new Set(keys(w)).size).toBe(w.resources.length);
      expect(w.counts).toEqual(p.counts);
    }
    // The premise: unpartitioned, the long records need next pages (1,320 lab results > _count=500).
    expect(plain.filter((p) => p.pages > 1).length).toBeGreaterThanOrEqual(11);
    expect(windowed.reduce((n, w) => n + w.resources.length, 0)).toBeGreaterThan(20_000);
  });

  it('reads a hospital that refuses date search the old way, and still returns everything', async () => {
    await sandboxControl(sandboxUrl, 'faults', { '11535': { refuseDateSearch: true } });
    const w = await read(true).fetchHospitalRecords('11535', STRESS, ctx);
    const p = await read(false).fetchHospitalRecords('11535', STRESS, ctx);
    expect(w.status).toBe('answered');
    expect(w.pages).toBe(p.pages + 1); // the refused batch, then the unpartitioned batch and its pages
    expect(keys(w)).toEqual(keys(p));
    // The other hospitals still read in one request.
    expect((await read(true).fetchHospitalRecords('11536', STRESS, ctx)).pages).toBe(1);
  });
});

// A patient of our own, in a sandbox of our own, with every awkward date shape next to a window boundary.
const HCODE = '11537';
const NOW = Date.parse('2026-12-06T05:00:00Z');
const BOUNDARY = (dateWindows(NOW)[0] as { ge: string }).ge; // a year before NOW: 2025-12-06
const cid = withCitizenIdCheckDigit('199900420001');
const corpus = loadCorpus();
const corpusCid = (i: number): string => withCitizenIdCheckDigit(`19990042${String(i + 100).padStart(4, '0')}`);
let sb: TestSandbox | undefined;

const subject = { reference: 'urn:uuid:pt' };
const awkward = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    { fullUrl: 'urn:uuid:pt', resource: { resourceType: 'Patient', id: 'pt', name: [{ family: 'Window' }] } },
    ...[
      { resourceType: 'Observation', id: 'obs-undated', status: 'final', category: [lab()], code: { text: 'HbA1c' }, subject },
      {
        resourceType: 'Observation',
        id: 'obs-across',
        status: 'final',
        category: [lab()],
        code: { text: 'Glucose (24 h)' },
        subject,
        effectivePeriod: { start: '2025-12-01T08:00:00+07:00', end: '2025-12-20T08:00:00+07:00' },
      },
      {
        resourceType: 'Observation',
        id: 'obs-year',
        status: 'final',
        category: [lab()],
        code: { text: 'Creatinine' },
        subject,
        effectiveDateTime: '2025',
      },
      {
        resourceType: 'Observation',
        id: 'obs-on-boundary',
        status: 'final',
        category: [lab()],
        code: { text: 'Potassium' },
        subject,
        effectiveDateTime: `${BOUNDARY}T00:00:00Z`,
      },
      {
        resourceType: 'Observation',
        id: 'obs-future',
        status: 'final',
        category: [lab()],
        code: { text: 'Sodium' },
        subject,
        effectiveDateTime: '2027-01-02',
      },
      {
        resourceType: 'Observation',
        id: 'obs-1990',
        status: 'final',
        category: [lab()],
        code: { text: 'Haemoglobin' },
        subject,
        effectiveDateTime: '1990-05-05',
      },
      {
        resourceType: 'Encounter',
        id: 'enc-ongoing',
        status: 'in-progress',
        class: { code: 'IMP' },
        subject,
        period: { start: '2019-01-01' },
      },
      { resourceType: 'Encounter', id: 'enc-undated', status: 'finished', class: { code: 'AMB' }, subject },
      {
        resourceType: 'MedicationDispense',
        id: 'md-undated',
        status: 'completed',
        medicationCodeableConcept: { text: 'Metformin' },
        subject,
      },
      {
        resourceType: 'MedicationRequest',
        id: 'mr-dated',
        status: 'active',
        intent: 'order',
        medicationCodeableConcept: { text: 'Metformin' },
        subject,
        authoredOn: '2021-12-06',
      },
    ].map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  ],
};

function lab() {
  return { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] };
}

beforeAll(async () => {
  sb = await startTestSandbox();
  const importedAt = new Date().toISOString();
  const own = parseImportBundle(JSON.stringify(awkward), 'awkward-dates.json', { hcode: HCODE, cid }, importedAt);
  if (!own.ok) throw new Error(`import refused: ${own.reason}`);
  saveImportRecord(sb.dataDir, own.record, 0);
  (corpus ?? []).forEach((example, i) => {
    const parsed = parseImportBundle(
      JSON.stringify(example.bundle),
      `${example.name}.json`,
      { hcode: HCODE, cid: corpusCid(i) },
      importedAt,
    );
    if (!parsed.ok) throw new Error(`import refused ${example.name}: ${parsed.reason}`);
    saveImportRecord(sb!.dataDir, parsed.record, i + 1);
  });
  expect((await sb.post('/_sandbox/reload', {}, TOKENS.control)).status).toBe(200);
});

afterAll(async () => {
  await sb?.dispose();
});

const own = (partitionByDate: boolean) =>
  createExchangeClient({ baseUrl: sb!.url, token: TOKENS.exchange, now: () => NOW, partitionByDate });

describe('awkward dates at a window boundary', () => {
  it('returns the undated, the partial, the boundary day and a Period across the boundary each exactly once', async () => {
    const w = await own(true).fetchHospitalRecords(HCODE, cid, ctx);
    expect(w.status).toBe('answered');
    expect(w.pages).toBe(1);
    const ids = w.resources.map((r) => r.id);
    expect([...ids].sort()).toEqual(
      [
        'enc-ongoing',
        'enc-undated',
        'md-undated',
        'mr-dated',
        'obs-1990',
        'obs-across',
        'obs-future',
        'obs-on-boundary',
        'obs-undated',
        'obs-year',
      ].sort(),
    );
    expect(keys(w)).toEqual(keys(await own(false).fetchHospitalRecords(HCODE, cid, ctx)));
  });

  it('reads every conformance example identically with and without windows', async () => {
    expect(corpus, 'no conformance corpus').toBeDefined();
    for (const [i, example] of (corpus ?? []).entries()) {
      const w = await own(true).fetchHospitalRecords(HCODE, corpusCid(i), ctx);
      const p = await own(false).fetchHospitalRecords(HCODE, corpusCid(i), ctx);
      expect(w.status, example.name).toBe(p.status);
      expect(keys(w), example.name).toEqual(keys(p));
    }
  });
});
