/** Medication reconciliation: one row per drug, each hospital's latest order, stop and dose disagreements. */
import type { Conflict, MedicationFact, MedicationHospitalStatus, MedicationRow, NoneKnownConflict, NoneKnownStatement } from '../types';
import { DAY_MS, timeOf } from './dates';
import { normaliseDose } from './dedupe';
import { preparedOf, type GroupStore, type Prepared } from './groups';
import { disputeNoneKnown, splitNoneKnown } from './none-known';
import { byTimeDesc, cmpStr, sortedUnique } from './order';

/** How far apart a "stopped" and an "active" record may be and still describe the same course. */
const COMPARABLE_PERIOD_MS = 180 * DAY_MS;
/** Supply assumed for a dispense that does not state daysSupply. */
const DEFAULT_SUPPLY_DAYS = 90;

interface MedAcc {
  facts: Prepared[];
}

function isCurrentRecord(p: Prepared, f: MedicationFact, nowTime: number): boolean {
  if (f.source === 'dispense') {
    if (f.status !== 'completed' && f.status !== 'in-progress') return false;
    if (Number.isNaN(p.time) || Number.isNaN(nowTime)) return false;
    return p.time + (f.daysSupply ?? DEFAULT_SUPPLY_DAYS) * DAY_MS >= nowTime;
  }
  if (f.status !== 'active') return false;
  const end = f.period?.end;
  if (end !== undefined && !Number.isNaN(nowTime)) {
    const endTime = timeOf(end);
    if (!Number.isNaN(endTime) && endTime + DAY_MS < nowTime) return false;
  }
  return true;
}

const ENDED = new Set(['stopped', 'completed', 'cancelled']);

/** What one hospital's records of one drug add up to. */
interface HospitalCourse {
  latest: Prepared;
  latestOrder?: Prepared;
  previousOrder?: Prepared;
  count: number;
  dispensedCurrent: boolean;
  /** When this hospital's course began: its earliest record saying the drug is taken. */
  since: number;
}

/** One row's hospitals, with when each began the drug and when each stopped it (for the status check). */
interface RowHospitals {
  hospitals: MedicationHospitalStatus[];
  since: Map<string, number>;
  stoppedAt: Map<string, number>;
  sealed: boolean;
}

export interface MedicationSection {
  medications: MedicationRow[];
  medicationStatements: NoneKnownStatement[];
  medicationNoneKnownConflict?: NoneKnownConflict;
}

/**
 * One row per drug: each hospital's latest order, current when any hospital still has it going. A "no
 * known medications" record is its hospital's statement, disputed when a current drug is recorded.
 */
export function buildMedications(groups: GroupStore, indices: number[], nowTime: number): MedicationSection {
  const { entries, statements } = splitNoneKnown(preparedOf(groups, indices, 'medication'));
  const medications = medicationRows(entries, nowTime);
  const currentAt: string[] = [];
  for (const row of medications) for (const h of row.hospitals) if (h.current) currentAt.push(h.hospitalCode);
  const conflict = disputeNoneKnown(statements, currentAt);
  return conflict !== undefined
    ? { medications, medicationStatements: statements, medicationNoneKnownConflict: conflict }
    : { medications, medicationStatements: statements };
}

function medicationRows(prepared: Prepared[], nowTime: number): MedicationRow[] {
  const byKey = new Map<string, MedAcc>();
  for (const p of prepared) {
    let acc = byKey.get(p.fact.conceptKey);
    if (acc === undefined) {
      acc = { facts: [] };
      byKey.set(p.fact.conceptKey, acc);
    }
    acc.facts.push(p);
  }

  const rows: MedicationRow[] = [];
  const rowTimes = new Map<MedicationRow, number>();
  for (const [key, acc] of byKey) {
    // Latest first, then by id, so "the hospital's latest record" is independent of arrival order.
    acc.facts.sort((a, b) => byTimeDesc(a.time, b.time) || cmpStr(a.fact.id, b.fact.id));
    const row = medicationRow(key, acc.facts, hospitalStatuses(coursesOf(acc.facts, nowTime), nowTime));
    rows.push(row);
    rowTimes.set(row, acc.facts[0]!.time);
  }
  rows.sort((a, b) => Number(b.current) - Number(a.current) || byTimeDesc(rowTimes.get(a)!, rowTimes.get(b)!) || cmpStr(a.key, b.key));
  return rows;
}

/** Each hospital's course of one drug, from its records latest first. */
function coursesOf(facts: Prepared[], nowTime: number): Map<string, HospitalCourse> {
  const perHospital = new Map<string, HospitalCourse>();
  for (const p of facts) {
    const f = p.fact as MedicationFact;
    let h = perHospital.get(f.hospitalCode);
    if (h === undefined) {
      h = { latest: p, count: 0, dispensedCurrent: false, since: Number.POSITIVE_INFINITY };
      perHospital.set(f.hospitalCode, h);
    }
    h.count++;
    if (f.status === 'active' || f.source === 'dispense') {
      const start = f.period?.start !== undefined ? timeOf(f.period.start) : p.time;
      if (!Number.isNaN(start) && start < h.since) h.since = start;
    }
    if (f.source === 'dispense') {
      if (isCurrentRecord(p, f, nowTime)) h.dispensedCurrent = true;
    } else if (h.latestOrder === undefined) h.latestOrder = p;
    else h.previousOrder ??= p;
  }
  return perHospital;
}

