import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { appendAudit } from '../audit/append';
import type { Db } from '../db';
import { consents, emergencyAccesses } from '../db/schema';
import type { RequestContext } from '../http/request-context';

/** Why an access ended when the patient took it back (consents and emergency accesses alike). */
export const WITHDRAWN_BY_PATIENT = 'withdrawn-by-patient';

export interface WithdrawResult {
  consentsEnded: number;
  emergencyAccessesEnded: number;
}

/**
 * The patient (through the patient app's service credential) takes back every access to their records
 * still in force — or the one named by `accessId` — consents and emergency accesses alike (PDPA: consent
 * may be withdrawn as easily as it was given). It ends at once for every instance, because every request
 * re-reads its access from the database; each ended access gets its own audit row in the same transaction.
 */
export async function withdrawPatientAccess(
  db: Db,
  cid: string,
  request: RequestContext,
  accessId: string | undefined,
  now: Date,
): Promise<WithdrawResult> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const endedConsents = await tx
      .update(consents)
      .set({ endedAt: now, endReason: WITHDRAWN_BY_PATIENT })
      .where(
        and(
          eq(consents.patientCid, cid),
          isNull(consents.endedAt),
          gt(consents.expiresAt, now),
          accessId === undefined ? undefined : eq(consents.id, accessId),
        ),
      )
      .returning({ id: consents.id, licence: consents.licenceNumber, hospitalCode: consents.hospitalCode });
    const endedEmergency = await tx
      .update(emergencyAccesses)
      .set({ endedAt: now, endReason: WITHDRAWN_BY_PATIENT })
      .where(
        and(
          eq(emergencyAccesses.patientCid, cid),
          isNull(emergencyAccesses.endedAt),
          gt(emergencyAccesses.expiresAt, now),
          accessId === undefined ? undefined : eq(emergencyAccesses.id, accessId),
        ),
      )
      .returning({ id: emergencyAccesses.id, licence: emergencyAccesses.licenceNumber, hospitalCode: emergencyAccesses.hospitalCode });
    for (const [kind, rows] of [
      ['consent', endedConsents],
      ['emergency', endedEmergency],
    ] as const) {
      for (const r of rows) {
        await appendAudit(
          tx,
          {
            actorType: 'service',
            actorId: 'patient-app',
            action: 'access-withdrawn',
            outcome: 'success',
            hospitalCode: r.hospitalCode,
            patientCid: cid,
            purpose: kind === 'consent' ? 'TREAT' : 'ETREAT',
            accessRef: r.id,
            clientIp: request.clientIp,
            userAgent: request.userAgent,
            requestId: request.requestId,
            details: { kind, doctor: r.licence },
          },
          now,
        );
      }
    }
    return { consentsEnded: endedConsents.length, emergencyAccessesEnded: endedEmergency.length };
  });
}

/** Whether this doctor's access `accessId` ended because the patient withdrew it (for the refusal's wording). */
export async function wasWithdrawn(db: Db, doctor: { licence: string; hospitalCode: string }, accessId: string): Promise<boolean> {
  const [c] = await db
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.id, accessId),
        eq(consents.licenceNumber, doctor.licence),
        eq(consents.hospitalCode, doctor.hospitalCode),
        eq(consents.endReason, WITHDRAWN_BY_PATIENT),
      ),
    )
    .limit(1);
  if (c) return true;
  const [e] = await db
    .select({ id: emergencyAccesses.id })
    .from(emergencyAccesses)
    .where(
      and(
        eq(emergencyAccesses.id, accessId),
        eq(emergencyAccesses.licenceNumber, doctor.licence),
        eq(emergencyAccesses.hospitalCode, doctor.hospitalCode),
        eq(emergencyAccesses.endReason, WITHDRAWN_BY_PATIENT),
      ),
    )
    .limit(1);
  return e !== undefined;
}
