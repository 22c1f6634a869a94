import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { accessAuditFields, type PatientAccess } from '../access/patient-access';
import { appendAudit } from '../audit/append';
import type { DoctorContext } from '../auth/guard';
import { openSecret, sealSecret } from '../auth/secret-box';
import { canSend } from '../consent/rules';
import type { Db } from '../db';
import { phrGrants } from '../db/schema';
import type { Failure } from '../result';
import type { PhrRequestResult, PhrVerifyResult } from './answer';
import type { PhrClient } from './client';
import { phrCodeSchema } from './schemas';

/** What the Mor Prom flow needs from outside (built by the entry layer). */
export interface PhrDeps {
  db: Db;
  phr: PhrClient;
  /** Seals the validated code at rest (AUTH_SECRET). */
  secret: string;
  /** The same per-patient daily limit as our own consent codes (CONSENT_CODES_PER_PATIENT_DAY). */
  codesPerPatientDay?: number;
  now: () => Date;
}

/** The code is valid one hour from the request (S OTP); the hour starts when we ask (docs/phr.md). */
export const PHR_CODE_TTL_MS = 3600_000;
/** Wrong entries on one request before it is void: the same as our own consent OTP (lib/consent/rules). */
export const PHR_MAX_WRONG = 5;

function audit(
  deps: PhrDeps,
  doctor: DoctorContext,
  access: PatientAccess,
  action: 'phr-code-request' | 'phr-code-verify',
  outcome: 'success' | 'failure' | 'denied',
  result: string,
) {
  return appendAudit(
    deps.db,
    { ...accessAuditFields(doctor, access), action, outcome, details: { source: 'moph-phr', result, accessKind: access.kind } },
    deps.now(),
  );
}

/** The hour ends at the code's hour or the access's end, whichever is first: the grant never outlives the access. */
function codeExpiry(access: PatientAccess, now: Date): Date {
  return new Date(Math.min(now.getTime() + PHR_CODE_TTL_MS, access.expiresAt.getTime()));
}

/**
 * Asks MOPH-PHR to send the patient a code through the Mor Prom app, within the same send limits as our
 * own consent OTP (per doctor and per patient, counted over earlier Mor Prom requests). A new request ends
 * the access's earlier ones (MOPH-PHR keeps one code per person). Audited whatever the outcome.
 */
export async function requestPhrCode(doctor: DoctorContext, access: PatientAccess, deps: PhrDeps): Promise<PhrRequestResult> {
  const now = deps.now();
  const history = await deps.db
    .select({ licence: phrGrants.licenceNumber, sentAt: phrGrants.requestedAt })
    .from(phrGrants)
    .where(and(eq(phrGrants.patientCid, access.cid), gt(phrGrants.requestedAt, new Date(now.getTime() - 24 * 3600_000))));
  const verdict = canSend(history, doctor.licence, now, deps.codesPerPatientDay);
  if (!verdict.ok) {
    await audit(deps, doctor, access, 'phr-code-request', 'denied', verdict.reason);
    return { ok: false, reason: verdict.reason, retryAt: verdict.retryAt.toISOString() };
  }
  const sent = await deps.phr.requestOtp(doctor.hospitalCode, access.cid);
  if (sent.kind !== 'sent') {
    const reason = sent.kind === 'sharing-off' || sent.kind === 'not-found' ? sent.kind : 'unavailable';
    await audit(deps, doctor, access, 'phr-code-request', 'failure', sent.kind === 'unavailable' ? sent.reason : sent.kind);
    return { ok: false, reason };
  }
  const expiresAt = codeExpiry(access, now);
  await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx
      .update(phrGrants)
      .set({ status: 'ended', endedAt: now })
      .where(
        and(eq(phrGrants.accessKind, access.kind), eq(phrGrants.accessId, access.id), inArray(phrGrants.status, ['requested', 'granted'])),
      );
    await tx.insert(phrGrants).values({
      id: randomUUID(),
      accessKind: access.kind,
      accessId: access.id,
      licenceNumber: doctor.licence,
      hospitalCode: doctor.hospitalCode,
      patientCid: access.cid,
      status: 'requested',
      requestedAt: now,
      codeExpiresAt: expiresAt,
    });
    await appendAudit(
      tx,
      {
        ...accessAuditFields(doctor, access),
        action: 'phr-code-request',
        outcome: 'success',
        details: { source: 'moph-phr', result: 'sent', accessKind: access.kind },
      },
      now,
    );
  });
  return { ok: true, expiresAt: expiresAt.toISOString() };
}

type Reserved = { ok: true; id: string; expiresAt: Date } | Failure<'no-request' | 'expired' | 'too-many'>;

