/**
 * "None known" statements ("no known medications", "no current problems or disability"): each hospital's
 * latest one, and the disagreement when another hospital (or the same one) lists a current entry. They
 * never become rows: "No known medications" listed as a current drug reads as a drug.
 */
import type { ClinicalFact, NoneKnownConflict, NoneKnownStatement } from '../types';
import type { Prepared } from './groups';
import { byTimeDesc, cmpStr, sortedUnique } from './order';

/** True for a fact that states "none known" for its section (medication or problem). */
export function isNoneKnown(f: ClinicalFact): boolean {
  return (f.kind === 'medication' || f.kind === 'condition') && f.noneKnown === true;
}

/** A section's records split into its entries and its "none known" statements. */
export function splitNoneKnown(prepared: Prepared[]): { entries: Prepared[]; statements: NoneKnownStatement[] } {
  let any = false;
  for (const p of prepared) if (isNoneKnown(p.fact)) any = true;
  if (!any) return { entries: prepared, statements: [] };
  return {
    entries: prepared.filter((p) => !isNoneKnown(p.fact)),
    statements: noneKnownStatements(prepared.filter((p) => isNoneKnown(p.fact))),
  };
}

/** One statement per hospital: its latest "none known" record (ties by id, so arrival order cannot leak in). */
export function noneKnownStatements(prepared: readonly Prepared[]): NoneKnownStatement[] {
  const sorted = [...prepared].sort((a, b) => byTimeDesc(a.time, b.time) || cmpStr(a.fact.id, b.fact.id));
  const byHospital = new Map<string, NoneKnownStatement>();
  for (const { fact: f } of sorted) {
    if (byHospital.has(f.hospitalCode)) continue;
    const st: NoneKnownStatement = {
      hospitalCode: f.hospitalCode,
      resourceId: f.resourceId,
      factId: f.id,
      date: f.date,
      display: f.display,
      contradictedBy: [],
    };
    if (f.nameTh !== undefined) st.nameTh = f.nameTh;
    if (f.nameEn !== undefined) st.nameEn = f.nameEn;
    byHospital.set(f.hospitalCode, st);
  }
  return [...byHospital.values()].sort((a, b) => cmpStr(a.hospitalCode, b.hospitalCode));
}

/**
 * Marks each statement with the hospitals that list a current entry, and returns the disagreement (or
 * undefined when there is none). A hospital's own current entry contradicts its own statement too.
 */
export function disputeNoneKnown(statements: NoneKnownStatement[], recordedHospitals: Iterable<string>): NoneKnownConflict | undefined {
  const recorded = sortedUnique(recordedHospitals);
  if (statements.length === 0 || recorded.length === 0) return undefined;
  for (const st of statements) st.contradictedBy = [...recorded];
  return { noneKnownHospitals: statements.map((s) => s.hospitalCode), recordedHospitals: recorded };
}
