import 'server-only';
import { and, asc, desc, eq, gte, inArray, lt, gt, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { auditLog, emergencyAccesses } from '../db/schema';
import { auditCsvHeader, auditCsvLine } from './csv';
import { bangkokDayRange, type AuditFilter } from './filters';
import { formatTypeCounts, summariseDetails } from './summary';

export const AUDIT_PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const REVIEW_OVERDUE_MS = 72 * 3600_000;

export type ReviewOutcome = 'justified' | 'not-justified' | 'referred';

/** One audit row as the admin viewer shows it (codes and counts only; never clinical content). */
export interface AuditRowView {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  patientCid: string | null;
  purpose: 'TREAT' | 'ETREAT' | null;
  accessRef: string | null;
  clientIp: string | null;
  requestId: string | null;
  summary: string;
  emergency: { reviewOutcome: ReviewOutcome | null; overdue: boolean } | null;
}

/** Conditions for one hospital's rows matching a filter. The hospital condition is always there. */
function whereFor(hospitalCode: string, filter: AuditFilter): SQL[] {
  const { since, until } = bangkokDayRange(filter.from, filter.to);
  const where: SQL[] = [eq(auditLog.hospitalCode, hospitalCode)];
  if (filter.doctor) where.push(eq(auditLog.actorId, filter.doctor), eq(auditLog.actorType, 'doctor'));
  if (filter.patient) where.push(eq(auditLog.patientCid, filter.patient));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.outcome) where.push(eq(auditLog.outcome, filter.outcome));
  if (filter.purpose) where.push(eq(auditLog.purpose, filter.purpose));
  if (since) where.push(gte(auditLog.at, since));
  if (until) where.push(lt(auditLog.at, until));
  return where;
}

/** Short, content-free description of a row's details for the table. */
export function describeDetails(action: string, details: Record<string, unknown>): string {
  const s = summariseDetails(details);
  if (action === 'clinical-read' || action === 'summary-export' || s.records > 0) {
    const parts = [s.hospitals.join(', '), formatTypeCounts(s.resourceTypes)].filter(Boolean);
    if (parts.length > 0) return parts.join(' · ');
  }
  const json = JSON.stringify(details);
  if (json === '{}') return '';
  return json.length > 160 ? `${json.slice(0, 157)}…` : json;
}

/**
 * One page of the hospital's audit log, newest first, keyset-paged by seq (`before`). Rows under an
 * emergency access carry that access's review state.
 */
export async function listAuditRows(
  db: Db,
  hospitalCode: string,
  filter: AuditFilter,
  now = new Date(),
  pageSize = AUDIT_PAGE_SIZE,
): Promise<{ rows: AuditRowView[]; nextBefore: number | null }> {
  const where = whereFor(hospitalCode, filter);
  if (filter.before) where.push(lt(auditLog.seq, filter.before));
  const found = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.seq))
    .limit(pageSize + 1);
  const page = found.slice(0, pageSize);
  const refs = [...new Set(page.filter((r) => r.purpose === 'ETREAT' && r.accessRef && UUID.test(r.accessRef)).map((r) => r.accessRef!))];
  const reviews = new Map<string, { reviewOutcome: ReviewOutcome | null; startedAt: Date }>();
  if (refs.length > 0) {
    const accesses = await db
      .select({ id: emergencyAccesses.id, reviewOutcome: emergencyAccesses.reviewOutcome, startedAt: emergencyAccesses.startedAt })
      .from(emergencyAccesses)
      .where(and(inArray(emergencyAccesses.id, refs), eq(emergencyAccesses.hospitalCode, hospitalCode)));
    for (const a of accesses) reviews.set(a.id, { reviewOutcome: a.reviewOutcome, startedAt: a.startedAt });
  }
  const rows = page.map((r): AuditRowView => {
    const review = r.accessRef ? reviews.get(r.accessRef) : undefined;
    return {
      seq: r.seq,
      at: r.at.toISOString(),
      actorType: r.actorType,
      actorId: r.actorId,
      actorRole: r.actorRole,
      action: r.action,
      outcome: r.outcome,
      patientCid: r.patientCid,
      purpose: r.purpose,
      accessRef: r.accessRef,
      clientIp: r.clientIp,
      requestId: r.requestId,
      summary: describeDetails(r.action, r.details),
      emergency:
        r.purpose === 'ETREAT'
          ? {
              reviewOutcome: review?.reviewOutcome ?? null,
              overdue: review ? review.reviewOutcome === null && now.getTime() - review.startedAt.getTime() > REVIEW_OVERDUE_MS : false,
            }
          : null,
    };
  });
  return { rows, nextBefore: found.length > pageSize ? page[page.length - 1]!.seq : null };
}

/** The hospital's matching rows as CSV text chunks (BOM + header first), oldest first, read in batches. */
export async function* auditCsvChunks(db: Db, hospitalCode: string, filter: AuditFilter, batchSize = 2000): AsyncGenerator<string> {
  yield auditCsvHeader();
  let after = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(and(...whereFor(hospitalCode, filter), gt(auditLog.seq, after)))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (batch.length > 0) yield batch.map(auditCsvLine).join('');
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!.seq;
  }
}
