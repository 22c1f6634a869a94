/** Encounter → encounter fact: a visit at one hospital, by class (outpatient, inpatient, emergency). */
import type { Coding, Encounter } from '@medplum/fhirtypes';
import type { EncounterClass, EncounterFact, FactStatus } from '../types';
import { base, periodOf, textOf, toCodes } from './shared';

const ENCOUNTER_STATUS: Record<string, FactStatus> = {
  planned: 'planned',
  arrived: 'in-progress',
  triaged: 'in-progress',
  'in-progress': 'in-progress',
  onleave: 'in-progress',
  finished: 'completed',
  cancelled: 'cancelled',
  unknown: 'unknown',
};

const ENCOUNTER_CLASS: Record<string, EncounterClass> = {
  AMB: 'AMB',
  VR: 'AMB',
  HH: 'AMB',
  IMP: 'IMP',
  ACUTE: 'IMP',
  NONAC: 'IMP',
  SS: 'IMP',
  EMER: 'EMER',
};

function encounterClassOf(c: Coding | undefined): EncounterClass {
  return c?.code === undefined ? 'OTHER' : (ENCOUNTER_CLASS[c.code] ?? 'OTHER');
}

export function encounterFact(r: Encounter, hospitalCode: string): EncounterFact | null {
  if (r.status === 'entered-in-error') return null;
  const type = r.type?.[0];
  const codes = toCodes(type);
  const typeText = textOf(type);
  const encounterClass = encounterClassOf(r.class);
  const display = typeText !== '' ? typeText : (r.class?.display ?? encounterClass);
  const b = base(
    r,
    hospitalCode,
    r.period?.start,
    'encounter|' + encounterClass,
    codes,
    display,
    ENCOUNTER_STATUS[r.status] ?? 'unknown',
    undefined,
  );
  const reason = r.reasonCode?.[0];
  const reasonText = reason !== undefined ? textOf(reason) : '';
  return {
    id: b.id,
    hospitalCode: b.hospitalCode,
    resourceType: b.resourceType,
    resourceId: b.resourceId,
    date: b.date,
    conceptKey: b.conceptKey,
    codes: b.codes,
    display: b.display,
    nameTh: b.nameTh,
    nameEn: b.nameEn,
    status: b.status,
    sealed: b.sealed,
    kind: 'encounter',
    encounterClass,
    typeText: typeText !== '' ? typeText : undefined,
    period: periodOf(r.period),
    reason: reasonText !== '' ? reasonText : undefined,
  };
}
