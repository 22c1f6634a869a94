import 'server-only';
import type { Db } from '../db';
import { AppError } from '../errors';
import { appendAudit, type AuditEntry } from './append';

export const AUDIT_UNAVAILABLE = {
  th: 'ระบบบันทึกการเข้าถึงขัดข้อง จึงยังแสดงข้อมูลไม่ได้ กรุณาลองใหม่',
  en: 'The access log cannot be written right now, so the data cannot be shown. Please try again.',
};

/**
 * Fail-closed read: runs `read`, writes the audit row (which may describe the result, e.g. counts), and
 * only then hands the data back. If the audit row cannot be written the data is discarded and
 * AppError('audit-unavailable') (503) is thrown — nothing is shown that was not recorded. A failing read is
 * recorded as outcome 'failure' (best effort) and its error rethrown.
 */
export async function withAuditedRead<T>(db: Db, entry: AuditEntry | ((result: T) => AuditEntry), read: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await read();
  } catch (error) {
    if (typeof entry !== 'function') {
      await appendAudit(db, {
        ...entry,
        outcome: 'failure',
        details: { ...entry.details, error: error instanceof AppError ? error.code : 'internal' },
      }).catch(() => undefined);
    }
    throw error;
  }
  try {
    await appendAudit(db, typeof entry === 'function' ? entry(result) : entry);
  } catch {
    throw new AppError('audit-unavailable', AUDIT_UNAVAILABLE);
  }
  return result;
}
