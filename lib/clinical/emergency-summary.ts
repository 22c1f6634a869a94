/**
 * The one-screen emergency summary built from the merged model: what can hurt the patient in the next
 * hour (allergies, high-risk drugs, key labs, blood group), each item naming the hospital(s) it came from.
 */
import { BLOOD_GROUP_KEY, highRiskFromAtc } from './terminology-index';
import type {
  EmergencyAllergy,
  EmergencyAllergyStatus,
  EmergencyLab,
  EmergencyMedication,
  EmergencySummary,
  LabPoint,
  LabSeries,
  TimelineModel,
} from './types';
import { timeOf } from './merge';
import { medicationName } from './names';

/** Analytes shown in the emergency view, in the order a resuscitating team reads them. */
export const EMERGENCY_LAB_KEYS = ['potassium', 'creatinine', 'egfr', 'glucose', 'haemoglobin', 'inr', 'troponin'] as const;

const RECENT_LIMIT = 5;

function cmpName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function newer(a: LabPoint, b: LabPoint): boolean {
  const ta = timeOf(a.date);
  const tb = timeOf(b.date);
  if (Number.isNaN(tb)) return !Number.isNaN(ta) || a.factId < b.factId;
  if (Number.isNaN(ta)) return false;
  return ta > tb || (ta === tb && a.factId < b.factId);
}

/**
 * Builds the emergency summary. "None known" is claimed only when an answering hospital explicitly
 * recorded no known allergy and no hospital recorded one; silence is "no information".
 */
export function buildEmergencySummary(model: TimelineModel, answered: readonly string[]): EmergencySummary {
  const { allergyStatus, nkaHospitals, allergies } = emergencyAllergies(model, new Set(answered));
  const summary: EmergencySummary = {
    now: model.now,
    answered: [...answered].sort(),
    allergyStatus,
    noKnownAllergyHospitals: nkaHospitals.sort(),
    allergies,
    medications: emergencyMedications(model),
    noKnownMedicationHospitals: model.medicationStatements.map((st) => st.hospitalCode),
    noCurrentProblemHospitals: model.problemStatements.map((st) => st.hospitalCode),
    problems: model.problems.map((p) => {
      const item: EmergencySummary['problems'][number] = {
        display: p.nameEn ?? p.display,
        hospitals: p.hospitals.filter((h) => h.status === 'active').map((h) => h.hospitalCode),
      };
      if (p.nameTh !== undefined) item.nameTh = p.nameTh;
      if (p.onset !== undefined) item.onset = p.onset;
      return item;
    }),
    keyLabs: emergencyKeyLabs(model),
    encounters: model.encounters.slice(0, RECENT_LIMIT),
    imaging: model.imaging.filter((i) => i.conclusion !== undefined || i.hasReportText).slice(0, RECENT_LIMIT),
    tetanus: { status: 'none-recorded' },
    sealedCount: Object.values(model.sealedCounts).reduce((a, b) => a + b, 0),
  };
  if (model.allergyNkaConflict !== undefined) summary.allergyNkaConflict = model.allergyNkaConflict;
  const bloodGroup = bloodGroupOf(model);
  if (bloodGroup !== undefined) summary.bloodGroup = bloodGroup;
  // A dose recorded as not given (refused, contraindicated) is no protection: the latest dose actually given.
  const tetanus = model.immunizations.find((i) => i.tetanus && i.status !== 'not-done');
  if (tetanus !== undefined)
    summary.tetanus = { status: 'recorded', date: tetanus.date, display: tetanus.display, hospitals: [...tetanus.hospitals] };
  return summary;
}

