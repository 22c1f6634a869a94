/** Date search over HTTP: windows that partition a long record, paging inside a window, and the 400s a client falls back on. */
import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDemoPatient } from './demo-catalog';
import { TH_CID, TOKENS, nextLink, q, resources, startTestSandbox, type TestSandbox } from './test-helpers';

let sb: TestSandbox;
const stress = findDemoPatient('stress');
const labs = `/hospitals/11535/fhir/Observation?patient.identifier=${q(TH_CID, stress.cid)}&category=laboratory`;

beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(async () => {
  await sb.dispose();
});

async function bundle(path: string): Promise<Bundle> {
  const res = await sb.get(path);
  expect(res.status).toBe(200);
  return (await res.json()) as Bundle;
}

/** Every id of a search, following its next links. */
async function allIds(path: string): Promise<string[]> {
  const ids: string[] = [];
  let next: string | undefined = `${sb.url}${path}`;
  while (next !== undefined) {
    const page: Bundle = await bundle(next.slice(sb.url.length));
    ids.push(...resources(page).map((r) => r.id!));
    next = nextLink(page);
  }
  return ids;
}

describe('date search on a hospital', () => {
  it('splits the stress patient’s 1,320 lab results between date windows with nothing lost or repeated', async () => {
    const all = await allIds(`${labs}&_count=1000`);
    expect(all).toHaveLength(1320);
    const windows = ['&date=ge2024-01-01', '&date=ge2020-01-01&date=lt2024-01-01', '&date=lt2020-01-01', '&date:missing=true'];
    const parts = await Promise.all(windows.map((w) => allIds(`${labs}${w}&_count=200`)));
    for (const part of parts.slice(0, 3)) expect(part.length).toBeGreaterThan(0);
    expect(parts[3]).toEqual([]); // every generated result is dated
    expect(parts.flat().sort()).toEqual([...all].sort());
    expect((await bundle(`${labs}&date:missing=false&_count=0`)).total).toBe(1320);
  });

  it('keeps the window in its next links, so a window larger than a page is still complete', async () => {
    const first = await bundle(`${labs}&date=lt2024-01-01&_count=50`);
    const next = nextLink(first);
    expect(next).toContain('date=lt2024-01-01');
    expect(first.total).toBeGreaterThan(50);
    expect(await allIds(`${labs}&date=lt2024-01-01&_count=50`)).toHaveLength(first.total!);
  });

  it('answers 400 with an OperationOutcome for an unsupported prefix or modifier, alone in a batch', async () => {
    const res = await sb.get(`${labs}&date=sa2020-01-01`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as OperationOutcome).resourceType).toBe('OperationOutcome');
    expect((await sb.get(`${labs}&date:below=2020`)).status).toBe(400);
    const rel = labs.replace('/hospitals/11535/fhir/', '');
    const batch = await sb.post('/hospitals/11535/fhir', {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [`${rel}&date=ap2020`, `${rel}&date=ge2020&_count=1`].map((url) => ({ request: { method: 'GET', url } })),
    });
    const answer = (await batch.json()) as Bundle;
    expect(answer.entry?.map((e) => e.response?.status)).toEqual(['400', '200']);
  });

  it('refuses every date parameter at a hospital switched to refuseDateSearch, and only there', async () => {
    expect((await sb.post('/_sandbox/faults', { '11535': { refuseDateSearch: true } }, TOKENS.control)).status).toBe(200);
    expect((await sb.get(`${labs}&date=ge2020-01-01`)).status).toBe(400);
    expect((await sb.get(`${labs}&_count=1`)).status).toBe(200);
    expect((await sb.get(`${labs.replace('11535', '11536')}&date=ge2020-01-01&_count=1`)).status).toBe(200);
    expect((await sb.post('/_sandbox/reset', {}, TOKENS.control)).status).toBe(200);
    expect((await sb.get(`${labs}&date=ge2020-01-01&_count=1`)).status).toBe(200);
  });
});
