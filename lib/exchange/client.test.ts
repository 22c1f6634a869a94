import { describe, expect, it } from 'vitest';
import { CID_SYSTEM, CID_SYSTEM_DOPA } from '../identity/citizen-id';
import { SYSTEMS } from '../clinical/terminology';
import { createExchangeClient, ExchangeUnavailableError, HOSPITAL_SEARCHES, inArrivalOrder, type ExchangeContext } from './client';

// Unit tests of the client's decisions against an in-memory fake fetch (the real sandbox is exercised
// in client.int.test.ts).
const BASE = 'http://exchange.test';
const CID = '3100400123456';
const OTHER = '3100400234568';
const ctx: ExchangeContext = { requestId: 'req-1', purpose: 'TREAT', practitioner: '12345', organization: '11535' };

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
}

type Route = (call: Call) => Response | Promise<Response>;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/fhir+json' } });
}

function fakeFetch(route: Route): { fetchImpl: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const call: Call = {
      url,
      method: init?.method ?? 'GET',
      headers,
      ...(typeof init?.body === 'string' ? { body: JSON.parse(init.body) as unknown } : {}),
    };
    calls.push(call);
    return route(call);
  }) as typeof fetch;
  return { fetchImpl, calls };
}

const obs = (id: string, cid = CID, system = CID_SYSTEM) => ({
  resourceType: 'Observation',
  id,
  subject: { identifier: { system, value: cid } },
});
const ofType = (type: string, id: string, cid = CID) =>
  type === 'AllergyIntolerance' || type === 'Immunization'
    ? { resourceType: type, id, patient: { identifier: { system: CID_SYSTEM_DOPA, value: cid } } }
    : { resourceType: type, id, subject: { identifier: { system: CID_SYSTEM, value: cid } } };
const searchset = (resources: unknown[], next?: string) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  total: resources.length,
  ...(next === undefined ? {} : { link: [{ relation: 'next', url: next }] }),
  entry: resources.map((resource) => ({ resource })),
});
const batchResponse = (bodies: unknown[], status = '200 OK') => ({
  resourceType: 'Bundle',
  type: 'batch-response',
  entry: bodies.map((resource) => ({ resource, response: { status } })),
});

/** A batch answer with one resource per search, plus optional overrides per search index. */
function standardBatch(overrides: Record<number, unknown> = {}) {
  return batchResponse(HOSPITAL_SEARCHES.map((s, i) => overrides[i] ?? searchset([ofType(s.type, `${s.type}-${s.category ?? ''}-${i}`)])));
}

const obsLabIndex = HOSPITAL_SEARCHES.findIndex((s) => s.type === 'Observation' && s.category === 'laboratory');
const obsVitalIndex = HOSPITAL_SEARCHES.findIndex((s) => s.type === 'Observation' && s.category === 'vital-signs');

