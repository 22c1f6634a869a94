import 'server-only';
import type { z } from 'zod';
import { breakerAcquire, breakerFailure, breakerSuccess, CLOSED, type BreakerState } from '../exchange/breaker';
import { failureFromHttp, reasonOf, type ExchangeFailure } from '../exchange/failure';
import { requestJson, type HttpResult } from '../exchange/http';
import { IDEMPOTENT_READ_RETRY, NO_RETRY, retryDelay, type RetryPolicy } from '../exchange/retry';
import type { PhrReadStatus } from './answer';
import { phrOutcomeOf, type PhrMessageOutcome } from './outcomes';
import {
  phrConditionRowSchema,
  phrEncounterRowSchema,
  phrEnvelopeSchema,
  phrMedicationRowSchema,
  phrObservationRowSchema,
  phrSummarySchema,
  type PhrRecordRows,
  type PhrVisitRows,
} from './schemas';

/**
 * The MOPH-PHR (Mor Prom) read adapter: MOPH Account Center token, the patient's OTP, and the read
 * actions, over the same bounded HTTP primitive as the exchange (deadline, size cap, content-type check)
 * with its own breaker. Failures are values; messages never carry a citizen ID, an OTP or a body.
 */
export interface PhrClientOptions {
  /** `…/api` (reads, RequestTokenv1). */
  baseUrl: string;
  /** MOPH Account Center base (`…/token?Action=get_moph_access_token` is appended). */
  accountUrl: string;
  user: string;
  passwordHash: string;
  /** One patient's whole read, every call included. */
  timeoutMs: number;
  maxResponseBytes: number;
  /** Per-visit reads in flight at once. */
  concurrency?: number;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export type PhrOtpResult = PhrMessageOutcome | { kind: 'unavailable'; reason: string };

export interface PhrReadResult {
  status: PhrReadStatus;
  rows: PhrRecordRows;
  /** Rows naming another citizen ID: dropped, and recorded as a safety event by the caller. */
  droppedWrongPatient: number;
  fetchedAt: string;
  elapsedMs: number;
  /** Patient-free reason, for the audit row. */
  error?: string;
}

type Call = { ok: true; envelope: z.infer<typeof phrEnvelopeSchema> } | { ok: false; failure: ExchangeFailure };

/** A call inside one read failed in transport: the whole read fails with its kind. */
class CallFailed extends Error {
  constructor(readonly failure: ExchangeFailure) {
    super(failure.message);
  }
}

const EMPTY: PhrRecordRows = { summary: null, visits: [], droppedRows: 0 };

function tokenFrom(body: unknown): string | undefined {
  // The real service answers the bare JWT as text (repo src/utils/auth.js); JSON string or object here.
  if (typeof body === 'string') return body.trim() || undefined;
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const k of ['access_token', 'token', 'jwt']) if (typeof b[k] === 'string') return b[k];
  }
  return undefined;
}

function expiryOf(jwt: string, now: number): number {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    if (typeof payload.exp === 'number') return payload.exp * 1000 - 60_000;
  } catch {
    // not a readable JWT: fall back to an hour
  }
  return now + 3600_000;
}

function rowsOf<T>(result: unknown, schema: z.ZodType<T>, cid: string, counts: { dropped: number; wrong: number }): T[] {
  if (!Array.isArray(result)) throw new Error('malformed');
  const out: T[] = [];
  for (const row of result) {
    if (row && typeof row === 'object' && 'cid' in row && (row as { cid: unknown }).cid !== cid) {
      counts.wrong += 1;
      continue;
    }
    const parsed = schema.safeParse(row);
    if (parsed.success) out.push(parsed.data);
    else counts.dropped += 1;
  }
  return out;
}