function emergencyAllergies(
  model: TimelineModel,
  answeredSet: ReadonlySet<string>,
): { allergyStatus: EmergencyAllergyStatus; nkaHospitals: string[]; allergies: EmergencyAllergy[] } {
  const asserted = model.allergies.filter((a) => !a.refuted);
  const nkaHospitals = model.allergyCoverage
    .filter((c) => answeredSet.has(c.hospitalCode) && c.state === 'no-known-allergies')
    .map((c) => c.hospitalCode);
  let allergyStatus: EmergencyAllergyStatus;
  // A sealed allergy record is still an allergy record: it must never let the summary say "none known".
  if (asserted.length > 0 || model.sealedCounts.allergy > 0) allergyStatus = 'allergies';
  else if (nkaHospitals.length > 0) allergyStatus = 'none-known';
  else allergyStatus = 'no-information';

  const allergies: EmergencyAllergy[] = asserted.map((a) => {
    const live = a.statements.filter((s) => s.verificationStatus !== 'refuted');
    const reactions: string[] = [];
    for (const s of live) for (const r of s.reactions) if (!reactions.includes(r)) reactions.push(r);
    const item: EmergencyAllergy = {
      display: a.nameEn ?? a.display,
      reactions,
      hospitals: [...new Set(live.map((s) => s.hospitalCode))].sort(),
      conflicts: a.conflicts,
    };
    if (a.nameTh !== undefined) item.nameTh = a.nameTh;
    if (a.highestCriticality !== undefined) item.criticality = a.highestCriticality;
    return item;
  });
  return { allergyStatus, nkaHospitals, allergies };
}

function emergencyMedications(model: TimelineModel): EmergencyMedication[] {
  const medications: EmergencyMedication[] = [];
  for (const m of model.medications) {
    if (!m.current) continue;
    const currentAt = m.hospitals.filter((h) => h.current);
    // The row's own names travel as they are, so the view names the drug exactly as the medication list does.
    const item: EmergencyMedication = {
      display: m.display,
      hospitals: currentAt.map((h) => h.hospitalCode),
      conflicts: m.conflicts,
      allergyConflicts: m.allergyConflicts,
    };
    if (m.nameTh !== undefined) item.nameTh = m.nameTh;
    if (m.nameEn !== undefined) item.nameEn = m.nameEn;
    const dose = currentAt.find((h) => h.dose !== undefined)?.dose;
    if (dose !== undefined) item.dose = dose;
    const highRisk = m.highRisk ?? (m.atc !== undefined ? highRiskFromAtc(m.atc) : undefined);
    if (highRisk !== undefined) item.highRisk = highRisk;
    medications.push(item);
  }
  // High-risk drugs first: they change what the team does next.
  medications.sort(
    (a, b) =>
      Number(b.highRisk !== undefined) - Number(a.highRisk !== undefined) || cmpName(medicationName(a, 'en'), medicationName(b, 'en')),
  );
  return medications;
}

function emergencyKeyLabs(model: TimelineModel): EmergencyLab[] {
  const keyLabs: EmergencyLab[] = [];
  for (const key of EMERGENCY_LAB_KEYS) {
    let best: LabPoint | undefined;
    let series: LabSeries | undefined;
    for (const s of model.labs) {
      if (s.analyteKey !== key) continue;
      if (best === undefined || newer(s.latest, best)) {
        best = s.latest;
        series = s;
      }
    }
    if (best === undefined || series === undefined) continue;
    // The record's own names for the analyte (its series), so the emergency view reads as the trends do.
    const lab: EmergencyLab = {
      analyteKey: key,
      display: series.display,
      value: best.value,
      unit: best.unit,
      date: best.date,
      hospitals: [best.hospitalCode, ...(best.alsoAt ?? [])].sort(),
    };
    if (series.nameTh !== undefined) lab.nameTh = series.nameTh;
    if (series.nameEn !== undefined) lab.nameEn = series.nameEn;
    if (best.flag !== undefined) lab.flag = best.flag;
    keyLabs.push(lab);
  }
  return keyLabs;
}

/** The latest blood group, with every hospital that recorded one and whether they differ. */
function bloodGroupOf(model: TimelineModel): EmergencySummary['bloodGroup'] {
  const groups = model.codedResults.filter((e) => e.fact?.conceptKey === BLOOD_GROUP_KEY);
  const latestGroup = groups[0];
  if (latestGroup?.fact === undefined || (latestGroup.fact.kind !== 'lab' && latestGroup.fact.kind !== 'vital')) return undefined;
  const values = new Set(groups.map((g) => (g.fact?.kind === 'lab' ? (g.fact.valueCode ?? g.fact.valueText ?? '') : '')));
  return {
    value: latestGroup.fact.valueText ?? latestGroup.fact.valueCode ?? '',
    date: latestGroup.date,
    hospitals: [...new Set(groups.flatMap((g) => g.hospitals))].sort(),
    conflict: values.size > 1,
  };
}
