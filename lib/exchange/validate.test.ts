import { describe, expect, it } from 'vitest';
import { CID_SYSTEM, CID_SYSTEM_DOPA } from '../identity/citizen-id';
import type { MedicationStatement } from '@medplum/fhirtypes';
import {
  attachReferencedMedications,
  isSafeNextLink,
  parseEntryStatus,
  parseSearchset,
  partitionByPatient,
  type ExchangeResource,
} from './validate';

const CID = '3100400123456';
const OTHER = '3100400234568';

const obs = (system: string | undefined, value: string | undefined, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Observation',
  id: 'o1',
  status: 'final',
  code: { text: 'x' },
  subject: { reference: 'Patient/p1', ...(system === undefined && value === undefined ? {} : { identifier: { system, value } }) },
  ...extra,
});

describe('partitionByPatient', () => {
  it.each([
    ['th-cid match', obs(CID_SYSTEM, CID), 'kept'],
    ['dopa match', obs(CID_SYSTEM_DOPA, CID), 'kept'],
    ['th-cid other patient', obs(CID_SYSTEM, OTHER), 'wrong'],
    ['dopa other patient', obs(CID_SYSTEM_DOPA, OTHER), 'wrong'],
    ['no identifier', obs(undefined, undefined), 'unverifiable'],
    ['identifier of a non-CID system', obs('https://terms.sil-th.org/id/passport', CID), 'unverifiable'],
    ['identifier without a value', obs(CID_SYSTEM, undefined), 'unverifiable'],
    ['subject missing entirely', { resourceType: 'Condition', id: 'c1' }, 'unverifiable'],
    ['subject not an object', { resourceType: 'Condition', id: 'c1', subject: 'Patient/1' }, 'unverifiable'],
    ['disallowed type', { resourceType: 'Patient', id: 'p', identifier: [{ system: CID_SYSTEM, value: CID }] }, 'disallowed'],
    ['not a resource at all', { foo: 1 }, 'unverifiable'],
    ['contradicting second reference', obs(CID_SYSTEM, CID, { patient: { identifier: { system: CID_SYSTEM, value: OTHER } } }), 'wrong'],
  ])('%s', (_name, resource, expected) => {
    const r = partitionByPatient([resource], CID);
    expect({
      kept: r.kept.length,
      wrong: r.droppedWrongPatient,
      unverifiable: r.droppedUnverifiable,
      disallowed: r.droppedDisallowed,
    }).toEqual({ kept: 0, wrong: 0, unverifiable: 0, disallowed: 0, [expected]: 1 });
  });

  it('uses `patient` for AllergyIntolerance and Immunization, not `subject`', () => {
    const allergy = { resourceType: 'AllergyIntolerance', id: 'a', patient: { identifier: { system: CID_SYSTEM, value: CID } } };
    const immunisation = { resourceType: 'Immunization', id: 'i', patient: { identifier: { system: CID_SYSTEM_DOPA, value: CID } } };
    const allergyViaSubject = { resourceType: 'AllergyIntolerance', id: 'b', subject: { identifier: { system: CID_SYSTEM, value: CID } } };
    const r = partitionByPatient([allergy, immunisation, allergyViaSubject], CID);
    expect(r.kept.map((x) => x.id)).toEqual(['a', 'i']);
    expect(r.droppedUnverifiable).toBe(1);
  });

  it('keeps the original objects untouched (no stripping of fields we do not read)', () => {
    const o = obs(CID_SYSTEM, CID, { valueQuantity: { value: 5.4, unit: 'mmol/L' }, meta: { tag: [{ code: 'x' }] } });
    expect(partitionByPatient([o], CID).kept[0]).toBe(o);
  });

  it('counts a mixed list', () => {
    const r = partitionByPatient(
      [obs(CID_SYSTEM, CID), obs(CID_SYSTEM, OTHER), obs(undefined, undefined), { resourceType: 'Practitioner' }],
      CID,
    );
    expect([r.kept.length, r.droppedWrongPatient, r.droppedUnverifiable, r.droppedDisallowed]).toEqual([1, 1, 1, 1]);
  });
});

