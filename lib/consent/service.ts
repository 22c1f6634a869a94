import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append';
import { metrics } from '../metrics';
import { consentChallenges, consents } from '../db/schema';
import { auditActor, type ConsentDeps, type ConsentDoctor } from './deps';
import { consentExpiresAt, judgeAttempt, wrongVerdict, MAX_WRONG_ENTRIES, type ChallengeState } from './rules';
import { failure, success, type Failure, type Success } from '../result';
import { consentIdSchema, otpEntrySchema } from './schemas';
import { transaction } from './transaction';

export { consentAsFhir } from './fhir';
export { otpSmsText, sendConsentOtp, type SendOtpResult } from './send-otp';

export type VerifyOtpResult =
  | Success<{ consentId: string; expiresAt: string }>
  | Failure<'invalid', 'code'>
  | Failure<'not-found' | 'void' | 'expired' | 'used'>
  | (Failure<'wrong'> & { remaining: number });

/**
 * Checks a code the patient read out. Only the doctor, at the hospital, who asked can use it; on success
 * the challenge is closed and the consent (TREAT, CONSENT_HOURS) starts in the same transaction as its
 * audit rows. A wrong code is counted atomically; the fifth voids the challenge.
 */
export async function verifyConsentOtp(doctor: ConsentDoctor, input: unknown, deps: ConsentDeps): Promise<VerifyOtpResult> {
  const parsed = otpEntrySchema.safeParse(input);
  if (!parsed.success) return failure('invalid', { code: { key: 'consent.otp.error.format' } });
  const { challengeId, code } = parsed.data;
  const now = deps.now();
  const actor = auditActor(doctor);
  return transaction(deps.db, async (tx) => {
    const [row] = await tx.select().from(consentChallenges).where(eq(consentChallenges.id, challengeId)).for('update');
    if (!row) return { ok: false, reason: 'not-found' } as const;
    const challenge: ChallengeState = row;
    const verdict = judgeAttempt(
      challenge,
      { licence: doctor.licence, hospitalCode: doctor.hospitalCode, patientCid: row.patientCid, code },
      deps.secret,
      now,
    );
    const audit = (outcome: 'success' | 'failure' | 'denied', details: Record<string, unknown>) => {
      metrics().otpMessages.inc({ outcome: outcome === 'success' ? 'verified' : 'wrong' });
      return appendAudit(
        tx,
        { ...actor, action: 'otp-verify', outcome, patientCid: row.patientCid, purpose: 'TREAT', accessRef: challengeId, details },
        now,
      );
    };
    switch (verdict.kind) {
      case 'wrong-binding':
        // Someone else's challenge: refused without touching its attempt count.
        await audit('denied', { reason: 'wrong-binding' });
        return { ok: false, reason: 'not-found' } as const;
      case 'used':
      case 'void':
      case 'expired':
        await audit('failure', { reason: verdict.kind });
        return { ok: false, reason: verdict.kind } as const;
      case 'wrong': {
        const [counted] = await tx
          .update(consentChallenges)
          .set({
            wrongAttempts: sql`${consentChallenges.wrongAttempts} + 1`,
            status: sql`CASE WHEN ${consentChallenges.wrongAttempts} + 1 >= ${MAX_WRONG_ENTRIES} THEN 'void' ELSE ${consentChallenges.status} END`,
          })
          .where(and(eq(consentChallenges.id, challengeId), eq(consentChallenges.status, 'pending')))
          .returning({ wrongAttempts: consentChallenges.wrongAttempts });
        const after = wrongVerdict(counted?.wrongAttempts ?? MAX_WRONG_ENTRIES);
        await audit('failure', {
          reason: 'wrong-code',
          wrongAttempts: counted?.wrongAttempts ?? MAX_WRONG_ENTRIES,
          voided: after.kind === 'void',
        });
        return after.kind === 'wrong'
          ? ({ ok: false, reason: 'wrong', remaining: after.remaining } as const)
          : ({ ok: false, reason: 'void' } as const);
      }
      case 'verified': {
        await tx.update(consentChallenges).set({ status: 'verified' }).where(eq(consentChallenges.id, challengeId));
        const consentId = crypto.randomUUID();
        const expiresAt = consentExpiresAt(now, deps.consentHours);
        await tx.insert(consents).values({
          id: consentId,
          licenceNumber: doctor.licence,
          hospitalCode: doctor.hospitalCode,
          patientCid: row.patientCid,
          purpose: 'TREAT',
          method: 'otp',
          challengeId,
          startedAt: now,
          expiresAt,
          sharingHcodes: row.sharingHcodes,
          patientProvince: row.patientProvince,
        });
        await audit('success', { sendCount: row.sendCount, wrongAttempts: row.wrongAttempts });
        await appendAudit(
          tx,
          {
            ...actor,
            action: 'consent-start',
            outcome: 'success',
            patientCid: row.patientCid,
            purpose: 'TREAT',
            accessRef: consentId,
            details: { method: 'otp', hours: deps.consentHours, challengeId },
          },
          now,
        );
        return { ok: true, consentId, expiresAt: expiresAt.toISOString() } as const;
      }
    }
  });
}

/** Ending a consent: `not-found` covers another doctor's, an already ended one and a malformed id alike. */
export type EndConsentResult = Success | Failure<'not-found'>;

/** Ends this doctor's consent early (e.g. the patient withdrew it, or care is over); audited. */
export async function endConsent(
  doctor: ConsentDoctor,
  consentId: unknown,
  deps: ConsentDeps,
  reason = 'ended-by-doctor',
): Promise<EndConsentResult> {
  const id = consentIdSchema.safeParse(consentId);
  if (!id.success) return failure('not-found');
  const now = deps.now();
  return transaction(deps.db, async (tx) => {
    const [ended] = await tx
      .update(consents)
      .set({ endedAt: now, endReason: reason })
      .where(
        and(
          eq(consents.id, id.data),
          eq(consents.licenceNumber, doctor.licence),
          eq(consents.hospitalCode, doctor.hospitalCode),
          isNull(consents.endedAt),
        ),
      )
      .returning({ patientCid: consents.patientCid });
    if (!ended) return failure('not-found');
    await appendAudit(
      tx,
      {
        ...auditActor(doctor),
        action: 'consent-end',
        outcome: 'success',
        patientCid: ended.patientCid,
        purpose: 'TREAT',
        accessRef: id.data,
        details: { reason },
      },
      now,
    );
    return success({});
  });
}
