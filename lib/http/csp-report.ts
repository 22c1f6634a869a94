/**
 * Content-Security-Policy violation reports, read without keeping anything personal: a report's document
 * and blocked URLs can carry access ids or a search, so only the violated directive (from a fixed list) and
 * the blocked resource's scheme and origin are kept — as a metric label and one warning line. Pure.
 */
import { z } from 'zod';

/** Directives a report may name; anything else is counted as 'other' so labels stay few. */
const DIRECTIVES = [
  'default-src',
  'script-src',
  'script-src-elem',
  'script-src-attr',
  'style-src',
  'style-src-elem',
  'style-src-attr',
  'img-src',
  'font-src',
  'connect-src',
  'frame-src',
  'frame-ancestors',
  'form-action',
  'base-uri',
  'object-src',
  'worker-src',
  'manifest-src',
  'media-src',
] as const;

export type CspDirective = (typeof DIRECTIVES)[number] | 'other';

/** The largest report body read; browsers send a few hundred bytes. */
export const MAX_REPORT_BYTES = 16 * 1024;

// The legacy `report-uri` form ({"csp-report": {...}}) and the Reporting API form ([{type, body}]).
const legacySchema = z.object({
  'csp-report': z.object({
    'violated-directive': z.string().optional(),
    'effective-directive': z.string().optional(),
    'blocked-uri': z.string().optional(),
  }),
});
const reportingSchema = z
  .array(z.object({ type: z.string(), body: z.object({ effectiveDirective: z.string().optional(), blockedURL: z.string().optional() }) }))
  .max(20);

export interface CspViolation {
  directive: CspDirective;
  /** `inline`, `eval`, or the scheme and origin of what was blocked — never a path or query. */
  blocked: string;
}

function directiveOf(text: string | undefined): CspDirective {
  const name = (text ?? '').trim().split(/\s+/)[0] ?? '';
  return (DIRECTIVES as readonly string[]).includes(name) ? (name as CspDirective) : 'other';
}

function blockedOf(text: string | undefined): string {
  if (!text) return 'unknown';
  if (text === 'inline' || text === 'eval' || text === 'self' || text === 'data' || text === 'blob') return text;
  try {
    return new URL(text).origin;
  } catch {
    return 'unknown';
  }
}

/** The violations in a report body, or null when it is not a CSP report. */
export function parseCspReport(body: unknown): CspViolation[] | null {
  const legacy = legacySchema.safeParse(body);
  if (legacy.success) {
    const r = legacy.data['csp-report'];
    return [{ directive: directiveOf(r['effective-directive'] ?? r['violated-directive']), blocked: blockedOf(r['blocked-uri']) }];
  }
  const reporting = reportingSchema.safeParse(body);
  if (reporting.success) {
    return reporting.data
      .filter((r) => r.type === 'csp-violation')
      .map((r) => ({ directive: directiveOf(r.body.effectiveDirective), blocked: blockedOf(r.body.blockedURL) }));
  }
  return null;
}

/**
 * A fixed window limit: at most `limit` reports in each `windowMs`. A page with a broken policy (or
 * someone posting reports in a loop) cannot flood the log; the excess is only counted.
 */
export function createReportLimiter(limit: number, windowMs: number, now: () => number = Date.now) {
  let windowStart = now();
  let used = 0;
  return (): boolean => {
    const t = now();
    if (t - windowStart >= windowMs) {
      windowStart = t;
      used = 0;
    }
    if (used >= limit) return false;
    used++;
    return true;
  };
}
