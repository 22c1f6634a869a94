import 'server-only';
import type { Db } from '../db';
import { AppError } from '../errors';
import { adminActor, type AdminActor } from './actor';
import { appendAudit } from './append';
import type { AuditFilter } from './filters';
import { auditCsvChunks } from './queries';
import { AUDIT_UNAVAILABLE } from './read';

/**
 * The admin's own hospital's audit rows as a CSV stream. The export is itself audited before a single row
 * is read; if that row cannot be written, nothing is exported (fail closed).
 */
export async function exportAuditCsv(db: Db, admin: AdminActor, filter: Omit<AuditFilter, 'before'>): Promise<ReadableStream<Uint8Array>> {
  try {
    await appendAudit(db, {
      ...adminActor(admin),
      action: 'audit-export',
      outcome: 'success',
      patientCid: filter.patient ?? null,
      details: { format: 'csv', filters: Object.keys(filter).filter((k) => k !== 'patient') },
    });
  } catch {
    throw new AppError('audit-unavailable', AUDIT_UNAVAILABLE);
  }
  const chunks = auditCsvChunks(db, admin.hospitalCode, filter);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
