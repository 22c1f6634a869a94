import { describe, expect, it } from 'vitest';
import type { EmergencySummary } from '../clinical/types';
import { EMPTY_EMERGENCY_SUMMARY } from '../clinical/fixtures';
import type { HospitalAnswer } from '../clinical/coverage';
import { buildIpsBundle, IPS_SECTIONS, type IpsBundle } from './ips';

const empty = EMPTY_EMERGENCY_SUMMARY;

const full: EmergencySummary = {
  ...empty,
  answered: ['10661', '11535'],
  allergyStatus: 'allergies',
  allergies: [{ display: 'Aspirin', reactions: ['urticaria'], hospitals: ['11535'], conflicts: [], criticality: 'high' }],
  medications: [
    {
      display: 'Phenytoin 100 mg',
      dose: '3 capsules at night',
      highRisk: 'antiepileptic',
      hospitals: ['10661'],
      conflicts: [],
      allergyConflicts: [],
    },
  ],
  problems: [{ display: 'Epilepsy', onset: '2015-03-01', hospitals: ['10661'] }],
  keyLabs: [
    { analyteKey: 'potassium', display: 'Potassium', value: 4.1, unit: 'mmol/L', date: '2026-10-01', hospitals: ['11535'], flag: 'N' },
  ],
  bloodGroup: { value: 'O Rh+', date: '2020-01-01', hospitals: ['10661'], conflict: false },
  tetanus: { status: 'recorded', date: '2024-05-05', display: 'Tetanus toxoid', hospitals: ['10702'] },
};

const answered = (hospitalCode: string): HospitalAnswer => ({ hospitalCode, state: 'answered', dropped: 0, sealed: {} });

