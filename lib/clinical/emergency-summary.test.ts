import { describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { buildEmergencySummary } from './emergency-summary';
import { sealSensitiveFacts, toClinicalFacts } from './facts';
import { allergy, condition, encounter, imagingReport, immunization, lab, medRequest, medStatement, nka } from './fixtures';
import { mergeTimeline } from './merge';
import { SYSTEMS } from './terminology';
import type { EmergencySummary } from './types';

const NOW = '2024-06-30T12:00:00+07:00';

function summarise(byHospital: Record<string, Resource[]>, answered = Object.keys(byHospital)): EmergencySummary {
  const facts = sealSensitiveFacts(Object.entries(byHospital).flatMap(([h, rs]) => toClinicalFacts(rs, h)));
  return buildEmergencySummary(mergeTimeline({ facts, answered, now: NOW }), answered);
}

describe('allergy status', () => {
  it.each<[string, Record<string, Resource[]>, string[], string]>([
    ['NKA recorded, nothing contradicts', { A: [nka('n')], B: [] }, ['A', 'B'], 'none-known'],
    [
      'nothing returned anywhere',
      { A: [], B: [lab('x', { code: '2823-3', value: 4, unit: 'mmol/L', date: '2024-01-01' })] },
      ['A', 'B'],
      'no-information',
    ],
    ['no hospital answered', {}, [], 'no-information'],
    ['NKA at one, allergy at another', { A: [nka('n')], B: [allergy('p', { code: '764146007' })] }, ['A', 'B'], 'allergies'],
    ['only a refuted allergy', { A: [allergy('p', { code: '764146007', verification: 'refuted' })] }, ['A'], 'no-information'],
    [
      'sealed allergy is never "none known"',
      { A: [nka('n')], B: [allergy('s', { code: '227037002', security: ['R'] })] },
      ['A', 'B'],
      'allergies',
    ],
  ])('%s → %s', (_n, data, answered, status) => {
    expect(summarise(data, answered).allergyStatus).toBe(status);
  });

  it('lists allergies with hospitals and the NKA conflict', () => {
    const s = summarise({
      A: [nka('n')],
      B: [allergy('p', { code: '764146007', criticality: 'high', reactions: ['Anaphylaxis'] })],
      C: [allergy('q', { system: SYSTEMS.atc, code: 'J01C', reactions: ['Rash'] })],
    });
    expect(s.allergies).toEqual([
      {
        display: 'Penicillins',
        nameTh: 'ยากลุ่มเพนิซิลลิน',
        criticality: 'high',
        reactions: ['Anaphylaxis', 'Rash'],
        hospitals: ['B', 'C'],
        conflicts: [{ reason: 'no-known-allergy', hospitals: ['A', 'B', 'C'] }],
      },
    ]);
    expect(s.allergyNkaConflict).toEqual({ nkaHospitals: ['A'], allergyHospitals: ['B', 'C'] });
  });
});

describe('medications', () => {
  it.each<[string, Resource, string | undefined]>([
    ['warfarin (known)', medStatement('m', { code: '231870', date: '2024-06-01' }), 'anticoagulant'],
    [
      'unknown anticoagulant by ATC B01A',
      medStatement('m', { system: SYSTEMS.atc, code: 'B01AE07', text: 'Dabigatran', date: '2024-06-01' }),
      'anticoagulant',
    ],
    [
      'unknown insulin by ATC A10A',
      medStatement('m', { system: SYSTEMS.atc, code: 'A10AB05', text: 'Insulin aspart', date: '2024-06-01' }),
      'insulin',
    ],
    [
      'unknown antidiabetic A10B',
      medStatement('m', { system: SYSTEMS.atc, code: 'A10BH01', text: 'Sitagliptin', date: '2024-06-01' }),
      'antidiabetic',
    ],
    [
      'unknown antiepileptic N03A',
      medStatement('m', { system: SYSTEMS.atc, code: 'N03AF01', text: 'Carbamazepine', date: '2024-06-01' }),
      'antiepileptic',
    ],
    [
      'unknown antiarrhythmic C01B',
      medStatement('m', { system: SYSTEMS.atc, code: 'C01BC04', text: 'Flecainide', date: '2024-06-01' }),
      'antiarrhythmic',
    ],
    [
      'unknown digitalis C01AA',
      medStatement('m', { system: SYSTEMS.atc, code: 'C01AA04', text: 'Digitoxin', date: '2024-06-01' }),
      'antiarrhythmic',
    ],
    [
      'unknown immunosuppressant L04A',
      medStatement('m', { system: SYSTEMS.atc, code: 'L04AD01', text: 'Ciclosporin', date: '2024-06-01' }),
      'immunosuppressant',
    ],
    ['unknown opioid N02A', medStatement('m', { system: SYSTEMS.atc, code: 'N02AB03', text: 'Fentanyl', date: '2024-06-01' }), 'opioid'],
    ['unknown N07BC', medStatement('m', { system: SYSTEMS.atc, code: 'N07BC01', text: 'Buprenorphine', date: '2024-06-01' }), 'opioid'],
    ['aspirin is not an anticoagulant', medStatement('m', { code: '232121', date: '2024-06-01' }), undefined],
    ['omeprazole', medStatement('m', { code: '221083', date: '2024-06-01' }), undefined],
  ])('%s → %s', (_n, r, highRisk) => {
    const s = summarise({ A: [r] });
    expect(s.medications).toHaveLength(1);
    expect(s.medications[0]!.highRisk).toBe(highRisk);
    expect(s.medications[0]!.hospitals).toEqual(['A']);
  });

  it('lists only current medications, high-risk first, with conflicts', () => {
    const s = summarise({
      A: [
        medStatement('o', { code: '221083', date: '2024-06-01' }),
        medStatement('w', { code: '231870', date: '2024-06-01', dose: '3 mg' }),
        medStatement('x', { code: '233405', date: '2024-06-01', status: 'stopped' }),
      ],
      B: [medRequest('w2', { code: '231870', date: '2024-06-01', dose: '5 mg' })],
    });
    expect(s.medications.map((m) => [m.display, m.highRisk, m.hospitals, m.conflicts.map((c) => c.reason)])).toEqual([
      ['Warfarin 3 mg tablet', 'anticoagulant', ['A', 'B'], ['dose']],
      ['Omeprazole 20 mg capsule', undefined, ['A'], []],
    ]);
  });
});

describe('labs, blood group, recent items', () => {
  it('picks the latest key lab by date across hospitals, converted', () => {
    const s = summarise({
      A: [
        lab('k1', { code: '2823-3', value: 4.0, unit: 'mmol/L', date: '2024-06-01' }),
        lab('c1', { code: '2160-0', value: 1.0, unit: 'mg/dL', date: '2024-01-01' }),
      ],
      B: [
        lab('k2', { code: '2823-3', value: 5.8, unit: 'mmol/L', date: '2024-06-20', interpretation: 'H' }),
        lab('c2', { code: '2160-0', value: 150, unit: 'umol/L', date: '2024-05-01' }),
      ],
      C: [
        lab('k3', { code: '2823-3', value: 3.1, unit: 'mmol/L', date: '2023-12-01' }),
        lab('hb', { code: '4548-4', value: 7, unit: '%', date: '2024-06-29' }),
      ],
    });
    expect(s.keyLabs.map((l) => [l.analyteKey, l.value, l.unit, l.date, l.hospitals, l.flag])).toEqual([
      ['potassium', 5.8, 'mmol/L', '2024-06-20', ['B'], 'H'],
      ['creatinine', 1.7, 'mg/dL', '2024-05-01', ['B'], undefined],
    ]);
  });

  it('reports blood group with hospitals, and a disagreement', () => {
    const s = summarise({
      A: [lab('b1', { code: '882-1', valueCode: { code: '278149003', display: 'A Rh(D) positive' }, date: '2020-01-01' })],
      B: [lab('b2', { code: '883-9', valueCode: { code: '112144000', display: 'Group A' }, date: '2021-01-01' })],
    });
    expect(s.bloodGroup).toEqual({ value: 'Group A', date: '2021-01-01', hospitals: ['A', 'B'], conflict: true });
  });

  it('keeps the last five encounters and imaging conclusions, and the latest tetanus dose', () => {
    const encounters = Array.from({ length: 7 }, (_, i) => encounter(`e${i}`, { cls: 'AMB', start: `2024-0${i + 1}-01` }));
    const s = summarise({
      A: [
        ...encounters,
        imagingReport('x', { loinc: '30799-1', date: '2024-02-01', conclusion: 'No bleed' }),
        immunization('t1', { cvx: '09', date: '2015-01-01' }),
        immunization('f', { cvx: '141', date: '2023-01-01' }),
      ],
      B: [immunization('t2', { cvx: '115', date: '2019-05-01' }), condition('c', { code: 'I48.9', onset: '2020-01-01' })],
    });
    expect(s.encounters.map((e) => e.date)).toEqual(['2024-07-01', '2024-06-01', '2024-05-01', '2024-04-01', '2024-03-01']);
    expect(s.imaging.map((i) => [i.display, i.conclusion, i.hospitals])).toEqual([['CT brain without contrast', 'No bleed', ['A']]]);
    expect(s.tetanus).toEqual({ status: 'recorded', date: '2019-05-01', display: 'Tdap', hospitals: ['B'] });
    expect(s.problems).toEqual([{ display: 'Atrial fibrillation', nameTh: 'หัวใจห้องบนสั่นพลิ้ว', onset: '2020-01-01', hospitals: ['B'] }]);
  });

  it('finds key labs coded with third-party LOINC variants (blood glucose, creatinine, potassium)', () => {
    const s = summarise({
      A: [
        lab('g', { code: '2339-0', value: 6.1, unit: 'mmol/L', date: '2024-05-01' }),
        lab('c', { code: '38483-4', value: 1.4, unit: 'mg/dL', date: '2024-05-01' }),
        lab('k', { code: '6298-4', value: 5.9, unit: 'mmol/L', date: '2024-05-01' }),
        lab('h', { code: '30313-1', value: 11.2, unit: 'g/dL', date: '2024-05-01' }),
      ],
    });
    expect(s.keyLabs.map((l) => [l.analyteKey, l.value, l.unit])).toEqual([
      ['potassium', 5.9, 'mmol/L'],
      ['creatinine', 1.4, 'mg/dL'],
      ['glucose', 110, 'mg/dL'],
      ['haemoglobin', 11.2, 'g/dL'],
    ]);
  });

  it.each([
    ['113', 'Td (adult) preservative free'],
    ['20', 'DTaP'],
    ['110', 'DTaP-HepB-IPV'],
  ])('finds a tetanus dose given as CVX %s', (cvx, text) => {
    expect(summarise({ A: [immunization('t', { cvx, text, date: '2022-03-01' })] }).tetanus).toEqual({
      status: 'recorded',
      date: '2022-03-01',
      display: text,
      hospitals: ['A'],
    });
  });

  it('says when no tetanus dose is recorded', () => {
    expect(summarise({ A: [immunization('f', { cvx: '141', date: '2023-01-01' })] }).tetanus).toEqual({ status: 'none-recorded' });
  });
});
