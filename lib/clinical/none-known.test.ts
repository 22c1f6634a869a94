import { describe, expect, it } from 'vitest';
import type { AllergyIntolerance, Resource } from '@medplum/fhirtypes';
import { buildEmergencySummary } from './emergency-summary';
import { toClinicalFacts } from './facts';
import { condition, medStatement, nka } from './fixtures';
import { mergeTimeline } from './merge';
import { NO_KNOWN_ALLERGY_CODES, SYSTEMS } from './terminology';
import { NONE_KNOWN } from './terminology/none-known';
import type { ClinicalFact, TimelineModel } from './types';

const NOW = '2024-06-30T12:00:00+07:00';

function facts(byHospital: Record<string, Resource[]>): ClinicalFact[] {
  return Object.entries(byHospital).flatMap(([h, rs]) => toClinicalFacts(rs, h));
}

function merge(byHospital: Record<string, Resource[]>): TimelineModel {
  return mergeTimeline({ facts: facts(byHospital), answered: Object.keys(byHospital), now: NOW });
}

const noKnownMedications = (id: string, date = '2024-05-01'): Resource =>
  medStatement(id, { system: SYSTEMS.snomed, code: '787481004', text: 'No known current medicines', date });
const noCurrentProblems = (id: string, onset = '2024-05-01'): Resource =>
  condition(id, { system: SYSTEMS.snomed, code: '160245001', text: 'No current problems or disability', onset });
const noKnownAllergyOf = (id: string, code: string): AllergyIntolerance => ({
  ...nka(id),
  code: { coding: [{ system: SYSTEMS.snomed, code }] },
});

describe('the none-known table', () => {
  it('lists each code once, and every no-known-allergy code the sandbox writes', () => {
    const keys = NONE_KNOWN.map((r) => `${r.system}|${r.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of NO_KNOWN_ALLERGY_CODES) expect(NONE_KNOWN.some((r) => r.topic === 'allergy' && r.code === c.code)).toBe(true);
    for (const r of NONE_KNOWN) expect(r.en !== '' && r.th !== '').toBe(true);
  });
});

describe('"no known medications" is a statement, not a drug', () => {
  it("is not a current medication; it is the hospital's statement, named in Thai and English", () => {
    const m = merge({ A: [noKnownMedications('s1')] });
    expect(m.medications).toEqual([]);
    expect(m.medicationStatements).toEqual([
      {
        hospitalCode: 'A',
        resourceId: 's1',
        factId: 'A/MedicationStatement/s1',
        date: '2024-05-01',
        display: 'No known current medicines',
        nameTh: 'ไม่มียาที่ใช้อยู่เท่าที่ทราบ',
        nameEn: 'No known medications',
        contradictedBy: [],
      },
    ]);
    expect(m.medicationNoneKnownConflict).toBeUndefined();
    // Still on the timeline: the record exists and can be opened.
    expect(m.entries.map((e) => e.sources[0]!.id)).toEqual(['A/MedicationStatement/s1']);
    expect(buildEmergencySummary(m, ['A'])).toMatchObject({ medications: [], noKnownMedicationHospitals: ['A'] });
  });

  it('one hospital says none known while another lists a current drug: a disagreement, both kept', () => {
    const m = merge({
      A: [noKnownMedications('s1')],
      B: [medStatement('m1', { code: '225487', status: 'active', date: '2024-05-01', dose: '1 tab bid' })],
    });
    expect(m.medications.map((r) => [r.key, r.current])).toEqual([['metformin', true]]);
    expect(m.medicationStatements.map((s) => [s.hospitalCode, s.contradictedBy])).toEqual([['A', ['B']]]);
    expect(m.medicationNoneKnownConflict).toEqual({ noneKnownHospitals: ['A'], recordedHospitals: ['B'] });
  });

  it('a drug stopped elsewhere does not dispute it', () => {
    const m = merge({
      A: [noKnownMedications('s1')],
      B: [medStatement('m1', { code: '225487', status: 'stopped', date: '2024-05-01' })],
    });
    expect(m.medicationStatements[0]!.contradictedBy).toEqual([]);
    expect(m.medicationNoneKnownConflict).toBeUndefined();
  });

  it("keeps each hospital's latest statement, whatever order the hospitals answer in", () => {
    const input = {
      A: [noKnownMedications('s1', '2023-01-01'), noKnownMedications('s2', '2024-02-01')],
      B: [noKnownMedications('t1', '2024-03-01')],
    };
    const m = merge(input);
    const reversed = mergeTimeline({ facts: facts(input).reverse(), answered: ['B', 'A'], now: NOW });
    expect(m.medicationStatements.map((s) => s.factId)).toEqual(['A/MedicationStatement/s2', 'B/MedicationStatement/t1']);
    expect(reversed.medicationStatements).toEqual(m.medicationStatements);
  });
});

describe('"no current problems" is a statement, not a problem', () => {
  it('is not an active problem', () => {
    const m = merge({ A: [noCurrentProblems('c1')] });
    expect(m.problems).toEqual([]);
    expect(m.resolvedProblems).toEqual([]);
    expect(m.problemStatements.map((s) => [s.hospitalCode, s.nameEn, s.contradictedBy])).toEqual([
      ['A', 'No current problems or disability', []],
    ]);
    expect(buildEmergencySummary(m, ['A'])).toMatchObject({ problems: [], noCurrentProblemHospitals: ['A'] });
  });

  it('is disputed by an active problem at another hospital, not by a resolved one', () => {
    const m = merge({
      A: [noCurrentProblems('c1')],
      B: [condition('d1', { code: 'E11.9', onset: '2020-01-01' })],
      C: [condition('d2', { code: 'I10', status: 'resolved', onset: '2019-01-01' })],
    });
    expect(m.problems.map((p) => p.conceptKey)).toEqual(['diabetes-t2']);
    expect(m.problemStatements[0]!.contradictedBy).toEqual(['B']);
    expect(m.problemNoneKnownConflict).toEqual({ noneKnownHospitals: ['A'], recordedHospitals: ['B'] });
  });
});

describe('no known food allergy (and the other kinds) is allergy coverage, not an allergy', () => {
  it.each(['429625007', '409137002', '428607008', '428197003', '1003774007'])('SNOMED %s', (code) => {
    const m = merge({ A: [noKnownAllergyOf('n1', code)] });
    expect(m.allergies).toEqual([]);
    expect(m.allergyCoverage).toEqual([{ hospitalCode: 'A', state: 'no-known-allergies' }]);
  });
});
