import 'server-only';
import { and, desc, eq, gt, ne } from 'drizzle-orm';
import { appendAudit } from '../audit/append';
import type { Db } from '../db';
import { nameSearches } from '../db/schema';
import type { ExchangeClient } from '../exchange/client';
import { exchangeContextFor } from '../exchange/request-context';
import { failure, success, type Failure, type Success } from '../result';
import { sealCandidate } from './candidate-token';
import { auditActor, type ConsentDeps, type ConsentDoctor } from './deps';
import {
  MAX_CANDIDATES,
  MAX_NAME_SEARCHES_PER_DOCTOR_HOUR,
  NAME_SEARCH_WINDOW_MS,
  maskCitizenId,
  nameSearchBreadth,
  nameSearchVerdict,
  parseNameSearch,
  type NameSearch,
  type NameSearchField,
} from './name-search-rules';
import { transaction } from './transaction';

/** One person of the searched name, as the doctor may see them before consent: identity only, ID masked. */
export interface NameCandidate {
  /** Opaque, sealed for this doctor (candidate-token.ts): sent back to choose this person. */
  token: string;
  nameTh: string;
  nameEn: string;
  gender: 'male' | 'female' | 'other' | 'unknown';
  birthDate: string;
  cidMasked: string;
  sharingHospitals: number;
}

export type NameSearchResult =
  | Success<{ candidates: NameCandidate[] }>
  | Failure<'invalid', NameSearchField>
  | Failure<'none' | 'needs-birth' | 'too-broad' | 'exchange-unavailable'>
  | (Failure<'name-search-limit'> & { retryInMs: number; limit: number });

export type NameSearchDeps = Pick<ConsentDeps, 'db' | 'secret' | 'now'> & {
  exchange: Pick<ExchangeClient, 'findPatientsByName' | 'listSharingHospitals'>;
};

type Outcome = 'candidates' | 'none' | 'needs-birth' | 'too-broad' | 'exchange-unavailable' | 'limit';

/** Today in Thailand (a birth date typed at the bedside may be today's, whatever the server's time zone). */
function thaiToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

async function recentSearches(db: Db, licence: string, now: Date): Promise<Date[]> {
  const rows = await db
    .select({ at: nameSearches.at })
    .from(nameSearches)
    .where(
      and(
        eq(nameSearches.licenceNumber, licence),
        ne(nameSearches.outcome, 'limit'),
        gt(nameSearches.at, new Date(now.getTime() - NAME_SEARCH_WINDOW_MS)),
      ),
    )
    .orderBy(desc(nameSearches.at))
    .limit(MAX_NAME_SEARCHES_PER_DOCTOR_HOUR);
  return rows.map((r) => r.at);
}

/**
 * Writes the search to the audit trail: the hash-chained row (counts and outcome, no name) and, in the
 * same transaction, the name_searches row holding the search terms in their own columns and whose
 * identity was shown. If either cannot be written, the doctor is shown nothing (the caller throws).
 */
async function recordSearch(
  doctor: ConsentDoctor,
  search: NameSearch,
  record: { outcome: Outcome; matchCount: number | null; shownCids: string[] },
  deps: NameSearchDeps,
  now: Date,
): Promise<void> {
  const birth = search.birth === null ? null : search.birth;
  await transaction(deps.db, async (tx) => {
    const audit = await appendAudit(
      tx,
      {
        ...auditActor(doctor),
        action: 'patient-name-search',
        outcome: record.outcome === 'limit' ? 'denied' : record.outcome === 'exchange-unavailable' ? 'failure' : 'success',
        purpose: 'TREAT',
        details: {
          result: record.outcome,
          script: search.script,
          birth: birth === null ? 'none' : 'date' in birth ? 'date' : 'year',
          ...(record.matchCount === null ? {} : { matches: record.matchCount }),
          shown: record.shownCids.length,
        },
      },
      now,
    );
    await tx.insert(nameSearches).values({
      id: crypto.randomUUID(),
      auditId: audit.id,
      at: now,
      licenceNumber: doctor.licence,
      hospitalCode: doctor.hospitalCode,
      givenName: search.given,
      familyName: search.family,
      nameKey: `${search.givenKey} ${search.familyKey}`,
      birthDate: birth !== null && 'date' in birth ? birth.date : null,
      birthYear: birth === null ? null : 'date' in birth ? Number(birth.date.slice(0, 4)) : birth.year,
      outcome: record.outcome,
      matchCount: record.matchCount,
      shownCids: record.shownCids,
    });
  });
}

/**
 * Finds patients by first name and surname (Thai or English; tone marks, spacing and case do not matter),
 * with a birth date or year required once more than five people match, and at most ten candidates shown,
 * each with a masked citizen ID, sex, birth date and how many hospitals they share with. Limited per
 * doctor (MAX_NAME_SEARCHES_PER_DOCTOR_HOUR) and audited with its terms in their own columns.
 */
export async function searchPatientsByName(doctor: ConsentDoctor, input: unknown, deps: NameSearchDeps): Promise<NameSearchResult> {
  const now = deps.now();
  const parsed = parseNameSearch(input, thaiToday(now));
  if (!parsed.ok) return failure('invalid', parsed.fieldErrors);
  const { search } = parsed;
  const verdict = nameSearchVerdict(await recentSearches(deps.db, doctor.licence, now), now);
  if (!verdict.ok) {
    await recordSearch(doctor, search, { outcome: 'limit', matchCount: null, shownCids: [] }, deps, now);
    return {
      ...failure('name-search-limit'),
      retryInMs: verdict.retryAt.getTime() - now.getTime(),
      limit: MAX_NAME_SEARCHES_PER_DOCTOR_HOUR,
    };
  }
  const ctx = exchangeContextFor(doctor, 'TREAT');
  // One more than can be shown: the index's total says how many there are, the page what to show.
  const found = await deps.exchange.findPatientsByName({ ...search, limit: MAX_CANDIDATES + 1 }, ctx);
  if (found.outcome === 'unavailable') {
    await recordSearch(doctor, search, { outcome: 'exchange-unavailable', matchCount: null, shownCids: [] }, deps, now);
    return failure('exchange-unavailable');
  }
  const breadth = nameSearchBreadth(found.total, search.birth);
  if (breadth !== 'candidates') {
    await recordSearch(doctor, search, { outcome: breadth, matchCount: found.total, shownCids: [] }, deps, now);
    return failure(breadth);
  }
  const shown = found.patients.slice(0, MAX_CANDIDATES);
  if (shown.length === 0) {
    await recordSearch(doctor, search, { outcome: 'none', matchCount: found.total, shownCids: [] }, deps, now);
    return failure('none');
  }
  const sharing = await Promise.all(shown.map((p) => deps.exchange.listSharingHospitals(p.cid, ctx)));
  if (sharing.some((s) => !s.ok)) {
    await recordSearch(doctor, search, { outcome: 'exchange-unavailable', matchCount: found.total, shownCids: [] }, deps, now);
    return failure('exchange-unavailable');
  }
  await recordSearch(doctor, search, { outcome: 'candidates', matchCount: found.total, shownCids: shown.map((p) => p.cid) }, deps, now);
  const candidates = shown.map((p, i): NameCandidate => ({
    token: sealCandidate(p.cid, doctor.licence, now, deps.secret),
    nameTh: p.nameTh,
    nameEn: p.nameEn,
    gender: p.gender,
    birthDate: p.birthDate,
    cidMasked: maskCitizenId(p.cid),
    sharingHospitals: (sharing[i] as { ok: true; hcodes: string[] }).hcodes.length,
  }));
  return success({ candidates });
}
