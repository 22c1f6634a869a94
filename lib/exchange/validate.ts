/**
 * Validation of what the exchange sends back. The schemas are lenient on fields we do not read and strict
 * on the ones we rely on (resource types, patient identifiers, paging links). The patient check is the
 * safety core: a hospital answering with another person's record must never reach the screen, so any
 * resource that cannot be proven to belong to the requested citizen is dropped (fail closed).
 */
import { z } from 'zod';
import type {
  AllergyIntolerance,
  Composition,
  Condition,
  DiagnosticReport,
  DocumentReference,
  Encounter,
  Flag,
  Immunization,
  Medication,
  MedicationDispense,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Procedure,
} from '@medplum/fhirtypes';
import { CID_SYSTEMS } from '../identity/citizen-id';

export const ALLOWED_RESOURCE_TYPES = [
  'AllergyIntolerance',
  'MedicationStatement',
  'MedicationRequest',
  'MedicationDispense',
  'Condition',
  'Observation',
  'DiagnosticReport',
  'Immunization',
  'Procedure',
  'Encounter',
  'DocumentReference',
  'Composition',
  'Flag',
] as const;

export type AllowedResourceType = (typeof ALLOWED_RESOURCE_TYPES)[number];

/** The clinical resources the viewer accepts from a hospital. */
export type ExchangeResource =
  | AllergyIntolerance
  | MedicationStatement
  | MedicationRequest
  | MedicationDispense
  | Condition
  | Observation
  | DiagnosticReport
  | Immunization
  | Procedure
  | Encounter
  | DocumentReference
  | Composition
  | Flag;

export function isAllowedResourceType(type: string): type is AllowedResourceType {
  return (ALLOWED_RESOURCE_TYPES as readonly string[]).includes(type);
}

/** Which reference carries the patient: `patient` for these two types, `subject` for the rest. */
export function patientFieldOf(type: AllowedResourceType): 'patient' | 'subject' {
  return type === 'AllergyIntolerance' || type === 'Immunization' ? 'patient' : 'subject';
}

// ---------------------------------------------------------------------------------------------------
// Schemas

export const identifierSchema = z.looseObject({ system: z.string().optional(), value: z.string().optional() });

export const codingSchema = z.looseObject({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
export const codeableConceptSchema = z.looseObject({ coding: z.array(codingSchema).optional(), text: z.string().optional() });

export const referenceSchema = z.looseObject({
  reference: z.string().optional(),
  identifier: identifierSchema.optional(),
  display: z.string().optional(),
});

/** Any resource: only `resourceType` is required here; type-specific checks come after. */
export const anyResourceSchema = z.looseObject({ resourceType: z.string().min(1), id: z.string().optional() });

export const operationOutcomeSchema = z.looseObject({
  resourceType: z.literal('OperationOutcome'),
  issue: z
    .array(
      z.looseObject({
        severity: z.string().optional(),
        code: z.string().optional(),
        diagnostics: z.string().optional(),
        details: codeableConceptSchema.optional(),
      }),
    )
    .optional(),
});
export type OperationOutcomeBody = z.infer<typeof operationOutcomeSchema>;

export const bundleLinkSchema = z.looseObject({ relation: z.string(), url: z.string() });

export const bundleEntrySchema = z.looseObject({
  fullUrl: z.string().optional(),
  resource: anyResourceSchema.optional(),
  search: z.looseObject({ mode: z.string().optional() }).optional(),
});

export const searchsetSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('searchset'),
  total: z.number().int().nonnegative().optional(),
  link: z.array(bundleLinkSchema).optional(),
  entry: z.array(bundleEntrySchema).optional(),
});
export type Searchset = z.infer<typeof searchsetSchema>;

export const batchResponseSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('batch-response'),
  entry: z.array(
    z.looseObject({
      resource: anyResourceSchema.optional(),
      response: z.looseObject({ status: z.string().min(1) }),
    }),
  ),
});
export type BatchResponse = z.infer<typeof batchResponseSchema>;

export const organizationSchema = z.looseObject({
  resourceType: z.literal('Organization'),
  id: z.string().optional(),
  active: z.boolean().optional(),
  identifier: z.array(identifierSchema).optional(),
  name: z.string().optional(),
  alias: z.array(z.string()).optional(),
  type: z.array(codeableConceptSchema).optional(),
});
export type OrganizationBody = z.infer<typeof organizationSchema>;