describe('fetchHospitalRecords', () => {
  it('sends one batch with the four X- headers and the bearer token, and counts what it keeps', async () => {
    const { fetchImpl, calls } = fakeFetch(() => json(standardBatch()));
    const client = createExchangeClient({ baseUrl: BASE, token: 'tok', fetchImpl });
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
    const r = await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).fetchHospitalRecords('11535', CID, ctx);
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
    const r = await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).fetchHospitalRecords('11535', CID, ctx);
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
    const r = await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).fetchHospitalRecords('11535', CID, ctx);
    expect(r).toMatchObject({ status: 'error', resources: [], counts: {} });
  });

  it('refuses a next link that leaves the hospital (token must not travel) as malformed', async () => {
    const { fetchImpl, calls } = fakeFetch(() =>
      json(standardBatch({ [obsLabIndex]: searchset([obs('p1')], 'http://evil.test/hospitals/11535/fhir/Observation?page=2') })),
    );
    const r = await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).fetchHospitalRecords('11535', CID, ctx);
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
    const r = await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl, maxPages: 3 }).fetchHospitalRecords('11535', CID, ctx);
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
    const r = await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).fetchHospitalRecords('11535', CID, ctx);
    expect(r.droppedWrongPatient).toBe(1);
    expect(r.droppedUnverifiable).toBe(1);
    expect(r.resources.some((x) => x.id === 'theirs' || x.id === 'anon')).toBe(false);
    expect(JSON.stringify(r.resources)).not.toContain(OTHER);
  });

  it('keeps a resource matched by two searches once', async () => {
    const { fetchImpl } = fakeFetch(() =>
      json(standardBatch({ [obsLabIndex]: searchset([obs('same')]), [obsVitalIndex]: searchset([obs('same')]) })),
    );
    const r = await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).fetchHospitalRecords('11535', CID, ctx);
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
    const r = await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).fetchHospitalRecords('11535', CID, ctx);
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
    const r = await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl, timeoutMs: 100 }).fetchHospitalRecords('11535', CID, ctx);
    expect(r).toMatchObject({ status: 'timeout', resources: [] });
  });

  it('opens the breaker after three failures, skips without a request, then allows one trial after the cool-down', async () => {
    let t = 1_000_000;
    let healthy = false;
    const { fetchImpl, calls } = fakeFetch(() => (healthy ? json(standardBatch()) : json({}, 500)));
    const client = createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl, now: () => t });
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
    const client = createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl });
    for (let i = 0; i < 4; i++) expect((await client.fetchHospitalRecords('11535', CID, ctx)).status).toBe('not-shared');
  });

  it('rejects malformed inputs without a request', async () => {
    const { fetchImpl, calls } = fakeFetch(() => json(standardBatch()));
    const client = createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl });
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
    const client = createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl });
    const promises = client.fetchAllHospitals(['11535', '10661', '11535'], CID, ctx);
    expect(promises).toHaveLength(2);
    const order: string[] = [];
    for await (const r of inArrivalOrder(promises)) order.push(r.hcode);
    expect(order).toEqual(['10661', '11535']);
  });
});

