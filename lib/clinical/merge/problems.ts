/** The problem list: active and resolved conditions, one row per concept, with each hospital's status. */
import type { NoneKnownConflict, NoneKnownStatement, ProblemHospital, ProblemRow } from '../types';
import { timeOf } from './dates';
import { preparedOf, type GroupStore, type Prepared } from './groups';
import { disputeNoneKnown, splitNoneKnown } from './none-known';
import { byTimeDesc, cmpStr, sortedUnique } from './order';

export interface ProblemSection {
  problems: ProblemRow[];
  resolvedProblems: ProblemRow[];
  problemStatements: NoneKnownStatement[];
  problemNoneKnownConflict?: NoneKnownConflict;
}

/**
 * Active and resolved problems, refuted ones left out. A "no current problems" record is its hospital's
 * statement, disputed when an active problem is recorded.
 */
export function buildProblems(groups: GroupStore, indices: number[]): ProblemSection {
  const asserted = preparedOf(groups, indices, 'condition').filter(
    (p) => p.fact.kind === 'condition' && p.fact.verificationStatus !== 'refuted',
  );
  const { entries, statements } = splitNoneKnown(asserted);
  const { problems, resolvedProblems } = problemRows(entries);
  const activeAt: string[] = [];
  for (const row of problems) for (const h of row.hospitals) if (h.status === 'active') activeAt.push(h.hospitalCode);
  const conflict = disputeNoneKnown(statements, activeAt);
  const section: ProblemSection = { problems, resolvedProblems, problemStatements: statements };
  if (conflict !== undefined) section.problemNoneKnownConflict = conflict;
  return section;
}

function problemRows(prepared: Prepared[]): { problems: ProblemRow[]; resolvedProblems: ProblemRow[] } {
  const byKey = new Map<string, Prepared[]>();
  for (const p of prepared) {
    const list = byKey.get(p.fact.conceptKey);
    if (list === undefined) byKey.set(p.fact.conceptKey, [p]);
    else list.push(p);
  }
  const problems: ProblemRow[] = [];
  const resolvedProblems: ProblemRow[] = [];
  const rowTimes = new Map<ProblemRow, number>();
  for (const [conceptKey, list] of byKey) {
    list.sort((a, b) => byTimeDesc(a.time, b.time) || cmpStr(a.fact.id, b.fact.id));
    const latestPerHospital = new Map<string, Prepared>();
    for (const p of list) if (!latestPerHospital.has(p.fact.hospitalCode)) latestPerHospital.set(p.fact.hospitalCode, p);
    const hospitals: ProblemHospital[] = [];
    let onset: string | undefined;
    let onsetTime = Number.POSITIVE_INFINITY;
    for (const p of list) {
      if (p.fact.kind !== 'condition' || p.fact.onset === undefined) continue;
      const t = timeOf(p.fact.onset);
      if (t < onsetTime) {
        onsetTime = t;
        onset = p.fact.onset;
      }
    }
    for (const [hospitalCode, p] of latestPerHospital) {
      const f = p.fact;
      const h: ProblemHospital = { hospitalCode, resourceId: f.resourceId, status: f.status, date: f.date };
      if (f.kind === 'condition' && f.onset !== undefined) h.onset = f.onset;
      hospitals.push(h);
    }
    hospitals.sort((a, b) => cmpStr(a.hospitalCode, b.hospitalCode));
    const rep = list.reduce((best, p) => (p.fact.id < best.fact.id ? p : best)).fact;
    const activeAt = hospitals.filter((h) => h.status === 'active').map((h) => h.hospitalCode);
    const endedAt = hospitals.filter((h) => h.status === 'resolved' || h.status === 'inactive').map((h) => h.hospitalCode);
    const row: ProblemRow = {
      conceptKey,
      display: rep.display,
      active: activeAt.length > 0,
      latestDate: list[0]!.fact.date,
      hospitals,
      conflicts:
        activeAt.length > 0 && endedAt.length > 0 ? [{ reason: 'status', hospitals: sortedUnique([...activeAt, ...endedAt]) }] : [],
    };
    if (rep.nameTh !== undefined) row.nameTh = rep.nameTh;
    if (rep.nameEn !== undefined) row.nameEn = rep.nameEn;
    if (rep.kind === 'condition') {
      const icd = rep.icd10 ?? rep.icd10tm;
      if (icd !== undefined) row.icd10 = icd;
      if (rep.chronic !== undefined) row.chronic = rep.chronic;
    }
    if (onset !== undefined) row.onset = onset;
    (row.active ? problems : resolvedProblems).push(row);
    rowTimes.set(row, list[0]!.time);
  }
  const order = (a: ProblemRow, b: ProblemRow): number =>
    byTimeDesc(rowTimes.get(a)!, rowTimes.get(b)!) || cmpStr(a.conceptKey, b.conceptKey);
  problems.sort(order);
  resolvedProblems.sort(order);
  return { problems, resolvedProblems };
}
