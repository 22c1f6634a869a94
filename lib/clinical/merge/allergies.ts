/** The allergy list: one row per substance, with each hospital's statement and "no known allergy" coverage. */
import type { AllergyCoverage, AllergyFact, AllergyRow, AllergyStatement } from '../types';
import { timeOf } from './dates';
import { isRefuted } from './dedupe';
import type { GroupStore } from './groups';
import { byTimeDesc, cmpStr, sortedUnique } from './order';

export const CRITICALITY_RANK = { low: 1, 'unable-to-assess': 2, high: 3 } as const;

type NkaConflict = { nkaHospitals: string[]; allergyHospitals: string[] };

/** Rows by substance; each row's display follows its smallest-id record, whichever hospital answered first. */
class AllergyRows {
  readonly rows = new Map<string, AllergyRow>();
  private readonly repIds = new Map<AllergyRow, string>();

  add(f: AllergyFact): void {
    let row = this.rows.get(f.conceptKey);
    if (row === undefined) {
      row = {
        conceptKey: f.conceptKey,
        display: f.display,
        drugKeys: [...f.drugKeys],
        statements: [],
        hospitals: [],
        refuted: true,
        conflicts: [],
        medicationConflicts: [],
      };
      if (f.nameTh !== undefined) row.nameTh = f.nameTh;
      if (f.nameEn !== undefined) row.nameEn = f.nameEn;
      this.rows.set(f.conceptKey, row);
      this.repIds.set(row, f.id);
    } else if (f.id < this.repIds.get(row)!) {
      this.repIds.set(row, f.id);
      row.display = f.display;
    }
    if (f.drugClass !== undefined) row.drugClass ??= f.drugClass;
    for (const d of f.drugKeys) if (!row.drugKeys.includes(d)) row.drugKeys.push(d);
    row.statements.push(statementOf(f));
    if (!isRefuted(f)) {
      row.refuted = false;
      if (
        f.criticality !== undefined &&
        (row.highestCriticality === undefined || CRITICALITY_RANK[f.criticality] > CRITICALITY_RANK[row.highestCriticality])
      ) {
        row.highestCriticality = f.criticality;
      }
    }
  }
}

function statementOf(f: AllergyFact): AllergyStatement {
  const st: AllergyStatement = {
    hospitalCode: f.hospitalCode,
    resourceId: f.resourceId,
    factId: f.id,
    date: f.date,
    reactions: f.reactions,
    verificationStatus: f.verificationStatus,
    clinicalStatus: f.status,
  };
  if (f.criticality !== undefined) st.criticality = f.criticality;
  if (f.severity !== undefined) st.severity = f.severity;
  return st;
}

/**
 * The allergy rows, each answered hospital's coverage (allergies recorded, none known, nothing), and the
 * disagreement when one hospital says "no known allergy" while another records one.
 */
export function buildAllergies(
  groups: GroupStore,
  indices: number[],
  answered: string[],
  stubHospitals: Set<string>,
): { allergies: AllergyRow[]; allergyCoverage: AllergyCoverage[]; allergyNkaConflict?: NkaConflict } {
  const rows = new AllergyRows();
  const nkaHospitals = new Set<string>();
  const recordedHospitals = new Set<string>(stubHospitals);
  const assertingHospitals = new Set<string>(stubHospitals);
  for (const g of indices) {
    for (const f of groups.members[g]!) {
      if (f.kind !== 'allergy') break;
      if (f.noKnownAllergy) {
        nkaHospitals.add(f.hospitalCode);
        continue;
      }
      recordedHospitals.add(f.hospitalCode);
      if (!isRefuted(f)) assertingHospitals.add(f.hospitalCode);
      rows.add(f);
    }
  }

  let allergyNkaConflict: NkaConflict | undefined;
  if (nkaHospitals.size > 0 && assertingHospitals.size > 0) {
    allergyNkaConflict = { nkaHospitals: sortedUnique(nkaHospitals), allergyHospitals: sortedUnique(assertingHospitals) };
  }

  const allergies = [...rows.rows.values()];
  for (const row of allergies) settleRow(row, allergyNkaConflict);
  allergies.sort(
    (a, b) =>
      Number(a.refuted) - Number(b.refuted) ||
      (b.highestCriticality !== undefined ? CRITICALITY_RANK[b.highestCriticality] : 0) -
        (a.highestCriticality !== undefined ? CRITICALITY_RANK[a.highestCriticality] : 0) ||
      cmpStr(a.conceptKey, b.conceptKey),
  );

  const allergyCoverage: AllergyCoverage[] = answered.map((hospitalCode) => ({
    hospitalCode,
    state: recordedHospitals.has(hospitalCode)
      ? 'allergies-recorded'
      : nkaHospitals.has(hospitalCode)
        ? 'no-known-allergies'
        : 'nothing-recorded',
  }));
  return allergyNkaConflict !== undefined ? { allergies, allergyCoverage, allergyNkaConflict } : { allergies, allergyCoverage };
}

/** Orders a row's statements and flags refuted-vs-asserted and none-known-vs-asserted disagreements. */
function settleRow(row: AllergyRow, nka: NkaConflict | undefined): void {
  row.statements.sort(
    (a, b) => cmpStr(a.hospitalCode, b.hospitalCode) || byTimeDesc(timeOf(a.date), timeOf(b.date)) || cmpStr(a.factId, b.factId),
  );
  row.hospitals = sortedUnique(row.statements.map((s) => s.hospitalCode));
  row.drugKeys.sort(cmpStr);
  const refutedAt = row.statements.filter((s) => s.verificationStatus === 'refuted').map((s) => s.hospitalCode);
  const assertedAt = row.statements.filter((s) => s.verificationStatus !== 'refuted').map((s) => s.hospitalCode);
  if (refutedAt.length > 0 && assertedAt.length > 0)
    row.conflicts.push({ reason: 'verification', hospitals: sortedUnique([...refutedAt, ...assertedAt]) });
  if (nka !== undefined && assertedAt.length > 0) {
    row.conflicts.push({ reason: 'no-known-allergy', hospitals: sortedUnique([...nka.nkaHospitals, ...assertedAt]) });
  }
}
