import { describe, expect, it } from 'vitest';
import type { Observation } from '@medplum/fhirtypes';
import { toClinicalFacts } from './facts';
import { lab } from './fixtures';
import { buildFlowsheet, isAbnormal } from './flowsheet';
import { mergeTimeline } from './merge';
import type { ClinicalFact } from './types';
import { SYSTEMS } from './terminology';
import { availableVitalCharts, binChartRows, bloodPressureRows, pairBloodPressure, readingHospitals } from './vital-series';

const NOW = '2024-06-30T12:00:00+07:00';

function bpPanel(id: string, date: string, sys: number, dia: number): Observation {
  const component = (code: string, value: number) => ({
    code: { coding: [{ system: SYSTEMS.loinc, code }] },
    valueQuantity: { value, unit: 'mmHg', system: SYSTEMS.ucum, code: 'mm[Hg]' },
  });
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ code: 'vital-signs' }] }],
    code: { coding: [{ system: SYSTEMS.loinc, code: '85354-9' }], text: 'Blood pressure' },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: date,
    component: [component('8480-6', sys), component('8462-4', dia)],
  };
}

const vital = (id: string, code: string, value: number, unit: string, date: string) =>
  lab(id, { code, value, unit, date, category: 'vital-signs' });

function merge(byHospital: Record<string, Observation[]>) {
  const facts: ClinicalFact[] = Object.entries(byHospital).flatMap(([h, rs]) => toClinicalFacts(rs, h));
  return mergeTimeline({ facts, answered: Object.keys(byHospital), now: NOW });
}

describe('blood pressure: a panel and two Observations pair into readings per hospital', () => {
  const model = merge({
    A: [bpPanel('p1', '2024-01-10T08:00:00+07:00', 150, 92), bpPanel('p2', '2024-03-10T08:00:00+07:00', 138, 84)],
    B: [
      vital('s1', '8480-6', 128, 'mm[Hg]', '2024-02-01T09:00:00+07:00'),
      vital('d1', '8462-4', 80, 'mm[Hg]', '2024-02-01T09:00:00+07:00'),
      // A systolic with no diastolic at that instant stays a reading of its own, half empty.
      vital('s2', '8480-6', 122, 'mm[Hg]', '2024-04-01T09:00:00+07:00'),
    ],
  });
  const readings = pairBloodPressure(model.vitals);

  it('makes one reading per instant and hospital, oldest first', () => {
    expect(readings.map((r) => [r.hospitalCode, r.systolic?.value, r.diastolic?.value])).toEqual([
      ['A', 150, 92],
      ['B', 128, 80],
      ['A', 138, 84],
      ['B', 122, undefined],
    ]);
    expect(readingHospitals(readings)).toEqual(['A', 'B']);
  });

  it('gives each hospital a systolic and a diastolic line on one chart', () => {
    const rows = bloodPressureRows(readings);
    expect(rows.map((r) => r.values)).toEqual([
      { 'A:sys': 150, 'A:dia': 92 },
      { 'B:sys': 128, 'B:dia': 80 },
      { 'A:sys': 138, 'A:dia': 84 },
      { 'B:sys': 122 },
    ]);
  });

  it('keeps a repeated measurement at the same instant as a second reading', () => {
    const repeat = merge({
      A: [
        vital('s1', '8480-6', 160, 'mm[Hg]', '2024-01-10T08:00:00+07:00'),
        vital('s2', '8480-6', 150, 'mm[Hg]', '2024-01-10T08:00:00+07:00'),
        vital('d1', '8462-4', 90, 'mm[Hg]', '2024-01-10T08:00:00+07:00'),
      ],
    });
    const rs = pairBloodPressure(repeat.vitals);
    expect(rs).toHaveLength(2);
    expect(rs.map((r) => r.systolic?.value).sort()).toEqual([150, 160]);
    expect(rs.filter((r) => r.diastolic !== undefined)).toHaveLength(1);
  });

  it('lists the charts that have data, blood pressure first, eGFR from the labs', () => {
    const m = merge({
      A: [
        bpPanel('p1', '2024-01-10T08:00:00+07:00', 150, 92),
        lab('e1', { code: '62238-1', value: 40, unit: 'mL/min/{1.73_m2}', date: '2024-01-10' }),
      ],
    });
    expect(availableVitalCharts(m.vitals, m.labs)).toEqual(['bp', 'egfr']);
  });
});

