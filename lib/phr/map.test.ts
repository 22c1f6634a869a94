import type { Encounter, Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { toClinicalFacts } from '../clinical/facts';
import { mergeTimeline } from '../clinical/merge';
import type { ClinicalFact } from '../clinical/types';
import { drugByName, normaliseName, phrFactsBySource, phrTime, substanceByName } from './map';
import { phrOutcomeOf } from './outcomes';
import { phrCodeSchema, type PhrRecordRows, type PhrVisitRows } from './schemas';

const CID = '3100400123456';

function visit(hcode: string, vn: string, start: string, extra: Partial<PhrVisitRows> = {}): PhrVisitRows {
  return {
    encounter: {
      cid: CID,
      encounter_ref_code: `${hcode}:${vn}`,
      organization_code: hcode,
      organization_name: 'โรงพยาบาลทดสอบ',
      period_start: start,
      period_end: null,
      status: 'finished',
      class_code: 'AMB',
      vital_sign_bp_systolic_mmhg: 142,
      vital_sign_bp_diastolic_mmhg: 88,
      vital_sign_body_temp_cel: 0,
    },
    conditions: [],
    medications: [],
    observations: [],
    ...extra,
  };
}

function rows(...visits: PhrVisitRows[]): PhrRecordRows {
  return { summary: null, visits, droppedRows: 0 };
}

function all(map: Map<string, ClinicalFact[]>): ClinicalFact[] {
  return [...map.values()].flat();
}

describe('MOPH-PHR times and codes', () => {
  it('reads offset-less times as Thai time, keeps dates, and treats 1970-01-01 as unknown', () => {
    expect(phrTime('2024-03-05T09:12:00')).toBe('2024-03-05T09:12:00+07:00');
    expect(phrTime('2024-03-05T09:12')).toBe('2024-03-05T09:12:00+07:00');
    expect(phrTime('2024-03-05T02:12:00Z')).toBe('2024-03-05T02:12:00Z');
    expect(phrTime('2024-03-05')).toBe('2024-03-05');
    expect(phrTime('1970-01-01')).toBeUndefined();
    expect(phrTime('5 มีนาคม 2567 09:12')).toBeUndefined();
    expect(phrTime(null)).toBeUndefined();
  });

  it('accepts the Mor Prom code as two letters and six digits, in any case, spaces dropped', () => {
    expect(phrCodeSchema.parse(' ab 123456 ')).toBe('AB123456');
    expect(phrCodeSchema.safeParse('123456').success).toBe(false);
    expect(phrCodeSchema.safeParse('ABC12345').success).toBe(false);
  });

  it('reads MessageCodes as the outcomes docs/phr.md chose', () => {
    expect(phrOutcomeOf(200, 'valid')).toEqual({ kind: 'valid' });
    expect(phrOutcomeOf(423, 'sent')).toEqual({ kind: 'sharing-off' });
    expect(phrOutcomeOf(410, 'valid')).toEqual({ kind: 'expired' });
    expect(phrOutcomeOf(429, 'valid')).toEqual({ kind: 'too-many' });
    expect(phrOutcomeOf(500, 'valid')).toEqual({ kind: 'unavailable', reason: 'message-500' });
  });
});

describe('MOPH-PHR rows → facts', () => {
  it('maps a visit, its vital-sign columns (0 = not measured), an ICD-10 diagnosis and a LOINC result, per facility', () => {
    const facts = phrFactsBySource(
      rows(
        visit('99801', '6703050912', '2024-03-05T09:12:00', {
          conditions: [{ code_text: 'E11.9', code_display_text: 'Type 2 diabetes mellitus', recorded_datetime: '2024-03-05T09:40:00' }],
          observations: [
            { display: 'Glucose', loinc_code: '2345-7', value_quantity: 156, observation_unit: 'mg/dL', issued: '2024-03-05T10:02:00' },
          ],
        }),
      ),
    );
    expect([...facts.keys()]).toEqual(['phr:99801']);
    const list = facts.get('phr:99801')!;
    const kinds = list.map((f) => f.kind).sort();
    expect(kinds).toEqual(['condition', 'encounter', 'lab', 'vital', 'vital']);
    const condition = list.find((f) => f.kind === 'condition')!;
    expect(condition.codedBy).toBeUndefined();
    expect(condition.conceptKey).not.toContain('name-only');
    expect(condition.date).toBe('2024-03-05T09:40:00+07:00');
    const lab = list.find((f) => f.kind === 'lab');
    expect(lab?.kind === 'lab' && lab.analyteKey).toBe('glucose');
    expect(list.every((f) => f.facilityCode === '99801' && f.hospitalCode === 'phr:99801')).toBe(true);
  });

  it('marks hospital drug names and free-text diagnoses name-only, matches by name, and leaves history out', () => {
    const facts = all(
      phrFactsBySource(
        rows(
          visit('99801', '1', '2024-03-05T09:12:00', {
            conditions: [
              { code_text: 'diagtext', code_display_text: 'เวียนศีรษะ (Dizziness)' },
              { code_text: 'hpi', code_display_text: 'ปวดหัวมา 3 วัน' },
            ],
            medications: [{ code_text: 'MFM_METFORMIN 500 mg.', ref_md_patient_instruction: 'วันละ 2 ครั้ง\r\nหลังอาหาร' }],
          }),
        ),
      ),
    );
    const med = facts.find((f) => f.kind === 'medication');
    expect(med?.codedBy).toBe('name-only');
    expect(med?.kind === 'medication' && med.drugKey).toBe('metformin');
    expect(med?.conceptKey).toBe('name-only|drug|metformin');
    expect(med?.kind === 'medication' && med.dose).toBe('วันละ 2 ครั้ง หลังอาหาร');
    const dx = facts.filter((f) => f.kind === 'condition');
    expect(dx).toHaveLength(1);
    expect(dx[0]?.codedBy).toBe('name-only');
    expect(dx[0]?.display).toBe('เวียนศีรษะ (Dizziness)');
  });

  it('names drugs and allergy substances by whole words only', () => {
    expect(normaliseName('MFM_METFORMIN 500 mg.')).toBe('metformin');
    expect(drugByName('Amlodipine 10 mg')?.key).toBe('amlodipine');
    expect(drugByName('Betahistine 6 mg.')).toBeUndefined();
    expect(substanceByName('PENICILLIN')?.key).toBe('penicillin');
    expect(substanceByName('Penicillins')?.key).toBe('penicillin');
    expect(substanceByName('PENICILLAMINE')).toBeUndefined();
    expect(substanceByName('Shellfish')?.key).toBe('shellfish');
  });

  it("turns the summary's allergy text into a name-only allergy that still feeds the drug cross-check", () => {
    const facts = phrFactsBySource({
      summary: { patient: { cid: CID, allergy_intolerance_text: 'PENICILLIN' } },
      visits: [],
      droppedRows: 0,
    });
    const allergy = facts.get('phr')?.[0];
    expect(allergy?.kind).toBe('allergy');
    expect(allergy?.codedBy).toBe('name-only');
    expect(allergy?.kind === 'allergy' && allergy.drugClass).toBe('penicillin');
  });
});

describe('merging across platforms', () => {
  const hlEncounter: Encounter = {
    resourceType: 'Encounter',
    id: 'enc-1',
    status: 'finished',
    class: { code: 'AMB' },
    period: { start: '2024-03-05T08:30:00+07:00', end: '2024-03-05T11:00:00+07:00' },
  };
  const hlGlucose = (value: number): Observation => ({
    resourceType: 'Observation',
    id: 'obs-1',
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: '2345-7' }] },
    effectiveDateTime: '2024-03-05T09:00:00+07:00',
    valueQuantity: { value, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
  });
  const phrVisit = (glucose: number) =>
    visit('10661', '6703050830', '2024-03-05T08:30:00', {
      observations: [
        { display: 'Glucose', loinc_code: '2345-7', value_quantity: glucose, observation_unit: 'mg/dL', issued: '2024-03-05T09:00:00' },
      ],
    });
  function merge(hl: ClinicalFact[], phr: ClinicalFact[]) {
    return mergeTimeline({ facts: [...hl, ...phr], answered: ['10661', 'phr:10661'], now: '2024-03-06T00:00:00Z' });
  }

  it('shows a visit both platforms carry (same hcode, day and class) once, naming both sources', () => {
    const model = merge(toClinicalFacts([hlEncounter, hlGlucose(156)], '10661'), all(phrFactsBySource(rows(phrVisit(156)))));
    const visits = model.entries.filter((e) => e.kind === 'encounter');
    expect(visits).toHaveLength(1);
    expect(visits[0]?.hospitals).toEqual(['10661', 'phr:10661']);
    const glucose = model.entries.filter((e) => e.kind === 'lab');
    expect(glucose).toHaveLength(1);
    expect(glucose[0]?.hospitals).toEqual(['10661', 'phr:10661']);
  });

  it('keeps a visit at another facility, or two visits one source records the same day, apart', () => {
    const other = all(phrFactsBySource(rows(visit('99801', '1', '2024-03-05T08:30:00'))));
    const second: Encounter = { ...hlEncounter, id: 'enc-2' };
    const model = merge(toClinicalFacts([hlEncounter, second], '10661'), other);
    expect(model.entries.filter((e) => e.kind === 'encounter')).toHaveLength(3);
  });

  it('counts a visit delivered twice by one source once, and still meets the other platform', () => {
    const hl = toClinicalFacts([hlEncounter], '10661');
    const model = merge([...hl, ...hl], all(phrFactsBySource(rows(phrVisit(156)))));
    const visits = model.entries.filter((e) => e.kind === 'encounter');
    expect(visits).toHaveLength(1);
    expect(visits[0]?.sources.map((s) => s.hospitalCode)).toEqual(['10661', 'phr:10661']);
  });

  it('shows a result the platforms disagree on side by side, as a conflict, never merged', () => {
    const model = merge(toClinicalFacts([hlEncounter, hlGlucose(156)], '10661'), all(phrFactsBySource(rows(phrVisit(165)))));
    const glucose = model.entries.filter((e) => e.kind === 'lab');
    expect(glucose).toHaveLength(2);
    expect(glucose.every((e) => e.conflict?.reason === 'value')).toBe(true);
    expect(glucose[0]?.conflict?.hospitals).toEqual(['10661', 'phr:10661']);
  });

  it('never merges a name-only drug into the coded one', () => {
    const coded = toClinicalFacts(
      [
        {
          resourceType: 'MedicationStatement',
          id: 'ms-1',
          status: 'active',
          subject: {},
          medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'A10BA02' }], text: 'Metformin 500 mg' },
          effectiveDateTime: '2024-03-05T08:30:00+07:00',
        },
      ],
      '10661',
    );
    const named = all(
      phrFactsBySource(rows(visit('10661', '1', '2024-03-05T08:30:00', { medications: [{ code_text: 'METFORMIN 500 mg.' }] }))),
    );
    const model = merge(coded, named);
    const rowsByKey = model.medications.map((m) => m.key).sort();
    expect(rowsByKey).toHaveLength(2);
    expect(rowsByKey.filter((k) => k.startsWith('name-only|'))).toEqual(['name-only|drug|metformin']);
  });
});
