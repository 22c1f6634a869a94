/** The patient's history: encounters, conditions, allergies, immunizations and procedures. */
import type { AllergyIntolerance, Condition, Encounter, Immunization, Procedure, Reference } from '@medplum/fhirtypes';
import { ALLERGY_SUBSTANCES, SYSTEMS, VACCINES, type Coding } from '../clinical/terminology';
import { CATEGORY_SYSTEMS, cc, condition, findByKey, type Sensitivity } from './chart-coding';
import type { ChartCore } from './chart-core';
import { dateTimeDaysAgo } from './chart-dates';

export interface EncounterOptions {
  daysAgo: number;
  kind: 'AMB' | 'IMP' | 'EMER';
  reason?: string;
  lengthDays?: number;
  sensitivity?: Sensitivity;
}

export interface ConditionOptions {
  onsetDaysAgo: number;
  resolvedDaysAgo?: number;
  encounter?: Reference<Encounter>;
}

export interface AllergyOptions {
  code: Coding;
  daysAgo: number;
  reaction: string;
  reactionSnomed: string;
  severity: 'mild' | 'moderate' | 'severe';
}

export function writeEncounter(chart: ChartCore, opts: EncounterOptions): Encounter {
  const classDisplay = { AMB: 'ambulatory', IMP: 'inpatient encounter', EMER: 'emergency' }[opts.kind];
  const typeText = { AMB: 'ผู้ป่วยนอก / Outpatient visit', IMP: 'ผู้ป่วยใน / Admission', EMER: 'ห้องฉุกเฉิน / Emergency visit' }[opts.kind];
  const start = dateTimeDaysAgo(opts.daysAgo, opts.kind === 'EMER' ? 22 * 60 + 15 : 8 * 60 + 30);
  const end =
    opts.kind === 'IMP'
      ? dateTimeDaysAgo(opts.daysAgo - (opts.lengthDays ?? 4), 11 * 60)
      : dateTimeDaysAgo(opts.daysAgo, opts.kind === 'EMER' ? 23 * 60 + 50 : 11 * 60);
  const enc: Encounter = {
    resourceType: 'Encounter',
    id: chart.newId('Encounter'),
    meta: chart.meta(end, opts.sensitivity),
    status: 'finished',
    class: { system: CATEGORY_SYSTEMS.actCode, code: opts.kind, display: classDisplay },
    type: [{ text: typeText }],
    subject: chart.patientRef,
    period: { start, end },
    serviceProvider: chart.orgRef(),
  };
  if (opts.reason) enc.reasonCode = [{ text: opts.reason }];
  if (opts.kind === 'IMP') enc.hospitalization = { dischargeDisposition: { text: 'Discharged home' } };
  return chart.push(enc);
}

export function writeCondition(chart: ChartCore, key: string, opts: ConditionOptions): Condition {
  const c = condition(key);
  const resolved = opts.resolvedDaysAgo !== undefined;
  const cond: Condition = {
    resourceType: 'Condition',
    id: chart.newId('Condition'),
    meta: chart.meta(dateTimeDaysAgo(opts.resolvedDaysAgo ?? opts.onsetDaysAgo, 11 * 60), c.sensitive),
    clinicalStatus: cc(
      [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: resolved ? 'resolved' : 'active' }],
      resolved ? 'Resolved' : 'Active',
    ),
    verificationStatus: cc([{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }], 'Confirmed'),
    category: [
      {
        coding: [
          c.chronic
            ? { system: CATEGORY_SYSTEMS.condition, code: 'problem-list-item', display: 'Problem List Item' }
            : { system: CATEGORY_SYSTEMS.condition, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' },
        ],
      },
    ],
    code: chart.conditionCode(c),
    subject: chart.patientRef,
    onsetDateTime: dateTimeDaysAgo(opts.onsetDaysAgo, 9 * 60),
    recordedDate: dateTimeDaysAgo(opts.onsetDaysAgo, 9 * 60 + 30),
  };
  if (resolved) cond.abatementDateTime = dateTimeDaysAgo(opts.resolvedDaysAgo ?? 0, 9 * 60);
  if (opts.encounter) cond.encounter = opts.encounter;
  return chart.push(cond);
}

