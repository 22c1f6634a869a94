import 'server-only';
import { accessAuditFields, type PatientAccess } from '../access/patient-access';
import { appendAudit } from '../audit/append';
import type { DoctorContext } from '../auth/guard';
import type { Db } from '../db';
import { sealedOpenings } from '../db/schema';

/**
 * Records that the physician opened a sealed record with a reason, for this access only (a new consent
 * starts sealed again). The reason is kept for reviewers; the audit row notes its length, not its text.
 */
export async function openSealedRecord(
  doctor: DoctorContext,
  access: PatientAccess,
  factId: string,
  reason: string,
  deps: { db: Db },
): Promise<void> {
  await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx
      .insert(sealedOpenings)
      .values({ id: crypto.randomUUID(), accessKind: access.kind, accessId: access.id, factId, reason })
      .onConflictDoNothing();
    await appendAudit(tx, {
      ...accessAuditFields(doctor, access),
      action: 'sealed-open',
      outcome: 'success',
      details: { record: factId, reasonLength: reason.length },
    });
  });
}