export function createPhrClient(opts: PhrClientOptions) {
  const now = opts.now ?? Date.now;
  // One Account Center token per requesting hospital (the token names who is reading: S App-B).
  const tokens = new Map<string, { jwt: string; until: number }>();
  let breaker: BreakerState = CLOSED;

  async function send(
    url: string,
    json: unknown,
    headers: Record<string, string>,
    deadlineAt: number,
    policy: RetryPolicy,
  ): Promise<HttpResult> {
    for (let retries = 0; ; retries++) {
      const r = await requestJson({
        url,
        method: 'POST',
        json,
        headers,
        timeoutMs: opts.timeoutMs,
        deadlineAt,
        maxBytes: opts.maxResponseBytes,
        fetchImpl: opts.fetchImpl,
      });
      if (r.ok) return r;
      const delay = retryDelay(policy, failureFromHttp(r), retries);
      if (delay === null) return r;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  async function jwt(
    hospitalCode: string,
    deadlineAt: number,
    fresh: boolean,
  ): Promise<{ ok: true; jwt: string } | { ok: false; failure: ExchangeFailure }> {
    const token = tokens.get(hospitalCode);
    if (!fresh && token && token.until > now()) return { ok: true, jwt: token.jwt };
    const r = await send(
      `${opts.accountUrl}/token?Action=get_moph_access_token`,
      { user: opts.user, password_hash: opts.passwordHash, hospital_code: hospitalCode },
      {},
      deadlineAt,
      IDEMPOTENT_READ_RETRY,
    );
    if (!r.ok) return { ok: false, failure: failureFromHttp(r) };
    const value = tokenFrom(r.body);
    if (value === undefined) return { ok: false, failure: { kind: 'malformed', message: 'no token in the Account Center answer' } };
    tokens.set(hospitalCode, { jwt: value, until: expiryOf(value, now()) });
    return { ok: true, jwt: value };
  }

  /** One POST with the reader's JWT; a 401 (token expired upstream) gets one fresh token and one more try. */
  async function call(hospitalCode: string, path: string, body: unknown, deadlineAt: number, policy: RetryPolicy): Promise<Call> {
    for (const fresh of [false, true]) {
      const t = await jwt(hospitalCode, deadlineAt, fresh);
      if (!t.ok) return t;
      const r = await send(`${opts.baseUrl}${path}`, body, { Authorization: `Bearer ${t.jwt}` }, deadlineAt, policy);
      if (!r.ok && r.kind === 'http' && r.status === 401 && !fresh) continue;
      if (!r.ok) return { ok: false, failure: failureFromHttp(r) };
      const envelope = phrEnvelopeSchema.safeParse(r.body);
      if (!envelope.success) return { ok: false, failure: { kind: 'malformed', message: 'not the MOPH-PHR envelope' } };
      return { ok: true, envelope: envelope.data };
    }
    return { ok: false, failure: { kind: 'http', status: 401, message: 'HTTP 401' } };
  }

  /** Breaker around one operation: transport failures count, MOPH-PHR's own refusals do not. */
  async function guarded<T>(op: () => Promise<{ value: T; transportFailed: boolean }>, open: T): Promise<T> {
    const acquired = breakerAcquire(breaker, now());
    breaker = acquired.state;
    if (!acquired.allowed) return open;
    const { value, transportFailed } = await op();
    breaker = transportFailed ? breakerFailure(breaker, now()) : breakerSuccess(breaker);
    return value;
  }

  /** RequestTokenv1: MOPH-PHR sends the patient a code through the Mor Prom app. Not retried (it notifies). */
  function requestOtp(hospitalCode: string, cid: string): Promise<PhrOtpResult> {
    return guarded<PhrOtpResult>(
      async () => {
        const c = await call(hospitalCode, '/RequestTokenv1', { cid }, now() + opts.timeoutMs, NO_RETRY);
        if (!c.ok) return { value: { kind: 'unavailable', reason: reasonOf(c.failure) }, transportFailed: true };
        return { value: phrOutcomeOf(c.envelope.MessageCode, 'sent'), transportFailed: false };
      },
      { kind: 'unavailable', reason: 'circuit-open' },
    );
  }

  /** ValidateOTP: whether the code the patient read out is the one MOPH-PHR sent. */
  function validateOtp(hospitalCode: string, cid: string, otp: string): Promise<PhrOtpResult> {
    return guarded<PhrOtpResult>(
      async () => {
        const c = await call(hospitalCode, '/WebApp?Action=ValidateOTP', { cid, otp }, now() + opts.timeoutMs, NO_RETRY);
        if (!c.ok) return { value: { kind: 'unavailable', reason: reasonOf(c.failure) }, transportFailed: true };
        return { value: phrOutcomeOf(c.envelope.MessageCode, 'valid'), transportFailed: false };
      },
      { kind: 'unavailable', reason: 'circuit-open' },
    );
  }

  async function readAll(
    hospitalCode: string,
    cid: string,
    otp: string,
    deadlineAt: number,
  ): Promise<{ value: PhrReadResult; transportFailed: boolean }> {
    const started = now();
    const counts = { dropped: 0, wrong: 0 };
    const result = (status: PhrReadStatus, rows: PhrRecordRows, error?: string): PhrReadResult => ({
      status,
      rows,
      droppedWrongPatient: counts.wrong,
      fetchedAt: new Date(now()).toISOString(),
      elapsedMs: now() - started,
      ...(error === undefined ? {} : { error }),
    });
    let refusal: PhrReadStatus | undefined;
    const read = async (query: string): Promise<unknown> => {
      const c = await call(hospitalCode, `/WebApp?Action=${query}`, { cid, otp }, deadlineAt, IDEMPOTENT_READ_RETRY);
      if (!c.ok) throw new CallFailed(c.failure);
      const outcome = phrOutcomeOf(c.envelope.MessageCode, 'valid');
      if (outcome.kind !== 'valid') {
        refusal = outcome.kind === 'sharing-off' ? 'sharing-off' : outcome.kind === 'not-found' ? 'not-found' : 'code-refused';
        throw new Error('refused');
      }
      return c.envelope.result;
    };
    try {
      const [summaryRaw, encountersRaw] = await Promise.all([read('PatientSummary'), read('Encounter')]);
      const summary = phrSummarySchema.safeParse(summaryRaw);
      const encounters = rowsOf(encountersRaw, phrEncounterRowSchema, cid, counts);
      const visits: PhrVisitRows[] = [];
      const queue = [...encounters];
      const worker = async (): Promise<void> => {
        for (let e = queue.shift(); e !== undefined; e = queue.shift()) {
          const code = encodeURIComponent(e.encounter_ref_code);
          const [conditions, medications, observations] = await Promise.all([
            read(`Condition&mode=Encounter&Code=${code}`),
            read(`Medication&mode=Encounter&Code=${code}`),
            read(`Observation&mode=Encounter&Code=${code}`),
          ]);
          visits.push({
            encounter: e,
            conditions: rowsOf(conditions, phrConditionRowSchema, cid, counts),
            medications: rowsOf(medications, phrMedicationRowSchema, cid, counts),
            observations: rowsOf(observations, phrObservationRowSchema, cid, counts),
          });
        }
      };
      await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 4, Math.max(1, encounters.length)) }, worker));
      visits.sort((a, b) => a.encounter.encounter_ref_code.localeCompare(b.encounter.encounter_ref_code));
      const rows: PhrRecordRows = { summary: summary.success ? summary.data : null, visits, droppedRows: counts.dropped };
      return {
        value: result(visits.length > 0 || rows.summary?.patient.allergy_intolerance_text ? 'answered' : 'no-data', rows),
        transportFailed: false,
      };
    } catch (error) {
      if (refusal !== undefined) return { value: result(refusal, EMPTY), transportFailed: false };
      if (!(error instanceof CallFailed)) return { value: result('malformed', EMPTY, 'malformed'), transportFailed: true };
      const failure = error.failure;
      const status: PhrReadStatus =
        failure.kind === 'timeout' || failure.kind === 'cancelled'
          ? 'timeout'
          : failure.kind === 'malformed' || failure.kind === 'too-large'
            ? 'malformed'
            : 'error';
      return { value: result(status, EMPTY, reasonOf(failure)), transportFailed: true };
    }
  }

  /**
   * Everything MOPH-PHR holds for the patient with this validated code: the summary, every visit and each
   * visit's diagnoses, drugs and results, within one deadline. All or nothing: a part that fails fails
   * the whole read, so a half answer is never shown as the whole record.
   */
  function fetchRecords(hospitalCode: string, cid: string, otp: string): Promise<PhrReadResult> {
    const fetchedAt = new Date(now()).toISOString();
    return guarded(() => readAll(hospitalCode, cid, otp, now() + opts.timeoutMs), {
      status: 'circuit-open',
      rows: EMPTY,
      droppedWrongPatient: 0,
      fetchedAt,
      elapsedMs: 0,
      error: 'circuit-open',
    });
  }

  return { requestOtp, validateOtp, fetchRecords, breakerPhase: () => breaker.phase };
}

export type PhrClient = ReturnType<typeof createPhrClient>;
