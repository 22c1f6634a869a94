/**
 * FHIR R4 date search (https://hl7.org/fhir/R4/search.html#date) on the types the viewer reads in date
 * windows: every value is a range (a partial date covers its whole year, month or day; a Period runs from
 * its start to its end, an absent end meaning ongoing), and the prefixes compare ranges, not points.
 * Repeated parameters are ANDed, comma-separated values ORed, `:missing=true|false` selects by presence.
 * Unsupported prefixes (`sa`, `eb`, `ap`) and modifiers answer 400, like a strict FHIR server.
 */
import type { Resource, Timing } from '@medplum/fhirtypes';
import { HttpError } from './http-util';
import type { ServedType } from './model';

/** Half-open [lo, hi) in ms since epoch; ±Infinity for an open end. */
interface Range {
  lo: number;
  hi: number;
}

type Dated = Resource & Record<string, unknown>;
type Extract = (r: Dated) => Range | undefined;

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * The range a FHIR date, dateTime or instant covers at its precision. A value without a zone is read as
 * UTC (the sandbox's local time); the windows the viewer sends compare the same day value both ways, so
 * the choice of zone cannot open a gap. Undefined when the text is not a date.
 */
export function dateRange(text: string): Range | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = mo === undefined ? undefined : Number(mo) - 1;
  const day = d === undefined ? undefined : Number(d);
  if (month !== undefined && (month < 0 || month > 11)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  if (h === undefined) {
    if (month === undefined) return { lo: Date.UTC(year, 0, 1), hi: Date.UTC(year + 1, 0, 1) };
    if (day === undefined) return { lo: Date.UTC(year, month, 1), hi: Date.UTC(year, month + 1, 1) };
    return { lo: Date.UTC(year, month, day), hi: Date.UTC(year, month, day + 1) };
  }
  let offsetMin = 0;
  if (zone !== undefined && zone !== 'Z')
    offsetMin = (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const base = Date.UTC(year, month, day, Number(h), Number(mi), s === undefined ? 0 : Number(s)) - offsetMin * 60_000;
  const ms = frac === undefined ? 0 : Math.floor(Number(frac) * 1000);
  const step = s === undefined ? 60_000 : frac === undefined ? 1000 : 1;
  return { lo: base + ms, hi: base + ms + step };
}

const ofText = (v: unknown): Range | undefined => (typeof v === 'string' ? dateRange(v) : undefined);

function ofPeriod(v: unknown): Range | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { start, end } = v as { start?: unknown; end?: unknown };
  const s = ofText(start);
  const e = ofText(end);
  if (s === undefined && e === undefined) return undefined; // nothing indexable: counts as missing
  return { lo: s?.lo ?? -Infinity, hi: e?.hi ?? Infinity };
}

function ofTiming(v: unknown): Range | undefined {
  const events = ((v as Timing | undefined)?.event ?? []).map(ofText).filter((r): r is Range => r !== undefined);
  if (events.length === 0) return undefined;
  return { lo: Math.min(...events.map((r) => r.lo)), hi: Math.max(...events.map((r) => r.hi)) };
}

/** `effective[x]` of Observation (dateTime, Period, Timing, instant) and DiagnosticReport (dateTime, Period). */
const effective: Extract = (r) =>
  ofText(r.effectiveDateTime) ?? ofText(r.effectiveInstant) ?? ofPeriod(r.effectivePeriod) ?? ofTiming(r.effectiveTiming);

/**
 * Remembers each resource's range per element (stored resources are replaced, never changed in place), so
 * the nine windows of a batch over a long record parse each date once: the sandbox's "index".
 */
function indexed(extract: Extract): Extract {
  const cache = new WeakMap<Dated, Range | null>();
  return (r) => {
    const hit = cache.get(r);
    if (hit !== undefined) return hit ?? undefined;
    const range = extract(r);
    cache.set(r, range ?? null);
    return range;
  };
}

/** The R4 date search parameters this sandbox indexes, by type, and the element each one reads. */
const DATE_PARAMS: Partial<Record<ServedType, Record<string, Extract>>> = {
  Observation: { date: indexed(effective) },
  DiagnosticReport: { date: indexed(effective) },
  Encounter: { date: indexed((r) => ofPeriod(r.period)) },
  MedicationRequest: { authoredon: indexed((r) => ofText(r.authoredOn)) },
  MedicationDispense: { whenhandedover: indexed((r) => ofText(r.whenHandedOver)), whenprepared: indexed((r) => ofText(r.whenPrepared)) },
};

const PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le'] as const;
type Prefix = (typeof PREFIXES)[number];

/** Does a resource's range `t` satisfy `prefix` against the search value's range `v` (R4 search, "date")? */
export function compareRange(prefix: Prefix, t: Range, v: Range): boolean {
  const contained = t.lo >= v.lo && t.hi <= v.hi;
  switch (prefix) {
    case 'eq':
      return contained;
    case 'ne':
      return !contained;
    case 'gt':
      return t.hi > v.hi; // the range above the value overlaps the target
    case 'lt':
      return t.lo < v.lo; // the range below the value overlaps the target
    case 'ge':
      return t.hi > v.hi || contained;
    case 'le':
      return t.lo < v.lo || contained;
  }
}

type Test = (r: Dated) => boolean;

function valueTest(extract: Extract, raw: string, name: string): Test {
  const alternatives = raw.split(',').map((one): Test => {
    const m = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(.*)$/.exec(one)!;
    const prefix = m[1] ?? 'eq';
    if (!(PREFIXES as readonly string[]).includes(prefix)) throw new HttpError(400, `unsupported prefix ${prefix} on ${name}`);
    const v = dateRange(m[2] ?? '');
    if (v === undefined) throw new HttpError(400, `${name} must be a FHIR date (YYYY, YYYY-MM, YYYY-MM-DD or a dateTime)`);
    return (r) => {
      const t = extract(r);
      return t !== undefined && compareRange(prefix as Prefix, t, v);
    };
  });
  return (r) => alternatives.some((t) => t(r));
}

/**
 * The date-search filter a request asks for on `type`, or undefined when it asks for none. Throws a 400
 * HttpError for an unsupported prefix or modifier, an unreadable value, or — when `refuse` is set (a
 * hospital switched to behave like a server without date search) — for any date parameter at all.
 */
export function dateFilter(type: ServedType, params: URLSearchParams, refuse = false): ((r: Resource) => boolean) | undefined {
  const known = DATE_PARAMS[type] ?? {};
  const tests: Test[] = [];
  for (const [key, raw] of params) {
    const [name = '', modifier] = key.split(':', 2);
    const extract = known[name];
    if (extract === undefined) continue; // not a date parameter of this type: ignored, as before
    if (refuse) throw new HttpError(400, `search parameter ${name} is not supported at this hospital`);
    if (modifier === undefined) tests.push(valueTest(extract, raw, name));
    else if (modifier === 'missing') {
      if (raw !== 'true' && raw !== 'false') throw new HttpError(400, `${name}:missing must be true or false`);
      const wantMissing = raw === 'true';
      tests.push((r) => (extract(r) === undefined) === wantMissing);
    } else throw new HttpError(400, `unsupported modifier :${modifier} on ${name}`);
  }
  if (tests.length === 0) return undefined;
  return (r) => tests.every((t) => t(r as Dated));
}
