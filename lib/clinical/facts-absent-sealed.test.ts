import { describe, expect, it } from 'vitest';
import { isSealed, sealFact, sealSensitiveFacts, toClinicalFacts } from './facts';
import { condition, medStatement } from './fixtures';

describe('a code the source could not give (data-absent-reason)', () => {
  const absent = (code: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code }] });
  const facts = toClinicalFacts(
    [
      {
        resourceType: 'AllergyIntolerance',
        id: 'a1',
        patient: { reference: 'Patient/p1' },
        code: absent('unknown'),
        recordedDate: '2023-04-24',
      },
      {
        resourceType: 'AllergyIntolerance',
        id: 'a2',
        patient: { reference: 'Patient/p1' },
        code: absent('unknown'),
        recordedDate: '2023-04-24',
      },
      {
        resourceType: 'Immunization',
        id: 'i1',
        status: 'not-done',
        patient: { reference: 'Patient/p1' },
        vaccineCode: absent('asked-declined'),
        occurrenceDateTime: '2017-08-15',
      },
      {
        resourceType: 'Observation',
        id: 'o1',
        status: 'final',
        code: absent('masked'),
        category: [{ coding: [{ code: 'laboratory' }] }],
        valueString: 'x',
      },
      {
        resourceType: 'Condition',
        id: 'c1',
        subject: { reference: 'Patient/p1' },
        code: { ...absent('unknown'), text: 'Chest pain, cause not found' },
      },
    ],
    'H1',
  );

  it('is labelled in words, never by its code ("unknown")', () => {
    expect(facts.map((f) => [f.nameEn, f.nameTh])).toEqual([
      ['Not stated by the source', 'ต้นทางไม่ได้ระบุ'],
      ['Not stated by the source', 'ต้นทางไม่ได้ระบุ'],
      ['Not stated by the source', 'ต้นทางไม่ได้ระบุ'],
      ['Withheld by the source', 'ต้นทางปกปิดข้อมูลนี้'],
      [undefined, undefined],
    ]);
    // The source's own text wins when it gave one; the data-absent coding still travels with the fact.
    expect(facts[4]!.display).toBe('Chest pain, cause not found');
    expect(facts[0]!.codes).toEqual([
      { system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'unknown', display: undefined },
    ]);
  });

  it('never merges two absent concepts as the same thing', () => {
    expect(new Set(facts.slice(0, 4).map((f) => f.conceptKey)).size).toBe(4);
    const masked = facts[3]!;
    expect(masked.kind === 'lab' && masked.analyteKey).toBe(masked.conceptKey);
  });
});

describe('sealed records', () => {
  const facts = toClinicalFacts(
    [
      condition('hiv', { code: 'B24', onset: '2018-01-01', security: ['HIV'] }),
      medStatement('art', { code: '255301', date: '2024-01-01', security: ['R'] }),
      condition('htn', { code: 'I10', onset: '2018-01-01' }),
    ],
    'H1',
  );

  it('marks only labelled records', () => {
    expect(facts.map((f) => [f.resourceId, isSealed(f)])).toEqual([
      ['hiv', true],
      ['art', true],
      ['htn', false],
    ]);
    expect(facts[0]!.sealed).toEqual({ labels: ['HIV'] });
  });

  it('stubs carry no content', () => {
    const stub = sealFact(facts[0]!);
    expect(Object.keys(stub).sort()).toEqual(['date', 'hospitalCode', 'id', 'kind', 'labels']);
    const json = JSON.stringify(sealSensitiveFacts(facts).slice(0, 2));
    for (const leak of ['B24', 'HIV disease', 'diabetes', 'Tenofovir', '255301', 'display', 'codes', 'conceptKey'])
      expect(json).not.toContain(leak);
    expect(isSealed(stub)).toBe(true);
  });
});
