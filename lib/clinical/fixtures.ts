/**
 * Small FHIR fixture builders for the clinical core's tests and the merge benchmark. Codes come from the
 * shared terminology so fixtures look like what the sandbox hospitals send.
 */
import type {
  AllergyIntolerance,
  Bundle,
  Condition,
  DiagnosticReport,
  Encounter,
  Immunization,
  MedicationDispense,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Procedure,
  Resource,
} from '@medplum/fhirtypes';
import { SYSTEMS } from './terminology';
import type { EmergencySummary } from './types';

const PATIENT = { reference: 'Patient/p1' };
const V3_ACT = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

type Security = { security?: string[] };

function meta(opts: Security): { meta?: { security: { system: string; code: string }[] } } {
  if (opts.security === undefined) return {};
  return {
    meta: {
      security: opts.security.map((code) => ({
        system: code === 'R' || code === 'V' ? 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality' : V3_ACT,
        code,
      })),
    },
  };
}

export function allergy(
  id: string,
  opts: {
    system?: string;
    code?: string;
    text?: string;
    date?: string;
    criticality?: 'low' | 'high';
    verification?: 'confirmed' | 'unconfirmed' | 'refuted' | 'entered-in-error';
    clinical?: 'active' | 'inactive' | 'resolved';
    reactions?: string[];
  } & Security,
): AllergyIntolerance {
  const r: AllergyIntolerance = {
    resourceType: 'AllergyIntolerance',
    id,
    ...meta(opts),
    patient: PATIENT,
    code: {
      coding: opts.code !== undefined ? [{ system: opts.system ?? SYSTEMS.snomed, code: opts.code }] : [],
      ...(opts.text !== undefined ? { text: opts.text } : {}),
    },
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: opts.clinical ?? 'active' }],
    },
    verificationStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: opts.verification ?? 'confirmed' }],
    },
    category: ['medication'],
    recordedDate: opts.date ?? '2024-01-10',
  };
  if (opts.criticality !== undefined) r.criticality = opts.criticality;
  if (opts.reactions !== undefined) r.reaction = [{ manifestation: opts.reactions.map((t) => ({ text: t })), severity: 'severe' }];
  return r;
}

export function nka(id: string, date = '2024-01-10'): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    patient: PATIENT,
    code: { coding: [{ system: SYSTEMS.snomed, code: '716186003', display: 'No known allergy' }] },
    verificationStatus: { coding: [{ code: 'confirmed' }] },
    recordedDate: date,
  };
}

type MedOpts = { system?: string; code: string; text?: string; status?: string; date: string; dose?: string } & Security;

function medConcept(o: MedOpts): { coding: { system: string; code: string }[]; text?: string } {
  return { coding: [{ system: o.system ?? SYSTEMS.tmt, code: o.code }], ...(o.text !== undefined ? { text: o.text } : {}) };
}

export function medStatement(id: string, o: MedOpts): MedicationStatement {
  return {
    resourceType: 'MedicationStatement',
    id,
    ...meta(o),
    subject: PATIENT,
    status: (o.status ?? 'active') as MedicationStatement['status'],
    medicationCodeableConcept: medConcept(o),
    effectiveDateTime: o.date,
    ...(o.dose !== undefined ? { dosage: [{ text: o.dose }] } : {}),
  };
}

export function medRequest(id: string, o: MedOpts): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    ...meta(o),
    subject: PATIENT,
    intent: 'order',
    status: (o.status ?? 'active') as MedicationRequest['status'],
    medicationCodeableConcept: medConcept(o),
    authoredOn: o.date,
    ...(o.dose !== undefined ? { dosageInstruction: [{ text: o.dose }] } : {}),
  };
}

export function medDispense(id: string, o: MedOpts & { days?: number }): MedicationDispense {
  return {
    resourceType: 'MedicationDispense',
    id,
    subject: PATIENT,
    status: (o.status ?? 'completed') as MedicationDispense['status'],
    medicationCodeableConcept: medConcept(o),
    whenHandedOver: o.date,
    ...(o.days !== undefined ? { daysSupply: { value: o.days, unit: 'd' } } : {}),
    ...(o.dose !== undefined ? { dosageInstruction: [{ text: o.dose }] } : {}),
  };
}

export function condition(
  id: string,
  o: { system?: string; code: string; text?: string; status?: string; onset?: string; verification?: string } & Security,
): Condition {
  return {
    resourceType: 'Condition',
    id,
    ...meta(o),
    subject: PATIENT,
    code: { coding: [{ system: o.system ?? SYSTEMS.icd10, code: o.code }], ...(o.text !== undefined ? { text: o.text } : {}) },
    clinicalStatus: { coding: [{ code: o.status ?? 'active' }] },
    verificationStatus: { coding: [{ code: o.verification ?? 'confirmed' }] },
    ...(o.onset !== undefined ? { onsetDateTime: o.onset } : { recordedDate: '2020-01-01' }),
  };
}

