import type { auditLog } from '../db/schema';

type AuditLogRow = typeof auditLog.$inferSelect;
/** Columns of the audit CSV export, in order. */
export const AUDIT_CSV_COLUMNS = [
  'seq',
  'at',
  'actor_type',
  'actor_id',
  'actor_role',
  'hospital_code',
  'action',
  'outcome',
  'patient_cid',
  'purpose',
  'access_ref',
  'client_ip',
  'request_id',
  'details',
] as const;

export const UTF8_BOM = '\uFEFF';

/**
 * One CSV cell. Text a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) is
 * prefixed with a quote so it shows as text; cells with separators, quotes or line breaks are quoted.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The stored audit columns the CSV export carries. */
export type AuditCsvRow = Pick<
  AuditLogRow,
  | 'seq'
  | 'at'
  | 'actorType'
  | 'actorId'
  | 'actorRole'
  | 'hospitalCode'
  | 'action'
  | 'outcome'
  | 'patientCid'
  | 'purpose'
  | 'accessRef'
  | 'clientIp'
  | 'requestId'
  | 'details'
>;

/** One CRLF-terminated CSV line for a row (time in ISO UTC). */
export function auditCsvLine(row: AuditCsvRow): string {
  return (
    [
      row.seq,
      row.at.toISOString(),
      row.actorType,
      row.actorId,
      row.actorRole,
      row.hospitalCode,
      row.action,
      row.outcome,
      row.patientCid,
      row.purpose,
      row.accessRef,
      row.clientIp,
      row.requestId,
      JSON.stringify(row.details),
    ]
      .map(csvCell)
      .join(',') + '\r\n'
  );
}

/** The header line, preceded by the byte-order mark so Excel reads the file as UTF-8 (Thai text). */
export function auditCsvHeader(): string {
  return `${UTF8_BOM}${AUDIT_CSV_COLUMNS.join(',')}\r\n`;
}