describe('chart rows: readings close in time share a row, never two values of one line', () => {
  const day = 86_400_000;
  // 12 hospitals, 120 monthly visits each, two days apart: the stress patient's shape.
  const entries = Array.from({ length: 12 * 120 }, (_, i) => {
    const h = i % 12;
    const v = Math.floor(i / 12);
    return { t: v * 30 * day + h * 2 * day, values: { [`H${h}`]: v }, item: i };
  });
  const rows = binChartRows(entries, 240);

  it('keeps every reading, in at most about the row limit', () => {
    expect(rows.length).toBeLessThanOrEqual(260);
    expect(rows.flatMap((r) => r.items).sort((a, b) => a - b)).toEqual(entries.map((e) => e.item));
  });

  it('never puts two values of one line in a row, and shifts no reading by more than a row width', () => {
    const width = (entries.at(-1)!.t - entries[0]!.t) / 240;
    for (const r of rows) {
      expect(Object.keys(r.values)).toHaveLength(r.items.length);
      for (const i of r.items) expect(entries[i]!.t - r.t).toBeLessThanOrEqual(width);
    }
  });

  it('leaves sparse readings one row each, and undated ones out', () => {
    const few = binChartRows([
      { t: 0, values: { A: 1 }, item: 'a' },
      { t: 100 * day, values: { A: 2 }, item: 'b' },
      { t: Number.NaN, values: { A: 3 }, item: 'c' },
    ]);
    expect(few.map((r) => r.items)).toEqual([['a'], ['b']]);
  });
});

describe('vital signs in non-SI units join one series, converted, with the value as sent', () => {
  const model = merge({
    A: [vital('t1', '8310-5', 37.2, 'Cel', '2024-01-10T08:00:00+07:00'), vital('w1', '29463-7', 68, 'kg', '2024-01-10T08:00:00+07:00')],
    B: [
      vital('t2', '8310-5', 101.3, '[degF]', '2024-02-10T08:00:00+07:00'),
      vital('w2', '29463-7', 150, '[lb_av]', '2024-02-10T08:00:00+07:00'),
      vital('h2', '8302-2', 62, '[in_i]', '2024-02-10T08:00:00+07:00'),
    ],
  });
  const series = (key: string) => model.vitals.find((s) => s.key === key)!;

  it.each([
    ['temperature', 'Cel', [37.2, 38.5], [37.2, 101.3], ['Cel', '[degF]']],
    ['weight', 'kg', [68, 68], [68, 150], ['kg', '[lb_av]']],
    ['height', 'cm', [157], [62], ['[in_i]']],
  ] as const)('%s: one %s series, %j, sent as %j %j', (key, unit, values, sent, sentUnits) => {
    const s = series(key);
    expect(s.canonical).toBe(true);
    expect(s.unit).toBe(unit);
    expect(s.points.map((p) => p.value)).toEqual(values);
    expect(s.points.map((p) => p.originalValue)).toEqual(sent);
    expect(s.points.map((p) => p.originalUnit)).toEqual(sentUnits);
    expect(model.vitals.filter((v) => v.analyteKey === key)).toHaveLength(1);
  });
});

describe('flowsheet', () => {
  const model = merge({
    A: [
      bpPanel('p1', '2024-01-10T08:00:00+07:00', 150, 92),
      lab('k1', { code: '2823-3', value: 5.8, unit: 'mmol/L', date: '2024-01-10T09:00:00+07:00', low: 3.5, high: 5.1 }),
    ],
    B: [
      vital('s1', '8480-6', 128, 'mm[Hg]', '2024-01-10T15:00:00+07:00'),
      vital('hr', '8867-4', 72, '/min', '2024-03-01T09:00:00+07:00'),
      vital('x', '8480-6', 130, 'mm[Hg]', '2024-01-10'),
    ],
  });
  const sheet = buildFlowsheet(model.vitals, model.labs);

  it('has vitals first in clinical order, then labs; days newest first', () => {
    expect(sheet.rows.map((r) => r.key)).toEqual(['systolic', 'diastolic', 'heart-rate', 'potassium']);
    expect(sheet.columns).toEqual(['2024-03-01', '2024-01-10']);
  });

  it('puts every reading of a day in its cell, with its hospital and flag', () => {
    const sys = sheet.cell(0, 1)!;
    expect(sys.map((p) => [p.hospitalCode, p.value]).sort()).toEqual([
      ['A', 150],
      ['B', 128],
      ['B', 130],
    ]);
    expect(sheet.cell(0, 0)).toBeUndefined();
    const k = sheet.cell(3, 1)!;
    expect(k).toHaveLength(1);
    expect(k[0]!.flag).toBe('H');
    expect(isAbnormal(k[0]!)).toBe(true);
    expect(sheet.cell(2, 0)!.map((p) => p.value)).toEqual([72]);
    expect(sheet.readings).toBe(6);
  });

  it('answers nothing outside the grid', () => {
    expect(sheet.cell(0, 2)).toBeUndefined();
    expect(sheet.cell(-1, 0)).toBeUndefined();
    expect(sheet.cell(9, 0)).toBeUndefined();
  });
});
