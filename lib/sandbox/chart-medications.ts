/** Medications: what the patient takes (statements), what was prescribed (requests) and what was handed over (dispenses). */
import type { Encounter, MedicationDispense, MedicationRequest, MedicationStatement, Reference } from '@medplum/fhirtypes';
import { SYSTEMS } from '../clinical/terminology';
import { drug, type Sensitivity } from './chart-coding';
import type { ChartCore } from './chart-core';
import { dateDaysAgo, dateTimeDaysAgo } from './chart-dates';

export interface MedOptions {
  startDaysAgo: number;
  endDaysAgo?: number;
  status: 'active' | 'stopped' | 'completed';
  dose?: string;
  reason?: string;
  sensitivity?: Sensitivity;
}

export type MedRequestOptions = MedOptions & { encounter?: Reference<Encounter>; supplyDays?: number };

export interface DispenseOptions {
  daysAgo: number;
  quantity: number;
  daysSupply: number;
  dose?: string;
  sensitivity?: Sensitivity;
}

export function writeMedicationStatement(chart: ChartCore, key: string, opts: MedOptions): MedicationStatement {
  const d = drug(key);
  const sensitivity = opts.sensitivity ?? d.sensitive;
  const ms: MedicationStatement = {
    resourceType: 'MedicationStatement',
    id: chart.newId('MedicationStatement'),
    meta: chart.meta(dateTimeDaysAgo(opts.endDaysAgo ?? opts.startDaysAgo, 10 * 60), sensitivity),
    status: opts.status,
    medicationCodeableConcept: chart.drugCode(d),
    subject: chart.patientRef,
    effectivePeriod:
      opts.endDaysAgo !== undefined
        ? { start: dateDaysAgo(opts.startDaysAgo), end: dateDaysAgo(opts.endDaysAgo) }
        : { start: dateDaysAgo(opts.startDaysAgo) },
    dateAsserted: dateTimeDaysAgo(opts.endDaysAgo ?? opts.startDaysAgo, 10 * 60),
    informationSource: chart.orgRef(),
    dosage: [{ text: opts.dose ?? d.dose }],
  };
  if (opts.status === 'stopped') ms.statusReason = [{ text: opts.reason ?? 'Stopped by physician' }];
  else if (opts.reason) ms.reasonCode = [{ text: opts.reason }];
  return chart.push(ms);
}

export function writeMedicationRequest(chart: ChartCore, key: string, opts: MedRequestOptions): MedicationRequest {
  const d = drug(key);
  const sensitivity = opts.sensitivity ?? d.sensitive;
  const supply = opts.supplyDays ?? 90;
  const mr: MedicationRequest = {
    resourceType: 'MedicationRequest',
    id: chart.newId('MedicationRequest'),
    meta: chart.meta(dateTimeDaysAgo(opts.endDaysAgo ?? opts.startDaysAgo, 10 * 60 + 20), sensitivity),
    status: opts.status,
    intent: 'order',
    medicationCodeableConcept: chart.drugCode(d),
    subject: chart.patientRef,
    authoredOn: dateTimeDaysAgo(opts.startDaysAgo, 10 * 60 + 15),
    requester: { display: `แพทย์ผู้สั่ง ${chart.hospital.nameTh}` },
    dosageInstruction: [{ text: opts.dose ?? d.dose }],
    dispenseRequest: {
      validityPeriod: {
        start: dateDaysAgo(opts.startDaysAgo),
        end: dateDaysAgo(opts.endDaysAgo ?? Math.max(opts.startDaysAgo - supply, -30)),
      },
      expectedSupplyDuration: { value: supply, unit: 'days', system: SYSTEMS.ucum, code: 'd' },
    },
  };
  if (opts.encounter) mr.encounter = opts.encounter;
  if (opts.status === 'stopped') mr.statusReason = { text: opts.reason ?? 'Discontinued' };
  else if (opts.reason) mr.reasonCode = [{ text: opts.reason }];
  return chart.push(mr);
}

export function writeMedicationDispense(chart: ChartCore, key: string, opts: DispenseOptions): MedicationDispense {
  const d = drug(key);
  return chart.push({
    resourceType: 'MedicationDispense',
    id: chart.newId('MedicationDispense'),
    meta: chart.meta(dateTimeDaysAgo(opts.daysAgo, 16 * 60), opts.sensitivity ?? d.sensitive),
    status: 'completed',
    medicationCodeableConcept: chart.drugCode(d),
    subject: chart.patientRef,
    performer: [{ actor: chart.orgRef() }],
    quantity: { value: opts.quantity, unit: 'unit', system: SYSTEMS.ucum, code: '1' },
    daysSupply: { value: opts.daysSupply, unit: 'days', system: SYSTEMS.ucum, code: 'd' },
    whenHandedOver: dateTimeDaysAgo(opts.daysAgo, 16 * 60),
    dosageInstruction: [{ text: opts.dose ?? d.dose }],
  });
}
