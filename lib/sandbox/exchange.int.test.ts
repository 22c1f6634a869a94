import type { Bundle, Consent, Observation, OperationOutcome, Organization, Patient, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CID_NOT_IN_EXCHANGE, DEMO_PATIENTS, HOSPITALS, findDemoPatient } from './demo-catalog';
import { DOPA, TH_CID, TOKENS, nextLink, q, resources, startTestSandbox, type TestSandbox } from './test-helpers';

let sb: TestSandbox;
const somsri = findDemoPatient('somsri');
const stress = findDemoPatient('stress');

beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(async () => {
  await sb.dispose();
});

async function bundle(path: string): Promise<Bundle> {
  const res = await sb.get(path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/fhir+json');
  return (await res.json()) as Bundle;
}

function patientCid(r: Resource): string | undefined {
  const ref = 'patient' in r && r.resourceType !== 'Consent' ? r.patient : 'subject' in r ? r.subject : undefined;
  return (ref as { identifier?: { value?: string } } | undefined)?.identifier?.value;
}

describe('auth and routing', () => {
  it('serves /health without auth', async () => {
    const res = await fetch(`${sb.url}/health`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers 401 with an OperationOutcome without or with a wrong token', async () => {
    for (const token of [undefined, 'nope', TOKENS.council]) {
      const res =
        token === undefined ? await fetch(`${sb.url}/Organization?active=true`) : await sb.get('/Organization?active=true', token);
      expect(res.status).toBe(401);
      expect(((await res.json()) as OperationOutcome).resourceType).toBe('OperationOutcome');
    }
  });

  it('answers 404 for unknown routes and 400 for bad params', async () => {
    expect((await sb.get('/Nope')).status).toBe(404);
    const bad = await sb.get(`/Patient?identifier=${q(TH_CID, '12345')}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as OperationOutcome).issue[0]?.code).toBe('invalid');
    expect((await sb.get(`/hospitals/11535/fhir/Observation?patient.identifier=${q(TH_CID, somsri.cid)}&_count=abc`)).status).toBe(400);
  });
});

describe('index', () => {
  it('lists the 12 organisations', async () => {
    const orgs = resources<Organization>(await bundle('/Organization?active=true'));
    expect(orgs.map((o) => o.identifier?.[0]?.value).sort()).toEqual(HOSPITALS.map((h) => h.hcode).sort());
    const klang = orgs.find((o) => o.id === '11535');
    expect(klang?.name).toBe('โรงพยาบาลกลาง');
    expect(klang?.alias).toEqual(['Klang Hospital']);
    expect(klang?.type?.[0]?.coding?.[0]?.code).toBe('prov');
  });

  it('finds a patient by either citizen-ID system and by passport', async () => {
    for (const system of [TH_CID, DOPA]) {
      const [p] = resources<Patient>(await bundle(`/Patient?identifier=${q(system, somsri.cid)}`));
      expect(p?.identifier?.[0]?.value).toBe(somsri.cid);
      expect(p?.telecom?.[0]).toEqual({ system: 'phone', use: 'mobile', value: '0812345678' });
      expect(p?.name?.[0]?.text).toBe('นางสมศรี มีสุข');
    }
    const [john] = resources<Patient>(await bundle(`/Patient?identifier=${q('https://terms.sil-th.org/id/passport', 'AA1234567')}`));
    expect(john?.name?.[0]?.text).toBe('John Smith');
    expect(john?.communication?.[0]?.language.coding?.[0]?.code).toBe('en');
  });

  it('returns an empty searchset for a valid ID not in the exchange, and no phone for Buaphan', async () => {
    expect((await bundle(`/Patient?identifier=${q(TH_CID, CID_NOT_IN_EXCHANGE)}`)).total).toBe(0);
    const [bua] = resources<Patient>(await bundle(`/Patient?identifier=${q(TH_CID, findDemoPatient('buaphan').cid)}`));
    expect(bua?.telecom).toBeUndefined();
  });

  it("says since when the exchange has held Wanida's phone number (changed two days ago)", async () => {
    const [wanida] = resources<Patient>(await bundle(`/Patient?identifier=${q(TH_CID, findDemoPatient('wanida').cid)}`));
    const since = wanida?.telecom?.[0]?.period?.start;
    expect(since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const days = (Date.now() - Date.parse(`${since!}T00:00:00Z`)) / 86_400_000;
    expect(days).toBeGreaterThan(1);
    expect(days).toBeLessThan(4);
  });

  it('lists consents per shared hospital', async () => {
    const consents = resources<Consent>(await bundle(`/Consent?patient.identifier=${q(TH_CID, somsri.cid)}&category=sharing`));
    expect(consents.map((c) => c.provision?.actor?.[0]?.reference.reference)).toEqual(somsri.sharesWith.map((h) => `Organization/${h}`));
    expect(consents[0]?.status).toBe('active');
    const none = await bundle(`/Consent?patient.identifier=${q(TH_CID, findDemoPatient('somchai').cid)}&category=sharing`);
    expect(none.total).toBe(0);
  });
});

describe('per-hospital search', () => {
  it('answers 403 for a hospital the patient does not share with and 404 for an unknown hospital', async () => {
    const forbidden = await sb.get(`/hospitals/11536/fhir/Observation?patient.identifier=${q(TH_CID, somsri.cid)}`);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as OperationOutcome).resourceType).toBe('OperationOutcome');
    expect((await sb.get(`/hospitals/10661/fhir/Condition?patient.identifier=${q(TH_CID, findDemoPatient('somchai').cid)}`)).status).toBe(
      403,
    );
    expect((await sb.get(`/hospitals/99999/fhir/Observation?patient.identifier=${q(TH_CID, somsri.cid)}`)).status).toBe(404);
  });

  it('accepts both ID systems and every resource carries the consented citizen ID', async () => {
    for (const system of [TH_CID, DOPA]) {
      const b = await bundle(`/hospitals/11536/fhir/MedicationStatement?patient.identifier=${q(system, findDemoPatient('boonchai').cid)}`);
      expect(b.total).toBeGreaterThan(0);
      for (const r of resources(b)) expect(patientCid(r)).toBe(findDemoPatient('boonchai').cid);
    }
    const allergies = resources(await bundle(`/hospitals/11535/fhir/AllergyIntolerance?patient.identifier=${q(DOPA, somsri.cid)}`));
    expect(allergies.length).toBeGreaterThan(0);
    for (const a of allergies) expect(patientCid(a)).toBe(somsri.cid);
  });

  it('filters by category', async () => {
    const base = `/hospitals/11535/fhir`;
    const labs = resources<Observation>(
      await bundle(`${base}/Observation?patient.identifier=${q(TH_CID, somsri.cid)}&category=laboratory`),
    );
    const vitals = resources<Observation>(
      await bundle(`${base}/Observation?patient.identifier=${q(TH_CID, somsri.cid)}&category=vital-signs`),
    );
    expect(labs.length).toBeGreaterThan(0);
    expect(vitals.length).toBeGreaterThan(0);
    expect(labs.every((o) => o.category?.[0]?.coding?.[0]?.code === 'laboratory')).toBe(true);
    const rad = await bundle(`${base}/DiagnosticReport?patient.identifier=${q(TH_CID, somsri.cid)}&category=RAD`);
    const imaging = await bundle(`${base}/DiagnosticReport?patient.identifier=${q(TH_CID, somsri.cid)}&category=imaging`);
    expect(rad.total).toBe(1);
    expect(imaging.total).toBe(1);
  });

  it('pages the stress patient by following next links until done', async () => {
    let url: string | undefined = `${sb.url}/hospitals/11535/fhir/Observation?patient.identifier=${q(TH_CID, stress.cid)}&_count=1000`;
    const ids = new Set<string>();
    let total = -1;
    let pages = 0;
    while (url) {
      const res = await fetch(url, { headers: { authorization: `Bearer ${TOKENS.exchange}` } });
      const b = (await res.json()) as Bundle;
      total = b.total ?? -1;
      for (const r of resources(b)) ids.add(r.id ?? '');
      url = nextLink(b);
      pages++;
    }
    expect(total).toBeGreaterThan(1000);
    expect(ids.size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 1000));
  });

  it('defaults _count to 100 and caps it at 1000', async () => {
    const d = await bundle(`/hospitals/11535/fhir/Observation?patient.identifier=${q(TH_CID, stress.cid)}`);
    expect(d.entry).toHaveLength(100);
    const big = await bundle(`/hospitals/11535/fhir/Observation?patient.identifier=${q(TH_CID, stress.cid)}&_count=5000`);
    expect(big.entry).toHaveLength(1000);
  });

  it('answers a batch in one round trip', async () => {
    const res = await sb.post('/hospitals/10661/fhir', {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { request: { method: 'GET', url: `Observation?patient.identifier=${q(TH_CID, somsri.cid)}&_count=5` } },
        { request: { method: 'GET', url: `MedicationRequest?patient.identifier=${q(DOPA, somsri.cid)}` } },
        { request: { method: 'GET', url: `Condition?patient.identifier=${q(TH_CID, findDemoPatient('boonchai').cid)}` } },
      ],
    });
    expect(res.status).toBe(200);
    const b = (await res.json()) as Bundle;
    expect(b.type).toBe('batch-response');
    expect(b.entry?.map((e) => e.response?.status)).toEqual(['200', '200', '403']);
    const obs = b.entry?.[0]?.resource as Bundle;
    expect(obs.entry).toHaveLength(5);
    expect(nextLink(obs)).toContain('_offset=5');
  });
});

describe('demo stories', () => {
  it('gives Somsri glucose in mg/dL at one hospital and mmol/L at another', async () => {
    const units = new Set<string>();
    for (const h of ['11535', '10661']) {
      const obs = resources<Observation>(
        await bundle(`/hospitals/${h}/fhir/Observation?patient.identifier=${q(TH_CID, somsri.cid)}&_count=1000`),
      );
      for (const o of obs)
        if (o.code?.text?.includes('Glucose') || o.code?.coding?.some((c) => c.code === '320186')) units.add(o.valueQuantity?.unit ?? '');
    }
    expect(units).toEqual(new Set(['mg/dL', 'mmol/L']));
  });

  it('labels sensitive records with meta.security', async () => {
    const conditions = resources(
      await bundle(`/hospitals/10662/fhir/Condition?patient.identifier=${q(TH_CID, findDemoPatient('pimchanok').cid)}`),
    );
    expect(conditions.some((c) => c.meta?.security?.some((s) => s.code === 'HIV'))).toBe(true);
  });

  it('has one demo patient for each story', () => {
    expect(DEMO_PATIENTS).toHaveLength(10);
    expect(new Set(DEMO_PATIENTS.map((p) => p.story)).size).toBe(DEMO_PATIENTS.length);
  });
});