export function lab(
  id: string,
  o: {
    system?: string;
    code: string;
    text?: string;
    value?: number;
    unit?: string;
    date: string;
    low?: number;
    high?: number;
    interpretation?: string;
    valueString?: string;
    valueCode?: { code: string; display: string };
    category?: 'laboratory' | 'vital-signs';
    status?: Observation['status'];
  } & Security,
): Observation {
  const r: Observation = {
    resourceType: 'Observation',
    id,
    ...meta(o),
    status: o.status ?? 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: o.category ?? 'laboratory' }] }],
    code: { coding: [{ system: o.system ?? SYSTEMS.loinc, code: o.code }], ...(o.text !== undefined ? { text: o.text } : {}) },
    subject: PATIENT,
    effectiveDateTime: o.date,
    text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script>narrative</div>' },
  };
  if (o.value !== undefined)
    r.valueQuantity = { value: o.value, ...(o.unit !== undefined ? { unit: o.unit, system: SYSTEMS.ucum, code: o.unit } : {}) };
  if (o.valueString !== undefined) r.valueString = o.valueString;
  if (o.valueCode !== undefined)
    r.valueCodeableConcept = {
      coding: [{ system: SYSTEMS.snomed, code: o.valueCode.code, display: o.valueCode.display }],
      text: o.valueCode.display,
    };
  if (o.low !== undefined || o.high !== undefined) {
    r.referenceRange = [
      {
        ...(o.low !== undefined ? { low: { value: o.low, unit: o.unit } } : {}),
        ...(o.high !== undefined ? { high: { value: o.high, unit: o.unit } } : {}),
      },
    ];
  }
  if (o.interpretation !== undefined)
    r.interpretation = [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: o.interpretation }] },
    ];
  return r;
}

export function imagingReport(
  id: string,
  o: {
    loinc?: string;
    text?: string;
    date: string;
    conclusion?: string;
    reportText?: string;
    modalityExt?: string;
    bodySiteExt?: string;
    conclusionCode?: string;
  } & Security,
): DiagnosticReport {
  const r: DiagnosticReport = {
    resourceType: 'DiagnosticReport',
    id,
    ...meta(o),
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'RAD' }] }],
    code: {
      coding: o.loinc !== undefined ? [{ system: SYSTEMS.loinc, code: o.loinc }] : [],
      ...(o.text !== undefined ? { text: o.text } : {}),
    },
    subject: PATIENT,
    effectiveDateTime: o.date,
    text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><b>html</b></div>' },
  };
  if (o.conclusion !== undefined) r.conclusion = o.conclusion;
  if (o.conclusionCode !== undefined) r.conclusionCode = [{ text: o.conclusionCode }];
  if (o.reportText !== undefined) r.presentedForm = [{ contentType: 'text/plain; charset=utf-8', data: toBase64(o.reportText) }];
  const ext = [];
  if (o.modalityExt !== undefined)
    ext.push({
      url: 'https://example.org/fhir/StructureDefinition/imaging-modality',
      valueCoding: { system: SYSTEMS.dicomModality, code: o.modalityExt },
    });
  if (o.bodySiteExt !== undefined) ext.push({ url: 'https://example.org/fhir/StructureDefinition/bodySite', valueString: o.bodySiteExt });
  if (ext.length > 0) r.extension = ext;
  return r;
}

export function labReport(
  id: string,
  o: { code: string; text?: string; date: string; conclusion?: string; results?: number },
): DiagnosticReport {
  return {
    resourceType: 'DiagnosticReport',
    id,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }] }],
    code: { coding: [{ system: SYSTEMS.loinc, code: o.code }], ...(o.text !== undefined ? { text: o.text } : {}) },
    subject: PATIENT,
    effectiveDateTime: o.date,
    ...(o.conclusion !== undefined ? { conclusion: o.conclusion } : {}),
    result: Array.from({ length: o.results ?? 0 }, (_, i) => ({ reference: `Observation/r${i}` })),
  };
}

export function immunization(id: string, o: { cvx: string; date: string; text?: string; status?: Immunization['status'] }): Immunization {
  return {
    resourceType: 'Immunization',
    id,
    status: o.status ?? 'completed',
    vaccineCode: { coding: [{ system: SYSTEMS.cvx, code: o.cvx }], ...(o.text !== undefined ? { text: o.text } : {}) },
    patient: PATIENT,
    occurrenceDateTime: o.date,
  };
}

export function procedure(id: string, o: { code: string; text: string; date: string; status?: Procedure['status'] }): Procedure {
  return {
    resourceType: 'Procedure',
    id,
    status: o.status ?? 'completed',
    code: { coding: [{ system: SYSTEMS.snomed, code: o.code }], text: o.text },
    subject: PATIENT,
    performedDateTime: o.date,
  };
}

export function encounter(
  id: string,
  o: { cls: 'AMB' | 'IMP' | 'EMER'; start: string; end?: string; type?: string; reason?: string; status?: Encounter['status'] },
): Encounter {
  return {
    resourceType: 'Encounter',
    id,
    status: o.status ?? 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: o.cls },
    subject: PATIENT,
    period: { start: o.start, ...(o.end !== undefined ? { end: o.end } : {}) },
    ...(o.type !== undefined ? { type: [{ text: o.type }] } : {}),
    ...(o.reason !== undefined ? { reasonCode: [{ text: o.reason }] } : {}),
  };
}

function toBase64(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** A searchset Bundle as a hospital's FHIR server returns it. */
export function searchset(resources: Resource[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    entry: resources.map((resource) => ({
      fullUrl: `urn:uuid:${resource.resourceType}-${resource.id ?? ''}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}

/** Deterministic pseudo-random numbers (mulberry32) so generated data is the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An emergency summary of one answering hospital (10661) that recorded nothing: tests add what they need. */
export const EMPTY_EMERGENCY_SUMMARY: EmergencySummary = {
  now: '2026-11-22T00:00:00.000Z',
  answered: ['10661'],
  allergyStatus: 'no-information',
  noKnownAllergyHospitals: [],
  allergies: [],
  medications: [],
  noKnownMedicationHospitals: [],
  noCurrentProblemHospitals: [],
  problems: [],
  keyLabs: [],
  encounters: [],
  imaging: [],
  tetanus: { status: 'none-recorded' },
  sealedCount: 0,
};
