/** Immunization → immunization fact, with its vaccine and vaccine groups (tetanus) from the CVX, SNOMED CT and ATC tables. */
import type { Immunization } from '@medplum/fhirtypes';
import type { VaccineDef } from '../terminology';
import { vaccineConceptOf } from '../terminology-index';
import { TETANUS_GROUPS, type VaccineGroup } from '../terminology/cvx-groups';
import type { FactStatus, ImmunizationFact } from '../types';
import { base, fallbackKey, textOf, toCodes } from './shared';

export function immunizationFact(r: Immunization, hospitalCode: string): ImmunizationFact | null {
  if (r.status === 'entered-in-error') return null;
  const codes = toCodes(r.vaccineCode);
  const display = textOf(r.vaccineCode);
  // Every coding is the same product in another code system: its groups are the union of what each says
  // (CVX, SNOMED CT, ATC), so a dose is a tetanus dose whichever of its codes the tables know.
  let vaccine: VaccineDef | undefined;
  let description: string | undefined;
  let groups: VaccineGroup[] | undefined;
  for (const c of codes) {
    const concept = vaccineConceptOf(c.system, c.code);
    if (concept === undefined) continue;
    vaccine ??= concept.vaccine;
    description ??= concept.description;
    for (const g of concept.groups) if (!(groups ??= []).includes(g)) groups.push(g);
  }
  const status: FactStatus = r.status === 'completed' ? 'completed' : r.status === 'not-done' ? 'not-done' : 'unknown';
  // A code the tables know but we have no name for keeps the hospital's display; without one, the table's
  // description (CDC's, SNOMED CT's, ATC's) reads better than a bare code.
  const shown = display !== '' ? display : (description ?? '');
  const b = base(
    r,
    hospitalCode,
    r.occurrenceDateTime ?? r.recorded,
    vaccine?.key ?? fallbackKey(codes, shown),
    codes,
    shown,
    status,
    vaccine,
  );
  const fact: ImmunizationFact = {
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
    kind: 'immunization',
    tetanus: groups !== undefined && groups.some((g) => TETANUS_GROUPS.has(g)),
  };
  if (vaccine !== undefined) fact.vaccineKey = vaccine.key;
  if (groups !== undefined && groups.length > 0) fact.vaccineGroups = groups;
  return fact;
}
