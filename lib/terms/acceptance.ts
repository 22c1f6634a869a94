import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../audit/append';
import type { RequestContext } from '../http/request-context';
import type { Db } from '../db';
import { termsAcceptances } from '../db/schema';
import { failure, success, type Failure, type Success } from '../result';

/** Has this doctor accepted this version of the terms? */
export async function hasAcceptedTerms(db: Db, licence: string, version: string): Promise<boolean> {
  const rows = await db
    .select({ v: termsAcceptances.version })
    .from(termsAcceptances)
    .where(and(eq(termsAcceptances.licenceNumber, licence), eq(termsAcceptances.version, version)))
    .limit(1);
  return rows.length > 0;
}

/** The doctor accepting: signed in, perhaps before choosing a hospital (the terms come first). */
export interface TermsDoctor {
  licence: string;
  hospitalCode: string | null;
  request: RequestContext;
}

// The form names the version it showed: a doctor who read an older text (the version changed while the
// page was open) accepts nothing and is shown the new one.
export const acceptTermsSchema = z.object({ version: z.string().min(1).max(40), accept: z.literal('yes') });

export type AcceptTermsResult = Success | Failure<'invalid' | 'stale-version'>;

/**
 * Records that the doctor accepted the current version of the terms, with its audit row in the same
 * transaction (an acceptance that cannot be audited is not stored). Accepting again is harmless.
 */
export async function acceptTerms(
  doctor: TermsDoctor,
  input: unknown,
  deps: { db: Db; now: () => Date },
  currentVersion: string,
): Promise<AcceptTermsResult> {
  const parsed = acceptTermsSchema.safeParse(input);
  if (!parsed.success) return failure('invalid');
  if (parsed.data.version !== currentVersion) return failure('stale-version');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(termsAcceptances)
      .values({ licenceNumber: doctor.licence, version: currentVersion, acceptedAt: now, hospitalCode: doctor.hospitalCode })
      .onConflictDoNothing()
      .returning({ v: termsAcceptances.version });
    if (inserted.length === 0) return;
    await appendAudit(
      tx,
      {
        actorType: 'doctor',
        actorId: doctor.licence,
        hospitalCode: doctor.hospitalCode,
        action: 'terms-accept',
        outcome: 'success',
        clientIp: doctor.request.clientIp,
        userAgent: doctor.request.userAgent,
        requestId: doctor.request.requestId,
        details: { version: currentVersion },
      },
      now,
    );
  });
  return success({});
}
