import { describe, expect, it } from 'vitest';
import { ANALYTES, DRUGS, SYSTEMS } from './terminology';
import { CVX_GROUPS } from './terminology/cvx-groups';
import { LOINC_ANALYTES } from './terminology/loinc-analytes';
import { VITAL_SIGNS } from './terminology/vital-signs';
import { analyteIndex, drugClassesOf, highRiskFromAtc, vaccineConceptOf, vitalSignPanelLoinc } from './terminology-index';

const CVX_OID = 'urn:oid:2.16.840.1.113883.12.292';

describe('vaccineConceptOf: tetanus recognised by CVX group, not by a list of our own codes', () => {
  it.each([
    '01',
    '1',
    '09',
    '9',
    '20',
    '22',
    '28',
    '35',
    '50',
    '102',
    '106',
    '107',
    '110',
    '112',
    '113',
    '115',
    '120',
    '130',
    '138',
    '139',
    '142',
    '146',
    '195',
    '196',
    '198',
  ])('CVX %s contains tetanus', (cvx) => {
    expect(vaccineConceptOf(SYSTEMS.cvx, cvx)?.tetanus).toBe(true);
  });

  it.each(['88', '135', '140', '141', '144', '149', '150', '153', '155', '158', '161', '166', '168', '171', '185', '186', '197', '205'])(
    'CVX %s is influenza and not tetanus',
    (cvx) => {
      const c = vaccineConceptOf(SYSTEMS.cvx, cvx);
      expect(c?.groups).toContain('influenza');
      expect(c?.tetanus).toBe(false);
    },
  );

  it.each<[string, string[]]>([
    ['110', ['dtap', 'hepb', 'polio']],
    ['146', ['dtap', 'polio', 'hib', 'hepb']],
    ['08', ['hepb']],
    ['03', ['mmr']],
    ['94', ['mmr', 'varicella']],
    ['208', ['covid19']],
    ['511', ['covid19']],
    ['133', ['pneumococcal']],
    ['165', ['hpv']],
  ])('CVX %s belongs to %j', (cvx, groups) => {
    expect(vaccineConceptOf(SYSTEMS.cvx, cvx)?.groups).toEqual(groups);
  });

  it('keeps our Thai and English names for the vaccines we name', () => {
    expect(vaccineConceptOf(SYSTEMS.cvx, '141')?.vaccine?.key).toBe('influenza');
    expect(vaccineConceptOf(SYSTEMS.cvx, '113')?.vaccine).toBeUndefined();
  });

  it('reads the OID form of the CVX system', () => {
    expect(vaccineConceptOf(CVX_OID, '113')?.tetanus).toBe(true);
  });

  it.each<[string, string]>([
    [SYSTEMS.cvx, '13'], // tetanus immune globulin: passive, not a vaccination
    [SYSTEMS.cvx, '99999'],
    [SYSTEMS.snomed, '113'],
  ])('%s %s is unknown (never guessed)', (system, code) => {
    expect(vaccineConceptOf(system, code)).toBeUndefined();
  });

  it('lists each CVX code once', () => {
    const codes = CVX_GROUPS.map((r) => Number(r.cvx));
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('LOINC analytes: specimen and method variants meet on one analyte', () => {
  it.each<[string, string]>([
    ['2345-7', 'glucose'],
    ['2339-0', 'glucose'],
    ['1558-6', 'glucose'],
    ['41653-7', 'glucose'],
    ['2160-0', 'creatinine'],
    ['38483-4', 'creatinine'],
    ['2823-3', 'potassium'],
    ['6298-4', 'potassium'],
    ['2951-2', 'sodium'],
    ['2947-0', 'sodium'],
    ['3094-0', 'bun'],
    ['6299-2', 'bun'],
    ['17861-6', 'calcium'],
    ['49765-1', 'calcium'],
    ['2093-3', 'cholesterol'],
    ['2085-9', 'hdl'],
    ['2571-8', 'triglycerides'],
    ['13457-7', 'ldl'],
    ['18262-6', 'ldl'],
    ['2089-1', 'ldl'],
    ['718-7', 'haemoglobin'],
    ['30313-1', 'haemoglobin'],
    ['20509-6', 'haemoglobin'],
    ['4544-3', 'haematocrit'],
    ['789-8', 'rbc'],
    ['8480-6', 'systolic'],
    ['8462-4', 'diastolic'],
    ['9279-1', 'resp-rate'],
    ['8302-2', 'height'],
    ['39156-5', 'bmi'],
    ['8287-5', 'head-circumference'],
    ['2708-6', 'spo2'],
  ])('LOINC %s → %s', (code, key) => {
    expect(analyteIndex.get(SYSTEMS.loinc, code)?.key).toBe(key);
  });

  it('keeps TMLT codes (illustrative sandbox codes) working', () => {
    expect(analyteIndex.get(SYSTEMS.tmlt, '320186')?.key).toBe('glucose');
  });

  it('knows the vital-signs panels as panels, not analytes', () => {
    expect(vitalSignPanelLoinc.has('85353-1')).toBe(true);
    expect(vitalSignPanelLoinc.has('85354-9')).toBe(true);
    expect(analyteIndex.get(SYSTEMS.loinc, '85354-9')).toBeUndefined();
  });

  it('lists each LOINC code once and every analyte has a name in Thai and English', () => {
    const codes = [...LOINC_ANALYTES, ...VITAL_SIGNS].map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const a of ANALYTES) {
      expect(a.th, a.key).not.toBe('');
      expect(a.en, a.key).not.toBe('');
      expect(a.loinc.length + a.tmlt.length, a.key).toBeGreaterThan(0);
    }
  });
});

describe('ATC classes', () => {
  it.each<[string, string | undefined]>([
    ['B01AA03', 'anticoagulant'],
    ['B01AB01', 'anticoagulant'],
    ['B01AC06', undefined],
    ['B01AC04', undefined],
    ['A10AB01', 'insulin'],
    ['N03AX09', 'antiepileptic'],
    ['L01XE01', 'antineoplastic'],
    ['L01BA01', 'antineoplastic'],
    ['N02AB03', 'opioid'],
    ['C09AA02', undefined],
  ])('%s → %s', (atc, cls) => {
    expect(highRiskFromAtc(atc)).toBe(cls);
  });

  it.each<[string, string, string | undefined]>([
    ['warfarin', 'other', 'anticoagulant'],
    ['aspirin', 'nsaid', undefined],
    ['amoxiclav', 'penicillin', undefined],
    ['insulin-glargine', 'other', 'insulin'],
    ['methadone', 'other', 'opioid'],
    ['enalapril', 'ace-inhibitor', undefined],
  ])('the drug table %s is classed %s / %s by its ATC code', (key, drugClass, highRisk) => {
    const drug = DRUGS.find((d) => d.key === key)!;
    expect(drugClassesOf(drug)).toEqual(highRisk === undefined ? { drugClass } : { drugClass, highRisk });
  });
});
