import { describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import type { HospitalAnswer } from '../clinical/coverage';
import { sealSensitiveFacts, toClinicalFacts } from '../clinical/facts';
import { buildIpsBundle, IPS_SECTIONS, type IpsBundle } from './ips';
import { ABSENT_UNKNOWN } from './ips-entries';

const subject = { reference: 'Patient/p' };
const aspirin: Resource = {
  resourceType: 'AllergyIntolerance',
  id: 'a1',
  patient: subject,
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
  code: {
    coding: [
      { system: 'http://snomed.info/sct', code: '387458008', display: 'Aspirin' },
      { system: 'http://www.whocc.no/atc', code: 'B01AC06' },
    ],
    text: 'Aspirin',
  },
  recordedDate: '2024-01-02',
};
const tetanus = (id: string, date: string): Resource => ({
  resourceType: 'Immunization',
  id,
  status: 'completed',
  patient: subject,
  vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '115' }], text: 'Tdap' },
  occurrenceDateTime: date,
});
const influenza: Resource = {
  ...tetanus('i3', '2025-10-01'),
  vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '141' }], text: 'Influenza' },
} as Resource;
const potassium = (id: string, value: number, date: string): Resource => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject,
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
  code: { coding: [{ system: 'http://loinc.org', code: '2823-3', display: 'Potassium' }] },
  valueQuantity: { value, unit: 'mmol/L' },
  effectiveDateTime: date,
});
const hiv: Resource = {
  resourceType: 'Condition',
  id: 'c9',
  subject,
  meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'HIV' }] },
  code: { text: 'HIV infection' },
};

const answered = (hospitalCode: string): HospitalAnswer => ({ hospitalCode, state: 'answered', dropped: 0, sealed: {} });

function build(byHospital: Record<string, Resource[]>, answers: HospitalAnswer[] = Object.keys(byHospital).map(answered)): IpsBundle {
  let n = 0;
  return buildIpsBundle({
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    now: new Date('2026-11-22T01:00:00Z'),
    patient: { cid: '3100400890121', nameTh: 'เอกชัย', nameEn: 'Ekkachai', gender: 'male', birthDate: '1980-01-01' },
    author: { hospitalCode: '10661', name: 'Test Hospital' },
    facts: Object.entries(byHospital).flatMap(([h, rs]) => sealSensitiveFacts(toClinicalFacts(rs, h))),
    answers,
    hospitalName: (c) => `H${c}`,
  });
}

type Section = {
  code: { coding: { code: string }[] };
  entry?: { reference: string }[];
  emptyReason?: { coding: { code: string }[] };
  text: { div: string };
};
const sectionOf = (b: IpsBundle, code: string) => (b.entry[0]!.resource.section as Section[]).find((s) => s.code.coding[0]!.code === code);
const resourcesIn = (b: IpsBundle, code: string) =>
  (sectionOf(b, code)?.entry ?? []).map((e) => b.entry.find((x) => x.fullUrl === e.reference)!.resource as Record<string, unknown>);

describe('buildIpsBundle', () => {
  const b = build({
    '11535': [aspirin, tetanus('i1', '2024-05-05'), potassium('o1', 3.9, '2026-01-01'), potassium('o2', 4.4, '2026-10-01'), hiv],
    '10702': [tetanus('i2', '2024-05-05'), influenza],
  });

  it('has every section in order, the Composition first', () => {
    expect(b.entry[0]!.resource.resourceType).toBe('Composition');
    expect((b.entry[0]!.resource.section as Section[]).map((s) => s.code.coding[0]!.code)).toEqual(
      Object.values(IPS_SECTIONS).map((s) => s.code),
    );
  });

  it('keeps every coding the hospital sent, with its status and date', () => {
    const [allergy] = resourcesIn(b, IPS_SECTIONS.allergies.code);
    expect(allergy?.code).toEqual({ coding: (aspirin as { code: { coding: unknown } }).code.coding, text: 'Aspirin' });
    expect(allergy?.recordedDate).toBe('2024-01-02');
    expect(allergy?.clinicalStatus).toEqual({
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }],
    });
  });

  it('lists every immunization, a dose two hospitals sent once with both as performers', () => {
    const doses = resourcesIn(b, IPS_SECTIONS.immunizations.code);
    expect(doses.map((d) => (d.vaccineCode as { text: string }).text).sort()).toEqual(['Influenza', 'Tdap']);
    const tdap = doses.find((d) => (d.vaccineCode as { text: string }).text === 'Tdap')!;
    expect((tdap.performer as unknown[]).length).toBe(2);
  });

  it('gives the latest value of each analyte only', () => {
    const results = resourcesIn(b, IPS_SECTIONS.results.code);
    expect(results.map((r) => (r.valueQuantity as { value: number }).value)).toEqual([4.4]);
    expect(results[0]?.performer).toHaveLength(1);
  });

  it('names each source hospital as an Organization with a Provenance for what it sent', () => {
    const orgs = b.entry.filter((e) => e.resource.resourceType === 'Organization').map((e) => e.resource.name);
    expect(orgs.sort()).toEqual(['H10702', 'H11535', 'Test Hospital']);
    expect(b.entry.filter((e) => e.resource.resourceType === 'Provenance')).toHaveLength(2);
  });

  it('never exports a sealed record', () => {
    expect(JSON.stringify(b)).not.toContain('HIV');
  });

  it('uses the IPS absent/unknown codes for required sections without information, "unavailable" elsewhere', () => {
    const empty = build({ '11535': [] });
    for (const [key, code] of [
      ['allergies', 'no-allergy-info'],
      ['medications', 'no-medication-info'],
      ['problems', 'no-problem-info'],
    ] as const) {
      const [r] = resourcesIn(empty, IPS_SECTIONS[key].code);
      expect(JSON.stringify(r)).toContain(`"system":"${ABSENT_UNKNOWN}","code":"${code}"`);
    }
    expect(sectionOf(empty, IPS_SECTIONS.immunizations.code)?.emptyReason?.coding[0]?.code).toBe('unavailable');
  });

  it('names, in every section narrative, the hospitals it does not include and why', () => {
    const partial = build({ '11535': [aspirin] }, [answered('11535'), { hospitalCode: '10702', state: 'timeout', dropped: 0, sealed: {} }]);
    for (const s of partial.entry[0]!.resource.section as Section[]) expect(s.text.div).toContain('Does not include: H10702 (timed out)');
  });

  it('escapes text placed in the narrative', () => {
    const x = build({ '11535': [{ ...aspirin, code: { text: '<script>x</script> & co' } }] });
    expect(sectionOf(x, IPS_SECTIONS.allergies.code)?.text.div).toContain('&lt;script&gt;x&lt;/script&gt; &amp; co');
  });
});
