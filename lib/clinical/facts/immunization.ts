/** Immunization → immunization fact, with its vaccine and vaccine groups (tetanus) from the terminology. */
import type { Immunization } from '@medplum/fhirtypes';
import { vaccineConceptOf, type VaccineConcept } from '../terminology-index';
import type { FactStatus, ImmunizationFact } from '../types';
import { base, fallbackKey, textOf, toCodes } from './shared';

export function immunizationFact(r: Immunization, hospitalCode: string): ImmunizationFact | null {
  if (r.status === 'entered-in-error') return null;
  const codes = toCodes(r.vaccineCode);
  const display = textOf(r.vaccineCode);
  let concept: VaccineConcept | undefined;
  for (const c of codes) concept ??= vaccineConceptOf(c.system, c.code);
  const vaccine = concept?.vaccine;
  const status: FactStatus = r.status === 'completed' ? 'completed' : r.status === 'not-done' ? 'not-done' : 'unknown';
  // A code the CVX table knows but we have no name for keeps the hospital's display; without one, CDC's
  // description reads better than a bare code.
  const shown = display !== '' ? display : (concept?.description ?? '');
  const b = base(r, hospitalCode, r.occurrenceDateTime ?? r.recorded, vaccine?.key ?? fallbackKey(codes, shown), codes, shown, status, vaccine);
  const fact: ImmunizationFact = { id: b.id, hospitalCode: b.hospitalCode, resourceType: b.resourceType, resourceId: b.resourceId, date: b.date, conceptKey: b.conceptKey, codes: b.codes, display: b.display, nameTh: b.nameTh, nameEn: b.nameEn, status: b.status, sealed: b.sealed, kind: 'immunization', tetanus: concept?.tetanus === true };
  if (vaccine !== undefined) fact.vaccineKey = vaccine.key;
  if (concept !== undefined && concept.groups.length > 0) fact.vaccineGroups = [...concept.groups];
  return fact;
}
