import { describe, expect, it } from 'vitest';
import type { Flag, Resource } from '@medplum/fhirtypes';
import { ALERT_KINDS, deriveAlertFlags } from './alert-flags';
import { computePanelCoverage, hospitalAnswers } from './coverage';
import { toClinicalFacts } from './facts';
import { allergy, condition, lab, medStatement } from './fixtures';
import { mergeTimeline } from './merge';
import { highRiskFromAtc } from './terminology-index';
import { BANNER_HIGH_ALERT_CLASSES } from './terminology/high-alert';
import { SYSTEMS } from './terminology';
import type { ClinicalFact } from './types';

const NOW = '2024-06-30T12:00:00+07:00';

function flag(id: string, o: { category: string; text: string; status?: Flag['status']; start?: string; end?: string }): Flag {
  return {
    resourceType: 'Flag',
    id,
    status: o.status ?? 'active',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: o.category }] }],
    code: { text: o.text },
    subject: { reference: 'Patient/p1' },
    period: { start: o.start ?? '2024-01-01', ...(o.end !== undefined ? { end: o.end } : {}) },
  };
}

function merge(byHospital: Record<string, Resource[]>) {
  const facts: ClinicalFact[] = Object.entries(byHospital).flatMap(([h, rs]) => toClinicalFacts(rs, h));
  return mergeTimeline({ facts, answered: Object.keys(byHospital), now: NOW });
}

describe('banner alerts', () => {
  it('counts allergies and names the most severe (criticality first, then reaction severity)', () => {
    const model = merge({
      A: [allergy('a1', { code: '91936005', text: 'Penicillin', criticality: 'low' })],
      B: [
        allergy('a2', { code: '300913006', text: 'Shellfish', criticality: 'high', reactions: ['Anaphylaxis'] }),
        allergy('a3', { code: '293586001', text: 'Aspirin', verification: 'refuted' }),
      ],
    });
    const { allergies } = deriveAlertFlags(model, NOW);
    expect(allergies.count).toBe(2); // the refuted one is not an allergy
    expect(allergies.mostSevere).toMatchObject({ display: 'Shellfish', criticality: 'high', severity: 'severe', hospitals: ['B'] });
  });

  it('lists current high-alert drugs with their hospitals, and not stopped ones or non-ISMP classes', () => {
    const atc = (code: string) => ({ system: SYSTEMS.atc, code });
    const model = merge({
      A: [
        medStatement('m1', { ...atc('B01AA03'), text: 'Warfarin', date: '2024-05-01' }),
        medStatement('m2', { ...atc('A10BA02'), text: 'Metformin', date: '2024-05-01' }),
        medStatement('m3', { ...atc('N02AA01'), text: 'Morphine', date: '2024-01-01', status: 'stopped' }),
      ],
      B: [medStatement('m4', { ...atc('L01BA01'), text: 'Methotrexate', date: '2024-05-01' })],
    });
    const drugs = deriveAlertFlags(model, NOW).highAlertDrugs;
    expect(drugs.map((d) => [d.display, d.highRisk, d.hospitals])).toEqual([
      ['Warfarin', 'anticoagulant', ['A']],
      ['Methotrexate', 'antineoplastic', ['B']],
    ]);
  });

  it('shows an active pregnancy problem, not a resolved one, and a recent positive hCG', () => {
    const active = merge({ A: [condition('c1', { code: 'Z34.9', text: 'Supervision of normal pregnancy', onset: '2024-03-01' })] });
    expect(deriveAlertFlags(active, NOW).pregnancy).toEqual([
      { source: 'condition', display: 'Supervision of normal pregnancy', date: '2024-03-01', hospitals: ['A'] },
    ]);
    const resolved = merge({
      A: [
        condition('c1', { code: 'O80', text: 'Delivery', onset: '2024-03-01' }),
        condition('c2', { system: SYSTEMS.snomed, code: '77386006', status: 'resolved', onset: '2023-01-01' }),
      ],
    });
    expect(deriveAlertFlags(resolved, NOW).pregnancy).toEqual([]);
    const positive = { code: '10828004', display: 'Positive' };
    const tests = merge({
      B: [
        lab('h1', { code: '2106-3', text: 'Urine hCG', valueCode: positive, date: '2024-06-20' }),
        lab('h2', { code: '2106-3', text: 'Urine hCG', valueCode: positive, date: '2023-06-20' }),
        lab('h3', { code: '2118-8', text: 'Serum hCG', valueString: 'negative', date: '2024-06-25' }),
      ],
    });
    expect(deriveAlertFlags(tests, NOW).pregnancy).toEqual([
      { source: 'test', display: 'Urine hCG', date: '2024-06-20', hospitals: ['B'] },
    ]);
  });

  it('shows active Flags with their hospital, advance directives marked, ended and inactive ones not', () => {
    const model = merge({
      A: [
        flag('f1', { category: 'clinical', text: 'MRSA: contact precautions' }),
        flag('f2', { category: 'safety', text: 'Fall risk', status: 'inactive' }),
        flag('f3', { category: 'safety', text: 'Aggressive', end: '2024-02-01' }),
        flag('f5', { category: 'clinical', text: 'Entered by mistake', status: 'entered-in-error' }),
      ],
      B: [flag('f4', { category: 'advance-directive', text: 'Do not resuscitate' })],
    });
    const flags = deriveAlertFlags(model, NOW).flags;
    expect(flags.map((f) => [f.display, f.hospitals, f.advanceDirective]).sort()).toEqual([
      ['Do not resuscitate', ['B'], true],
      ['MRSA: contact precautions', ['A'], false],
    ]);
  });

  it('says which hospitals the alerts lack: a hospital still waiting, or sealed records', () => {
    const answers = hospitalAnswers(['A', 'B'], (h) =>
      h === 'A'
        ? {
            hcode: 'A',
            status: 'answered',
            facts: [{ id: 'A/Flag/x', hospitalCode: 'A', kind: 'flag', date: null, labels: ['R'] }],
            droppedWrongPatient: 0,
            droppedUnverifiable: 0,
          }
        : 'waiting',
    );
    const coverage = computePanelCoverage(answers, ALERT_KINDS);
    expect(coverage.complete).toBe(false);
    expect(coverage.gaps).toEqual([
      { hospitalCode: 'A', reason: 'sealed', count: 1 },
      { hospitalCode: 'B', reason: 'waiting' },
    ]);
  });
});

describe('the banner high-alert table', () => {
  it.each([
    ['B01AA03', 'warfarin', 'anticoagulant'],
    ['B01AF01', 'rivaroxaban', 'anticoagulant'],
    ['A10AE04', 'insulin glargine', 'insulin'],
    ['N02AA01', 'morphine', 'opioid'],
    ['L01BA01', 'methotrexate (antineoplastic)', 'antineoplastic'],
    ['L04AX03', 'methotrexate (immunosuppressant)', 'immunosuppressant'],
    ['C01AA05', 'digoxin', 'antiarrhythmic'],
  ])('%s %s is a banner class (%s)', (atc, _name, cls) => {
    expect(highRiskFromAtc(atc)).toBe(cls);
    expect(BANNER_HIGH_ALERT_CLASSES).toContain(cls);
  });

  it.each([
    ['B01AC06', 'aspirin (antiplatelet)'],
    ['A10BA02', 'metformin'],
    ['N03AB02', 'phenytoin'],
  ])('%s %s is not on the banner', (atc) => {
    const cls = highRiskFromAtc(atc);
    expect(cls === undefined || !BANNER_HIGH_ALERT_CLASSES.includes(cls)).toBe(true);
  });
});
