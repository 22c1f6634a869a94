import type { Bundle, Observation, OperationOutcome } from '@medplum/fhirtypes';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findDemoPatient } from './demo-catalog';
import { TH_CID, TOKENS, q, resources, startTestSandbox, type TestSandbox } from './test-helpers';

let sb: TestSandbox;
const somsri = findDemoPatient('somsri');
const obsPath = `/hospitals/11535/fhir/Observation?patient.identifier=${q(TH_CID, somsri.cid)}&_count=5`;

beforeAll(async () => {
  sb = await startTestSandbox();
});
afterEach(async () => {
  await sb.post('/_sandbox/reset', {}, TOKENS.control);
});
afterAll(async () => {
  await sb.dispose();
});

async function setFaults(body: unknown): Promise<Response> {
  return sb.post('/_sandbox/faults', body, TOKENS.control);
}

describe('control API', () => {
  it('requires the control token', async () => {
    expect((await sb.post('/_sandbox/faults', { '11535': { errorRate: 1 } }, TOKENS.exchange)).status).toBe(401);
    expect((await sb.get('/_sandbox/faults', undefined)).status).toBe(401);
  });

  it('merges, returns and clears faults; rejects unknown targets', async () => {
    await setFaults({ '11535': { errorRate: 0.5 } });
    await setFaults({ '11535': { latencyMs: [10, 20] }, council: { errorRate: 1 } });
    const got = (await (await sb.get('/_sandbox/faults', TOKENS.control)).json()) as { faults: Record<string, unknown> };
    expect(got.faults).toEqual({ '11535': { errorRate: 0.5, latencyMs: [10, 20] }, council: { errorRate: 1 } });
    await setFaults({ council: null });
    const after = (await (await sb.get('/_sandbox/faults', TOKENS.control)).json()) as { faults: Record<string, unknown> };
    expect(Object.keys(after.faults)).toEqual(['11535']);
    expect((await setFaults({ '99999': { errorRate: 1 } })).status).toBe(400);
    expect((await setFaults({ '11535': { errorRate: 2 } })).status).toBe(400);
  });
});

describe('fault kinds', () => {
  it('adds latency', async () => {
    await setFaults({ '11535': { latencyMs: 300 } });
    const t = Date.now();
    expect((await sb.get(obsPath)).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(280);
  });

  it('answers 5xx with an OperationOutcome', async () => {
    await setFaults({ '11535': { errorRate: 1 } });
    const res = await sb.get(obsPath);
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(((await res.json()) as OperationOutcome).resourceType).toBe('OperationOutcome');
    // Other hospitals are unaffected.
    expect((await sb.get(`/hospitals/10661/fhir/Observation?patient.identifier=${q(TH_CID, somsri.cid)}&_count=1`)).status).toBe(200);
  });

  it('never answers on timeout (client aborts)', async () => {
    await setFaults({ '11535': { timeoutRate: 1 } });
    const attempt = fetch(`${sb.url}${obsPath}`, {
      headers: { authorization: `Bearer ${TOKENS.exchange}` },
      signal: AbortSignal.timeout(300),
    });
    await expect(attempt).rejects.toThrow();
  });

  it('sends malformed responses of each kind', async () => {
    await setFaults({ '11535': { malformedRate: 1, malformedKind: 'html' } });
    const html = await sb.get(obsPath);
    expect(html.headers.get('content-type')).toContain('text/html');
    await setFaults({ '11535': { malformedKind: 'truncated' } });
    const truncated = await (await sb.get(obsPath)).text();
    expect(() => JSON.parse(truncated) as unknown).toThrow();
    await setFaults({ '11535': { malformedKind: 'wrong-type' } });
    const wrong = (await (await sb.get(obsPath)).json()) as { resourceType: string };
    expect(wrong.resourceType).not.toBe('Bundle');
  });

  it('injects a resource of another patient', async () => {
    await setFaults({ '11535': { wrongPatientRate: 1 } });
    const b = (await (await sb.get(obsPath)).json()) as Bundle;
    const cids = resources<Observation>(b).map((o) => o.subject?.identifier?.value);
    expect(cids.filter((c) => c !== somsri.cid)).toHaveLength(1);
  });

  it('applies faults once to a batch and to council and sms targets', async () => {
    await setFaults({ '11535': { errorRate: 1 }, council: { errorRate: 1 }, sms: { errorRate: 1 } });
    const batch = await sb.post('/hospitals/11535/fhir', {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [{ request: { method: 'GET', url: `Condition?patient.identifier=${q(TH_CID, somsri.cid)}` } }],
    });
    expect(batch.status).toBeGreaterThanOrEqual(500);
    expect((await sb.post('/council/verify', { licenseNumber: '12345', pin: '246810' }, TOKENS.council)).status).toBeGreaterThanOrEqual(
      500,
    );
    expect((await sb.post('/sms/messages', { to: '0812345678', text: 'x' }, TOKENS.sms)).status).toBeGreaterThanOrEqual(500);
  });

  it('reset clears faults and the outbox', async () => {
    await setFaults({ '11535': { errorRate: 1 } });
    await sb.post('/sms/messages', { to: '0812345678', text: 'hello' }, TOKENS.sms);
    await sb.post('/_sandbox/reset', {}, TOKENS.control);
    expect((await sb.get(obsPath)).status).toBe(200);
    const list = (await (await sb.get('/sms/messages', TOKENS.sms)).json()) as { messages: unknown[] };
    expect(list.messages).toHaveLength(0);
  });
});
