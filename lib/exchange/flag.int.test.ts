// FHIR Flag and the vital-sign shapes, read through the exchange adapter from the running sandbox: the
// same batch, paging, patient check and validation as every other type, then mapped to facts.
import type { Flag, Resource } from '@medplum/fhirtypes';
import { describe, expect, inject, it } from 'vitest';
import { toClinicalFacts } from '../clinical/facts';
import { mergeTimeline } from '../clinical/merge';
import { deriveAlertFlags } from '../clinical/alert-flags';
import { pairBloodPressure } from '../clinical/vital-series';
import { TEST_TOKENS } from '../testing/global-setup';
import { createExchangeClient, HOSPITAL_SEARCHES, type ExchangeContext } from './client';

const sandboxUrl = inject('sandboxUrl');
const SOMSRI = '3100400123456';
const BOONCHAI = '3100400234568';
const ctx: ExchangeContext = { requestId: 'int-test-flag', purpose: 'TREAT', practitioner: '12345', organization: '11535' };
const client = () => createExchangeClient({ baseUrl: sandboxUrl, token: TEST_TOKENS.exchange });

describe('Flag through the exchange adapter', () => {
  it('is one of the searches in every hospital batch', () => {
    expect(HOSPITAL_SEARCHES.some((s) => s.type === 'Flag')).toBe(true);
  });

  it("reads Somsri's infection-control flag at 10661, patient-checked, as a flag fact naming its hospital", async () => {
    const r = await client().fetchHospitalRecords('10661', SOMSRI, ctx);
    expect(r.status).toBe('answered');
    expect(r.counts.Flag).toBe(1);
    const flag = r.resources.find((x): x is Flag => x.resourceType === 'Flag')!;
    expect(flag.subject.identifier?.value).toBe(SOMSRI);
    const facts = toClinicalFacts(r.resources as Resource[], '10661').filter((f) => f.kind === 'flag');
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ kind: 'flag', hospitalCode: '10661', status: 'active', categories: ['clinical'] });
    expect(facts[0]!.display).toContain('MRSA');
  });

  it("shows Boonchai's DNR from 10702 as an advance directive on the banner, and none at a hospital without flags", async () => {
    const [pnk, taksin] = await Promise.all([
      client().fetchHospitalRecords('10702', BOONCHAI, ctx),
      client().fetchHospitalRecords('11536', BOONCHAI, ctx),
    ]);
    expect(taksin.counts.Flag ?? 0).toBe(0);
    const facts = [...toClinicalFacts(pnk.resources, '10702'), ...toClinicalFacts(taksin.resources, '11536')];
    const model = mergeTimeline({ facts, answered: ['10702', '11536'], now: new Date().toISOString() });
    const alerts = deriveAlertFlags(model, new Date().toISOString());
    expect(alerts.flags.map((f) => [f.hospitals, f.advanceDirective])).toEqual([[['10702'], true]]);
    // Warfarin at 11536 is a current high-alert drug.
    expect(alerts.highAlertDrugs.map((d) => [d.highRisk, d.hospitals])).toContainEqual(['anticoagulant', ['11536']]);
  });
});

describe("Somsri's vital signs from three hospitals", () => {
  it('pairs a BP panel (10661) and separate Observations (11535, 13781) into readings, and converts °F, lb and in', async () => {
    const hcodes = ['11535', '10661', '13781'];
    const results = await Promise.all(hcodes.map((h) => client().fetchHospitalRecords(h, SOMSRI, ctx)));
    const facts = results.flatMap((r, i) => toClinicalFacts(r.resources as Resource[], hcodes[i]!));
    const model = mergeTimeline({ facts, answered: hcodes, now: new Date().toISOString() });
    const readings = pairBloodPressure(model.vitals);
    const complete = readings.filter((r) => r.systolic !== undefined && r.diastolic !== undefined);
    expect(new Set(complete.map((r) => r.hospitalCode))).toEqual(new Set(hcodes));
    expect(complete.length).toBe(readings.length);
    const temperature = model.vitals.find((s) => s.key === 'temperature')!;
    expect(temperature.unit).toBe('Cel');
    const fahrenheit = temperature.points.filter((p) => p.originalUnit === '[degF]');
    expect(fahrenheit.length).toBeGreaterThan(0);
    for (const p of fahrenheit) {
      expect(p.hospitalCode).toBe('13781');
      expect(p.value).toBeCloseTo(((p.originalValue - 32) * 5) / 9, 1);
      expect(p.value).toBeGreaterThan(35);
      expect(p.value).toBeLessThan(39);
    }
    const weight = model.vitals.find((s) => s.key === 'weight')!;
    expect(weight.points.some((p) => p.originalUnit === '[lb_av]' && p.value > 60 && p.value < 76)).toBe(true);
    expect(model.vitals.find((s) => s.key === 'height')!.points.every((p) => p.value > 150 && p.value < 162)).toBe(true);
  });
});
