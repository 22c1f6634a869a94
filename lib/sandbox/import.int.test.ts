import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Bundle, Consent, MedicationStatement, Observation, Patient } from '@medplum/fhirtypes';
import { afterAll, describe, expect, it } from 'vitest';
import { withCitizenIdCheckDigit } from '../identity/citizen-id';
import { parseImportBundle, saveImportRecord } from './importer';
import { TH_CID, TOKENS, makeDataDir, q, resources, startTestSandbox, type TestSandbox } from './test-helpers';

const dataDir = makeDataDir();
const cid = withCitizenIdCheckDigit('199900000001');
let sb: TestSandbox | undefined;

afterAll(async () => {
  await sb?.dispose();
});

const goodBundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    {
      fullUrl: 'urn:uuid:pat-1',
      resource: {
        resourceType: 'Patient',
        id: 'pat-1',
        name: [{ given: ['Jane123'], family: 'Doe456' }],
        gender: 'female',
        birthDate: '1990-01-02',
      },
    },
    {
      fullUrl: 'urn:uuid:enc-1',
      resource: {
        resourceType: 'Encounter',
        id: 'enc-1',
        status: 'finished',
        class: { code: 'AMB' },
        subject: { reference: 'urn:uuid:pat-1' },
      },
    },
    {
      fullUrl: 'urn:uuid:obs-1',
      resource: {
        resourceType: 'Observation',
        id: 'obs-1',
        status: 'final',
        code: { text: 'Heart rate' },
        subject: { reference: 'urn:uuid:pat-1' },
        encounter: { reference: 'urn:uuid:enc-1' },
      },
    },
    { resource: { resourceType: 'Claim', id: 'claim-1', patient: { reference: 'Patient/pat-1' } } },
  ],
};