describe('parseSearchset', () => {
  const bundle = (entries: unknown[], extra: Record<string, unknown> = {}) => ({
    resourceType: 'Bundle',
    type: 'searchset',
    entry: entries.map((resource) => ({ resource })),
    ...extra,
  });

  it('accepts a page of the expected type and returns the next link and total', () => {
    const r = parseSearchset(
      bundle([obs(CID_SYSTEM, CID)], {
        total: 3,
        link: [
          { relation: 'self', url: 'a' },
          { relation: 'next', url: 'http://x/next' },
        ],
      }),
      'Observation',
    );
    expect(r).toEqual({ ok: true, resources: [expect.objectContaining({ id: 'o1' })], included: [], nextUrl: 'http://x/next', total: 3 });
  });

  it('accepts an empty searchset', () => {
    expect(parseSearchset({ resourceType: 'Bundle', type: 'searchset', total: 0 }, 'Condition')).toEqual({
      ok: true,
      resources: [],
      included: [],
      total: 0,
    });
  });

  it('marks a page with another resource type as malformed', () => {
    expect(parseSearchset(bundle([obs(CID_SYSTEM, CID), { resourceType: 'Condition', id: 'c' }]), 'Observation').ok).toBe(false);
  });

  it('skips OperationOutcome entries in outcome mode', () => {
    const b = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [{ resource: { resourceType: 'OperationOutcome', issue: [] }, search: { mode: 'outcome' } }],
    };
    expect(parseSearchset(b, 'Observation')).toEqual({ ok: true, resources: [], included: [] });
  });

  it('returns included Medications apart from the matches and ignores other included types', () => {
    const med = { resourceType: 'Medication', id: 'm1', code: { text: 'Atorvastatin 20 mg' } };
    const b = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { resource: { resourceType: 'MedicationStatement', id: 's1' }, search: { mode: 'match' } },
        { resource: med, search: { mode: 'include' } },
        { resource: { resourceType: 'Practitioner', id: 'pr1' }, search: { mode: 'include' } },
      ],
    };
    expect(parseSearchset(b, 'MedicationStatement')).toEqual({
      ok: true,
      resources: [expect.objectContaining({ id: 's1' })],
      included: [med],
    });
    // A Medication that is not marked as included is still a stray match: the page is not trusted.
    expect(parseSearchset({ ...b, entry: [{ resource: med }] }, 'MedicationStatement').ok).toBe(false);
  });

  it.each([
    ['a Patient instead of a Bundle', { resourceType: 'Patient' }],
    ['a batch-response', { resourceType: 'Bundle', type: 'batch-response', entry: [] }],
    ['a string', '<html></html>'],
    ['null', null],
    ['an entry without resource', { resourceType: 'Bundle', type: 'searchset', entry: [{ fullUrl: 'x' }] }],
    ['entry not an array', { resourceType: 'Bundle', type: 'searchset', entry: {} }],
  ])('rejects %s', (_n, body) => {
    expect(parseSearchset(body, 'Observation').ok).toBe(false);
  });
});

describe('attachReferencedMedications', () => {
  const statement = (id: string, reference: string, extra: Partial<MedicationStatement> = {}): MedicationStatement => ({
    resourceType: 'MedicationStatement',
    id,
    status: 'active',
    subject: { identifier: { system: CID_SYSTEM, value: CID } },
    medicationReference: { reference, display: 'as the source named it' },
    ...extra,
  });
  const med = (id: string) => ({
    resourceType: 'Medication',
    id,
    code: { coding: [{ system: 'http://snomed.info/sct', code: `${id}-code` }] },
  });

  it('puts each referenced Medication inside the records that name it, relative or absolute', () => {
    const kept: ExchangeResource[] = [
      statement('s1', 'Medication/a'),
      statement('s2', 'https://h.example/fhir/Medication/a'),
      statement('s3', 'Medication/b'),
    ];
    const out = attachReferencedMedications(kept, [med('a'), med('b')]);
    expect(
      out.map((r) => (r.resourceType === 'MedicationStatement' ? [r.medicationReference?.reference, r.contained?.map((c) => c.id)] : [])),
    ).toEqual([
      ['#a', ['a']],
      ['#a', ['a']],
      ['#b', ['b']],
    ]);
    expect(out[0]!.resourceType === 'MedicationStatement' && out[0].medicationReference?.display).toBe('as the source named it');
    expect(kept[0]!.resourceType === 'MedicationStatement' && kept[0].contained).toBeUndefined(); // the input is not changed
  });

  it('leaves records alone when the Medication was not included, is not a Medication, or the id is taken', () => {
    const taken = statement('s2', 'Medication/a', {
      contained: [{ resourceType: 'Medication', id: 'a', code: { text: 'own' } }],
      medicationReference: { reference: 'Medication/a' },
    });
    const kept: ExchangeResource[] = [statement('s1', 'Medication/zz'), taken, obs(CID_SYSTEM, CID) as ExchangeResource];
    expect(attachReferencedMedications(kept, [med('a'), { resourceType: 'Substance', id: 'zz' }])).toEqual(kept);
  });
});

describe('paging link safety', () => {
  const base = 'http://127.0.0.1:4010';
  it.each([
    ['same hospital', `${base}/hospitals/11535/fhir/Observation?page=2`, true],
    ['other hospital', `${base}/hospitals/10661/fhir/Observation?page=2`, false],
    ['other host', 'http://evil.example/hospitals/11535/fhir/Observation', false],
    ['other port', 'http://127.0.0.1:9999/hospitals/11535/fhir/Observation', false],
    ['credentials in URL', 'http://u:p@127.0.0.1:4010/hospitals/11535/fhir/Observation', false],
    ['relative link', '/hospitals/11535/fhir/Observation', false],
    ['garbage', 'not a url', false],
  ])('%s', (_n, url, expected) => {
    expect(isSafeNextLink(url, base, '/hospitals/11535/fhir/')).toBe(expected);
  });

  it('respects a base path', () => {
    expect(isSafeNextLink('https://x.example/api/hospitals/11535/fhir/A', 'https://x.example/api', '/hospitals/11535/fhir/')).toBe(true);
    expect(isSafeNextLink('https://x.example/hospitals/11535/fhir/A', 'https://x.example/api', '/hospitals/11535/fhir/')).toBe(false);
  });
});

describe('small parsers', () => {
  it.each([
    ['200 OK', 200],
    ['403 Forbidden', 403],
    ['503', 503],
    ['OK', Number.NaN],
  ])('parseEntryStatus(%s)', (s, n) => {
    expect(parseEntryStatus(s)).toBe(n);
  });
});
