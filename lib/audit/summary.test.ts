import { describe, expect, it } from 'vitest';
import { formatTypeCounts, mergeSummaries, summariseDetails } from './summary';

describe('access summaries', () => {
  it('reads the clinical-read details shape', () => {
    expect(
      summariseDetails({ sourceHospital: '10661', status: 'answered', resourceTypes: { Observation: 4, Condition: 1 }, records: 5 }),
    ).toEqual({ hospitals: ['10661'], resourceTypes: { Observation: 4, Condition: 1 }, records: 5 });
  });
  it('ignores anything that is not a code or a count', () => {
    expect(
      summariseDetails({ hospitals: ['11535', '<script>', 3], types: { Observation: 'many', 'bad key!': 2 }, note: 'free text' }),
    ).toEqual({ hospitals: ['11535'], resourceTypes: {}, records: 0 });
  });
  it('merges and formats', () => {
    const merged = mergeSummaries([
      summariseDetails({ sourceHospital: '10661', resourceTypes: { Observation: 2 } }),
      summariseDetails({ sourceHospital: '11535', resourceTypes: { Observation: 1, AllergyIntolerance: 1 } }),
    ]);
    expect(merged).toEqual({
      hospitals: ['10661', '11535'],
      resourceTypes: { Observation: 3, AllergyIntolerance: 1 },
      records: 4,
      reads: 2,
    });
    expect(formatTypeCounts(merged.resourceTypes)).toBe('AllergyIntolerance 1, Observation 3');
  });
});