describe('import', () => {
  it('rejects a bundle with a bad entry, naming the entry, and loads nothing of it', () => {
    const bad = { ...goodBundle, entry: [...goodBundle.entry, { fullUrl: 'urn:uuid:x' }] };
    const parsed = parseImportBundle(JSON.stringify(bad), 'bad.json', { hcode: '11535', cid }, '2026-11-15T00:00:00Z');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain('entry 4');
    const notJson = parseImportBundle(
      '{\n  "resourceType": "Bundle",\n  "type": oops\n}',
      'x.json',
      { hcode: '11535', cid },
      '2026-11-15T00:00:00Z',
    );
    expect(!notJson.ok && notJson.reason).toContain('line 3 column 11');
    const notBundle = parseImportBundle('{"resourceType":"Patient"}', 'p.json', { hcode: '11535', cid }, '2026-11-15T00:00:00Z');
    expect(notBundle.ok).toBe(false);
  });

  it('serves a good import, which survives a restart on the same data dir', async () => {
    sb = await startTestSandbox(dataDir);
    expect(((await (await sb.get(`/Patient?identifier=${q(TH_CID, cid)}`)).json()) as Bundle).total).toBe(0);

    const parsed = parseImportBundle(
      JSON.stringify(goodBundle),
      'good.json',
      { hcode: '11535', cid, phone: '0811111111' },
      '2026-11-15T00:00:00Z',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    saveImportRecord(dataDir, parsed.record, 0);
    expect((await sb.post('/_sandbox/reload', {}, TOKENS.control)).status).toBe(200);

    const check = async (s: TestSandbox): Promise<void> => {
      const [p] = resources<Patient>((await (await s.get(`/Patient?identifier=${q(TH_CID, cid)}`)).json()) as Bundle);
      expect(p?.name?.[0]?.text).toBe('Jane Doe');
      expect(p?.telecom?.[0]?.value).toBe('0811111111');
      const consents = resources<Consent>(
        (await (await s.get(`/Consent?patient.identifier=${q(TH_CID, cid)}&category=sharing`)).json()) as Bundle,
      );
      expect(consents.map((c) => c.provision?.actor?.[0]?.reference.reference)).toEqual(['Organization/11535']);
      const obs = resources<Observation>(
        (await (await s.get(`/hospitals/11535/fhir/Observation?patient.identifier=${q(TH_CID, cid)}`)).json()) as Bundle,
      );
      expect(obs).toHaveLength(1);
      expect(obs[0]?.subject?.identifier).toEqual({ system: TH_CID, value: cid });
      expect(obs[0]?.subject?.reference).toMatch(/^Patient\//);
      expect(obs[0]?.encounter?.reference).toBe('Encounter/enc-1');
    };
    await check(sb);
    await sb.close();
    sb = { ...(await startTestSandbox(dataDir)) };
    await check(sb);
  });

  it("keeps a document Bundle's Medication and serves it with _include=<type>:medication only", async () => {
    if (!sb) throw new Error('sandbox not started');
    const medCid = withCitizenIdCheckDigit('199900000002');
    const doc = {
      resourceType: 'Bundle',
      type: 'document',
      entry: [
        { fullUrl: 'urn:uuid:comp', resource: { resourceType: 'Composition', status: 'final', subject: { reference: 'urn:uuid:pat' } } },
        { fullUrl: 'urn:uuid:pat', resource: { resourceType: 'Patient', name: [{ given: ['Ann'], family: 'Lee' }] } },
        {
          fullUrl: 'urn:uuid:ms',
          resource: {
            resourceType: 'MedicationStatement',
            status: 'active',
            subject: { reference: 'urn:uuid:pat' },
            medicationReference: { reference: 'urn:uuid:med' },
          },
        },
        { fullUrl: 'urn:uuid:med', resource: { resourceType: 'Medication', id: 'med-1', code: { text: 'Anastrozole 1 mg' } } },
      ],
    };
    const parsed = parseImportBundle(JSON.stringify(doc), 'doc.json', { hcode: '11535', cid: medCid }, '2026-11-15T00:00:00Z');
    if (!parsed.ok) throw new Error(parsed.reason);
    saveImportRecord(dataDir, parsed.record, 1);
    expect((await sb.post('/_sandbox/reload', {}, TOKENS.control)).status).toBe(200);
    const search = async (extra: string): Promise<Bundle> =>
      (await (await sb!.get(`/hospitals/11535/fhir/MedicationStatement?patient.identifier=${q(TH_CID, medCid)}${extra}`)).json()) as Bundle;
    const plain = await search('');
    expect(plain.entry?.map((e) => [e.resource?.resourceType, e.search?.mode])).toEqual([['MedicationStatement', 'match']]);
    expect(resources<MedicationStatement>(plain)[0]?.medicationReference?.reference).toBe('Medication/med-1');
    const withMed = await search('&_include=MedicationStatement:medication');
    expect(withMed.entry?.map((e) => [e.resource?.resourceType, e.search?.mode])).toEqual([
      ['MedicationStatement', 'match'],
      ['Medication', 'include'],
    ]);
    expect(withMed.total).toBe(1);
    expect((await sb.get(`/hospitals/11535/fhir/Medication?patient.identifier=${q(TH_CID, medCid)}`)).status).toBe(404);
  });

  it('accepts an import over HTTP and rejects a malformed one whole', async () => {
    if (!sb) throw new Error('sandbox not started');
    const bad = await fetch(`${sb.url}/_sandbox/import?hospital=24001&cid=${cid}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.control}` },
      body: '{"resourceType":"Bundle","type":"batch","entry":[{"resource":{}}]}',
    });
    expect(bad.status).toBe(400);
    expect((await sb.get(`/hospitals/24001/fhir/Observation?patient.identifier=${q(TH_CID, cid)}`)).status).toBe(403);
    writeFileSync(path.join(dataDir, 'not-an-import.txt'), 'ignored');
    const good = await fetch(`${sb.url}/_sandbox/import?hospital=24001&cid=${cid}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.control}` },
      body: JSON.stringify(goodBundle),
    });
    expect(good.status).toBe(201);
    expect((await sb.get(`/hospitals/24001/fhir/Observation?patient.identifier=${q(TH_CID, cid)}`)).status).toBe(200);
  });
});
