import { describe, expect, it } from 'vitest';
import type { Coding, Immunization, Resource } from '@medplum/fhirtypes';
import { buildEmergencySummary } from './emergency-summary';
import { toClinicalFacts } from './facts';
import { mergeTimeline } from './merge';
import { SYSTEMS } from './terminology';
import { vaccineConceptOf } from './terminology-index';
import { ATC_VACCINES, SNOMED_VACCINES } from './terminology/vaccine-codes';

const NOW = '2024-06-30T12:00:00+07:00';

function dose(id: string, coding: Coding[], text?: string): Immunization {
  return {
    resourceType: 'Immunization',
    id,
    status: 'completed',
    vaccineCode: { coding, ...(text !== undefined ? { text } : {}) },
    patient: { reference: 'Patient/p1' },
    occurrenceDateTime: '2017-12-11',
  };
}

function tetanusOf(resources: Resource[]): ReturnType<typeof buildEmergencySummary>['tetanus'] {
  const model = mergeTimeline({ facts: toClinicalFacts(resources, 'A'), answered: ['A'], now: NOW });
  return buildEmergencySummary(model, ['A']).tetanus;
}

describe('tetanus recognised from SNOMED CT and ATC vaccine codes, not only CVX', () => {
  it('the IPS DTaP-IPV dose (SNOMED 871878002 + ATC J07CA02) is a tetanus dose in the emergency summary', () => {
    const ipsDose = dose('imm', [
      {
        system: SYSTEMS.snomed,
        code: '871878002',
        display:
          'Bordetella pertussis and Clostridium tetani and Corynebacterium diphtheriae and Human poliovirus antigens only vaccine product',
      },
      { system: SYSTEMS.atc, code: 'J07CA02', display: 'diphtheria-pertussis-poliomyelitis-tetanus' },
    ]);
    expect(tetanusOf([ipsDose])).toMatchObject({ status: 'recorded', date: '2017-12-11', hospitals: ['A'] });
    const [fact] = toClinicalFacts([ipsDose], 'A');
    expect(fact).toMatchObject({ kind: 'immunization', tetanus: true, vaccineGroups: ['dtap', 'polio'] });
  });

  it('adult dTpa as SNOMED CT-AU 1789171000168108 is a tetanus dose', () => {
    expect(tetanusOf([dose('d', [{ system: SYSTEMS.snomed, code: '1789171000168108' }], 'Boostrix')])).toMatchObject({
      status: 'recorded',
      display: 'Boostrix',
    });
  });

  it.each([
    ['SNOMED Td', SYSTEMS.snomed, '871826000'],
    ['SNOMED tetanus-containing', SYSTEMS.snomed, '863911006'],
    ['SNOMED hexavalent', SYSTEMS.snomed, '871895005'],
    ['ATC tetanus toxoid', SYSTEMS.atc, 'J07AM01'],
    ['ATC tetanus + diphtheria toxoid', SYSTEMS.atc, 'J07AM51'],
    ['ATC hexavalent', SYSTEMS.atc, 'J07CA09'],
    ['ATC lower case', SYSTEMS.atc, 'j07ca02'],
  ])('%s (%s %s) contains tetanus', (_n, system, code) => {
    expect(vaccineConceptOf(system, code)?.tetanus).toBe(true);
  });

  it.each([
    ['ATC influenza (a J07BB substance)', SYSTEMS.atc, 'J07BB02', 'influenza'],
    ['ATC Hib-polio has no tetanus', SYSTEMS.atc, 'J07CA04', 'hib'],
    ['ATC typhoid-hepatitis A has no tetanus', SYSTEMS.atc, 'J07CA10', 'typhoid'],
    ['ATC COVID-19', SYSTEMS.atc, 'J07BN01', 'covid19'],
    ['ATC zoster', SYSTEMS.atc, 'J07BK03', 'zoster'],
    ['SNOMED influenza', SYSTEMS.snomed, '1181000221105', 'influenza'],
    ['SNOMED COVID-19 mRNA', SYSTEMS.snomed, '1119349007', 'covid19'],
    ['CVX 300 bivalent COVID-19', SYSTEMS.cvx, '300', 'covid19'],
    ['CVX 121 zoster live', SYSTEMS.cvx, '121', 'zoster'],
  ])('%s (%s %s) → %s, no tetanus', (_n, system, code, group) => {
    const c = vaccineConceptOf(system, code);
    expect(c?.groups).toContain(group);
    expect(c?.tetanus).toBe(false);
  });

  it('tetanus immune globulin (ATC J06BB02) is not a vaccination; unknown codes stay unknown', () => {
    expect(vaccineConceptOf(SYSTEMS.atc, 'J06BB02')).toBeUndefined();
    expect(vaccineConceptOf(SYSTEMS.snomed, '22298006')).toBeUndefined();
    expect(tetanusOf([dose('x', [{ system: SYSTEMS.atc, code: 'J06BB02' }], 'Tetanus immunoglobulin')])).toEqual({
      status: 'none-recorded',
    });
  });

  it('a tetanus dose recorded as not given is not a tetanus dose; the latest dose given is', () => {
    const refused = {
      ...dose('r', [{ system: SYSTEMS.atc, code: 'J07AM51' }], 'Td'),
      status: 'not-done' as const,
      occurrenceDateTime: '2024-01-01',
    };
    expect(tetanusOf([refused])).toEqual({ status: 'none-recorded' });
    expect(tetanusOf([refused, dose('g', [{ system: SYSTEMS.snomed, code: '871826000' }], 'Td')])).toMatchObject({
      status: 'recorded',
      date: '2017-12-11',
    });
  });

  it('an influenza dose coded in SNOMED and ATC is not a tetanus dose', () => {
    expect(
      tetanusOf([
        dose('f', [
          { system: SYSTEMS.snomed, code: '1181000221105' },
          { system: SYSTEMS.atc, code: 'J07BB02' },
        ]),
      ]),
    ).toEqual({ status: 'none-recorded' });
  });

  it('the tables list each code once, ATC rows as 5-character subgroups or 7-character substances', () => {
    for (const table of [SNOMED_VACCINES, ATC_VACCINES]) expect(new Set(table.map((r) => r.code)).size).toBe(table.length);
    for (const r of ATC_VACCINES) expect(r.code).toMatch(/^J07[A-Z]{2}(\d\d)?$/);
    for (const r of [...SNOMED_VACCINES, ...ATC_VACCINES]) expect(r.groups.length).toBeGreaterThan(0);
  });
});
