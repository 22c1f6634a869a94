import { describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { toClinicalFacts } from './facts';
import {
  allergy,
  condition,
  encounter,
  imagingReport,
  immunization,
  lab,
  labReport,
  medDispense,
  medRequest,
  medStatement,
  nka,
  procedure,
} from './fixtures';
import { SYSTEMS } from './terminology';
import type { ClinicalFact } from './types';

function one(r: Resource): ClinicalFact {
  const facts = toClinicalFacts([r], 'H1');
  expect(facts).toHaveLength(1);
  return facts[0]!;
}

describe('toClinicalFacts mapping', () => {
  it.each<[string, Resource, Record<string, unknown>]>([
    [
      'allergy coded SNOMED penicillin',
      allergy('a1', { code: '764146007', criticality: 'high', reactions: ['Anaphylaxis'], date: '2023-05-01' }),
      {
        kind: 'allergy',
        id: 'H1/AllergyIntolerance/a1',
        conceptKey: 'penicillin',
        drugClass: 'penicillin',
        criticality: 'high',
        reactions: ['Anaphylaxis'],
        verificationStatus: 'confirmed',
        noKnownAllergy: false,
        date: '2023-05-01',
        status: 'active',
        severity: 'severe',
      },
    ],
    ['allergy coded ATC J01C', allergy('a2', { system: SYSTEMS.atc, code: 'J01C' }), { conceptKey: 'penicillin', drugClass: 'penicillin' }],
    [
      'allergy to a drug code (TMT amoxicillin)',
      allergy('a3', { system: SYSTEMS.tmt, code: '211617' }),
      { conceptKey: 'amoxicillin', drugKeys: ['amoxicillin'], drugClass: 'penicillin' },
    ],
    [
      'allergy by unknown ATC in a known group',
      allergy('a4', { system: SYSTEMS.atc, code: 'J01CE02' }),
      { drugClass: 'penicillin', conceptKey: `${SYSTEMS.atc}|J01CE02` },
    ],
    ['allergy text only', allergy('a5', { text: '  Durian  Fruit ' }), { conceptKey: 'durian fruit', display: '  Durian  Fruit ' }],
    ['no known allergy', nka('n1'), { kind: 'allergy', noKnownAllergy: true, conceptKey: 'no-known-allergy' }],
    [
      'medication statement',
      medStatement('m1', { code: '225487', date: '2024-02-01', dose: '1 tab bid', status: 'active' }),
      {
        kind: 'medication',
        source: 'statement',
        drugKey: 'metformin',
        highRisk: 'antidiabetic',
        status: 'active',
        dose: '1 tab bid',
        nameEn: 'Metformin 500 mg tablet',
        atc: 'A10BA02',
      },
    ],
    [
      'medication request',
      medRequest('m2', { system: SYSTEMS.rxnorm, code: '11289', date: '2024-03-01', status: 'stopped' }),
      { source: 'request', drugKey: 'warfarin', highRisk: 'anticoagulant', status: 'stopped', date: '2024-03-01' },
    ],
    [
      'medication dispense',
      medDispense('m3', { system: SYSTEMS.atc, code: 'C08CA01', date: '2024-03-05', days: 30 }),
      { source: 'dispense', drugKey: 'amlodipine', status: 'completed', daysSupply: 30 },
    ],
    [
      'unknown drug classed by ATC',
      medStatement('m4', { system: SYSTEMS.atc, code: 'B01AF01', text: 'Rivaroxaban', date: '2024-01-01' }),
      { highRisk: 'anticoagulant', conceptKey: `${SYSTEMS.atc}|B01AF01`, display: 'Rivaroxaban' },
    ],
    [
      'condition ICD-10-TM',
      condition('c1', { system: SYSTEMS.icd10tm, code: 'E119', onset: '2019-06-01' }),
      { kind: 'condition', conceptKey: 'diabetes-t2', icd10: 'E11.9', onset: '2019-06-01', status: 'active', chronic: true },
    ],
    [
      'condition unknown ICD meets by dotless form',
      condition('c2', { code: 'K35.8', text: 'Appendicitis' }),
      { conceptKey: 'icd10|K358', status: 'active' },
    ],
    [
      'condition resolved',
      condition('c3', { code: 'J18.9', status: 'resolved', onset: '2022-01-01' }),
      { conceptKey: 'pneumonia', status: 'resolved' },
    ],
    [
      'lab glucose mmol/L with range',
      lab('o1', { code: '1558-6', value: 7.5, unit: 'mmol/L', low: 3.9, high: 5.5, date: '2024-04-01T08:00:00+07:00' }),
      {
        kind: 'lab',
        analyteKey: 'glucose',
        value: 7.5,
        unit: 'mmol/L',
        canonicalValue: 135,
        canonicalUnit: 'mg/dL',
        refLow: 3.9,
        refHigh: 5.5,
        canonicalRefLow: 70.3,
        canonicalRefHigh: 99.1,
        flag: 'H',
      },
    ],
    [
      'lab interpretation wins',
      lab('o2', { code: '2823-3', value: 6.8, unit: 'mmol/L', interpretation: 'HH', date: '2024-04-01' }),
      { analyteKey: 'potassium', flag: 'HH' },
    ],
    [
      'lab TMLT creatinine',
      lab('o3', { system: SYSTEMS.tmlt, code: '320205', value: 1.1, unit: 'mg/dL', low: 0.7, high: 1.2, date: '2024-04-01' }),
      { analyteKey: 'creatinine', flag: 'N' },
    ],
    [
      'lab unknown unit not converted',
      lab('o4', { code: '1558-6', value: 7.5, unit: 'mmol/mol', date: '2024-04-01' }),
      { analyteKey: 'glucose', canonicalValue: undefined },
    ],
    [
      'lab string value',
      lab('o5', { code: '5778-6', text: 'Urine colour', valueString: 'Yellow', date: '2024-04-01' }),
      { conceptKey: `${SYSTEMS.loinc}|5778-6`, valueText: 'Yellow' },
    ],
    [
      'blood group coded',
      lab('o6', { code: '882-1', valueCode: { code: '278149003', display: 'Blood group A Rh(D) positive' }, date: '2020-01-01' }),
      { analyteKey: 'blood-group', valueText: 'Blood group A Rh(D) positive', valueCode: '278149003' },
    ],
    [
      'vital sign',
      lab('o7', { code: '8867-4', value: 88, unit: '/min', category: 'vital-signs', date: '2024-04-01' }),
      { kind: 'vital', analyteKey: 'heart-rate' },
    ],
    [
      'unknown code in the vital-signs category is a vital',
      lab('o8', { code: '8478-0', text: 'Mean blood pressure', value: 93, unit: 'mm[Hg]', category: 'vital-signs', date: '2024-04-01' }),
      { kind: 'vital', conceptKey: `${SYSTEMS.loinc}|8478-0`, display: 'Mean blood pressure' },
    ],
    [
      'unknown code without a category is a lab',
      lab('o9', { code: '8478-0', text: 'Mean blood pressure', value: 93, unit: 'mm[Hg]', date: '2024-04-01' }),
      { kind: 'lab' },
    ],
    [
      'FHIR vital-signs code without a category is a vital',
      lab('o10', { code: '9279-1', text: 'RR', value: 18, unit: '/min', date: '2024-04-01' }),
      { kind: 'vital', analyteKey: 'resp-rate', nameEn: 'Respiratory rate' },
    ],
    [
      'glucose in whole blood (2339-0)',
      lab('o11', { code: '2339-0', value: 6.1, unit: 'mmol/L', date: '2024-04-01' }),
      { kind: 'lab', analyteKey: 'glucose', canonicalValue: 110, canonicalUnit: 'mg/dL' },
    ],
    [
      'creatinine in blood (38483-4)',
      lab('o12', { code: '38483-4', value: 1.02, unit: 'mg/dL', date: '2024-04-01' }),
      { analyteKey: 'creatinine', canonicalValue: 1.02 },
    ],
    [
      'cholesterol in mmol/L',
      lab('o13', { code: '2093-3', value: 5.2, unit: 'mmol/L', date: '2024-04-01' }),
      { analyteKey: 'cholesterol', canonicalValue: 201, canonicalUnit: 'mg/dL' },
    ],
    [
      'imaging report with text',
      imagingReport('d1', { loinc: '36643-5', date: '2024-05-01', conclusion: 'No active lesion', reportText: 'ปอดปกติ normal lungs' }),
      {
        kind: 'imaging',
        conceptKey: 'cxr',
        modality: 'CR',
        bodySite: 'Chest',
        conclusion: 'No active lesion',
        reportText: 'ปอดปกติ normal lungs',
      },
    ],
    [
      'imaging from extension',
      imagingReport('d2', {
        text: 'CT abdomen',
        date: '2024-05-01',
        modalityExt: 'CT',
        bodySiteExt: 'Abdomen',
        conclusionCode: 'Appendicitis',
      }),
      { kind: 'imaging', modality: 'CT', bodySite: 'Abdomen', conclusion: 'Appendicitis' },
    ],
    [
      'lab report',
      labReport('d3', { code: '58410-2', text: 'CBC', date: '2024-05-01', results: 3, conclusion: 'Normal' }),
      { kind: 'lab-report', resultCount: 3, conclusion: 'Normal' },
    ],
    [
      'immunization tetanus',
      immunization('i1', { cvx: '9', date: '2021-01-01' }),
      { kind: 'immunization', vaccineKey: 'td', tetanus: true, status: 'completed' },
    ],
    [
      'immunization influenza',
      immunization('i2', { cvx: '141', date: '2023-01-01' }),
      { vaccineKey: 'influenza', tetanus: false, vaccineGroups: ['influenza'] },
    ],
    [
      'Td preservative free (CVX 113) is a tetanus dose',
      immunization('i3', { cvx: '113', text: 'Td (adult) preservative free', date: '2023-01-01' }),
      { tetanus: true, vaccineGroups: ['td'], display: 'Td (adult) preservative free', vaccineKey: undefined },
    ],
    [
      'DTaP (CVX 20) is a tetanus dose',
      immunization('i4', { cvx: '20', text: 'DTaP', date: '2023-01-01' }),
      { tetanus: true, vaccineGroups: ['dtap'] },
    ],
    [
      'influenza by another CVX code (158)',
      immunization('i5', { cvx: '158', text: 'Flu IIV4', date: '2023-01-01' }),
      { tetanus: false, vaccineGroups: ['influenza'] },
    ],
    [
      'CVX code known to the CDC table, sent without display, reads its CDC description',
      immunization('i7', { cvx: '113', date: '2023-01-01' }),
      { tetanus: true, display: 'Td (adult) preservative free' },
    ],
    [
      'CVX code no table knows keeps its own display and code',
      immunization('i6', { cvx: '999', text: 'Trial vaccine', date: '2023-01-01' }),
      { tetanus: false, vaccineGroups: undefined, display: 'Trial vaccine', conceptKey: `${SYSTEMS.cvx}|999` },
    ],
    [
      'procedure',
      procedure('p1', { code: '80146002', text: 'Appendectomy', date: '2022-02-02' }),
      { kind: 'procedure', display: 'Appendectomy', date: '2022-02-02', status: 'completed' },
    ],
    [
      'encounter',
      encounter('e1', { cls: 'EMER', start: '2024-06-01T10:00:00+07:00', type: 'Emergency visit', reason: 'Chest pain' }),
      {
        kind: 'encounter',
        encounterClass: 'EMER',
        typeText: 'Emergency visit',
        reason: 'Chest pain',
        date: '2024-06-01T10:00:00+07:00',
        status: 'completed',
      },
    ],
  ])('%s', (_name, resource, expected) => {
    const fact = one(resource);
    for (const [k, v] of Object.entries(expected)) expect((fact as unknown as Record<string, unknown>)[k], k).toEqual(v);
    expect(fact.hospitalCode).toBe('H1');
    expect(fact.resourceId).toBe(resource.id);
  });

  it('expands blood pressure components into separate vitals', () => {
    const facts = toClinicalFacts(
      [
        {
          resourceType: 'Observation',
          id: 'bp',
          status: 'final',
          code: { coding: [{ system: SYSTEMS.loinc, code: '85354-9' }] },
          effectiveDateTime: '2024-01-01',
          component: [
            { code: { coding: [{ system: SYSTEMS.loinc, code: '8480-6' }] }, valueQuantity: { value: 140, unit: 'mmHg' } },
            { code: { coding: [{ system: SYSTEMS.loinc, code: '8462-4' }] }, valueQuantity: { value: 90, unit: 'mmHg' } },
          ],
        },
      ],
      'H1',
    );
    expect(facts.map((f) => [f.kind, f.conceptKey, f.id])).toEqual([
      ['vital', 'systolic', 'H1/Observation/bp#0'],
      ['vital', 'diastolic', 'H1/Observation/bp#1'],
    ]);
  });

  it.each<[string, Resource]>([
    ['allergy', allergy('x', { code: '764146007', verification: 'entered-in-error' })],
    ['statement', medStatement('x', { code: '225487', date: '2024-01-01', status: 'entered-in-error' })],
    ['observation', lab('x', { code: '1558-6', value: 5, unit: 'mmol/L', date: '2024-01-01', status: 'entered-in-error' })],
    ['condition', condition('x', { code: 'I10', verification: 'entered-in-error' })],
    ['unknown type', { resourceType: 'Patient', id: 'x' }],
  ])('skips %s (entered-in-error / unknown type)', (_n, r) => {
    expect(toClinicalFacts([r], 'H1')).toEqual([]);
  });

  it('never carries narrative HTML', () => {
    const facts = toClinicalFacts(
      [
        lab('o1', { code: '1558-6', value: 5, unit: 'mmol/L', date: '2024-01-01' }),
        imagingReport('d', { loinc: '36643-5', date: '2024-01-01' }),
      ],
      'H1',
    );
    const json = JSON.stringify(facts);
    expect(json).not.toContain('<div');
    expect(json).not.toContain('script');
    expect(json).not.toContain('narrative');
  });

  it('resolves contained Medication references', () => {
    const fact = one({
      resourceType: 'MedicationRequest',
      id: 'mr',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      contained: [{ resourceType: 'Medication', id: 'med', code: { coding: [{ system: SYSTEMS.atc, code: 'N03AB02' }] } }],
      medicationReference: { reference: '#med' },
      authoredOn: '2024-01-01',
    });
    expect(fact.conceptKey).toBe('phenytoin');
  });
});
