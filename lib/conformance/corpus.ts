/**
 * The third-party FHIR R4 conformance corpus (HL7 IPS and HL7 AU examples, CC0) as import-ready Bundles.
 * The corpus lives outside the repository, beside it: `../shared/conformance` from the repository root.
 * Test support only: nothing here is imported by the app.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export type Json = Record<string, unknown>;

export interface CorpusExample {
  /** Short name for the summary line, e.g. `ips/Bundle-bundle-minimal`. */
  name: string;
  /** The Bundle as it will be imported: the published file itself, or au-core's files for one patient. */
  bundle: Json & { entry: { fullUrl?: string; resource: Json }[] };
}

export const CORPUS_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'conformance');

function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readJson(file: string): Json {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isJson(parsed)) throw new Error(`${file}: not a JSON object`);
  return parsed;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => path.join(dir, n));
}

function asBundle(file: string): CorpusExample['bundle'] {
  const json = readJson(file);
  const entry = Array.isArray(json.entry) ? json.entry.filter(isJson) : [];
  return { ...json, entry: entry.filter((e): e is { fullUrl?: string; resource: Json } => isJson(e.resource)) };
}

/** The `Patient/<id>` a single resource is about (subject or patient), if any. */
function patientOf(resource: Json): string | undefined {
  for (const field of ['subject', 'patient']) {
    const ref = resource[field];
    if (isJson(ref) && typeof ref.reference === 'string' && ref.reference.startsWith('Patient/')) return ref.reference;
  }
  return undefined;
}

/** Every `reference` string in a resource tree. */
function referencesIn(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const n of node) referencesIn(n, out);
  else if (isJson(node)) {
    if (typeof node.reference === 'string') out.add(node.reference);
    for (const v of Object.values(node)) referencesIn(v, out);
  }
  return out;
}

/**
 * au-core holds one resource per file for three patients. Each patient becomes one `collection` Bundle
 * (the shape a hospital export has): the Patient, every resource about them, and the shared resources
 * (Medication) that those reference. Binary and other unreferenced resources without a patient are left out.
 */
export function groupAuCore(dir: string): CorpusExample[] {
  const all = jsonFiles(dir).map(readJson);
  const byRef = new Map(all.map((r) => [`${String(r.resourceType)}/${String(r.id)}`, r]));
  const patients = all.filter((r) => r.resourceType === 'Patient');
  return patients.map((p) => {
    const ref = `Patient/${String(p.id)}`;
    const own = all.filter((r) => patientOf(r) === ref);
    const shared = new Map<string, Json>();
    for (const r of own) {
      for (const target of referencesIn(r, new Set())) {
        const hit = byRef.get(target);
        if (hit !== undefined && hit.resourceType === 'Medication') shared.set(target, hit);
      }
    }
    const resources = [p, ...own, ...shared.values()];
    return {
      name: `au-core/${String(p.id)}`,
      bundle: {
        resourceType: 'Bundle',
        type: 'collection',
        entry: resources.map((r) => ({ fullUrl: `https://example.org/fhir/${String(r.resourceType)}/${String(r.id)}`, resource: r })),
      },
    };
  });
}

/** Every example of the corpus, or undefined when the corpus folder is not beside the repository. */
export function loadCorpus(dir = CORPUS_DIR): CorpusExample[] | undefined {
  if (!existsSync(dir)) return undefined;
  const bundlesIn = (sub: string, prefix: string): CorpusExample[] =>
    jsonFiles(path.join(dir, sub)).map((file) => ({ name: `${prefix}/${path.basename(file, '.json')}`, bundle: asBundle(file) }));
  return [
    ...bundlesIn('ips-examples', 'ips'),
    ...bundlesIn(path.join('r4-examples', 'hl7au-au-fhir-test-data', 'au-patient-summary'), 'au-ps'),
    ...groupAuCore(path.join(dir, 'r4-examples', 'hl7au-au-fhir-test-data', 'au-core')),
  ];
}
