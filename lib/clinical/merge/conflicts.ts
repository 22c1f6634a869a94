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

/** Same concept, same day, different statements from different hospitals: link and flag, never merge. */
export function flagNearConflicts(groups: GroupStore, clusters: ClusterIndex): void {
  for (const head of clusters.multi) {
    const cluster: TimelineEntry[] = [];
    for (let g = head; g !== -1; g = groups.next[g]!) cluster.push(groups.entries[g]!);
    const all: string[] = [];
    for (const e of cluster) for (const h of e.hospitals) if (!all.includes(h)) all.push(h);
    // Two differing results from one hospital on one day are two measurements, not a disagreement.
    if (all.length < 2) continue;
    all.sort(cmpStr);
    const f = groups.entries[head]!.fact!;
    const conflict: Conflict = {
      reason: conflictReason(
        f.kind,
        cluster.map((e) => e.fact!),
      ),
      hospitals: all,
    };
    const conflictGroup = 'conflict:' + kindKeyOf(f) + ':' + f.conceptKey + ':' + (groups.entries[head]!.day ?? '');
    for (const e of cluster) {
      e.conflict = conflict;
      e.conflictGroup = conflictGroup;
    }
  }
}

/** A hospital's "no known allergy" entry, when another hospital records an allergy, is one side of a disagreement. */
export function flagNoKnownAllergyEntries(entries: TimelineEntry[], nka: { nkaHospitals: string[]; allergyHospitals: string[] }): void {
  const conflict: Conflict = { reason: 'no-known-allergy', hospitals: sortedUnique([...nka.nkaHospitals, ...nka.allergyHospitals]) };
  for (const e of entries) {
    if (e.kind === 'allergy' && e.fact?.kind === 'allergy' && e.fact.noKnownAllergy && e.conflict === undefined) {
      e.conflict = conflict;
      e.conflictGroup = 'conflict:allergy:no-known-allergy';
    }
  }
}
