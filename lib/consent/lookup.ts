import 'server-only';
import { and, desc, eq, gt, ne } from 'drizzle-orm';
import { appendAudit } from '../audit/append';
import { auditLog } from '../db/schema';
import { exchangeContextFor } from '../exchange/request-context';
import type { PatientIdentity } from '../exchange/types';
import { checkCitizenId } from '../identity/citizen-id';
import { openCandidate } from './candidate-token';
import { auditActor, type ConsentDeps, type ConsentDoctor } from './deps';
import { failure, success, type Failure, type Success } from '../result';
import { searchProblem, patientSearchSchema, type PatientSearch, type SearchField } from './schemas';
import { LOOKUP_WINDOW_MS, lookupVerdict, MAX_LOOKUPS_PER_DOCTOR_HOUR } from './rules';
import { toPatientCard, type PatientCard } from './view-model';

/**
 * A patient who can be asked for consent, or why not. `no-sharing` and `no-phone` still carry the card:
 * the doctor sees who was found and why no code can be sent.
 */
export type LookupResult =
  | Success<{ patient: PatientCard; warning?: 'starts-with-zero' }>
  | Failure<'invalid', SearchField>
  | Failure<'not-found' | 'exchange-unavailable'>
  | (Failure<'lookup-limit'> & { retryInMs: number; limit: number })
  | (Failure<'no-sharing' | 'no-phone'> & { patient: PatientCard });

/** Internal: the patient as the exchange knows them, for the lookup and for sending the OTP. */
export type ResolvedPatient =
  | { outcome: 'not-found' }
  | { outcome: 'exchange-unavailable'; reason: string }
  | { outcome: 'found'; patient: PatientIdentity & { cid: string }; sharing: string[] };

/** Finds the patient and the hospitals they share with; the phone stays server-side. */
export async function resolvePatient(doctor: ConsentDoctor, search: PatientSearch, deps: ConsentDeps): Promise<ResolvedPatient> {
  const ctx = exchangeContextFor(doctor, 'TREAT');
  // A candidate of a name search names its person only through a token sealed for this doctor.
  const chosen = search.by === 'candidate' ? openCandidate(search.value, doctor.licence, deps.now(), deps.secret) : null;
  if (search.by === 'candidate' && chosen === null) return { outcome: 'not-found' };
  const query =
    search.by === 'cid' ? { cid: search.value } : search.by === 'candidate' ? { cid: chosen ?? '' } : { passport: search.value };
  // The adapter already retried what is worth retrying (exchange/retry.ts): an unavailable answer is final.
  const found = await deps.exchange.findPatient(query, ctx);
  if (found.outcome === 'unavailable') return { outcome: 'exchange-unavailable', reason: found.reason };
  // A person without a citizen ID in the index cannot have sharing consents nor be consented here.
  if (found.outcome === 'not-found' || !found.patient.cid || !checkCitizenId(found.patient.cid).ok) return { outcome: 'not-found' };
  const cid = found.patient.cid;
  const sharing = await deps.exchange.listSharingHospitals(cid, ctx);
  if (!sharing.ok) return { outcome: 'exchange-unavailable', reason: `sharing-${sharing.reason}` };
  return { outcome: 'found', patient: { ...found.patient, cid }, sharing: sharing.hcodes };
}

/** The lookup's result as the audit log has always named it (`found-no-phone`, …), so old and new rows read alike. */
function auditResult(result: LookupResult): string {
  if (result.ok) return 'found';
  if (result.reason === 'no-sharing' || result.reason === 'no-phone') return `found-${result.reason}`;
  return result.reason;
}

/**
 * The per-doctor lookup limit, counted from the audit trail itself (every instance sees the same rows). A
 * refusal is audited as a denied lookup, which does not count towards the limit.
 */
async function lookupLimit(doctor: ConsentDoctor, deps: ConsentDeps, now: Date): Promise<LookupResult | null> {
  const rows = await deps.db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, doctor.licence),
        eq(auditLog.action, 'patient-lookup'),
        ne(auditLog.outcome, 'denied'),
        gt(auditLog.at, new Date(now.getTime() - LOOKUP_WINDOW_MS)),
      ),
    )
    .orderBy(desc(auditLog.at))
    .limit(MAX_LOOKUPS_PER_DOCTOR_HOUR);
  const verdict = lookupVerdict(
    rows.map((r) => r.at),
    now,
  );
  if (verdict.ok) return null;
  await appendAudit(
    deps.db,
    { ...auditActor(doctor), action: 'patient-lookup', outcome: 'denied', purpose: 'TREAT', details: { reason: 'lookup-limit' } },
    now,
  );
  return { ...failure('lookup-limit'), retryInMs: verdict.retryAt.getTime() - now.getTime(), limit: MAX_LOOKUPS_PER_DOCTOR_HOUR };
}

/**
 * Looks a patient up for consent: validates the ID (saying which check digit was expected), asks the
 * exchange, and returns identity only (masked phone, number of sharing hospitals). Audited with the
 * citizen ID in its own column, never in details.
 */
export async function lookupPatient(doctor: ConsentDoctor, input: unknown, deps: ConsentDeps): Promise<LookupResult> {
  const parsed = patientSearchSchema.safeParse(input);
  if (!parsed.success) return failure('invalid', { value: searchProblem(input) ?? { key: 'consent.cid.error.digits' } });
  const search = parsed.data;
  const now = deps.now();
  const limited = await lookupLimit(doctor, deps, now);
  if (limited) return limited;
  const resolved = await resolvePatient(doctor, search, deps);
  let result: LookupResult;
  if (resolved.outcome !== 'found') result = failure(resolved.outcome);
  else {
    const card = toPatientCard(resolved.patient, search.by, resolved.sharing.length, now);
    if (resolved.sharing.length === 0) result = { ...failure('no-sharing'), patient: card };
    else if (!resolved.patient.phone) result = { ...failure('no-phone'), patient: card };
    else {
      const zero = search.by === 'cid' && search.value.startsWith('0');
      result = zero ? success({ patient: card, warning: 'starts-with-zero' as const }) : success({ patient: card });
    }
  }
  const patientCid = resolved.outcome === 'found' ? resolved.patient.cid : search.by === 'cid' ? search.value : null;
  await appendAudit(
    deps.db,
    {
      ...auditActor(doctor),
      action: 'patient-lookup',
      outcome: !result.ok && result.reason === 'exchange-unavailable' ? 'failure' : 'success',
      patientCid,
      purpose: 'TREAT',
      details: {
        result: auditResult(result),
        by: search.by,
        ...(resolved.outcome === 'found' ? { sharingHospitals: resolved.sharing.length } : {}),
        ...(resolved.outcome === 'exchange-unavailable' ? { exchangeReason: resolved.reason.slice(0, 60) } : {}),
      },
    },
    now,
  );
  return result;
}
