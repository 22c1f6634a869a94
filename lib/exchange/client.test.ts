import { describe, expect, it } from 'vitest';
import { CID_SYSTEM } from '../identity/citizen-id';
import { createExchangeClient, HOSPITAL_SEARCHES, inArrivalOrder } from './client';
import {
  BASE,
  batchResponse,
  CID,
  ctx,
  fakeFetch,
  json,
  obs,
  obsLabIndex,
  obsVitalIndex,
  ofType,
  OTHER,
  searchset,
  standardBatch,
} from './client-test-helpers';

// Unit tests of the client's decisions against an in-memory fake fetch (the real sandbox is exercised
// in client.int.test.ts). These read the unpartitioned batch (one entry per HOSPITAL_SEARCHES row); the
// date-windowed batch and its fallbacks are tested in hospital-windows.test.ts.

describe('fetchHospitalRecords', () => {
  it('sends one batch with the four X- headers and the bearer token, and counts what it keeps', async () => {
    const { fetchImpl, calls } = fakeFetch(() => json(standardBatch()));
    const client = createExchangeClient({ baseUrl: BASE, partitionByDate: false, token: 'tok', fetchImpl });
    const r = await client.fetchHospitalRecords('11535', CID, ctx);
    expect(r.status).toBe('answered');
    expect(r.resources).toHaveLength(HOSPITAL_SEARCHES.length);
    expect(r.counts.Observation).toBe(2);
    expect(r.pages).toBe(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: `${BASE}/hospitals/11535/fhir`,
      method: 'POST',
      headers: {
        authorization: 'Bearer tok',
        'x-request-id': 'req-1',
        'x-purpose-of-use': 'TREAT',
        'x-requesting-practitioner': '12345',
        'x-requesting-organization': '11535',
      },
      body: { resourceType: 'Bundle', type: 'batch' },
    });
    const urls = (calls[0]!.body as { entry: { request: { url: string } }[] }).entry.map((e) => e.request.url);
    expect(urls).toContain(`Observation?patient.identifier=${encodeURIComponent(`${CID_SYSTEM}|${CID}`)}&category=vital-signs&_count=500`);
  });

  it('asks for the Medications medicine records name and puts them inside those records', async () => {
    const msIndex = HOSPITAL_SEARCHES.findIndex((s) => s.type === 'MedicationStatement');
    const statement = {
      ...ofType('MedicationStatement', 'ms1'),
      status: 'active',
      medicationReference: { reference: 'Medication/atorva' },
    };
    const page = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { resource: statement, search: { mode: 'match' } },
        {
          resource: { resourceType: 'Medication', id: 'atorva', code: { text: 'Atorvastatin 20 mg tablet' } },
          search: { mode: 'include' },
        },
      ],
    };
    const { fetchImpl, calls } = fakeFetch(() => json(standardBatch({ [msIndex]: page })));
    const r = await createExchangeClient({ baseUrl: BASE, partitionByDate: false, token: 't', fetchImpl }).fetchHospitalRecords(
      '11535',
      CID,
      ctx,
    );
    const urls = (calls[0]!.body as { entry: { request: { url: string } }[] }).entry.map((e) => e.request.url);
    for (const type of ['MedicationStatement', 'MedicationRequest', 'MedicationDispense'])
      expect(urls.find((u) => u.startsWith(`${type}?`))).toContain(`&_include=${type}:medication&`);
    const ms = r.resources.find((x) => x.id === 'ms1');
    expect(ms).toMatchObject({
      medicationReference: { reference: '#atorva' },
      contained: [{ resourceType: 'Medication', code: { text: 'Atorvastatin 20 mg tablet' } }],
    });
    expect(r.counts.Medication).toBeUndefined(); // a Medication is not a record of the patient
  });

  it('follows next links per search and accumulates pages', async () => {
    const { fetchImpl, calls } = fakeFetch((c) => {
      if (c.method === 'POST')
        return json(standardBatch({ [obsLabIndex]: searchset([obs('p1')], `${BASE}/hospitals/11535/fhir/Observation?page=2`) }));
      if (c.url.endsWith('page=2')) return json(searchset([obs('p2')], `${BASE}/hospitals/11535/fhir/Observation?page=3`));
      return json(searchset([obs('p3')]));
    });
    const r = await createExchangeClient({ baseUrl: BASE, partitionByDate: false, token: 't', fetchImpl }).fetchHospitalRecords(
      '11535',
      CID,
      ctx,
    );
    expect(r.status).toBe('answered');
    expect(r.pages).toBe(3);
    expect(calls.filter((c) => c.method === 'GET').every((c) => c.headers['x-purpose-of-use'] === 'TREAT')).toBe(true);
    expect(r.resources.map((x) => x.id)).toEqual(expect.arrayContaining(['p1', 'p2', 'p3']));
  });

  it('returns NO resources when a later page fails (all-or-nothing)', async () => {
    const { fetchImpl } = fakeFetch((c) => {
      if (c.method === 'POST')
        return json(standardBatch({ [obsLabIndex]: searchset([obs('p1')], `${BASE}/hospitals/11535/fhir/Observation?page=2`) }));
      return json({ resourceType: 'OperationOutcome' }, 502);
    });
    const r = await createExchangeClient({ baseUrl: BASE, partitionByDate: false, token: 't', fetchImpl }).fetchHospitalRecords(
      '11535',
      CID,
      ctx,
    );
    expect(r).toMatchObject({ status: 'error', resources: [], counts: {} });
  });

  it('refuses a next link that leaves the hospital (token must not travel) as malformed', async () => {
    const { fetchImpl, calls } = fakeFetch(() =>
      json(standardBatch({ [obsLabIndex]: searchset([obs('p1')], 'http://evil.test/hospitals/11535/fhir/Observation?page=2') })),
    );
    const r = await createExchangeClient({ baseUrl: BASE, partitionByDate: false, token: 't', fetchImpl }).fetchHospitalRecords(
      '11535',
      CID,
      ctx,
    );
    expect(r.status).toBe('malformed');
    expect(r.resources).toEqual([]);
    expect(calls.some((c) => c.url.includes('evil'))).toBe(false);
  });

  it('stops at maxPages as an error rather than showing a partial record', async () => {
    const { fetchImpl } = fakeFetch((c) =>
      c.method === 'POST'
        ? json(standardBatch({ [obsLabIndex]: searchset([obs('p0')], `${BASE}/hospitals/11535/fhir/Observation?page=1`) }))
        : json(searchset([obs(`x${c.url.length}`)], `${c.url}1`)),
    );
    const r = await createExchangeClient({
      baseUrl: BASE,
      partitionByDate: false,
      token: 't',
      fetchImpl,
      maxPages: 3,
    }).fetchHospitalRecords('11535', CID, ctx);
    expect(r).toMatchObject({ status: 'error', resources: [] });
  });

  it('drops another patient and unverifiable resources and counts them', async () => {
    const { fetchImpl } = fakeFetch(() =>
      json(
        standardBatch({
          [obsLabIndex]: searchset([
            obs('mine'),
            obs('theirs', OTHER),
            { resourceType: 'Observation', id: 'anon', subject: { reference: 'Patient/1' } },
          ]),
        }),
      ),
    );
    const r = await createExchangeClient({ baseUrl: BASE, partitionByDate: false, token: 't', fetchImpl }).fetchHospitalRecords(
      '11535',
      CID,
      ctx,
    );
    expect(r.droppedWrongPatient).toBe(1);
    expect(r.droppedUnverifiable).toBe(1);
    expect(r.resources.some((x) => x.id === 'theirs' || x.id === 'anon')).toBe(false);
    expect(JSON.stringify(r.resources)).not.toContain(OTHER);
  });

  it('keeps a resource matched by two searches once', async () => {
    const { fetchImpl } = fakeFetch(() =>
      json(standardBatch({ [obsLabIndex]: searchset([obs('same')]), [obsVitalIndex]: searchset([obs('same')]) })),
    );
    const r = await createExchangeClient({ baseUrl: BASE, partitionByDate: false, token: 't', fetchImpl }).fetchHospitalRecords(
      '11535',
      CID,
      ctx,
    );
    expect(r.counts.Observation).toBe(1);
  });

  it.each([
    ['403 on the batch', () => json({ resourceType: 'OperationOutcome' }, 403), 'not-shared'],
    [
      '403 inside the batch',
      () =>
        json(
          batchResponse(
            HOSPITAL_SEARCHES.map(() => ({ resourceType: 'OperationOutcome' })),
            '403 Forbidden',
          ),
        ),
      'not-shared',
    ],
    [
      '500 inside the batch',
      () =>
        json(
          batchResponse(
            HOSPITAL_SEARCHES.map(() => ({ resourceType: 'OperationOutcome' })),
            '500 Internal Server Error',
          ),
        ),
      'error',
    ],
    ['503', () => json({}, 503), 'error'],
    ['HTML', () => new Response('<html/>', { headers: { 'content-type': 'text/html' } }), 'malformed'],
    ['wrong resourceType', () => json({ resourceType: 'Patient' }), 'malformed'],
    ['batch with too few entries', () => json(batchResponse([searchset([])])), 'malformed'],
    ['a searchset of the wrong type', () => json(standardBatch({ 0: searchset([obs('o')]) })), 'malformed'],
    ['no resources at all', () => json(batchResponse(HOSPITAL_SEARCHES.map(() => searchset([])))), 'no-data'],
    ['network failure', () => Promise.reject(new TypeError('fetch failed')), 'error'],
  ])('%s → %s', async (_n, respond, status) => {
    const { fetchImpl } = fakeFetch(respond);
    const r = await createExchangeClient({ baseUrl: BASE, partitionByDate: false, token: 't', fetchImpl }).fetchHospitalRecords(
      '11535',
      CID,
      ctx,
    );
    expect(r.status).toBe(status);
    expect(r.resources).toEqual([]);
  });

  it('times out as a whole hospital and keeps nothing', async () => {
    const { fetchImpl } = fakeFetch(
      (c) =>
        new Promise<Response>((resolve) => {
          if (c.method === 'POST')
            resolve(json(standardBatch({ [obsLabIndex]: searchset([obs('p1')], `${BASE}/hospitals/11535/fhir/Observation?page=2`) })));
          // the next page never comes
        }),
    );
    const r = await createExchangeClient({
      baseUrl: BASE,
      partitionByDate: false,
      token: 't',
      fetchImpl,
      timeoutMs: 100,
    }).fetchHospitalRecords('11535', CID, ctx);
    expect(r).toMatchObject({ status: 'timeout', resources: [] });
  });

  it('opens the breaker after three failures, skips without a request, then allows one trial after the cool-down', async () => {
    let t = 1_000_000;
    let healthy = false;
    const { fetchImpl, calls } = fakeFetch(() => (healthy ? json(standardBatch()) : json({}, 500)));
    const client = createExchangeClient({ baseUrl: BASE, partitionByDate: false, token: 't', fetchImpl, now: () => t });
    for (let i = 0; i < 3; i++) expect((await client.fetchHospitalRecords('11535', CID, ctx)).status).toBe('error');
    expect((await client.fetchHospitalRecords('11535', CID, ctx)).status).toBe('circuit-open');
    expect(calls).toHaveLength(3);
    expect(client.breakerSnapshot()).toEqual([expect.objectContaining({ key: '11535', phase: 'open' })]);
    // other hospitals are unaffected
    expect((await client.fetchHospitalRecords('10661', CID, ctx)).status).toBe('error');
    t += 30_000;
    healthy = true;
    expect((await client.fetchHospitalRecords('11535', CID, ctx)).status).toBe('answered');
    expect(client.breakerSnapshot().find((b) => b.key === '11535')?.phase).toBe('closed');
  });

  it('does not count not-shared as a failure', async () => {
    const { fetchImpl } = fakeFetch(() => json({ resourceType: 'OperationOutcome' }, 403));
    const client = createExchangeClient({ baseUrl: BASE, partitionByDate: false, token: 't', fetchImpl });
    for (let i = 0; i < 4; i++) expect((await client.fetchHospitalRecords('11535', CID, ctx)).status).toBe('not-shared');
  });

  it('rejects malformed inputs without a request', async () => {
    const { fetchImpl, calls } = fakeFetch(() => json(standardBatch()));
    const client = createExchangeClient({ baseUrl: BASE, partitionByDate: false, token: 't', fetchImpl });
    expect((await client.fetchHospitalRecords('../x', CID, ctx)).status).toBe('error');
    expect((await client.fetchHospitalRecords('11535', '123', ctx)).status).toBe('error');
    expect((await client.fetchHospitalRecords('11535', CID, { ...ctx, requestId: 'a\r\nX-Evil: 1' })).status).toBe('error');
    expect(calls).toHaveLength(0);
  });

  it('reports every result to onHospitalResult and survives a throwing callback', async () => {
    const seen: string[] = [];
    const { fetchImpl } = fakeFetch(() => json(standardBatch()));
    const client = createExchangeClient({
      baseUrl: BASE,
      partitionByDate: false,
      token: 't',
      fetchImpl,
      onHospitalResult: (r) => {
        seen.push(r.status);
        throw new Error('metrics down');
      },
    });
    expect((await client.fetchHospitalRecords('11535', CID, ctx)).status).toBe('answered');
    expect(seen).toEqual(['answered']);
  });
});

describe('fetchAllHospitals', () => {
  it('returns one promise per distinct hospital and streams them in arrival order', async () => {
    const { fetchImpl } = fakeFetch(async (c) => {
      if (c.url.includes('/11535/')) await new Promise((r) => setTimeout(r, 30));
      return c.url.includes('/10661/') ? json({}, 403) : json(standardBatch());
    });
    const client = createExchangeClient({ baseUrl: BASE, partitionByDate: false, token: 't', fetchImpl });
    const promises = client.fetchAllHospitals(['11535', '10661', '11535'], CID, ctx);
    expect(promises).toHaveLength(2);
    const order: string[] = [];
    for await (const r of inArrivalOrder(promises)) order.push(r.hcode);
    expect(order).toEqual(['10661', '11535']);
  });
});