/** The status line of each hospital: its latest order (or latest record), current or not. */
function hospitalStatuses(perHospital: Map<string, HospitalCourse>, nowTime: number): RowHospitals {
  const out: RowHospitals = { hospitals: [], since: new Map(), stoppedAt: new Map(), sealed: false };
  for (const [hospitalCode, h] of perHospital) {
    const chosen = h.latestOrder ?? h.latest;
    const f = chosen.fact as MedicationFact;
    const current =
      (h.latestOrder !== undefined && isCurrentRecord(h.latestOrder, h.latestOrder.fact as MedicationFact, nowTime)) || h.dispensedCurrent;
    const st: MedicationHospitalStatus = {
      hospitalCode,
      resourceId: f.resourceId,
      factId: f.id,
      source: f.source,
      status: f.status,
      current,
      date: f.date,
      recordCount: h.count,
    };
    if (f.dose !== undefined) st.dose = f.dose;
    if (f.statusReason !== undefined) st.statusReason = f.statusReason;
    if (f.indication !== undefined) st.indication = f.indication;
    // A dose change within one hospital is shown where its latest record is, so the change is not missed.
    const before = (h.previousOrder?.fact as MedicationFact | undefined)?.dose;
    if (h.latestOrder === chosen && before !== undefined && f.dose !== undefined && normaliseDose(before) !== normaliseDose(f.dose))
      st.previousDose = before;
    out.hospitals.push(st);
    out.since.set(hospitalCode, h.since);
    // A stopped course ends at its period end when stated, which may be well after the record was written.
    out.stoppedAt.set(hospitalCode, f.period?.end !== undefined ? timeOf(f.period.end) : chosen.time);
    if (f.sealed !== undefined) out.sealed = true;
  }
  out.hospitals.sort((a, b) => cmpStr(a.hospitalCode, b.hospitalCode));
  return out;
}

/** Stopped at one hospital while current at another (within a comparable period), or current at different doses. */
function medicationConflicts({ hospitals, since, stoppedAt }: RowHospitals): Conflict[] {
  const conflicts: Conflict[] = [];
  // A hospital still dispensing the drug counts as taking it: that is what a stop elsewhere contradicts.
  const activeAt = hospitals.filter((h) => h.current);
  const endedAt = hospitals.filter((h) => !h.current && ENDED.has(h.status) && h.source !== 'dispense');
  const statusHospitals = new Set<string>();
  for (const a of activeAt) {
    const at = since.get(a.hospitalCode)!;
    for (const e of endedAt) {
      const et = stoppedAt.get(e.hospitalCode)!;
      // A stop long before another hospital began the drug is history (a restart), not disagreement.
      if (!Number.isFinite(at) || Number.isNaN(et) || et >= at - COMPARABLE_PERIOD_MS) {
        statusHospitals.add(a.hospitalCode);
        statusHospitals.add(e.hospitalCode);
      }
    }
  }
  if (statusHospitals.size > 0) conflicts.push({ reason: 'status', hospitals: sortedUnique(statusHospitals) });
  const doses = new Set<string>();
  const doseHospitals: string[] = [];
  for (const h of activeAt) {
    // Pharmacy labels restate the order in their own words: only orders and statements are compared.
    if (h.dose === undefined || h.source === 'dispense') continue;
    doses.add(normaliseDose(h.dose));
    doseHospitals.push(h.hospitalCode);
  }
  if (doses.size > 1) conflicts.push({ reason: 'dose', hospitals: sortedUnique(doseHospitals) });
  return conflicts;
}

/** The row: named after its smallest-id record, classed by the first record that carries a class. */
function medicationRow(key: string, facts: Prepared[], h: RowHospitals): MedicationRow {
  const rep = facts.reduce((best, p) => (p.fact.id < best.fact.id ? p : best)).fact as MedicationFact;
  const row: MedicationRow = {
    key,
    display: rep.display,
    current: h.hospitals.some((s) => s.current),
    latestDate: facts[0]!.fact.date,
    hospitals: h.hospitals,
    conflicts: medicationConflicts(h),
    allergyConflicts: [],
    sealed: h.sealed,
  };
  if (rep.nameTh !== undefined) row.nameTh = rep.nameTh;
  if (rep.nameEn !== undefined) row.nameEn = rep.nameEn;
  for (const p of facts) {
    const f = p.fact as MedicationFact;
    if (row.drugClass === undefined && f.drugClass !== undefined) row.drugClass = f.drugClass;
    if (row.highRisk === undefined && f.highRisk !== undefined) row.highRisk = f.highRisk;
    if (row.atc === undefined && f.atc !== undefined) row.atc = f.atc;
  }
  return row;
}
