import 'server-only';
import { z } from 'zod';
import { appendAudit } from '../audit/append';
import { findGrantInForce } from './grants';
import type { Db } from '../db';
import type { RequestContext } from '../http/request-context';
import { eq } from 'drizzle-orm';
import { doctorGrants } from '../db/schema';
import { setSessionHospital } from './sessions';

export const hospitalChoiceSchema = z.object({ hospitalCode: z.string().regex(/^\d{5}$/) });

/** Sets the hospital a doctor is working at now; only one where a grant is in force. Audited. */
export async function chooseWorkingHospital(
  db: Db,
  session: { sessionId: string; licence: string; hospitalCode: string | null },
  hospitalCode: string,
  request: RequestContext,
): Promise<{ ok: true } | { ok: false }> {
  const grant = await findGrantInForce(db, session.licence, hospitalCode);
  if (!grant) {
    await appendAudit(db, {
      actorType: 'doctor',
      actorId: session.licence,
      hospitalCode,
      action: 'hospital-switch',
      outcome: 'denied',
      clientIp: request.clientIp,
      userAgent: request.userAgent,
      requestId: request.requestId,
      details: { reason: 'no-grant' },
    });
    return { ok: false };
  }
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await setSessionHospital(tx, session.sessionId, hospitalCode, grant.role);
    await tx.update(doctorGrants).set({ lastSignInAt: new Date() }).where(eq(doctorGrants.id, grant.id));
    await appendAudit(tx, {
      actorType: 'doctor',
      actorId: session.licence,
      actorRole: grant.role,
      hospitalCode,
      action: 'hospital-switch',
      outcome: 'success',
      clientIp: request.clientIp,
      userAgent: request.userAgent,
      requestId: request.requestId,
      details: { from: session.hospitalCode },
    });
  });
  return { ok: true };
}