describe('directory, patient and consent lookups', () => {
  const org = (hcode: string, type: string) => ({
    resourceType: 'Organization',
    id: hcode,
    identifier: [{ system: SYSTEMS.hcode, value: hcode }],
    name: `ชื่อ ${hcode}`,
    alias: [`Name ${hcode}`],
    type: [{ coding: [{ code: type }] }],
  });

  it('caches the directory for 10 minutes', async () => {
    let t = 0;
    const { fetchImpl, calls } = fakeFetch(() =>
      json(searchset([org('11535', 'hospital'), org('31001', 'clinic'), org('41001', 'pharmacy'), org('99999', 'govt')])),
    );
    const client = createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl, now: () => t });
    const list = await client.listOrganizations();
    expect(list).toEqual([
      { code: '11535', nameTh: 'ชื่อ 11535', nameEn: 'Name 11535', kind: 'hospital' },
      { code: '31001', nameTh: 'ชื่อ 31001', nameEn: 'Name 31001', kind: 'clinic' },
      { code: '41001', nameTh: 'ชื่อ 41001', nameEn: 'Name 41001', kind: 'pharmacy' },
      { code: '99999', nameTh: 'ชื่อ 99999', nameEn: 'Name 99999', kind: 'other' },
    ]);
    t = 9 * 60_000;
    await client.listOrganizations();
    expect(calls).toHaveLength(1);
    t = 11 * 60_000;
    await client.listOrganizations();
    expect(calls).toHaveLength(2);
  });

  it('throws ExchangeUnavailableError with nothing cached, and serves stale data once it has some', async () => {
    let t = 0;
    let up = false;
    const { fetchImpl } = fakeFetch(() => (up ? json(searchset([org('11535', 'hospital')])) : json({}, 503)));
    const client = createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl, now: () => t });
    await expect(client.listOrganizations()).rejects.toBeInstanceOf(ExchangeUnavailableError);
    up = true;
    expect(await client.listOrganizations()).toHaveLength(1);
    up = false;
    t = 11 * 60_000;
    expect(await client.listOrganizations()).toHaveLength(1);
  });

  const patient = (cid: string, system = CID_SYSTEM) => ({
    resourceType: 'Patient',
    id: 'p',
    identifier: [{ system, value: cid }],
    name: [
      { prefix: ['นาง'], given: ['สมศรี'], family: 'มีสุข' },
      { given: ['Somsri'], family: 'Meesuk' },
    ],
    gender: 'female',
    birthDate: '1964-03-12',
    telecom: [
      { system: 'phone', use: 'home', value: '021111111' },
      { system: 'phone', use: 'mobile', value: '0812345678' },
    ],
    communication: [{ language: { coding: [{ code: 'th' }] }, preferred: true }],
  });

  it('maps a found patient (Thai and English names, mobile phone, language)', async () => {
    const { fetchImpl } = fakeFetch(() => json(searchset([patient(CID, CID_SYSTEM_DOPA)])));
    const r = await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).findPatient({ cid: CID });
    expect(r).toEqual({
      outcome: 'found',
      patient: {
        cid: CID,
        nameTh: 'นางสมศรี มีสุข',
        nameEn: 'Somsri Meesuk',
        gender: 'female',
        birthDate: '1964-03-12',
        phone: '0812345678',
        language: 'th',
      },
    });
  });

  it('tries DOPA when th-cid finds nothing', async () => {
    const { fetchImpl, calls } = fakeFetch((c) =>
      json(searchset(c.url.includes(encodeURIComponent(CID_SYSTEM_DOPA)) ? [patient(CID, CID_SYSTEM_DOPA)] : [])),
    );
    const r = await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).findPatient({ cid: CID });
    expect(r.outcome).toBe('found');
    expect(calls).toHaveLength(2);
  });

  it('never reports another person as found', async () => {
    const { fetchImpl } = fakeFetch(() => json(searchset([patient(OTHER)])));
    expect(await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).findPatient({ cid: CID })).toEqual({
      outcome: 'unavailable',
      reason: 'mismatch',
    });
  });

  it('reports an exchange outage as unavailable, not as not-found', async () => {
    const { fetchImpl } = fakeFetch(() => json({}, 503));
    expect(await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).findPatient({ cid: CID })).toEqual({
      outcome: 'unavailable',
      reason: 'http-503',
    });
  });

  it('retries a dropped connection once (idempotent read) and finds the patient', async () => {
    let n = 0;
    const { fetchImpl, calls } = fakeFetch(() =>
      n++ === 0 ? Promise.reject(new TypeError('fetch failed')) : json(searchset([patient(CID)])),
    );
    expect((await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).findPatient({ cid: CID })).outcome).toBe('found');
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['a second network failure', () => Promise.reject(new TypeError('fetch failed')), 'network', 2],
    ['an error status', () => json({}, 503), 'http-503', 1],
    ['a malformed answer', () => json({ resourceType: 'Patient' }), 'malformed', 1],
  ])('gives up on %s without more retries', async (_name, respond, reason, requests) => {
    const { fetchImpl, calls } = fakeFetch(respond);
    expect(await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).findPatient({ cid: CID })).toEqual({
      outcome: 'unavailable',
      reason,
    });
    expect(calls).toHaveLength(requests);
  });

  const consent = (hcode: string, status = 'active', cid = CID) => ({
    resourceType: 'Consent',
    status,
    patient: { identifier: { system: CID_SYSTEM, value: cid } },
    provision: { actor: [{ reference: { reference: `Organization/${hcode}`, identifier: { system: SYSTEMS.hcode, value: hcode } } }] },
  });

  it('lists hospitals with an active sharing consent', async () => {
    const { fetchImpl, calls } = fakeFetch(() => json(searchset([consent('11535'), consent('10661'), consent('13781', 'inactive')])));
    const r = await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).listSharingHospitals(CID, ctx);
    expect(r).toEqual({ ok: true, hcodes: ['11535', '10661'] });
    expect(calls[0]?.headers['x-requesting-practitioner']).toBe('12345');
  });

  it('retries a dropped connection once when listing sharing hospitals', async () => {
    let n = 0;
    const { fetchImpl, calls } = fakeFetch(() =>
      n++ === 0 ? Promise.reject(new TypeError('fetch failed')) : json(searchset([consent('11535')])),
    );
    expect(await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).listSharingHospitals(CID, ctx)).toEqual({
      ok: true,
      hcodes: ['11535'],
    });
    expect(calls).toHaveLength(2);
  });

  it('never retries inside a hospital fetch (its deadline and breaker decide)', async () => {
    const { fetchImpl, calls } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    expect((await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).fetchHospitalRecords('11535', CID, ctx)).status).toBe(
      'error',
    );
    expect(calls).toHaveLength(1);
  });

  it('treats a consent naming another patient as an untrustworthy answer', async () => {
    const { fetchImpl } = fakeFetch(() => json(searchset([consent('11535'), consent('10661', 'active', OTHER)])));
    expect(await createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl }).listSharingHospitals(CID, ctx)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });
});
