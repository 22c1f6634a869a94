/**
 * What a physician must see from a source Bundle, worked out from the source JSON alone (never from our
 * own mapping code), so a conformance test compares the viewer against the data and not against itself.
 */
import type { Json } from './corpus';

/** The clinical types the viewer shows; Observations only in the categories it reads (results and vitals). */
export const EXPECTED_TYPES = [
  'AllergyIntolerance',
  'MedicationStatement',
  'MedicationRequest',
  'Condition',
  'Immunization',
  'Observation',
  'Procedure',
] as const;
export const RESULT_CATEGORIES = ['laboratory', 'vital-signs'] as const;

export interface SourceCode {
  system: string;
  code: string;
}

export interface ExpectedItem {
  resourceType: string;
  resourceId: string;
  /** `#i` for the i-th component of a panel that carries its values only in components (blood pressure). */
  part: string;
  codes: SourceCode[];
  /** The source's own words: CodeableConcept.text and every coding display. */
  words: string[];
  /** The status code as the source wrote it (clinicalStatus for allergies and conditions), if any. */
  status?: string;
  /** Every date the source gave for when it happened or was recorded, as written. */
  dates: string[];
}

export interface SourceWalk {
  expected: ExpectedItem[];
  /** Entered-in-error records: they must NOT be shown. */
  hidden: { resourceType: string; resourceId: string }[];
  /** Observations in categories the viewer does not read (social history, imaging, …), by category. */
  notRead: string[];
}

function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function arr(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isJson) : [];
}

function conceptOf(cc: unknown): { codes: SourceCode[]; words: string[] } {
  if (!isJson(cc)) return { codes: [], words: [] };
  const codes: SourceCode[] = [];
  const words: string[] = [];
  const text = str(cc.text);
  if (text !== undefined) words.push(text);
  for (const c of arr(cc.coding)) {
    const system = str(c.system);
    const code = str(c.code);
    if (system !== undefined && code !== undefined) codes.push({ system, code });
    const display = str(c.display);
    if (display !== undefined) words.push(display);
  }
  return { codes, words };
}

function firstCode(cc: unknown): string | undefined {
  return isJson(cc) ? str(arr(cc.coding)[0]?.code) : undefined;
}

function at(r: Json, dotted: string): string | undefined {
  let node: unknown = r;
  for (const k of dotted.split('.')) node = isJson(node) ? node[k] : undefined;
  return str(node);
}

/** Where each type says when it happened or was recorded (FHIR R4 element names). */
const DATE_FIELDS: Record<string, string[]> = {
  AllergyIntolerance: ['recordedDate', 'onsetDateTime', 'onsetPeriod.start', 'lastOccurrence'],
  Condition: ['onsetDateTime', 'onsetPeriod.start', 'recordedDate'],
  MedicationStatement: ['effectiveDateTime', 'effectivePeriod.start', 'dateAsserted'],
  MedicationRequest: ['authoredOn'],
  Immunization: ['occurrenceDateTime', 'recorded'],
  Procedure: ['performedDateTime', 'performedPeriod.start'],
  Observation: ['effectiveDateTime', 'effectivePeriod.start', 'effectiveInstant', 'issued'],
};

/** The Medication a medicationReference points at: contained (`#id`), or another entry of the Bundle. */
function medicationCode(r: Json, entries: { fullUrl?: string; resource: Json }[]): unknown {
  if (r.medicationCodeableConcept !== undefined) return r.medicationCodeableConcept;
  const ref = isJson(r.medicationReference) ? str(r.medicationReference.reference) : undefined;
  if (ref === undefined) return undefined;
  const hit = ref.startsWith('#')
    ? arr(r.contained).find((c) => c.resourceType === 'Medication' && c.id === ref.slice(1))
    : entries.find(
        (e) =>
          e.resource.resourceType === 'Medication' &&
          (e.fullUrl === ref || `Medication/${String(e.resource.id)}` === ref || e.fullUrl?.endsWith(`/${ref}`) === true),
      )?.resource;
  return hit?.code;
}

function hasValue(r: Json): boolean {
  return Object.keys(r).some((k) => k.startsWith('value'));
}

/** Walks one Bundle's entries and lists what must be shown, what must be hidden and what is not read. */
export function expectedItems(entries: { fullUrl?: string; resource: Json }[]): SourceWalk {
  const out: SourceWalk = { expected: [], hidden: [], notRead: [] };
  for (const { resource: r } of entries) {
    const type = str(r.resourceType) ?? '';
    if (!(EXPECTED_TYPES as readonly string[]).includes(type)) continue;
    const id = str(r.id) ?? '';
    if (r.status === 'entered-in-error' || firstCode(r.verificationStatus) === 'entered-in-error') {
      out.hidden.push({ resourceType: type, resourceId: id });
      continue;
    }
    if (type === 'Observation') {
      const categories = arr(r.category).flatMap((c) => arr(c.coding).map((x) => str(x.code) ?? ''));
      if (!categories.some((c) => (RESULT_CATEGORIES as readonly string[]).includes(c))) {
        out.notRead.push(categories.join('+') || 'no category');
        continue;
      }
    }
    const dates = (DATE_FIELDS[type] ?? []).map((f) => at(r, f)).filter((d): d is string => d !== undefined);
    const statusCode = type === 'AllergyIntolerance' || type === 'Condition' ? firstCode(r.clinicalStatus) : str(r.status);
    const item = (part: string, concept: unknown): ExpectedItem => ({
      resourceType: type,
      resourceId: id,
      part,
      ...conceptOf(concept),
      ...(statusCode === undefined ? {} : { status: statusCode }),
      dates,
    });
    const components = arr(r.component);
    if (type === 'Observation' && !hasValue(r) && components.length > 0) {
      // A panel without a value of its own is shown as its components, each under its own code.
      components.forEach((c, i) => out.expected.push(item(`#${i}`, c.code)));
    } else if (type === 'MedicationStatement' || type === 'MedicationRequest') {
      out.expected.push(item('', medicationCode(r, entries)));
    } else {
      out.expected.push(item('', type === 'Immunization' ? r.vaccineCode : r.code));
    }
  }
  return out;
}

/** SNOMED CT 76902006 |Tetanus (disorder)|, the target disease a tetanus-containing dose names. */
const TETANUS_DISEASE = '76902006';

/**
 * The ids of the doses given that the source itself says protect against tetanus: a completed
 * Immunization whose protocolApplied names tetanus as a target disease, or whose vaccine is named in words
 * with tetanus (or C. tetani) in them. Read from the source alone, never from our vaccine tables.
 */
export function sourceTetanusDoses(entries: { resource: Json }[]): string[] {
  const out: string[] = [];
  for (const { resource: r } of entries) {
    if (r.resourceType !== 'Immunization' || r.status !== 'completed') continue;
    const targets = arr(r.protocolApplied).flatMap((p) => arr(p.targetDisease).flatMap((d) => conceptOf(d).codes));
    const named = conceptOf(r.vaccineCode).words.some((w) => /tetan/i.test(w));
    if (named || targets.some((c) => c.code === TETANUS_DISEASE)) out.push(str(r.id) ?? '');
  }
  return out;
}
