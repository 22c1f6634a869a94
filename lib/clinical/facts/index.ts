/**
 * FHIR resources → minimal, serialisable clinical facts. Runs on the server per hospital so that no raw
 * FHIR (and never narrative HTML) crosses to the browser; codes are resolved through the shared
 * terminology so the same concept from two hospitals carries the same conceptKey.
 */
import type { Medication, Resource } from '@medplum/fhirtypes';
import type { ClinicalFact, FactKind, SealedFactStub } from '../types';
import { allergyFact } from './allergy';
import { conditionFact } from './condition';
import { diagnosticReportFact } from './diagnostic-report';
import { compositionFact, documentReferenceFact } from './document';
import { encounterFact } from './encounter';
import { flagFact } from './flag';
import { immunizationFact } from './immunization';
import { dosageText, medicationFact } from './medication';
import { observationFacts } from './observation';
import { procedureFact } from './procedure';
import { periodOf } from './shared';

/** Maps one hospital's validated FHIR resources to view-model facts; entered-in-error and unknown types yield none. */
export function toClinicalFacts(resources: readonly Resource[], hospitalCode: string): ClinicalFact[] {
  const out: ClinicalFact[] = [];
  let medications: Map<string, Medication> | undefined;
  for (const r of resources) {
    if (r.resourceType === 'Medication' && r.id !== undefined) (medications ??= new Map()).set(r.id, r);
  }
  for (const r of resources) {
    const fact = mapResource(r, hospitalCode, medications, out);
    if (fact !== null) out.push(fact);
  }
  return out;
}

function mapResource(
  r: Resource,
  hospitalCode: string,
  medications: Map<string, Medication> | undefined,
  out: ClinicalFact[],
): ClinicalFact | null {
  const type = r.resourceType;
  if (type === 'Observation') {
    observationFacts(r, hospitalCode, out);
    return null;
  }
  if (type === 'AllergyIntolerance') return allergyFact(r, hospitalCode);
  if (type === 'MedicationStatement') {
    return medicationFact(
      r,
      hospitalCode,
      'statement',
      r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.dateAsserted,
      dosageText(r.dosage),
      periodOf(r.effectivePeriod),
      medications,
    );
  }
  if (type === 'MedicationRequest') {
    return medicationFact(
      r,
      hospitalCode,
      'request',
      r.authoredOn,
      dosageText(r.dosageInstruction),
      periodOf(r.dispenseRequest?.validityPeriod),
      medications,
    );
  }
  if (type === 'MedicationDispense') {
    const fact = medicationFact(
      r,
      hospitalCode,
      'dispense',
      r.whenHandedOver ?? r.whenPrepared,
      dosageText(r.dosageInstruction),
      undefined,
      medications,
    );
    const days = r.daysSupply?.value;
    if (fact !== null && days !== undefined) fact.daysSupply = days;
    return fact;
  }
  if (type === 'Condition') return conditionFact(r, hospitalCode);
  if (type === 'DiagnosticReport') return diagnosticReportFact(r, hospitalCode);
  if (type === 'Immunization') return immunizationFact(r, hospitalCode);
  if (type === 'Procedure') return procedureFact(r, hospitalCode);
  if (type === 'Encounter') return encounterFact(r, hospitalCode);
  if (type === 'DocumentReference') return documentReferenceFact(r, hospitalCode);
  if (type === 'Composition') return compositionFact(r, hospitalCode);
  if (type === 'Flag') return flagFact(r, hospitalCode);
  return null;
}

/** True when the hospital labelled the record sensitive (HIV, psychiatry, substance use, restricted). */
export function isSealed(fact: ClinicalFact | SealedFactStub): boolean {
  return 'labels' in fact || fact.sealed !== undefined;
}

/** True for a stub: a sealed record whose content has not been released to this viewer. */
export function isStub(fact: ClinicalFact | SealedFactStub): fact is SealedFactStub {
  return 'labels' in fact;
}

/** Strips a sealed fact to what may be shown before a reason is given: that a record exists, and when. */
export function sealFact(fact: ClinicalFact): SealedFactStub {
  return {
    id: fact.id,
    hospitalCode: fact.hospitalCode,
    kind: fact.kind,
    date: fact.date,
    labels: fact.sealed !== undefined ? [...fact.sealed.labels] : [],
  };
}

/** Facts as they may leave the server before break-the-glass: sealed ones replaced by stubs. */
export function sealSensitiveFacts(facts: readonly ClinicalFact[]): (ClinicalFact | SealedFactStub)[] {
  return facts.map((f) => (f.sealed !== undefined ? sealFact(f) : f));
}

export type { FactKind };
