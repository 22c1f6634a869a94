import { describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { toClinicalFacts } from './facts';
import { allergy, condition, encounter, lab, medDispense, medRequest, medStatement, nka, seededRandom } from './fixtures';
import { mergeSteps, mergeTimeline, timeOf } from './merge';
import { SYSTEMS } from './terminology';
import type { ClinicalFact, SealedFactStub, TimelineModel } from './types';

const NOW = '2024-06-30T12:00:00+07:00';

function facts(byHospital: Record<string, Resource[]>): ClinicalFact[] {
  return Object.entries(byHospital).flatMap(([h, rs]) => toClinicalFacts(rs, h));
}

function merge(byHospital: Record<string, Resource[]>, answered = Object.keys(byHospital)): TimelineModel {
  return mergeTimeline({ facts: facts(byHospital), answered, now: NOW });
}

function shuffle<T>(xs: T[], seed: number): T[] {
  const rnd = seededRandom(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('dedupe', () => {
  it('same lab, same day, same value at two hospitals is one entry recorded twice', () => {
    const m = merge({
      H1: [lab('g1', { code: '1558-6', value: 5.5, unit: 'mmol/L', date: '2024-05-01T08:00:00+07:00' })],
      H2: [lab('g2', { system: SYSTEMS.tmlt, code: '320186', value: 5.5, unit: 'mmol/L', date: '2024-05-01T09:30:00+07:00' })],
    });
    expect(m.entries).toHaveLength(1);
    const e = m.entries[0]!;
    expect(e.recordedAt).toBe(2);
    expect(e.hospitals).toEqual(['H1', 'H2']);
    expect(e.sources.map((s) => s.resourceId)).toEqual(['g1', 'g2']);
    expect(e.conflict).toBeUndefined();
    expect(m.labs[0]!.points).toHaveLength(1);
    expect(m.labs[0]!.points[0]!.alsoAt).toEqual(['H2']);
  });

  it.each<[string, Resource, Resource, number]>([
    [
      'different days stay apart',
      lab('a', { code: '2823-3', value: 4, unit: 'mmol/L', date: '2024-05-01' }),
      lab('b', { code: '2823-3', value: 4, unit: 'mmol/L', date: '2024-05-02' }),
      2,
    ],
    [
      'same day across UTC midnight in Thai time',
      lab('a', { code: '2823-3', value: 4, unit: 'mmol/L', date: '2024-05-01T23:30:00+07:00' }),
      lab('b', { code: '2823-3', value: 4, unit: 'mmol/L', date: '2024-05-01T16:45:00Z' }),
      1,
    ],
    [
      'same condition ICD-10 vs ICD-10-TM',
      condition('a', { code: 'E11.9', onset: '2020-01-01' }),
      condition('b', { system: SYSTEMS.icd10tm, code: 'E119', onset: '2020-01-01' }),
      1,
    ],
    [
      'encounters at two hospitals are two visits',
      encounter('a', { cls: 'AMB', start: '2024-05-01' }),
      encounter('b', { cls: 'AMB', start: '2024-05-01' }),
      2,
    ],
  ])('%s', (_n, a, b, count) => {
    expect(merge({ H1: [a], H2: [b] }).entries).toHaveLength(count);
  });
});

describe('conflicts', () => {
  it('metformin active at A, stopped at B → status conflict, never merged', () => {
    const m = merge({
      A: [medStatement('m1', { code: '225487', status: 'active', date: '2024-05-01', dose: '1 tab bid' })],
      B: [medStatement('m2', { system: SYSTEMS.atc, code: 'A10BA02', status: 'stopped', date: '2024-05-01', dose: '1 tab bid' })],
    });
    expect(m.entries).toHaveLength(2);
    expect(m.entries.map((e) => e.conflict?.reason)).toEqual(['status', 'status']);
    expect(m.entries[0]!.conflictGroup).toBe(m.entries[1]!.conflictGroup);
    const row = m.medications.find((r) => r.key === 'metformin')!;
    expect(row.current).toBe(true);
    expect(row.conflicts).toEqual([{ reason: 'status', hospitals: ['A', 'B'] }]);
    expect(row.hospitals.map((h) => [h.hospitalCode, h.status, h.current])).toEqual([
      ['A', 'active', true],
      ['B', 'stopped', false],
    ]);
    expect(row.highRisk).toBe('antidiabetic');
  });

  it('stop long before a restart elsewhere is not a conflict', () => {
    const m = merge({
      A: [medStatement('m1', { code: '225487', status: 'active', date: '2024-05-01' })],
      B: [medStatement('m2', { code: '225487', status: 'stopped', date: '2021-01-01' })],
    });
    expect(m.medications[0]!.conflicts).toEqual([]);
  });

  it('amlodipine 5 mg vs 10 mg → dose conflict', () => {
    const m = merge({
      A: [medRequest('r1', { code: '233405', date: '2024-05-01', dose: '5 mg once daily' })],
      B: [medStatement('s1', { system: SYSTEMS.rxnorm, code: '17767', date: '2024-05-01', dose: '10 mg once daily' })],
    });
    const row = m.medications[0]!;
    expect(row.key).toBe('amlodipine');
    expect(row.conflicts).toEqual([{ reason: 'dose', hospitals: ['A', 'B'] }]);
    expect(m.entries.map((e) => e.conflict?.reason)).toEqual(['dose', 'dose']);
  });

  it('same active dose spelled differently merges', () => {
    const m = merge({
      A: [medStatement('s1', { code: '233405', date: '2024-05-01', dose: '5 mg  Once daily' })],
      B: [medStatement('s2', { code: '233405', date: '2024-05-01', dose: '5 mg once daily' })],
    });
    expect(m.entries).toHaveLength(1);
    expect(m.medications[0]!.conflicts).toEqual([]);
  });

  it('same lab same day different values → value conflict', () => {
    const m = merge({
      A: [lab('k1', { code: '2823-3', value: 4.1, unit: 'mmol/L', date: '2024-05-01' })],
      B: [lab('k2', { code: '2823-3', value: 5.9, unit: 'mmol/L', date: '2024-05-01' })],
    });
    expect(m.entries.map((e) => [e.id, e.conflict?.reason])).toEqual([
      ['A/Observation/k1', 'value'],
      ['B/Observation/k2', 'value'],
    ]);
  });

  it('two results from one hospital on one day are two measurements, not a conflict', () => {
    const m = merge({
      A: [
        lab('k1', { code: '2823-3', value: 4.1, unit: 'mmol/L', date: '2024-05-01T08:00:00+07:00' }),
        lab('k2', { code: '2823-3', value: 3.5, unit: 'mmol/L', date: '2024-05-01T18:00:00+07:00' }),
      ],
    });
    expect(m.entries.every((e) => e.conflict === undefined)).toBe(true);
  });

  it('allergy refuted at one hospital, confirmed at another → verification conflict', () => {
    const m = merge({
      A: [allergy('a1', { code: '764146007', verification: 'confirmed', date: '2024-01-01' })],
      B: [allergy('a2', { system: SYSTEMS.atc, code: 'J01C', verification: 'refuted', date: '2024-01-01' })],
    });
    expect(m.entries.map((e) => e.conflict?.reason)).toEqual(['verification', 'verification']);
    const row = m.allergies[0]!;
    expect(row.conflicts).toEqual([{ reason: 'verification', hospitals: ['A', 'B'] }]);
    expect(row.refuted).toBe(false);
  });
});

describe('determinism', () => {
  const all: (ClinicalFact | SealedFactStub)[] = [
    ...facts({
      A: [
        lab('g1', { code: '1558-6', value: 5.5, unit: 'mmol/L', date: '2024-05-01' }),
        lab('g9', { code: '1558-6', value: 6.2, unit: 'mmol/L', date: '2024-05-01' }),
        medStatement('m1', { code: '225487', status: 'active', date: '2024-05-01', dose: 'x' }),
        allergy('p1', { code: '764146007', criticality: 'high' }),
        condition('c1', { code: 'E11.9', onset: '2019-01-01' }),
        encounter('e', { cls: 'AMB', start: '2024-05-01' }),
      ],
      B: [
        lab('g2', { code: '2345-7', value: 99.1, unit: 'mg/dL', date: '2024-05-01' }),
        medStatement('m2', { code: '225487', status: 'stopped', date: '2024-05-01', dose: 'x' }),
        allergy('p2', { system: SYSTEMS.atc, code: 'J01C', criticality: 'low' }),
        medRequest('amx', { code: '211617', date: '2024-06-01' }),
        condition('c2', { system: SYSTEMS.icd10tm, code: 'E119', onset: '2018-01-01' }),
        nka('n'),
      ],
      C: [
        lab('u', { code: '1558-6', value: 7, unit: 'mmol/mol', date: '2024-05-01' }),
        lab('nd', { code: '1558-6', value: 7, unit: 'mg/dL', date: '' }),
      ],
    }),
    { id: 'C/Condition/s', hospitalCode: 'C', kind: 'condition', date: '2024-01-01', labels: ['PSY'] },
  ];
  const baseline = JSON.stringify(mergeTimeline({ facts: all, answered: ['A', 'B', 'C'], now: NOW }));

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('shuffle seed %i gives the identical model', (seed) => {
    const m = mergeTimeline({ facts: shuffle(all, seed), answered: shuffle(['A', 'B', 'C'], seed), now: NOW });
    expect(JSON.stringify(m)).toBe(baseline);
  });

  it('entries are newest first with id tie-break', () => {
    const m = JSON.parse(baseline) as TimelineModel;
    const dated = m.entries.filter((e) => e.date !== null && e.date !== '');
    for (let i = 1; i < dated.length; i++) {
      const a = dated[i - 1]!;
      const b = dated[i]!;
      expect(a.date! > b.date! || (a.date === b.date && a.id < b.id) || a.date!.length !== b.date!.length).toBe(true);
    }
  });
});

describe('timeOf', () => {
  it.each([
    '2024-05-01T08:00:00+07:00',
    '2024-05-01T08:00:00.123Z',
    '2024-05-01T08:00:00.5-03:30',
    '2024-12-31T23:59:59Z',
    '2024-05-01T08:00+07:00',
    '2024-05',
    '2024',
  ])('%s matches Date.parse', (iso) => {
    const expected = Date.parse(iso) - (iso.length <= 10 ? 7 * 3_600_000 : 0);
    expect(timeOf(iso)).toBe(expected);
  });

  it('treats a bare date as Thai midnight', () => {
    expect(timeOf('2024-05-01')).toBe(Date.parse('2024-05-01T00:00:00+07:00'));
  });

  it('matches Date.parse on every day from 1899 to 2101 (leap years, century rules)', () => {
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86_400_000 + 3_607_001) {
      const iso = new Date(t).toISOString();
      expect(timeOf(iso)).toBe(t);
      expect(timeOf(iso.slice(0, 10))).toBe(Date.parse(iso.slice(0, 10)) - 7 * 3_600_000);
    }
  });
});

describe('ordering at scale', () => {
  it('matches a naive newest-first sort with sub-second ties, old and undated records', () => {
    const rnd = seededRandom(7);
    const rs: Resource[] = [];
    for (let i = 0; i < 600; i++) {
      const roll = rnd();
      const date =
        roll < 0.05
          ? ''
          : roll < 0.1
            ? '1899-12-31'
            : `2024-0${1 + Math.floor(rnd() * 3)}-1${Math.floor(rnd() * 3)}T10:00:0${Math.floor(rnd() * 3)}.${Math.floor(rnd() * 3)}00+07:00`;
      rs.push(lab(`o${i}`, { code: '2823-3', value: Math.round(rnd() * 1000) / 10, unit: 'mmol/L', date }));
    }
    const m = merge({ A: rs.slice(0, 300), B: rs.slice(300) });
    const t = (d: string | null): number => (d === null || d === '' ? Number.NEGATIVE_INFINITY : timeOf(d));
    const expected = [...m.entries].sort((a, b) => (t(a.date) === t(b.date) ? (a.id < b.id ? -1 : 1) : t(b.date) - t(a.date)));
    expect(m.entries.map((e) => e.id)).toEqual(expected.map((e) => e.id));
  });
});

describe('merging in steps', () => {
  it('pauses every few hundred records and ends with exactly the model mergeTimeline gives', () => {
    const rnd = seededRandom(11);
    const byHospital: Record<string, Resource[]> = { A: [], B: [], C: [] };
    for (let i = 0; i < 6000; i++) {
      const day = `2024-0${1 + Math.floor(rnd() * 6)}-1${Math.floor(rnd() * 9)}`;
      const r =
        rnd() < 0.8
          ? lab(`o${i}`, {
              code: rnd() < 0.5 ? '2823-3' : '1558-6',
              value: Math.round(rnd() * 100) / 10,
              unit: 'mmol/L',
              date: `${day}T08:00:00+07:00`,
            })
          : medRequest(`m${i}`, {
              code: '662401',
              text: 'Amlodipine 5 mg',
              date: day,
              dose: '1 tab daily',
              status: rnd() < 0.8 ? 'active' : 'stopped',
            });
      byHospital[['A', 'B', 'C'][i % 3]!]!.push(r);
    }
    const input = { facts: facts(byHospital), answered: ['A', 'B', 'C'], now: NOW };
    const steps = mergeSteps(input);
    let pauses = 0;
    let step = steps.next();
    while (step.done !== true) {
      pauses++;
      step = steps.next();
    }
    expect(pauses).toBeGreaterThan(20);
    expect(JSON.stringify(step.value)).toBe(JSON.stringify(mergeTimeline(input)));
  });
});

describe('re-delivery', () => {
  it('the same fact delivered twice counts once', () => {
    const fs = facts({ A: [lab('g1', { code: '1558-6', value: 5.5, unit: 'mmol/L', date: '2024-05-01' })] });
    const m = mergeTimeline({ facts: [...fs, ...fs.map((f) => ({ ...f }))], answered: ['A'], now: NOW });
    expect(m.entries).toHaveLength(1);
    expect(m.entries[0]!.recordedAt).toBe(1);
  });
});

describe('medication status across a course', () => {
  it.each<[string, Record<string, Resource[]>, string[]]>([
    [
      'stopped at B while A has prescribed it for years → status conflict',
      {
        A: [medStatement('s', { code: '225487', date: '2016-01-01' }), medRequest('r', { code: '225487', date: '2024-06-01' })],
        B: [medRequest('x', { code: '225487', date: '2023-10-31', status: 'stopped' })],
      },
      ['status'],
    ],
    [
      'stopped at B years before A started it → restart, no conflict',
      {
        A: [medRequest('r', { code: '225487', date: '2024-06-01' })],
        B: [medRequest('x', { code: '225487', date: '2020-10-31', status: 'stopped' })],
      },
      [],
    ],
    [
      'still dispensed by a pharmacy after a stop elsewhere → status conflict',
      {
        P: [medDispense('d', { code: '225487', date: '2024-06-20', days: 30 })],
        B: [medRequest('x', { code: '225487', date: '2024-06-01', status: 'stopped' })],
      },
      ['status'],
    ],
  ])('%s', (_n, data, reasons) => {
    expect(merge(data).medications[0]!.conflicts.map((c) => c.reason)).toEqual(reasons);
  });
});

describe('why a medication was stopped or changed reaches its row', () => {
  const metformin = { code: '225487' };
  it('the stopping hospital’s line carries its reason beside the other hospital still taking it', () => {
    const m = merge({
      '11535': [medStatement('k', { ...metformin, date: '2024-06-01', dose: '500 mg bid' })],
      '10661': [
        medStatement('r0', { ...metformin, date: '2023-01-01', dose: '500 mg bid' }),
        {
          ...medStatement('r1', { ...metformin, date: '2024-01-10', status: 'stopped' }),
          statusReason: [{ text: 'eGFR below 45: metformin stopped' }],
        },
      ],
    });
    const row = m.medications.find((r) => r.key === 'metformin')!;
    expect(row.hospitals.map((h) => [h.hospitalCode, h.status, h.statusReason])).toEqual([
      ['10661', 'stopped', 'eGFR below 45: metformin stopped'],
      ['11535', 'active', undefined],
    ]);
    expect(row.conflicts.map((c) => c.reason)).toContain('status');
  });

  it.each<[string, Resource[], string | undefined]>([
    [
      'dose changed between two statements',
      [
        medStatement('a', { ...metformin, date: '2024-01-01', dose: '500 mg bid' }),
        medStatement('b', { ...metformin, date: '2024-05-01', dose: '1000 mg bid' }),
      ],
      '500 mg bid',
    ],
    [
      'same dose written differently is no change',
      [
        medStatement('a', { ...metformin, date: '2024-01-01', dose: '500 mg BID' }),
        medStatement('b', { ...metformin, date: '2024-05-01', dose: '500  mg bid' }),
      ],
      undefined,
    ],
    [
      'a dispense label in between is not an order',
      [
        medStatement('a', { ...metformin, date: '2024-01-01', dose: '500 mg bid' }),
        medDispense('d', { ...metformin, date: '2024-06-01', dose: '2 tabs' }),
      ],
      undefined,
    ],
    ['one record only', [medStatement('a', { ...metformin, date: '2024-01-01', dose: '500 mg bid' })], undefined],
  ])('%s', (_n, resources, previous) => {
    const row = merge({ H: resources }).medications[0]!;
    expect(row.hospitals[0]!.previousDose).toBe(previous);
  });
});
