/**
 * Duplicate detection: the same thing said the same way on the same day collapses into one group with
 * its sources; a same-day record that says something different starts a group of its own in the cluster.
 */
import { isStub } from '../facts';
import type { AllergyFact, ClinicalFact, MergeInput, SealedFactStub } from '../types';
import { DAY_MS, THAI_OFFSET_MS, dayOf, hasNoZone, timeOf } from './dates';
import { newEntry, representBy } from './entries';
import { PAUSE_EVERY, type ClusterIndex, type GroupStore, type Pause } from './groups';
import { byId, cmpStr } from './order';

const SEP = '\u0000';

export function normaliseDose(dose: string | undefined): string {
  if (dose === undefined) return '';
  let out = '';
  let space = false;
  for (let i = 0; i < dose.length; i++) {
    const ch = dose[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out.toLowerCase();
}

export function isRefuted(f: AllergyFact): boolean {
  return f.verificationStatus === 'refuted';
}

/** The numeric part of what a record says (its result), NaN when it says no number. */
function signatureNumber(f: ClinicalFact): number {
  if (f.kind === 'lab' || f.kind === 'vital') return f.canonicalValue ?? f.value ?? Number.NaN;
  return Number.NaN;
}

/** What else must be equal for two same-day records of one concept to be the same statement. */
function signatureText(f: ClinicalFact): string {
  switch (f.kind) {
    case 'lab':
    case 'vital':
      if (f.canonicalValue !== undefined) return f.canonicalUnit ?? '';
      if (f.value !== undefined) return (f.unit ?? '') + SEP + (f.valueText ?? '');
      return (f.valueCode ?? '') + SEP + (f.valueText ?? '').toLowerCase();
    case 'medication':
      return f.status + SEP + normaliseDose(f.dose);
    case 'allergy':
      return (isRefuted(f) ? 'refuted' : 'asserted') + SEP + f.status;
    case 'condition':
    case 'lab-report':
    case 'imaging':
    case 'immunization':
    case 'procedure':
    case 'encounter':
    case 'document':
    case 'flag':
      return f.status;
  }
}

/**
 * The day a record belongs to for duplicate detection: a Thai calendar day number when the date is at
 * least day-precise, else the partial date itself ('2024-05' is not the same as 1 May). Deliberately the
 * instant's day in Bangkok, not the source's own day (dayOf): two hospitals writing one instant in
 * different offsets must still fall on one day.
 */
function dayKeyOf(date: string | null, time: number): number | string {
  if (date === null) return '';
  if (date.length < 10 || Number.isNaN(time)) return date;
  return Math.floor((time + THAI_OFFSET_MS) / DAY_MS);
}

/** Thai calendar day text, shared between the entries of one day instead of sliced for each. */
class DayNames {
  private readonly names = new Map<number, string>();

  of(date: string | null, time: number, dayKey: number | string): string | null {
    if (typeof dayKey !== 'number') return dayOf(date, time);
    // The shared name is Bangkok's day; a source in another zone keeps its own (dayOf).
    if (date !== null && date.length > 10 && !hasNoZone(date) && !date.endsWith('+07:00')) return dayOf(date, time);
    let name = this.names.get(dayKey);
    if (name === undefined) {
      name = new Date(dayKey * DAY_MS).toISOString().slice(0, 10);
      this.names.set(dayKey, name);
    }
    return name;
  }
}

/** One shared, frozen `[code]` per hospital: most entries come from a single hospital. */
class SingleHospitals {
  private readonly lists = new Map<string, readonly string[]>();

  of(code: string): readonly string[] {
    let list = this.lists.get(code);
    if (list === undefined) {
      list = Object.freeze([code]);
      this.lists.set(code, list);
    }
    return list;
  }
}

/**
 * Which visit an encounter is, across platforms: the facility that held it, its Thai day and its class,
 * and — for several such visits from one source — which of them (the first, the second …). So MOPH-PHR's
 * copy of a Rajavithi visit meets Health Link's own (same hcode, same day, same codes), while two visits
 * one source records on one day stay two. The same record delivered twice keeps its number.
 */
class VisitKeys {
  private readonly seen = new Map<string, number>();
  private readonly byFact = new Map<string, string>();

  of(f: ClinicalFact, dayKey: number | string): string {
    const known = this.byFact.get(f.id);
    if (known !== undefined) return known;
    const visit = (f.facilityCode ?? f.hospitalCode) + SEP + String(dayKey) + SEP + f.conceptKey;
    const counter = f.hospitalCode + SEP + visit;
    const n = this.seen.get(counter) ?? 0;
    this.seen.set(counter, n + 1);
    const key = visit + SEP + String(n);
    this.byFact.set(f.id, key);
    return key;
  }
}

export function kindKeyOf(f: ClinicalFact): string {
  // Handing over a drug is not a statement about whether it is still taken.
  return f.kind === 'medication' && f.source === 'dispense' ? 'dispense' : f.kind;
}

/** Groups the facts: duplicates collapse into one group, same-day disagreements are chained as a cluster. */
export function* groupFacts(
  facts: MergeInput['facts'],
  groups: GroupStore,
  clusters: ClusterIndex,
  stubs: { stub: SealedFactStub; time: number }[],
  factHospitals: Set<string>,
): Pause {
  const days = new DayNames();
  const single = new SingleHospitals();
  const visits = new VisitKeys();
  let n = 0;
  for (const item of facts) {
    if ((++n & PAUSE_EVERY) === 0) yield;
    if (isStub(item)) {
      factHospitals.add(item.hospitalCode);
      stubs.push({ stub: item, time: timeOf(item.date) });
      continue;
    }
    factHospitals.add(item.hospitalCode);
    const factTime = timeOf(item.date);
    const dayKey = dayKeyOf(item.date, factTime);
    const sigNum = signatureNumber(item);
    const sigStr = signatureText(item);
    // A visit is an event at one hospital: two hospitals' same-day visits are two visits (VisitKeys).
    const g =
      item.kind === 'encounter'
        ? clusters.find('encounter', visits.of(item, dayKey), '', sigNum, sigStr)
        : clusters.find(kindKeyOf(item), item.conceptKey, dayKey, sigNum, sigStr);
    if (g === -1) {
      const members = [item];
      const entry = newEntry(item, days.of(item.date, factTime, dayKey), single.of(item.hospitalCode), members);
      clusters.insert(groups.add(entry, members, sigNum, sigStr, factTime));
      continue;
    }
    const members = groups.members[g]!;
    // The same fact delivered twice (a hospital re-sent) is one record, not a second source.
    if (!members.some((m) => m.id === item.id)) members.push(item);
    const entry = groups.entries[g]!;
    // Copied, never pushed: single-hospital lists are shared.
    if (!entry.hospitals.includes(item.hospitalCode)) entry.hospitals = [...entry.hospitals, item.hospitalCode].sort(cmpStr);
  }
  // Settle the groups of several facts: sources by id, the smallest id represents the group.
  for (let g = 0; g < groups.size; g++) {
    if ((g & PAUSE_EVERY) === 0) yield;
    const members = groups.members[g]!;
    if (members.length === 1) continue;
    members.sort(byId);
    const entry = groups.entries[g]!;
    entry.recordedAt = members.length;
    const rep = members[0]!;
    if (rep !== entry.fact) {
      const time = timeOf(rep.date);
      representBy(entry, rep, dayOf(rep.date, time));
      groups.sortTime[g] = Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
    }
  }
}
