import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type {
  AllergyFact,
  AllergyVerification,
  ClinicalFact,
  EncounterClass,
  FactCode,
  FactStatus,
  MedicationSource,
  TimelineEntry,
} from '@/lib/clinical/types';
import type { Lang } from '@/lib/i18n/format';
import { EntryDetail, factRows } from './record-dialogs';
import { criticalityLabel, KNOWN_MODALITIES, medicationSourceLabel, modalityLabel, statusLabel, verificationLabel } from './labels';

// Every code each field can hold; a Record so a new code added to the type fails to compile here until listed.
const STATUSES = Object.keys({
  active: 1,
  'on-hold': 1,
  stopped: 1,
  completed: 1,
  cancelled: 1,
  resolved: 1,
  inactive: 1,
  intended: 1,
  'not-taken': 1,
  'not-done': 1,
  planned: 1,
  'in-progress': 1,
  preliminary: 1,
  final: 1,
  amended: 1,
  unknown: 1,
} satisfies Record<FactStatus, 1>) as FactStatus[];
const SOURCES = Object.keys({ statement: 1, request: 1, dispense: 1 } satisfies Record<MedicationSource, 1>) as MedicationSource[];
const CRITICALITIES = Object.keys({ high: 1, low: 1, 'unable-to-assess': 1 } satisfies Record<
  NonNullable<AllergyFact['criticality']>,
  1
>) as NonNullable<AllergyFact['criticality']>[];
const VERIFICATIONS = Object.keys({ confirmed: 1, unconfirmed: 1, presumed: 1, refuted: 1, unknown: 1 } satisfies Record<
  AllergyVerification,
  1
>) as AllergyVerification[];
const CLASSES = Object.keys({ AMB: 1, IMP: 1, EMER: 1, OTHER: 1 } satisfies Record<EncounterClass, 1>) as EncounterClass[];
const RAW_CODES = new Set<string>([...STATUSES, ...SOURCES, ...CRITICALITIES, ...VERIFICATIONS, ...CLASSES]);

const base = {
  hospitalCode: '10661',
  resourceId: 'r1',
  date: '2024-06-01',
  conceptKey: 'k',
  codes: [] as FactCode[],
  display: 'As written',
};

function facts(): ClinicalFact[] {
  const out: ClinicalFact[] = [];
  for (const status of STATUSES) {
    for (const source of SOURCES)
      out.push({
        ...base,
        id: `m-${status}-${source}`,
        resourceType: 'MedicationRequest',
        status,
        kind: 'medication',
        source,
        statusReason: 'eGFR below 45',
      });
    out.push({
      ...base,
      id: `c-${status}`,
      resourceType: 'Condition',
      status,
      kind: 'condition',
      clinicalStatus: status,
      verificationStatus: 'confirmed',
    });
  }
  for (const criticality of CRITICALITIES) {
    for (const verificationStatus of VERIFICATIONS)
      out.push({
        ...base,
        id: `a-${criticality}-${verificationStatus}`,
        resourceType: 'AllergyIntolerance',
        status: 'active',
        kind: 'allergy',
        noKnownAllergy: false,
        criticality,
        verificationStatus,
        reactions: [],
        category: ['medication'],
        drugKeys: [],
      });
  }
  for (const encounterClass of CLASSES)
    out.push({ ...base, id: `e-${encounterClass}`, resourceType: 'Encounter', status: 'completed', kind: 'encounter', encounterClass });
  return out;
}

function entry(fact: ClinicalFact): TimelineEntry {
  return {
    id: fact.id,
    kind: fact.kind,
    date: fact.date,
    day: '2024-06-01',
    sealed: false,
    fact,
    sources: [{ id: fact.id, hospitalCode: fact.hospitalCode, resourceId: fact.resourceId }],
    hospitals: [fact.hospitalCode],
    recordedAt: 1,
  };
}

describe('no raw FHIR code reaches the reader', () => {
  it.each<Lang>(['th', 'en'])('every status, record type, criticality, verification and visit class is a word (%s)', (lang) => {
    for (const s of STATUSES) expect(RAW_CODES.has(statusLabel(lang, s)), s).toBe(false);
    for (const s of SOURCES) expect(RAW_CODES.has(medicationSourceLabel(lang, s)), s).toBe(false);
    for (const c of CRITICALITIES) expect(RAW_CODES.has(criticalityLabel(lang, c)), c).toBe(false);
    for (const v of VERIFICATIONS) expect(RAW_CODES.has(verificationLabel(lang, v)), v).toBe(false);
  });

  it.each<Lang>(['th', 'en'])('the detail drawer shows no code as a value (%s)', (lang) => {
    for (const f of facts()) {
      for (const [label, value] of factRows(f, lang, 'gregory')) expect(RAW_CODES.has(value), `${f.id} ${label}: ${value}`).toBe(false);
      const html = renderToStaticMarkup(
        <EntryDetail entry={entry(f)} names={{ '10661': 'Rajavithi' }} lang={lang} calendar="gregory" onClose={() => undefined} />,
      );
      const values = [...html.matchAll(/<dd[^>]*>([^<]*)<\/dd>/g)].map((m) => m[1]!);
      expect(values.length).toBeGreaterThan(4);
      for (const v of values) expect(RAW_CODES.has(v), `${f.id}: ${v}`).toBe(false);
    }
  });

  it('imaging modalities are words in Thai; a code no table knows is shown as sent', () => {
    for (const m of KNOWN_MODALITIES) expect(modalityLabel('th', m)).not.toBe(m);
    expect(modalityLabel('th', 'US')).toBe('อัลตราซาวด์');
    expect(modalityLabel('en', 'DX')).toBe('X-ray');
    expect(modalityLabel('th', 'OCT')).toBe('OCT');
  });

  it('a stopped medication’s drawer says why, and names its record type', () => {
    const f = facts().find((x) => x.id === 'm-stopped-request')!;
    expect(factRows(f, 'th', 'buddhist')).toEqual(
      expect.arrayContaining([
        ['ชนิดบันทึก', 'คำสั่งใช้ยา'],
        ['เหตุผลที่หยุดหรือเปลี่ยน', 'eGFR below 45'],
        ['สถานะ', 'หยุดแล้ว'],
      ]),
    );
  });
});