function build(summary: EmergencySummary, answers: HospitalAnswer[] = [answered('10661'), answered('11535')]): IpsBundle {
  let n = 0;
  return buildIpsBundle({
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    now: new Date('2026-11-22T01:00:00Z'),
    patient: { cid: '3100400890121', nameTh: 'เอกชัย ชูเชิญ', nameEn: 'Ekkachai Chukchoen', gender: 'male', birthDate: '1980-01-01' },
    author: { hospitalCode: '10661', name: 'Test Hospital' },
    summary,
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
const sectionsOf = (b: IpsBundle) => (b.entry[0]?.resource.section ?? []) as Section[];
const section = (b: IpsBundle, code: string) => sectionsOf(b).find((s) => s.code.coding[0]?.code === code);

describe('buildIpsBundle', () => {
  it('is a document bundle with an identifier, a timestamp and the Composition first', () => {
    const b = build(full);
    expect(b.resourceType).toBe('Bundle');
    expect(b.type).toBe('document');
    expect(b.identifier.value).toMatch(/^urn:uuid:/);
    expect(b.timestamp).toBe('2026-11-22T01:00:00.000Z');
    const comp = b.entry[0]?.resource;
    expect(comp?.resourceType).toBe('Composition');
    expect(comp?.status).toBe('final');
    expect(comp?.type).toEqual({ coding: [{ system: 'http://loinc.org', code: '60591-5', display: 'Patient summary Document' }] });
  });

  it('has the five IPS sections with their LOINC codes', () => {
    expect(sectionsOf(build(full)).map((s) => s.code.coding[0]?.code)).toEqual(Object.values(IPS_SECTIONS).map((s) => s.code));
  });

  it.each([full, empty])('resolves every reference (subject, author, section entries) to an entry fullUrl', (summary) => {
    const b = build(summary);
    const urls = new Set(b.entry.map((e) => e.fullUrl));
    expect(urls.size).toBe(b.entry.length);
    const comp = b.entry[0]!.resource as unknown as { subject: { reference: string }; author: { reference: string }[] };
    expect(urls.has(comp.subject.reference)).toBe(true);
    expect(comp.author.every((a) => urls.has(a.reference))).toBe(true);
    const byUrl = new Map(b.entry.map((e) => [e.fullUrl, e.resource.resourceType]));
    expect(byUrl.get(comp.subject.reference)).toBe('Patient');
    expect(byUrl.get(comp.author[0]!.reference)).toBe('Organization');
    for (const s of sectionsOf(b)) for (const e of s.entry ?? []) expect(urls.has(e.reference)).toBe(true);
  });

  it('maps each summary item to the right resource type in the right section', () => {
    const b = build(full);
    const typeOf = (ref: string) => b.entry.find((e) => e.fullUrl === ref)?.resource.resourceType;
    expect(section(b, '48765-2')?.entry?.map((e) => typeOf(e.reference))).toEqual(['AllergyIntolerance']);
    expect(section(b, '10160-0')?.entry?.map((e) => typeOf(e.reference))).toEqual(['MedicationStatement']);
    expect(section(b, '11450-4')?.entry?.map((e) => typeOf(e.reference))).toEqual(['Condition']);
    expect(section(b, '30954-2')?.entry?.map((e) => typeOf(e.reference))).toEqual(['Observation', 'Observation']);
    expect(section(b, '11369-6')?.entry?.map((e) => typeOf(e.reference))).toEqual(['Immunization']);
    const allergy = b.entry.find((e) => e.resource.resourceType === 'AllergyIntolerance')?.resource;
    expect(allergy?.note).toEqual([{ text: 'Source: H11535' }]);
  });

  it('says "unavailable" — never "nil known" — when nothing was returned', () => {
    const b = build(empty);
    for (const s of sectionsOf(b)) {
      expect(s.entry).toBeUndefined();
      expect(s.emptyReason?.coding[0]?.code).toBe('unavailable');
    }
  });

  it('says "nil known" for allergies only when a hospital recorded no known allergy', () => {
    const b = build({ ...empty, allergyStatus: 'none-known', noKnownAllergyHospitals: ['10661'] });
    expect(section(b, '48765-2')?.emptyReason?.coding[0]?.code).toBe('nilknown');
    expect(section(b, '48765-2')?.text.div).toContain('H10661');
    expect(section(b, '10160-0')?.emptyReason?.coding[0]?.code).toBe('unavailable');
  });

  it('says "nil known" for medications and problems when a hospital recorded none known', () => {
    const b = build({ ...empty, noKnownMedicationHospitals: ['10661'], noCurrentProblemHospitals: ['10661'] });
    expect(section(b, '10160-0')?.emptyReason?.coding[0]?.code).toBe('nilknown');
    expect(section(b, '10160-0')?.text.div).toContain('No known medications');
    expect(section(b, '11450-4')?.emptyReason?.coding[0]?.code).toBe('nilknown');
    expect(section(b, '48765-2')?.emptyReason?.coding[0]?.code).toBe('unavailable');
  });

  it.each([
    // The source's own day: 23:45 at +01:00 is the 1st there (already the 2nd in Bangkok); Z reads as Bangkok's.
    ['2026-10-01T23:45:00+01:00', '(2026-10-01)'],
    ['2026-10-01T20:30:00Z', '(2026-10-02)'],
    ['2026-10-01', '(2026-10-01)'],
    ['2026-10', '(2026-10)'],
  ])('a result dated %s is on %s in the narrative', (date, shown) => {
    const b = build({ ...full, keyLabs: [{ ...full.keyLabs[0]!, date }] });
    expect(section(b, IPS_SECTIONS.results.code)?.text.div).toContain(`4.1 mmol/L ${shown}`);
  });

  it('writes result values with the same precision as the record', () => {
    const b = build({
      ...full,
      keyLabs: [
        { analyteKey: 'haemoglobin', display: 'Haemoglobin', value: 15.096, unit: 'g/dL', date: '2026-10-01', hospitals: ['11535'] },
      ],
    });
    const div = section(b, IPS_SECTIONS.results.code)!.text.div;
    expect(div).toContain('Haemoglobin: 15.1 g/dL');
    expect(div).not.toContain('15.096');
  });

  it('escapes text placed in the narrative', () => {
    const b = build({ ...full, problems: [{ display: '<script>x</script> & co', hospitals: ['10661'] }] });
    expect(section(b, '11450-4')?.text.div).toContain('&lt;script&gt;x&lt;/script&gt; &amp; co');
  });

  it('names, in every section narrative, the hospitals it does not include and why', () => {
    const b = build(full, [
      answered('10661'),
      { hospitalCode: '11535', state: 'timeout', dropped: 0, sealed: {} },
      { hospitalCode: '10702', state: 'answered', dropped: 2, sealed: { medication: 1 } },
    ]);
    for (const s of sectionsOf(b)) {
      expect(s.text.div).toContain('Does not include: H11535 (timed out); H10702 (2 record(s) dropped');
    }
    expect(section(b, IPS_SECTIONS.medications.code)?.text.div).toContain('1 sealed record(s) not opened');
    expect(section(b, IPS_SECTIONS.allergies.code)?.text.div).not.toContain('sealed');
  });

  it('says nothing is missing only when every sharing hospital answered', () => {
    for (const s of sectionsOf(build(full))) expect(s.text.div).not.toContain('Does not include');
    const empty = build(EMPTY_EMERGENCY_SUMMARY, [{ hospitalCode: '10661', state: 'error', dropped: 0, sealed: {} }]);
    expect(section(empty, IPS_SECTIONS.allergies.code)?.text.div).toContain('Does not include: H10661 (request failed)');
  });
});
