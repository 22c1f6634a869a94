import { z } from 'zod';
import { checkCitizenId } from '../identity/citizen-id';
import { AUDIT_ACTIONS } from './actions';

// Empty form fields arrive as '' — treat them as "not set"; repeated params (arrays) are refused.
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'date');

export const licenceFilterSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/^ว\.?\s*/, ''))
  .pipe(z.string().regex(/^\d{4,6}$/, 'licence'));

export const citizenIdSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const check = checkCitizenId(v);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: `cid-${check.reason}` });
      return z.NEVER;
    }
    return check.cid;
  });

/** The admin audit viewer's filters (also used by its CSV export). Dates are Bangkok calendar days, inclusive. */
export const auditFilterSchema = z
  .object({
    doctor: z.preprocess(blank, licenceFilterSchema.optional()),
    patient: z.preprocess(blank, citizenIdSchema.optional()),
    action: z.preprocess(blank, z.enum(AUDIT_ACTIONS).optional()),
    outcome: z.preprocess(blank, z.enum(['success', 'failure', 'denied']).optional()),
    purpose: z.preprocess(blank, z.enum(['TREAT', 'ETREAT']).optional()),
    from: z.preprocess(blank, isoDate.optional()),
    to: z.preprocess(blank, isoDate.optional()),
    before: z.preprocess(blank, z.coerce.number().int().positive().optional()),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'range' });

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export type AuditFilterResult = { ok: true; filter: AuditFilter } | { ok: false; fieldErrors: Partial<Record<keyof AuditFilter, string>> };

/** Validates search params (Next.js `searchParams` or URLSearchParams) into a filter, naming bad fields. */
export function parseAuditFilter(params: Record<string, string | string[] | undefined> | URLSearchParams): AuditFilterResult {
  const raw: Record<string, unknown> = {};
  if (params instanceof URLSearchParams) {
    for (const key of new Set(params.keys())) {
      const all = params.getAll(key);
      raw[key] = all.length === 1 ? all[0] : all;
    }
  } else Object.assign(raw, params);
  const result = auditFilterSchema.safeParse(raw);
  if (result.success) return { ok: true, filter: result.data };
  const fieldErrors: Partial<Record<keyof AuditFilter, string>> = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0] as keyof AuditFilter | undefined;
    if (key && !fieldErrors[key]) fieldErrors[key] = issue.message;
  }
  return { ok: false, fieldErrors };
}

/** Start (inclusive) and end (exclusive) instants of Bangkok calendar days. */
export function bangkokDayRange(from?: string, to?: string): { since?: Date; until?: Date } {
  const since = from ? new Date(`${from}T00:00:00+07:00`) : undefined;
  const until = to ? new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000) : undefined;
  return { since, until };
}

/** The filter as query-string pairs (for paging links and the export link), without the cursor. */
export function filterToQuery(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && k !== 'before') q.set(k, String(v));
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

/** Which user-facing message explains a filter error. */
export function filterErrorKind(message: string): 'licence' | 'cid' | 'date' | 'range' | 'invalid' {
  if (message === 'licence') return 'licence';
  if (message.startsWith('cid-')) return 'cid';
  if (message === 'date') return 'date';
  if (message === 'range') return 'range';
  return 'invalid';
}
