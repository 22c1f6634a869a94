/** Vital-sign panels and alert flags: the shapes the viewer's vital-sign trends and banner alerts read. */
import type { Encounter, Flag, Observation, Reference } from '@medplum/fhirtypes';
import { SYSTEMS } from '../clinical/terminology';
import { CATEGORY_SYSTEMS, cc, qty } from './chart-coding';
import type { ChartCore } from './chart-core';
import { dateTimeDaysAgo } from './chart-dates';

const FLAG_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/flag-category';

export interface BloodPressureOptions {
  daysAgo: number;
  systolic: number;
  diastolic: number;
  encounter?: Reference<Encounter>;
  minute?: number;
}

/**
 * Blood pressure as the FHIR vital-signs profile writes it: one 85354-9 panel whose systolic (8480-6) and
 * diastolic (8462-4) values are components, not two Observations (some hospitals send it this way).
 */
export function writeBloodPressurePanel(chart: ChartCore, opts: BloodPressureOptions): Observation {
  const minute = opts.minute ?? 8 * 60;
  const component = (code: string, display: string, value: number) => ({
    code: cc([{ system: SYSTEMS.loinc, code, display }], display),
    valueQuantity: qty(value, 'mm[Hg]'),
  });
  const obs: Observation = {
    resourceType: 'Observation',
    id: chart.newId('Observation'),
    meta: chart.meta(dateTimeDaysAgo(opts.daysAgo, minute + 120)),
    status: 'final',
    category: [{ coding: [{ system: CATEGORY_SYSTEMS.observation, code: 'vital-signs', display: 'Vital Signs' }] }],
    code: cc([{ system: SYSTEMS.loinc, code: '85354-9', display: 'Blood pressure panel with all children optional' }], 'Blood pressure'),
    subject: chart.patientRef,
    effectiveDateTime: dateTimeDaysAgo(opts.daysAgo, minute),
    performer: [chart.orgRef()],
    component: [
      component('8480-6', 'Systolic blood pressure', opts.systolic),
      component('8462-4', 'Diastolic blood pressure', opts.diastolic),
    ],
  };
  if (opts.encounter) obs.encounter = opts.encounter;
  return chart.push(obs);
}

export interface FlagOptions {
  /** http://terminology.hl7.org/CodeSystem/flag-category code (clinical, safety, advance-directive …). */
  category: string;
  code: { system: string; code: string; display: string };
  text: string;
  startDaysAgo: number;
  status?: 'active' | 'inactive';
}

/** An alert the hospital shows on its own banner (infection control, DNR …), as a FHIR Flag. */
export function writeFlag(chart: ChartCore, opts: FlagOptions): Flag {
  return chart.push<Flag>({
    resourceType: 'Flag',
    id: chart.newId('Flag'),
    meta: chart.meta(dateTimeDaysAgo(opts.startDaysAgo, 12 * 60)),
    status: opts.status ?? 'active',
    category: [{ coding: [{ system: FLAG_CATEGORY_SYSTEM, code: opts.category }] }],
    code: cc([opts.code], opts.text),
    subject: chart.patientRef,
    period: { start: dateTimeDaysAgo(opts.startDaysAgo, 11 * 60) },
    author: chart.orgRef(),
  });
}
