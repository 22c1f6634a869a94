import { describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { sealSensitiveFacts, toClinicalFacts } from './facts';
import { allergy, condition, encounter, imagingReport, immunization, lab, medDispense, medRequest, medStatement, nka } from './fixtures';
import { checkAllergyMedication, mergeTimeline } from './merge';
import { SYSTEMS } from './terminology';
import type { ClinicalFact, TimelineModel } from './types';

const NOW = '2024-06-30T12:00:00+07:00';

function facts(byHospital: Record<string, Resource[]>): ClinicalFact[] {
  return Object.entries(byHospital).flatMap(([h, rs]) => toClinicalFacts(rs, h));
}

function merge(byHospital: Record<string, Resource[]>, answered = Object.keys(byHospital)): TimelineModel {
  return mergeTimeline({ facts: facts(byHospital), answered, now: NOW });
}

describe('allergy coverage', () => {
  it.each<[string, Record<string, Resource[]>, string[], Record<string, string>]>([
    [
      'NKA vs nothing vs allergy',
      { A: [nka('n')], B: [], C: [allergy('x', { code: '227037002' })] },
      ['A', 'B', 'C'],
      { A: 'no-known-allergies', B: 'nothing-recorded', C: 'allergies-recorded' },
    ],
    [
      'answered with other data but no allergies',
      { A: [lab('g', { code: '1558-6', value: 5, unit: 'mmol/L', date: '2024-01-01' })] },
      ['A'],
      { A: 'nothing-recorded' },
    ],
    ['answered with nothing at all', {}, ['A'], { A: 'nothing-recorded' }],
  ])('%s', (_n, data, answered, expected) => {
    const m = merge(data, answered);
    expect(Object.fromEntries(m.allergyCoverage.map((c) => [c.hospitalCode, c.state]))).toEqual(expected);
  });

  it('NKA at one hospital and an allergy at another is a conflict', () => {
    const m = merge({ A: [nka('n')], B: [allergy('p', { code: '764146007' })] });
    expect(m.allergyNkaConflict).toEqual({ nkaHospitals: ['A'], allergyHospitals: ['B'] });
    expect(m.allergies[0]!.conflicts).toEqual([{ reason: 'no-known-allergy', hospitals: ['A', 'B'] }]);
    const nkaEntry = m.entries.find((e) => e.fact?.conceptKey === 'no-known-allergy')!;
    expect(nkaEntry.conflict?.reason).toBe('no-known-allergy');
  });

  it('a sealed allergy still means something is recorded', () => {
    const fs = sealSensitiveFacts(toClinicalFacts([allergy('x', { code: '764146007', security: ['R'] })], 'A'));
    const m = mergeTimeline({ facts: fs, answered: ['A'], now: NOW });
    expect(m.allergyCoverage).toEqual([{ hospitalCode: 'A', state: 'allergies-recorded' }]);
  });
});

describe('cross-checks', () => {
  it('amoxicillin active vs penicillin allergy coded SNOMED at one hospital and ATC J01C at another', () => {
    const m = merge({
      A: [allergy('p1', { code: '764146007', criticality: 'high' })],
      B: [allergy('p2', { system: SYSTEMS.atc, code: 'J01C' })],
      C: [medRequest('amx', { code: '211617', date: '2024-06-20', dose: '1 cap tid' })],
    });
    expect(m.allergies).toHaveLength(1);
    expect(m.crossChecks).toHaveLength(1);
    const flag = m.crossChecks[0]!;
    expect(flag).toMatchObject({
      level: 'allergy-match',
      matchBy: 'class',
      allergyKey: 'penicillin',
      allergyHospitals: ['A', 'B'],
      medicationKey: 'amoxicillin',
      medicationHospitals: ['C'],
    });
    expect(m.allergies[0]!.medicationConflicts).toEqual([flag]);
    expect(m.medications[0]!.allergyConflicts).toEqual([flag]);
  });

  it.each<[string, Resource, Resource, string | null]>([
    ['aspirin vs NSAID allergy', allergy('a', { code: '16403005' }), medStatement('m', { code: '232121', date: '2024-06-01' }), 'class'],
    [
      'amoxicillin vs amoxicillin allergy',
      allergy('a', { code: '372687004' }),
      medStatement('m', { code: '211617', date: '2024-06-01' }),
      'drug',
    ],
    [
      'ceftriaxone vs penicillin allergy',
      allergy('a', { code: '91936005' }),
      medStatement('m', { code: '213871', date: '2024-06-01' }),
      'cross-reactivity',
    ],
    [
      'refuted allergy never flags',
      allergy('a', { code: '764146007', verification: 'refuted' }),
      medStatement('m', { code: '211617', date: '2024-06-01' }),
      null,
    ],
    [
      'stopped medication never flags',
      allergy('a', { code: '764146007' }),
      medStatement('m', { code: '211617', date: '2024-06-01', status: 'stopped' }),
      null,
    ],
    ['unrelated drug', allergy('a', { code: '764146007' }), medStatement('m', { code: '225487', date: '2024-06-01' }), null],
    [
      'recent dispense counts as current',
      allergy('a', { code: '764146007' }),
      medDispense('m', { code: '211617', date: '2024-06-25', days: 10 }),
      'class',
    ],
    [
      'old dispense does not',
      allergy('a', { code: '764146007' }),
      medDispense('m', { code: '211617', date: '2023-01-01', days: 10 }),
      null,
    ],
  ])('%s', (_n, a, med, matchBy) => {
    const m = merge({ A: [a], B: [med] });
    const flags = checkAllergyMedication(m);
    expect(flags.map((f) => f.matchBy)).toEqual(matchBy === null ? [] : [matchBy]);
    if (matchBy === 'cross-reactivity') expect(flags[0]!.level).toBe('possible-cross-reactivity');
  });
});

describe('labs', () => {
  it('converts into one canonical series and keeps unconvertible units apart', () => {
    const m = merge({
      A: [lab('g1', { code: '1558-6', value: 5.5, unit: 'mmol/L', date: '2024-01-01', low: 3.9, high: 5.5 })],
      B: [
        lab('g2', { code: '2345-7', value: 130, unit: 'mg/dL', date: '2024-02-01' }),
        lab('g3', { code: '2345-7', value: 7, unit: 'mmol/mol', date: '2024-03-01' }),
      ],
    });
    expect(m.labs.map((s) => [s.key, s.unit, s.canonical, s.points.length])).toEqual([
      ['glucose', 'mg/dL', true, 2],
      ['glucose|mmol/mol', 'mmol/mol', false, 1],
    ]);
    const g = m.labs[0]!;
    expect(g.points.map((p) => [p.value, p.originalValue, p.originalUnit, p.hospitalCode])).toEqual([
      [99.1, 5.5, 'mmol/L', 'A'],
      [130, 130, 'mg/dL', 'B'],
    ]);
    expect(g.points[0]!.refLow).toBe(70.3);
    expect(g.latest.factId).toBe('B/Observation/g2');
  });

  it('vitals are separate from labs; coded results are listed', () => {
    const m = merge({
      A: [
        lab('hr', { code: '8867-4', value: 80, unit: '/min', date: '2024-01-01', category: 'vital-signs' }),
        lab('bg', { code: '882-1', valueCode: { code: '278149003', display: 'A Rh+' }, date: '2020-01-01' }),
      ],
    });
    expect(m.labs).toEqual([]);
    expect(m.vitals.map((s) => s.key)).toEqual(['heart-rate']);
    expect(m.codedResults.map((e) => e.fact?.conceptKey)).toEqual(['blood-group']);
  });
});

describe('problems and other sections', () => {
  it('dedupes problems across coding systems and separates resolved ones', () => {
    const m = merge({
      A: [
        condition('c1', { code: 'E11.9', onset: '2019-01-01' }),
        condition('p', { code: 'J18.9', status: 'resolved', onset: '2022-01-01' }),
      ],
      B: [condition('c2', { system: SYSTEMS.icd10tm, code: 'E119', onset: '2018-05-01' })],
    });
    expect(m.problems.map((p) => [p.conceptKey, p.onset, p.hospitals.map((h) => h.hospitalCode)])).toEqual([
      ['diabetes-t2', '2018-05-01', ['A', 'B']],
    ]);
    expect(m.resolvedProblems.map((p) => p.conceptKey)).toEqual(['pneumonia']);
  });

  it('lists imaging, immunizations and encounters newest first', () => {
    const m = merge({
      A: [
        imagingReport('x1', { loinc: '36643-5', date: '2024-01-01', conclusion: 'Clear', reportText: 'Normal' }),
        immunization('t', { cvx: '115', date: '2020-01-01' }),
        encounter('e1', { cls: 'EMER', start: '2024-02-01' }),
        encounter('e2', { cls: 'AMB', start: '2024-03-01' }),
      ],
    });
    expect(m.imaging).toEqual([
      {
        entryId: 'A/DiagnosticReport/x1',
        date: '2024-01-01',
        hospitals: ['A'],
        display: 'Chest X-ray',
        modality: 'CR',
        bodySite: 'Chest',
        conclusion: 'Clear',
        hasReportText: true,
      },
    ]);
    expect(m.immunizations[0]).toMatchObject({ vaccineKey: 'tdap', tetanus: true });
    expect(m.encounters.map((e) => e.encounterClass)).toEqual(['AMB', 'EMER']);
  });
});

describe('sealed stubs', () => {
  it('appear as content-free entries and are counted per kind', () => {
    const fs = sealSensitiveFacts(
      toClinicalFacts(
        [
          condition('hiv', { code: 'B24', onset: '2018-01-01', security: ['HIV'] }),
          medStatement('art', { code: '255301', date: '2024-01-01', security: ['HIV'] }),
          condition('htn', { code: 'I10', onset: '2018-01-01' }),
        ],
        'A',
      ),
    );
    const m = mergeTimeline({ facts: fs, answered: ['A'], now: NOW });
    expect(m.sealedCounts.condition).toBe(1);
    expect(m.sealedCounts.medication).toBe(1);
    const sealed = m.entries.filter((e) => e.sealed);
    expect(sealed).toHaveLength(2);
    for (const e of sealed) {
      expect(e.fact).toBeUndefined();
      expect(e.sources.map((s) => s.resourceId)).toEqual(['']);
    }
    const json = JSON.stringify(m);
    for (const leak of ['B24', 'HIV disease', 'Tenofovir', 'tenofovir']) expect(json).not.toContain(leak);
    expect(m.problems.map((p) => p.conceptKey)).toEqual(['hypertension']);
  });
});