export const humanNameSchema = z.looseObject({
  use: z.string().optional(),
  text: z.string().optional(),
  family: z.string().optional(),
  given: z.array(z.string()).optional(),
  prefix: z.array(z.string()).optional(),
  extension: z.array(z.looseObject({ url: z.string().optional() })).optional(),
});
export type HumanNameBody = z.infer<typeof humanNameSchema>;

export const patientSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  id: z.string().optional(),
  identifier: z.array(identifierSchema).optional(),
  name: z.array(humanNameSchema).optional(),
  gender: z.string().optional(),
  birthDate: z.string().optional(),
  telecom: z
    .array(
      z.looseObject({
        system: z.string().optional(),
        value: z.string().optional(),
        use: z.string().optional(),
        rank: z.number().optional(),
        // When the number began to be used: a number changed days ago may be in someone else's hands.
        period: z.looseObject({ start: z.string().optional() }).optional(),
      }),
    )
    .optional(),
  communication: z.array(z.looseObject({ language: codeableConceptSchema, preferred: z.boolean().optional() })).optional(),
});
export type PatientBody = z.infer<typeof patientSchema>;

export const consentSchema = z.looseObject({
  resourceType: z.literal('Consent'),
  id: z.string().optional(),
  status: z.string(),
  patient: referenceSchema.optional(),
  category: z.array(codeableConceptSchema).optional(),
  provision: z
    .looseObject({
      type: z.string().optional(),
      actor: z.array(z.looseObject({ reference: referenceSchema, role: codeableConceptSchema.optional() })).optional(),
    })
    .optional(),
});
export type ConsentBody = z.infer<typeof consentSchema>;

// ---------------------------------------------------------------------------------------------------
// Patient partition

export interface PatientPartition {
  kept: ExchangeResource[];
  /** Carried another citizen's ID: evidence of a mix-up at the source, reported for audit and metrics. */
  droppedWrongPatient: number;
  /** Carried no citizen-ID identifier we could compare. */
  droppedUnverifiable: number;
  /** Resource types the viewer does not accept. */
  droppedDisallowed: number;
}

type PatientCheck = 'match' | 'other-patient' | 'unverifiable';

function checkReference(ref: unknown, cid: string): PatientCheck {
  const parsed = referenceSchema.safeParse(ref);
  if (!parsed.success) return 'unverifiable';
  const identifier = parsed.data.identifier;
  if (identifier?.system === undefined || identifier.value === undefined) return 'unverifiable';
  if (!(CID_SYSTEMS as readonly string[]).includes(identifier.system)) return 'unverifiable';
  return identifier.value === cid ? 'match' : 'other-patient';
}

/** Decides whether one resource belongs to the citizen `cid`, using the identifier on its patient reference. */
export function checkResourcePatient(
  resource: { resourceType: string } & Record<string, unknown>,
  cid: string,
): PatientCheck | 'disallowed' {
  if (!isAllowedResourceType(resource.resourceType)) return 'disallowed';
  const primary = checkReference(resource[patientFieldOf(resource.resourceType)], cid);
  if (primary !== 'match') return primary;
  // A resource that names our patient in one field and someone else in the other is not trustworthy.
  const otherField = patientFieldOf(resource.resourceType) === 'subject' ? 'patient' : 'subject';
  if (resource[otherField] !== undefined && checkReference(resource[otherField], cid) === 'other-patient') return 'other-patient';
  return 'match';
}

/**
 * Keeps only resources whose patient reference carries `cid` under a citizen-ID system (either th-cid or
 * DOPA). Everything else is dropped and counted: another patient's data, resources without a verifiable
 * identifier, and resource types outside ALLOWED_RESOURCE_TYPES.
 */
