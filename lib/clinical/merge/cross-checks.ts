/** Allergy ↔ current medication cross-checks across hospitals. */
import { conceptName, medicationName, type NamedConcept } from '../names';
import type { CrossCheckFlag, TimelineModel } from '../types';
import { cmpStr, sortedUnique } from './order';

/** Just the names of a row, so a flag carries no more of the row than it needs. */
function namedOf(row: NamedConcept): NamedConcept {
  const named: NamedConcept = { display: row.display };
  if (row.nameTh !== undefined) named.nameTh = row.nameTh;
  if (row.nameEn !== undefined) named.nameEn = row.nameEn;
  return named;
}

/**
 * Every current medication (at any hospital) that matches a recorded, not refuted, allergy (at any
 * hospital) by drug, substance or class; penicillin ↔ cephalosporin is a lower-level possible
 * cross-reactivity. Each flag names the hospitals on both sides, because they are usually different.
 */
export function checkAllergyMedication(model: Pick<TimelineModel, 'allergies' | 'medications'>): CrossCheckFlag[] {
  const flags: CrossCheckFlag[] = [];
  for (const allergy of model.allergies) {
    if (allergy.refuted) continue;
    const allergyHospitals = sortedUnique(allergy.statements.filter((s) => s.verificationStatus !== 'refuted').map((s) => s.hospitalCode));
    const allergyNamed = namedOf(allergy);
    const allergyName = conceptName(allergyNamed, 'en');
    for (const med of model.medications) {
      if (!med.current) continue;
      let matchBy: CrossCheckFlag['matchBy'] | undefined;
      if (allergy.drugKeys.includes(med.key)) matchBy = 'drug';
      else if (allergy.conceptKey === med.key) matchBy = 'substance';
      else if (allergy.drugClass !== undefined && allergy.drugClass !== 'other' && allergy.drugClass === med.drugClass) matchBy = 'class';
      else if (
        (allergy.drugClass === 'penicillin' && med.drugClass === 'cephalosporin') ||
        (allergy.drugClass === 'cephalosporin' && med.drugClass === 'penicillin')
      ) {
        matchBy = 'cross-reactivity';
      }
      if (matchBy === undefined) continue;
      const medicationHospitals = med.hospitals.filter((h) => h.current).map((h) => h.hospitalCode);
      const level = matchBy === 'cross-reactivity' ? 'possible-cross-reactivity' : 'allergy-match';
      const medNamed = namedOf(med);
      const medName = medicationName(medNamed, 'en');
      flags.push({
        id: `xc:${allergy.conceptKey}:${med.key}`,
        level,
        matchBy,
        allergyKey: allergy.conceptKey,
        allergyDisplay: allergyName,
        allergyHospitals,
        medicationKey: med.key,
        medicationDisplay: medName,
        medicationHospitals,
        allergy: allergyNamed,
        medication: medNamed,
        message:
          level === 'possible-cross-reactivity'
            ? `Possible cross-reactivity: ${medName} (current at ${medicationHospitals.join(', ')}) with ${allergyName} allergy recorded at ${allergyHospitals.join(', ')}`
            : `${medName} (current at ${medicationHospitals.join(', ')}) matches ${allergyName} allergy recorded at ${allergyHospitals.join(', ')}`,
      });
    }
  }
  flags.sort((a, b) => cmpStr(a.level, b.level) || cmpStr(a.id, b.id));
  return flags;
}

/** Runs the cross-checks on a finished model and hangs each flag on both of its rows. */
export function attachCrossChecks(model: TimelineModel): void {
  const flags = checkAllergyMedication(model);
  model.crossChecks = flags;
  if (flags.length === 0) return;
  const allergyByKey = new Map(model.allergies.map((a) => [a.conceptKey, a]));
  const medByKey = new Map(model.medications.map((m) => [m.key, m]));
  for (const flag of flags) {
    allergyByKey.get(flag.allergyKey)?.medicationConflicts.push(flag);
    medByKey.get(flag.medicationKey)?.allergyConflicts.push(flag);
  }
}
