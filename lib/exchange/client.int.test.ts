import { afterEach, describe, expect, inject, it } from 'vitest';
import { CID_SYSTEM, CID_SYSTEM_DOPA, CID_SYSTEMS } from '../identity/citizen-id';
import { TEST_TOKENS } from '../testing/global-setup';
import { sandboxControl } from '../testing/sandbox-control';
import { createExchangeClient, HOSPITAL_SEARCHES, inArrivalOrder, type ExchangeContext } from './client';
import type { ExchangeResource } from './validate';

const sandboxUrl = inject('sandboxUrl');
const SOMSRI = '3100400123456';
const SOMCHAI_NO_SHARING = '3100400456781';
const NOT_IN_EXCHANGE = '3100400012344';
const STRESS = '3100400678903';
const ctx: ExchangeContext = { requestId: 'int-test-1', purpose: 'TREAT', practitioner: '12345', organization: '11535' };

const control = (path: string, body?: unknown): Promise<void> => sandboxControl(sandboxUrl, path, body);

const setFaults = (faults: Record<string, unknown>): Promise<void> => control('faults', faults);

afterEach(async () => {
  await control('reset');
});

function client(extra: Partial<Parameters<typeof createExchangeClient>[0]> = {}) {
  return createExchangeClient({ baseUrl: sandboxUrl, token: TEST_TOKENS.exchange, ...extra });
}

function patientIdentifierOf(r: ExchangeResource): { system?: string; value?: string } | undefined {
  if (r.resourceType === 'AllergyIntolerance' || r.resourceType === 'Immunization') return r.patient.identifier;
  return 'subject' in r ? r.subject?.identifier : undefined;
}

describe('directory and patient index', () => {
  it('lists the 12 organisations with names, kinds and provinces', async () => {
    const orgs = await client().listOrganizations();
    expect(orgs).toHaveLength(12);
    expect(orgs.find((o) => o.code === '11535')).toEqual({
      code: '11535',
      nameTh: 'โรงพยาบาลกลาง',
      nameEn: 'Klang Hospital',
      kind: 'hospital',
      province: '10',
    });
    expect(orgs.find((o) => o.code === '10702')?.province).toBe('12'); // Phra Nang Klao, Nonthaburi
    expect(orgs.find((o) => o.code === '31001')?.kind).toBe('clinic');
    expect(orgs.find((o) => o.code === '41001')?.kind).toBe('pharmacy');
  });

  it('finds a patient by citizen ID with identity, mobile phone, language and province', async () => {
    expect(await client().findPatient({ cid: SOMSRI })).toEqual({
      outcome: 'found',
      patient: {
        cid: SOMSRI,
        nameTh: 'นางสมศรี มีสุข',
        nameEn: 'Somsri Meesuk',
        gender: 'female',
        birthDate: '1964-03-12',
        phone: '0812345678',
        language: 'th',
        province: '10',
      },
    });
  });

  it('falls back to the DOPA system when the th-cid search finds nothing', async () => {
    const seen: string[] = [];
    // Simulate an exchange that only indexes the DOPA system: th-cid searches return an empty page.
    const fetchImpl: typeof fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
      seen.push(url);
      if (url.includes(encodeURIComponent(`${CID_SYSTEM}|`))) {
        return new Response(JSON.stringify({ resourceType: 'Bundle', type: 'searchset', total: 0 }), {
          headers: { 'content-type': 'application/fhir+json' },
        });
      }
      return fetch(input, init);
    };
    const r = await client({ fetchImpl }).findPatient({ cid: SOMSRI });
    expect(r.outcome).toBe('found');
    expect(seen.some((u) => u.includes(encodeURIComponent(`${CID_SYSTEM_DOPA}|`)))).toBe(true);
  });

  it('finds a foreign patient by passport', async () => {
    const r = await client().findPatient({ passport: 'AA1234567' });
    expect(r).toMatchObject({ outcome: 'found', patient: { passport: 'AA1234567', nameEn: 'John Smith', language: 'en' } });
  });

  it('reports a citizen not in the exchange as not-found', async () => {
    expect(await client().findPatient({ cid: NOT_IN_EXCHANGE })).toEqual({ outcome: 'not-found' });
    expect(await client().findPatient({ passport: 'ZZ9999999' })).toEqual({ outcome: 'not-found' });
  });

  it('reports an index outage as unavailable (not as not-found)', async () => {
    await setFaults({ index: { errorRate: 1 } });
    expect((await client().findPatient({ cid: SOMSRI })).outcome).toBe('unavailable');
    expect((await client().listSharingHospitals(SOMSRI, ctx)).ok).toBe(false);
  });

  it('lists sharing hospitals', async () => {
    const r = await client().listSharingHospitals(SOMSRI, ctx);
    expect(r.ok && [...r.hcodes].sort()).toEqual(['10661', '11535', '13781', '24001', '41001']);
    expect(await client().listSharingHospitals(SOMCHAI_NO_SHARING, ctx)).toEqual({ ok: true, hcodes: [] });
  });

  it('is refused without the bearer token', async () => {
    const r = await createExchangeClient({ baseUrl: sandboxUrl, token: 'wrong-token' }).findPatient({ cid: SOMSRI });
    expect(r).toEqual({ outcome: 'unavailable', reason: 'http-401' });
  });
});

