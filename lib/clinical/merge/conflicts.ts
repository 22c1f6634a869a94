/** Disagreements between hospitals: linked and flagged, never merged away. */
import type { ClinicalFact, Conflict, ConflictReason, FactKind, TimelineEntry } from '../types';
import { isRefuted, kindKeyOf } from './dedupe';
import type { ClusterIndex, GroupStore } from './groups';
import { cmpStr, sortedUnique } from './order';

function conflictReason(kind: FactKind, reps: ClinicalFact[]): ConflictReason {
  switch (kind) {
    case 'lab':
    case 'vital':
      return 'value';
    case 'medication': {
      const statuses = new Set(reps.map((f) => f.status));
      return statuses.size > 1 ? 'status' : 'dose';
    }
    case 'allergy': {
      const refuted = new Set(reps.map((f) => f.kind === 'allergy' && isRefuted(f)));
      return refuted.size > 1 ? 'verification' : 'status';
    }
    case 'condition':
    case 'lab-report':
    case 'imaging':
    case 'immunization':
    case 'procedure':
    case 'encounter':
    case 'document':
    case 'flag':
      return 'status';
  }
}

/** The disagreement of a cluster (same concept, same day, different statements), or undefined within one hospital. */
export function clusterConflict(groups: GroupStore, head: number): { conflict: Conflict; conflictGroup: string } | undefined {
  const all: string[] = [];
  for (let g = head; g !== -1; g = groups.next[g]!) for (const h of groups.entries[g]!.hospitals) if (!all.includes(h)) all.push(h);
  // Two differing results from one hospital on one day are two measurements, not a disagreement.
  if (all.length < 2) return undefined;
  all.sort(cmpStr);
  const reps: ClinicalFact[] = [];
  // The group's name takes the cluster's earliest source day: sources in other time zones may write one
  // (Bangkok) day as two, and the first group to arrive must not decide which (the merge is order-free).
  let day: string | null = null;
  for (let g = head; g !== -1; g = groups.next[g]!) {
    const e = groups.entries[g]!;
    reps.push(e.fact!);
    if (e.day !== null && (day === null || e.day < day)) day = e.day;
  }
  const f = groups.entries[head]!.fact!;
  const conflict: Conflict = { reason: conflictReason(f.kind, reps), hospitals: all };
  return { conflict, conflictGroup: 'conflict:' + kindKeyOf(f) + ':' + f.conceptKey + ':' + (day ?? '') };
}

/** Same concept, same day, different statements from different hospitals: link and flag, never merge. */
export function flagNearConflicts(groups: GroupStore, clusters: ClusterIndex): void {
  for (const head of clusters.multi) {
    const found = clusterConflict(groups, head);
    if (found === undefined) continue;
    for (let g = head; g !== -1; g = groups.next[g]!) {
      const e = groups.entries[g]!;
      e.conflict = found.conflict;
      e.conflictGroup = found.conflictGroup;
    }
  }
}

/** The same disagreement (reason and hospitals), so an unchanged flag need not be set again. */
export function sameConflict(a: Conflict | undefined, b: Conflict | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.reason !== b.reason || a.hospitals.length !== b.hospitals.length) return false;
  return a.hospitals.every((h, i) => h === b.hospitals[i]);
}

/** The NKA side's conflict: one hospital's "no known allergy" against another's recorded allergy. */
export function noKnownAllergyConflict(nka: { nkaHospitals: string[]; allergyHospitals: string[] }): Conflict {
  return { reason: 'no-known-allergy', hospitals: sortedUnique([...nka.nkaHospitals, ...nka.allergyHospitals]) };
}

export const NKA_CONFLICT_GROUP = 'conflict:allergy:no-known-allergy';

/** True for the entry of a hospital's "no known allergy" statement. */
export function isNoKnownAllergyEntry(e: TimelineEntry): boolean {
  return e.kind === 'allergy' && e.fact?.kind === 'allergy' && e.fact.noKnownAllergy;
}

/** A hospital's "no known allergy" entry, when another hospital records an allergy, is one side of a disagreement. */
export function flagNoKnownAllergyEntries(entries: TimelineEntry[], nka: { nkaHospitals: string[]; allergyHospitals: string[] }): void {
  const conflict = noKnownAllergyConflict(nka);
  for (const e of entries) {
    if (isNoKnownAllergyEntry(e) && e.conflict === undefined) {
      e.conflict = conflict;
      e.conflictGroup = NKA_CONFLICT_GROUP;
    }
  }
}
