import 'server-only';
import { appendAudit } from '../audit/append';
import { exchangeContextFor } from '../exchange/request-context';
import type { PatientIdentity } from '../exchange/types';
import { checkCitizenId } from '../identity/citizen-id';
import { auditActor, type ConsentDeps, type ConsentDoctor } from './deps';
import { searchProblem, patientSearchSchema, type FieldMessage, type PatientSearch } from './schemas';
import { toPatientCard, type PatientCard } from './view-model';

export type LookupResult =
  | { outcome: 'invalid'; field: FieldMessage }
  | { outcome: 'not-found' }
  | { outcome: 'found-no-sharing'; patient: PatientCard }
  | { outcome: 'found-no-phone'; patient: PatientCard }
  | { outcome: 'exchange-unavailable' }
  | { outcome: 'found'; patient: PatientCard; warning?: 'starts-with-zero' };

/** Internal: the patient as the exchange knows them, for the lookup and for sending the OTP. */
export type ResolvedPatient =
  | { outcome: 'not-found' }
  | { outcome: 'exchange-unavailable'; reason: string }
  | { outcome: 'found'; patient: PatientIdentity & { cid: string }; sharing: string[] };

/** Finds the patient and the hospitals they share with; the phone stays server-side. */
export async function resolvePatient(doctor: ConsentDoctor, search: PatientSearch, deps: ConsentDeps): Promise<ResolvedPatient> {
  const ctx = exchangeContextFor(doctor, 'TREAT');
  const query = search.by === 'cid' ? { cid: search.value } : { passport: search.value };
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

/**
 * Looks a patient up for consent: validates the ID (saying which check digit was expected), asks the
 * exchange, and returns identity only (masked phone, number of sharing hospitals). Audited with the
 * citizen ID in its own column, never in details.
 */
export async function lookupPatient(doctor: ConsentDoctor, input: unknown, deps: ConsentDeps): Promise<LookupResult> {
  const parsed = patientSearchSchema.safeParse(input);
  if (!parsed.success) return { outcome: 'invalid', field: searchProblem(input) ?? { key: 'consent.cid.error.digits' } };
  const search = parsed.data;
  const resolved = await resolvePatient(doctor, search, deps);
  const now = deps.now();
  let result: LookupResult;
  if (resolved.outcome !== 'found') result = { outcome: resolved.outcome };
  else {
    const card = toPatientCard(resolved.patient, search.by, resolved.sharing.length, now);
    if (resolved.sharing.length === 0) result = { outcome: 'found-no-sharing', patient: card };
    else if (!resolved.patient.phone) result = { outcome: 'found-no-phone', patient: card };
    else {
      const zero = search.by === 'cid' && search.value.startsWith('0');
      result = zero ? { outcome: 'found', patient: card, warning: 'starts-with-zero' } : { outcome: 'found', patient: card };
    }
  }
  const patientCid = resolved.outcome === 'found' ? resolved.patient.cid : search.by === 'cid' ? search.value : null;
  await appendAudit(
    deps.db,
    {
      ...auditActor(doctor),
      action: 'patient-lookup',
      outcome: result.outcome === 'exchange-unavailable' ? 'failure' : 'success',
      patientCid,
      purpose: 'TREAT',
      details: {
        result: result.outcome,
        by: search.by,
        ...(resolved.outcome === 'found' ? { sharingHospitals: resolved.sharing.length } : {}),
        ...(resolved.outcome === 'exchange-unavailable' ? { exchangeReason: resolved.reason.slice(0, 60) } : {}),
      },
    },
    now,
  );
  return result;
}