describe('fetchHospitalRecords', () => {
  it('answers for a sharing hospital with validated, patient-checked resources and counts', async () => {
    const r = await client().fetchHospitalRecords('11535', SOMSRI, ctx);
    expect(r.status).toBe('answered');
    expect(r.resources.length).toBeGreaterThan(0);
    expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(r.resources.length);
    expect(r.counts.Observation).toBeGreaterThan(0);
    expect(r.counts.MedicationRequest ?? 0).toBeGreaterThanOrEqual(0);
    expect([r.droppedWrongPatient, r.droppedUnverifiable, r.droppedDisallowed]).toEqual([0, 0, 0]);
    for (const res of r.resources) expect(patientIdentifierOf(res)?.value).toBe(SOMSRI);
  });

  it('keeps resources a hospital identifies with the DOPA system', async () => {
    const r = await client().fetchHospitalRecords('24001', SOMSRI, ctx);
    expect(r.status).toBe('answered');
    expect(r.resources.some((x) => patientIdentifierOf(x)?.system === CID_SYSTEM_DOPA)).toBe(true);
    for (const res of r.resources) expect(CID_SYSTEMS as readonly (string | undefined)[]).toContain(patientIdentifierOf(res)?.system);
  });

  it('is not-shared (403) for a hospital the patient does not share with', async () => {
    const r = await client().fetchHospitalRecords('11536', SOMSRI, ctx);
    expect(r).toMatchObject({ status: 'not-shared', resources: [] });
    expect((await client().fetchHospitalRecords('11535', SOMCHAI_NO_SHARING, ctx)).status).toBe('not-shared');
  });

  it('is an error for an unknown hospital', async () => {
    expect((await client().fetchHospitalRecords('99999', SOMSRI, ctx)).status).toBe('error');
  });

  // Unpartitioned, and in date windows (with 100 a page a year of lab results still overflows its window).
  it.each([false, true])(
    'follows every page for the stress patient: kept count equals the sum of searchset totals (date windows: %s)',
    async (partitionByDate) => {
      const c = client({ pageSize: 100, timeoutMs: 60_000, partitionByDate });
      const sharing = await c.listSharingHospitals(STRESS, ctx);
      if (!sharing.ok) throw new Error('sharing list unavailable');
      expect(sharing.hcodes).toHaveLength(12);

      // Independent totals: the same searches with _count=0 return only `total`.
      const identifier = encodeURIComponent(`${CID_SYSTEM}|${STRESS}`);
      const totalsFor = async (hcode: string): Promise<number> => {
        const res = await fetch(`${sandboxUrl}/hospitals/${hcode}/fhir`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${TEST_TOKENS.exchange}`, 'Content-Type': 'application/fhir+json' },
          body: JSON.stringify({
            resourceType: 'Bundle',
            type: 'batch',
            entry: HOSPITAL_SEARCHES.map((s) => ({
              request: {
                method: 'GET',
                url: `${s.type}?patient.identifier=${identifier}${s.category === undefined ? '' : `&category=${s.category}`}&_count=0`,
              },
            })),
          }),
        });
        const body = (await res.json()) as { entry: { resource: { total: number } }[] };
        return body.entry.reduce((sum, e) => sum + e.resource.total, 0);
      };

      let kept = 0;
      let expected = 0;
      let maxPages = 0;
      const promises = c.fetchAllHospitals(sharing.hcodes, STRESS, ctx);
      expect(promises).toHaveLength(12);
      for await (const r of inArrivalOrder(promises)) {
        expect(r.status).toBe('answered');
        const total = await totalsFor(r.hcode);
        expect(r.resources.length).toBe(total);
        kept += r.resources.length;
        expected += total;
        maxPages = Math.max(maxPages, r.pages);
      }
      expect(kept).toBe(expected);
      expect(kept).toBeGreaterThanOrEqual(20_000);
      expect(maxPages).toBeGreaterThan(partitionByDate ? 1 : HOSPITAL_SEARCHES.length);
    },
  );
});

describe('faults', () => {
  it('5xx → error', async () => {
    await setFaults({ '11535': { errorRate: 1 } });
    expect(await client().fetchHospitalRecords('11535', SOMSRI, ctx)).toMatchObject({ status: 'error', resources: [] });
  });

  it('a hospital that never answers → timeout with no resources', async () => {
    await setFaults({ '11535': { timeoutRate: 1 } });
    expect(await client({ timeoutMs: 300 }).fetchHospitalRecords('11535', SOMSRI, ctx)).toMatchObject({ status: 'timeout', resources: [] });
  });

  it('a slow hospital beyond the deadline → timeout', async () => {
    await setFaults({ '11535': { latencyMs: 3000 } });
    expect(await client({ timeoutMs: 300 }).fetchHospitalRecords('11535', SOMSRI, ctx)).toMatchObject({ status: 'timeout', resources: [] });
  });

  it.each(['html', 'truncated', 'wrong-type'] as const)('malformed body (%s) → malformed', async (kind) => {
    await setFaults({ '11535': { malformedRate: 1, malformedKind: kind } });
    expect(await client().fetchHospitalRecords('11535', SOMSRI, ctx)).toMatchObject({ status: 'malformed', resources: [] });
  });

  it("another patient's resource is dropped, counted, and nothing of theirs is kept", async () => {
    await setFaults({ '11535': { wrongPatientRate: 1 } });
    const r = await client().fetchHospitalRecords('11535', SOMSRI, ctx);
    expect(r.status).toBe('answered');
    expect(r.droppedWrongPatient).toBe(1);
    for (const res of r.resources) expect(patientIdentifierOf(res)?.value).toBe(SOMSRI);
    expect(r.resources.some((x) => x.id?.endsWith('-wrong-patient'))).toBe(false);
  });

  it('one failing hospital does not affect the others', async () => {
    await setFaults({ '11535': { errorRate: 1 } });
    const results = await Promise.all(client().fetchAllHospitals(['11535', '10661'], SOMSRI, ctx));
    expect(results.map((r) => [r.hcode, r.status])).toEqual([
      ['11535', 'error'],
      ['10661', 'answered'],
    ]);
  });

  it('opens the breaker after repeated failures, then skips the hospital without a request', async () => {
    await setFaults({ '11535': { errorRate: 1 } });
    let requests = 0;
    const fetchImpl: typeof fetch = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    const t = 1_000_000;
    const c = client({ fetchImpl, now: () => t });
    for (let i = 0; i < 3; i++) expect((await c.fetchHospitalRecords('11535', SOMSRI, ctx)).status).toBe('error');
    expect(requests).toBe(3);
    expect(await c.fetchHospitalRecords('11535', SOMSRI, ctx)).toMatchObject({ status: 'circuit-open', resources: [] });
    expect(requests).toBe(3);
    expect(c.breakerSnapshot()).toContainEqual(expect.objectContaining({ key: '11535', phase: 'open', consecutiveFailures: 3 }));
  });

  it('closes the breaker again after the cool-down when the hospital recovers', async () => {
    await setFaults({ '11535': { errorRate: 1 } });
    let t = 1_000_000;
    const c = client({ now: () => t });
    for (let i = 0; i < 3; i++) await c.fetchHospitalRecords('11535', SOMSRI, ctx);
    expect((await c.fetchHospitalRecords('11535', SOMSRI, ctx)).status).toBe('circuit-open');
    await setFaults({ '11535': null });
    t += 30_000;
    expect((await c.fetchHospitalRecords('11535', SOMSRI, ctx)).status).toBe('answered');
    expect(c.breakerSnapshot()).toContainEqual(expect.objectContaining({ key: '11535', phase: 'closed' }));
  });
});
