import 'server-only';
import { z } from 'zod';
import { CID_SYSTEMS } from '../identity/citizen-id';
import { nameMatches } from '../identity/name-key';
import { CID, clinicalHeaders, sendWithRetry, type ExchangeConnection } from './connection';
import { reasonOf } from './failure';
import { toIdentity } from './find-patient';
import { IDEMPOTENT_READ_RETRY } from './retry';
import type { ExchangeContext, PatientIdentity } from './types';
import { parseSearchset, patientSchema, type PatientBody } from './validate';

/** A search of the patient index by name: tidied names (as typed) and their matching keys, and a birth date or year. */
export const nameQuerySchema = z.object({
  given: z.string().min(1).max(100),
  family: z.string().min(1).max(100),
  givenKey: z.string().min(1).max(100),
  familyKey: z.string().min(1).max(100),
  birth: z.union([z.object({ date: z.iso.date() }), z.object({ year: z.number().int().min(1800).max(2200) }), z.null()]),
  /** How many patients to read at most (the total is counted by the exchange). */
  limit: z.number().int().min(1).max(50),
});
export type NameQuery = z.infer<typeof nameQuerySchema>;

export type NameLookup =
  /** `total`: everyone of that name (and birth) the index holds; `patients`: the first `limit` who have a citizen ID. */
  | { outcome: 'found'; total: number; patients: (PatientIdentity & { cid: string })[] }
  /** reason is a short code (timeout, network, http-503, malformed, mismatch); no patient data. */
  | { outcome: 'unavailable'; reason: string };

function cidOf(p: PatientBody): string | undefined {
  return (p.identifier ?? []).find(
    (i) => i.system !== undefined && (CID_SYSTEMS as readonly string[]).includes(i.system) && i.value !== undefined && CID.test(i.value),
  )?.value;
}

/** Whether any of the Patient's names carries the searched given name and surname (normalised, from the start). */
function carriesName(p: PatientBody, query: NameQuery): boolean {
  return (p.name ?? []).some(
    (n) => (n.given ?? []).some((g) => nameMatches(g, query.givenKey)) && n.family !== undefined && nameMatches(n.family, query.familyKey),
  );
}

/**
 * Searches the exchange's patient index by given name and surname (FHIR `Patient?given=&family=&birthdate=`),
 * sending the names as typed (tidied) — the index ignores tone marks and case itself. Reads one page of at
 * most `limit` and the bundle's `total`. A returned Patient that does not carry the searched name is a
 * mix-up: the whole answer is `unavailable` ('mismatch'), never shown.
 */
export async function findPatientsByName(conn: ExchangeConnection, query: NameQuery, ctx: ExchangeContext): Promise<NameLookup> {
  const checked = nameQuerySchema.safeParse(query);
  if (!checked.success) return { outcome: 'unavailable', reason: 'bad-query' };
  const params = new URLSearchParams({ given: query.given, family: query.family });
  if (query.birth !== null) params.set('birthdate', 'date' in query.birth ? query.birth.date : String(query.birth.year));
  params.set('_count', String(query.limit));
  const r = await sendWithRetry(
    conn,
    { url: `${conn.baseUrl}/Patient?${params.toString()}`, headers: clinicalHeaders(conn, ctx), deadlineAt: Date.now() + conn.timeoutMs },
    IDEMPOTENT_READ_RETRY,
  );
  if (!r.ok) return { outcome: 'unavailable', reason: reasonOf(r.failure) };
  const page = parseSearchset(r.value, 'Patient');
  if (!page.ok) return { outcome: 'unavailable', reason: 'malformed' };
  const patients: (PatientIdentity & { cid: string })[] = [];
  for (const resource of page.resources) {
    const parsed = patientSchema.safeParse(resource);
    if (!parsed.success) return { outcome: 'unavailable', reason: 'malformed' };
    if (!carriesName(parsed.data, query)) return { outcome: 'unavailable', reason: 'mismatch' };
    const cid = cidOf(parsed.data);
    // Someone without a citizen ID in the index cannot be consented here (as with lookup by ID).
    const identity = cid === undefined ? null : toIdentity(parsed.data, { cid });
    if (identity !== null && cid !== undefined && patients.length < query.limit) patients.push({ ...identity, cid });
  }
  // An index that omits `total` has told us at least what it sent, and more if it offers a next page.
  const total = page.total ?? page.resources.length + (page.nextUrl === undefined ? 0 : 1);
  return { outcome: 'found', total: Math.max(total, page.resources.length), patients };
}
