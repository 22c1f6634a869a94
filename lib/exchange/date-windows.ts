/**
 * Date windows: one high-volume search sent as several searches over disjoint-by-construction date ranges,
 * inside the same batch, so a long history arrives in one round trip instead of a chain of `next` pages.
 *
 * Why these windows: `_count` (500) bounds each search's first page, and what overflows it costs one
 * more sequential round trip. A heavy chronic patient has ~10–30 lab results a visit, monthly at most, so
 * ~100–400 a year: yearly windows keep the recent years (where volume is highest, and which a doctor reads
 * first) under a page; further back the windows widen (2, 3, 5 years, then everything older) because old
 * records are fewer per year in practice and every extra window is one more search the hospital runs.
 * Nine searches per partitioned type (eight ranges plus `:missing`) keep the batch at ~60 entries.
 * A window that still overflows a page follows its own `next` links, so a window is never incomplete.
 */

/** Boundaries, in whole years before the request's day. Ascending; the last one opens the final window. */
export const WINDOW_BOUNDARY_YEARS: readonly number[] = [1, 2, 3, 5, 7, 10, 15];

/**
 * One window: a range (`ge` lower bound, `lt` upper bound, either open) or "the date is absent".
 * `ge` and `lt` of the same day value are complementary under FHIR's range semantics, so consecutive
 * windows cover every dated resource; one whose range spans a boundary can match both (kept once later).
 */
export type DateWindow = { kind: 'range'; ge?: string; lt?: string } | { kind: 'missing' };

function yearsBefore(now: number, years: number): string {
  const d = new Date(now);
  // Date.UTC normalises 29 February in a non-leap year to 1 March: still one boundary, still no gap.
  return new Date(Date.UTC(d.getUTCFullYear() - years, d.getUTCMonth(), d.getUTCDate())).toISOString().slice(0, 10);
}

/**
 * The windows covering all time for a request made at `now` (ms since epoch): from today on (the future
 * included), then each band back to the oldest boundary, everything before it, and the undated.
 * Boundaries are whole UTC days, so every window of one request uses the same values.
 */
export function dateWindows(now: number): DateWindow[] {
  const bounds = WINDOW_BOUNDARY_YEARS.map((y) => yearsBefore(now, y));
  const windows: DateWindow[] = [{ kind: 'range', ge: bounds[0]! }];
  for (let i = 1; i < bounds.length; i++) windows.push({ kind: 'range', ge: bounds[i]!, lt: bounds[i - 1]! });
  windows.push({ kind: 'range', lt: bounds[bounds.length - 1]! });
  windows.push({ kind: 'missing' });
  return windows;
}

/** The query-string fragment (leading `&`) that restricts a search on `param` to one window. */
export function windowQuery(param: string, w: DateWindow): string {
  if (w.kind === 'missing') return `&${param}:missing=true`;
  return `${w.ge === undefined ? '' : `&${param}=ge${w.ge}`}${w.lt === undefined ? '' : `&${param}=lt${w.lt}`}`;
}

/**
 * Whether two parsed JSON values are the same record: the same keys in any order, arrays in order, equal
 * primitives. Compared in place, without building a text of either: a resource that spans windows (an
 * encounter still open matches every window from its start on) is met several times in every read.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (!Object.hasOwn(x, k)) continue;
    keys++;
    if (!Object.hasOwn(y, k) || !sameJson(x[k], y[k])) return false;
  }
  for (const k in y) if (Object.hasOwn(y, k)) keys--;
  return keys === 0;
}

/** `resourceType/id`, the identity a record keeps across searches; undefined when either is missing. */
export function resourceKey(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { resourceType, id } = item as { resourceType?: unknown; id?: unknown };
  return typeof resourceType === 'string' && typeof id === 'string' ? `${resourceType}/${id}` : undefined;
}

/**
 * Joins the windows of one search, keeping a resource matched by two windows (a partial date or a Period
 * across a boundary) once. Two copies with the same `resourceType/id` but different content within one
 * answer mean the hospital changed it mid-read or answered inconsistently: we cannot tell which is
 * current, so the whole answer is refused as malformed rather than showing either (never show a record we
 * cannot vouch for as complete). Items without an id cannot be matched and are all kept, as elsewhere.
 */
export function mergeWindows(windows: readonly (readonly unknown[])[]): { ok: true; value: unknown[] } | { ok: false; reason: string } {
  // The first copy of each key.
  const seen = new Map<string, unknown>();
  const out: unknown[] = [];
  for (const list of windows) {
    for (const item of list) {
      const key = resourceKey(item);
      const first = key === undefined ? undefined : seen.get(key);
      if (key === undefined || first === undefined) {
        if (key !== undefined) seen.set(key, item);
        out.push(item);
        continue;
      }
      if (!sameJson(first, item)) return { ok: false, reason: 'the same record came back twice with different content' };
    }
  }
  return { ok: true, value: out };
}