export function partitionByPatient(resources: readonly unknown[], cid: string): PatientPartition {
  const out: PatientPartition = { kept: [], droppedWrongPatient: 0, droppedUnverifiable: 0, droppedDisallowed: 0 };
  for (const raw of resources) {
    const parsed = anyResourceSchema.safeParse(raw);
    if (!parsed.success) {
      out.droppedUnverifiable++;
      continue;
    }
    const verdict = checkResourcePatient(parsed.data, cid);
    switch (verdict) {
      case 'match':
        // Validated above: an allowed resourceType whose patient identifier is ours; the rest of the
        // structure is rendered defensively downstream.
        out.kept.push(raw as ExchangeResource);
        break;
      case 'other-patient':
        out.droppedWrongPatient++;
        break;
      case 'unverifiable':
        out.droppedUnverifiable++;
        break;
      case 'disallowed':
        out.droppedDisallowed++;
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Referenced medicines

const MEDICATION_REF = /(?:^|\/)Medication\/([A-Za-z0-9\-.]{1,64})$/;

/**
 * Puts each included Medication inside the medicine records that reference it (`Medication/<id>`, relative
 * or absolute), as a contained resource, so every reader of the records finds the drug's code and name the
 * same way. Only records already proven to be this patient's are touched; a Medication carries no patient.
 */
export function attachReferencedMedications(kept: readonly ExchangeResource[], included: readonly unknown[]): ExchangeResource[] {
  if (included.length === 0) return [...kept];
  const byId = new Map<string, Record<string, unknown> & { id: string }>();
  for (const raw of included) {
    const med = anyResourceSchema.safeParse(raw);
    if (med.success && med.data.resourceType === 'Medication' && med.data.id !== undefined)
      byId.set(med.data.id, { ...med.data, id: med.data.id });
  }
  return kept.map((r) => {
    if (r.resourceType !== 'MedicationStatement' && r.resourceType !== 'MedicationRequest' && r.resourceType !== 'MedicationDispense')
      return r;
    const ref = r.medicationReference?.reference;
    const id = ref === undefined ? undefined : MEDICATION_REF.exec(ref)?.[1];
    const med = id === undefined ? undefined : byId.get(id);
    if (med === undefined || (r.contained ?? []).some((c) => c.id === med.id)) return r;
    return {
      ...r,
      contained: [...(r.contained ?? []), med as unknown as Medication],
      medicationReference: { ...r.medicationReference, reference: `#${med.id}` },
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Searchset parsing

export type SearchsetParse =
  { ok: true; resources: unknown[]; included: unknown[]; nextUrl?: string; total?: number } | { ok: false; reason: string };

/**
 * Validates one page of search results for `expectedType`. A page that is not a searchset, or that holds
 * a match of another resource type, is malformed as a whole (the hospital's answer cannot be trusted).
 * `OperationOutcome` entries with search mode `outcome` are informational and skipped. Entries with search
 * mode `include` are not matches: Medications among them are returned as `included` (a medicine record
 * naming `Medication/<id>` needs them for its name), any other included type is ignored, never shown.
 */
export function parseSearchset(body: unknown, expectedType: string): SearchsetParse {
  const parsed = searchsetSchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: 'not a FHIR searchset Bundle' };
  const resources: unknown[] = [];
  const included: unknown[] = [];
  for (const entry of parsed.data.entry ?? []) {
    if (entry.resource === undefined) return { ok: false, reason: 'searchset entry without a resource' };
    const type = entry.resource.resourceType;
    if (type === 'OperationOutcome' && entry.search?.mode === 'outcome') continue;
    if (entry.search?.mode === 'include') {
      if (type === 'Medication') included.push(entry.resource);
      continue;
    }
    if (type !== expectedType) return { ok: false, reason: `searchset for ${expectedType} contained ${type.slice(0, 40)}` };
    resources.push(entry.resource);
  }
  const next = parsed.data.link?.find((l) => l.relation === 'next')?.url;
  return {
    ok: true,
    resources,
    included,
    ...(next === undefined ? {} : { nextUrl: next }),
    ...(parsed.data.total === undefined ? {} : { total: parsed.data.total }),
  };
}

/** The numeric part of a FHIR batch-response status such as `200 OK`; NaN when unreadable. */
export function parseEntryStatus(status: string): number {
  const m = /^\s*(\d{3})\b/.exec(status);
  return m ? Number(m[1]) : Number.NaN;
}

/**
 * A paging link is followed with our bearer token, so it must point back to the same exchange origin and
 * the same hospital's FHIR base; anything else is treated as malformed rather than fetched.
 */
export function isSafeNextLink(next: string, baseUrl: string, hospitalPathPrefix: string): boolean {
  let n: URL;
  let b: URL;
  try {
    n = new URL(next);
    b = new URL(baseUrl);
  } catch {
    return false;
  }
  if (n.origin !== b.origin || n.username !== '' || n.password !== '') return false;
  const basePath = b.pathname.replace(/\/+$/, '');
  return n.pathname.startsWith(`${basePath}${hospitalPathPrefix}`);
}

/** The first issue code of an OperationOutcome (never its diagnostics text, which may echo patient data). */
export function outcomeCode(body: unknown): string | undefined {
  const parsed = operationOutcomeSchema.safeParse(body);
  if (!parsed.success) return undefined;
  return parsed.data.issue?.[0]?.code;
}
