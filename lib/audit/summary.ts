/** What an access touched, from audit details: which hospitals, which resource types, how many. No content. */
export interface AccessSummary {
  hospitals: string[];
  resourceTypes: Record<string, number>;
  records: number;
}

const HCODE = /^\d{5}$/;

function countsOf(value: unknown): Record<string, number> {
  if (!value || typeof value !== 'object') return {};
  if (Array.isArray(value)) return Object.fromEntries(value.filter((v): v is string => typeof v === 'string').map((t) => [t, 1]));
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    if (/^[A-Za-z]{1,64}$/.test(k) && typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  return out;
}

/**
 * Reads the facts an audit row's details may carry (`sourceHospital` or `hospitals`, `resourceTypes` or
 * `types` as counts, `records`), keeping only well-formed codes and numbers.
 */
export function summariseDetails(details: Record<string, unknown>): AccessSummary {
  const hospitals = new Set<string>();
  if (typeof details.sourceHospital === 'string' && HCODE.test(details.sourceHospital)) hospitals.add(details.sourceHospital);
  if (Array.isArray(details.hospitals)) for (const h of details.hospitals) if (typeof h === 'string' && HCODE.test(h)) hospitals.add(h);
  const resourceTypes = { ...countsOf(details.types), ...countsOf(details.resourceTypes) };
  const records =
    typeof details.records === 'number' && Number.isFinite(details.records)
      ? details.records
      : Object.values(resourceTypes).reduce((a, b) => a + b, 0);
  return { hospitals: [...hospitals].sort(), resourceTypes, records };
}

/** Adds several summaries together (e.g. every clinical read under one emergency access). */
export function mergeSummaries(summaries: AccessSummary[]): AccessSummary & { reads: number } {
  const hospitals = new Set<string>();
  const resourceTypes: Record<string, number> = {};
  let records = 0;
  for (const s of summaries) {
    s.hospitals.forEach((h) => hospitals.add(h));
    for (const [t, n] of Object.entries(s.resourceTypes)) resourceTypes[t] = (resourceTypes[t] ?? 0) + n;
    records += s.records;
  }
  return { hospitals: [...hospitals].sort(), resourceTypes, records, reads: summaries.length };
}

/** "Observation 12, MedicationRequest 3" — for tables and CSV. */
export function formatTypeCounts(types: Record<string, number>): string {
  return Object.entries(types)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
}