export function writeAllergy(chart: ChartCore, substanceKey: string, opts: AllergyOptions): AllergyIntolerance {
  const s = findByKey(ALLERGY_SUBSTANCES, substanceKey, 'allergy substance');
  return chart.push({
    resourceType: 'AllergyIntolerance',
    id: chart.newId('AllergyIntolerance'),
    meta: chart.meta(dateTimeDaysAgo(opts.daysAgo, 10 * 60)),
    clinicalStatus: cc([{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }], 'Active'),
    verificationStatus: cc(
      [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }],
      'Confirmed',
    ),
    type: 'allergy',
    category: [s.drugClass ? 'medication' : substanceKey === 'shellfish' ? 'food' : 'environment'],
    criticality: opts.severity === 'severe' ? 'high' : 'low',
    code: cc([{ ...opts.code, display: s.en }], `${s.th} (${s.en})`),
    patient: chart.patientRef,
    recordedDate: dateTimeDaysAgo(opts.daysAgo, 10 * 60),
    reaction: [
      {
        manifestation: [cc([{ system: SYSTEMS.snomed, code: opts.reactionSnomed, display: opts.reaction }], opts.reaction)],
        severity: opts.severity,
      },
    ],
  });
}

export function writeNoKnownAllergy(chart: ChartCore, daysAgo: number, code: Coding): AllergyIntolerance {
  return chart.push<AllergyIntolerance>({
    resourceType: 'AllergyIntolerance',
    id: chart.newId('AllergyIntolerance'),
    meta: chart.meta(dateTimeDaysAgo(daysAgo, 10 * 60)),
    clinicalStatus: cc([{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }], 'Active'),
    verificationStatus: cc(
      [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }],
      'Confirmed',
    ),
    code: cc([{ ...code, display: 'No known allergy' }], 'ไม่มีประวัติแพ้ (No known allergy)'),
    patient: chart.patientRef,
    recordedDate: dateTimeDaysAgo(daysAgo, 10 * 60),
  });
}

export function writeImmunization(chart: ChartCore, vaccineKey: string, daysAgo: number, doseNumber = 1): Immunization {
  const v = findByKey(VACCINES, vaccineKey, 'vaccine');
  return chart.push({
    resourceType: 'Immunization',
    id: chart.newId('Immunization'),
    meta: chart.meta(dateTimeDaysAgo(daysAgo, 11 * 60)),
    status: 'completed',
    vaccineCode: cc([{ system: SYSTEMS.cvx, code: v.cvx, display: v.en }], v.th),
    patient: chart.patientRef,
    occurrenceDateTime: dateTimeDaysAgo(daysAgo, 10 * 60 + 30),
    primarySource: true,
    lotNumber: `LOT${v.cvx}${String(daysAgo % 997).padStart(3, '0')}`,
    performer: [{ actor: chart.orgRef() }],
    protocolApplied: [{ doseNumberPositiveInt: doseNumber }],
  });
}

export function writeProcedure(
  chart: ChartCore,
  text: string,
  snomed: string,
  daysAgo: number,
  encounter?: Reference<Encounter>,
): Procedure {
  const p: Procedure = {
    resourceType: 'Procedure',
    id: chart.newId('Procedure'),
    meta: chart.meta(dateTimeDaysAgo(daysAgo, 14 * 60)),
    status: 'completed',
    code: cc([{ system: SYSTEMS.snomed, code: snomed, display: text }], text),
    subject: chart.patientRef,
    performedDateTime: dateTimeDaysAgo(daysAgo, 13 * 60),
  };
  if (encounter) p.encounter = encounter;
  return chart.push(p);
}
