import { describe, expect, it } from 'vitest';
import { CID_SYSTEM, CID_SYSTEM_DOPA } from '../identity/citizen-id';
import { SYSTEMS } from '../clinical/terminology';
import { createExchangeClient, ExchangeUnavailableError } from './client';
import { BASE, CID, ctx, fakeFetch, json, OTHER, searchset } from './client-test-helpers';

// The directory, patient and consent lookups against an in-memory fake fetch (the real sandbox is exercised
// in client.int.test.ts).
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
