import { hasBearer } from '../http/bearer';
import { checkCitizenId, CID_SYSTEMS } from '../identity/citizen-id';

/** The separate service credential of the patient app and the exchange (Bearer SERVICE_TOKEN). */
export const hasServiceToken = hasBearer;

/** A FHIR OperationOutcome error body (no personal data in `diagnostics`). */
export function operationOutcome(code: 'login' | 'invalid' | 'not-found' | 'exception' | 'transient', diagnostics: string) {
  return { resourceType: 'OperationOutcome' as const, issue: [{ severity: 'error' as const, code, diagnostics }] };
}

export type DateBound = { since?: Date; until?: Date };

/**
 * Parses FHIR `date` search values (`ge2026-11-01`, `lt2026-12-01T00:00:00+07:00`, `2026-11-05`) into a
 * half-open period. Plain dates are Bangkok calendar days. Returns null for anything unparseable.
 */
export function parseFhirDateParams(values: string[]): DateBound | null {
  const bound: DateBound = {};
  for (const value of values) {
    const m = /^(eq|ge|gt|le|lt)?(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(value);
    if (!m) return null;
    const prefix = m[1] ?? 'eq';
    const dateOnly = !m[3];
    const start = new Date(dateOnly ? `${m[2]}T00:00:00+07:00` : `${m[2]}${m[3]}`);
    if (Number.isNaN(start.getTime())) return null;
    const end = dateOnly ? new Date(start.getTime() + 86_400_000) : new Date(start.getTime() + 1);
    const later = (a: Date | undefined, b: Date) => (a && a > b ? a : b);
    const earlier = (a: Date | undefined, b: Date) => (a && a < b ? a : b);
    if (prefix === 'eq') {
      bound.since = later(bound.since, start);
      bound.until = earlier(bound.until, end);
    } else if (prefix === 'ge') bound.since = later(bound.since, start);
    else if (prefix === 'gt') bound.since = later(bound.since, end);
    else if (prefix === 'le') bound.until = earlier(bound.until, end);
    else bound.until = earlier(bound.until, start);
  }
  return bound;
}

/** `patient` as a bare citizen ID or `system|value` with a Thai citizen-ID system; null if not valid. */
export function parsePatientParam(value: string | null): string | null {
  if (!value) return null;
  const bar = value.indexOf('|');
  const [system, raw] = bar >= 0 ? [value.slice(0, bar), value.slice(bar + 1)] : [null, value];
  if (system !== null && !(CID_SYSTEMS as readonly string[]).includes(system)) return null;
  const check = checkCitizenId(raw);
  return check.ok ? check.cid : null;
}