/** Charges one attempt before MOPH-PHR is asked (so parallel guesses are all counted), under a row lock. */
async function reserveAttempt(access: PatientAccess, deps: PhrDeps, now: Date): Promise<Reserved> {
  return deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [row] = await tx
      .select()
      .from(phrGrants)
      .where(and(eq(phrGrants.accessKind, access.kind), eq(phrGrants.accessId, access.id), eq(phrGrants.status, 'requested')))
      .orderBy(desc(phrGrants.requestedAt))
      .limit(1)
      .for('update');
    if (!row) return { ok: false, reason: 'no-request' } as const;
    if (row.wrongAttempts >= PHR_MAX_WRONG) {
      await tx.update(phrGrants).set({ status: 'void' }).where(eq(phrGrants.id, row.id));
      return { ok: false, reason: 'too-many' } as const;
    }
    if (row.codeExpiresAt <= now) {
      await tx.update(phrGrants).set({ status: 'void' }).where(eq(phrGrants.id, row.id));
      return { ok: false, reason: 'expired' } as const;
    }
    await tx
      .update(phrGrants)
      .set({ wrongAttempts: sql`${phrGrants.wrongAttempts} + 1` })
      .where(eq(phrGrants.id, row.id));
    return { ok: true, id: row.id, expiresAt: row.codeExpiresAt } as const;
  });
}

/**
 * Checks the code the patient read out from the Mor Prom app with MOPH-PHR and, when it is right, keeps
 * it (sealed) for this access's reads. Wrong, expired and too many attempts are told apart; a request
 * voids after PHR_MAX_WRONG wrong entries, here or upstream. Audited whatever the outcome.
 */
export async function verifyPhrCode(doctor: DoctorContext, access: PatientAccess, input: string, deps: PhrDeps): Promise<PhrVerifyResult> {
  const code = phrCodeSchema.safeParse(input);
  if (!code.success) return { ok: false, reason: 'invalid-format' };
  const now = deps.now();
  const reserved = await reserveAttempt(access, deps, now);
  if (!reserved.ok) {
    await audit(deps, doctor, access, 'phr-code-verify', 'denied', reserved.reason);
    return reserved;
  }
  const answer = await deps.phr.validateOtp(doctor.hospitalCode, access.cid, code.data);
  const set = (values: { status: 'void' }) => deps.db.update(phrGrants).set(values).where(eq(phrGrants.id, reserved.id));
  switch (answer.kind) {
    case 'valid':
    case 'sent':
      await deps.db.transaction(async (txRaw) => {
        const tx = txRaw as unknown as Db;
        await tx
          .update(phrGrants)
          .set({
            status: 'granted',
            sealedCode: sealSecret(code.data, deps.secret),
            grantedAt: now,
            wrongAttempts: sql`greatest(${phrGrants.wrongAttempts} - 1, 0)`,
          })
          .where(eq(phrGrants.id, reserved.id));
        await appendAudit(
          tx,
          {
            ...accessAuditFields(doctor, access),
            action: 'phr-code-verify',
            outcome: 'success',
            details: { source: 'moph-phr', result: 'valid', accessKind: access.kind },
          },
          now,
        );
      });
      return { ok: true, expiresAt: reserved.expiresAt.toISOString() };
    case 'wrong': {
      const [row] = await deps.db.select({ wrong: phrGrants.wrongAttempts }).from(phrGrants).where(eq(phrGrants.id, reserved.id));
      const remaining = Math.max(0, PHR_MAX_WRONG - (row?.wrong ?? PHR_MAX_WRONG));
      if (remaining === 0) await set({ status: 'void' });
      await audit(deps, doctor, access, 'phr-code-verify', 'failure', 'wrong');
      return remaining === 0 ? { ok: false, reason: 'too-many' } : { ok: false, reason: 'wrong', remaining };
    }
    case 'expired':
    case 'too-many':
    case 'sharing-off':
    case 'not-found':
      await set({ status: 'void' });
      await audit(deps, doctor, access, 'phr-code-verify', 'failure', answer.kind);
      return { ok: false, reason: answer.kind };
    case 'unavailable':
      // Not the patient's mistake: the attempt is refunded.
      await deps.db
        .update(phrGrants)
        .set({ wrongAttempts: sql`greatest(${phrGrants.wrongAttempts} - 1, 0)` })
        .where(eq(phrGrants.id, reserved.id));
      await audit(deps, doctor, access, 'phr-code-verify', 'failure', answer.reason);
      return { ok: false, reason: 'unavailable' };
  }
}

export type PhrGrantState =
  { state: 'none' } | { state: 'requested'; expiresAt: Date } | { state: 'granted'; expiresAt: Date; id: string; code: string };

/** The access's latest Mor Prom request, if still in its hour; a granted one with its code opened. */
export async function currentPhrGrant(access: PatientAccess, deps: Pick<PhrDeps, 'db' | 'secret' | 'now'>): Promise<PhrGrantState> {
  const [row] = await deps.db
    .select()
    .from(phrGrants)
    .where(
      and(eq(phrGrants.accessKind, access.kind), eq(phrGrants.accessId, access.id), inArray(phrGrants.status, ['requested', 'granted'])),
    )
    .orderBy(desc(phrGrants.requestedAt))
    .limit(1);
  if (!row || row.codeExpiresAt <= deps.now() || row.patientCid !== access.cid) return { state: 'none' };
  if (row.status === 'requested' || row.sealedCode === null) return { state: 'requested', expiresAt: row.codeExpiresAt };
  return { state: 'granted', expiresAt: row.codeExpiresAt, id: row.id, code: openSecret(row.sealedCode, deps.secret) };
}

/** MOPH-PHR no longer accepts the code (expired or replaced upstream): the grant ends. */
export async function endPhrGrant(db: Db, id: string, now: Date): Promise<void> {
  await db.update(phrGrants).set({ status: 'ended', endedAt: now }).where(eq(phrGrants.id, id));
}
