/**
 * Builders for realistic FHIR R4 resources, one `Chart` per (hospital, patient). Each hospital codes the
 * same concept its own way (its `HospitalStyle`), which is exactly what the viewer has to reconcile.
 *
 * The resource writers live by family in chart-history.ts, chart-diagnostics.ts and chart-medications.ts;
 * this class is the one surface the stories and the population generator write through.
 */
import type {
  AllergyIntolerance,
  Attachment,
  Binary,
  Composition,
  DocumentReference,
  Condition,
  DiagnosticReport,
  Encounter,
  Flag,
  Immunization,
  MedicationDispense,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Procedure,
  Reference,
} from '@medplum/fhirtypes';
import type { Coding } from '../clinical/terminology';
import type { Sensitivity } from './chart-coding';
import { ChartCore } from './chart-core';
import { writeBinary, writeComposition, writeDocumentReference, type CompositionOptions, type DocumentOptions } from './chart-documents';
import { writeBloodGroup, writeImagingReport, writeLabReport, writeObservation, type ObservationOptions } from './chart-diagnostics';
import {
  writeAllergy,
  writeCondition,
  writeEncounter,
  writeImmunization,
  writeNoKnownAllergy,
  writeProcedure,
  type AllergyOptions,
  type ConditionOptions,
  type EncounterOptions,
} from './chart-history';
import { writeBloodPressurePanel, writeFlag, type BloodPressureOptions, type FlagOptions } from './chart-vitals';
import {
  writeMedicationDispense,
  writeMedicationRequest,
  writeMedicationStatement,
  type DispenseOptions,
  type MedOptions,
  type MedRequestOptions,
} from './chart-medications';

export { ANALYTE_PROFILE } from './analyte-profiles';
export {
  CATEGORY_SYSTEMS,
  MODALITY_EXTENSION,
  analyte,
  condition,
  drug,
  escapeXml,
  hospitalStyle,
  securityLabels,
  type ConditionCoding,
  type DrugCoding,
  type HospitalStyle,
  type LabCoding,
  type Sensitivity,
} from './chart-coding';
export { dateDaysAgo, dateTimeDaysAgo, setAnchorDate } from './chart-dates';
export type { ObservationOptions } from './chart-diagnostics';
export type { MedOptions } from './chart-medications';

/** Writes one hospital's chart for one patient into the shared output list. */
export class Chart extends ChartCore {
  encounter(opts: EncounterOptions): Encounter {
    return writeEncounter(this, opts);
  }

  observation(key: string, opts: ObservationOptions): Observation {
    return writeObservation(this, key, opts);
  }

  bloodPressurePanel(opts: BloodPressureOptions): Observation {
    return writeBloodPressurePanel(this, opts);
  }

  flag(opts: FlagOptions): Flag {
    return writeFlag(this, opts);
  }

  bloodGroup(daysAgo: number, text: string, snomed: string): Observation {
    return writeBloodGroup(this, daysAgo, text, snomed);
  }

  labReport(title: string, results: Observation[], daysAgo: number, conclusion: string, sensitivity?: Sensitivity): DiagnosticReport {
    return writeLabReport(this, title, results, daysAgo, conclusion, sensitivity);
  }

  imagingReport(
    studyKey: string,
    daysAgo: number,
    findings: string,
    conclusion: string,
    conclusionSnomed?: { code: string; display: string },
    encounter?: Reference<Encounter>,
  ): DiagnosticReport {
    return writeImagingReport(this, studyKey, daysAgo, findings, conclusion, conclusionSnomed, encounter);
  }

  condition(key: string, opts: ConditionOptions): Condition {
    return writeCondition(this, key, opts);
  }

  medicationStatement(key: string, opts: MedOptions): MedicationStatement {
    return writeMedicationStatement(this, key, opts);
  }

  medicationRequest(key: string, opts: MedRequestOptions): MedicationRequest {
    return writeMedicationRequest(this, key, opts);
  }

  medicationDispense(key: string, opts: DispenseOptions): MedicationDispense {
    return writeMedicationDispense(this, key, opts);
  }

  allergy(substanceKey: string, opts: AllergyOptions): AllergyIntolerance {
    return writeAllergy(this, substanceKey, opts);
  }

  noKnownAllergy(daysAgo: number, code: Coding): AllergyIntolerance {
    return writeNoKnownAllergy(this, daysAgo, code);
  }

  immunization(vaccineKey: string, daysAgo: number, doseNumber = 1): Immunization {
    return writeImmunization(this, vaccineKey, daysAgo, doseNumber);
  }

  procedure(text: string, snomed: string, daysAgo: number, encounter?: Reference<Encounter>): Procedure {
    return writeProcedure(this, text, snomed, daysAgo, encounter);
  }

  document(opts: DocumentOptions): DocumentReference {
    return writeDocumentReference(this, opts);
  }

  composition(opts: CompositionOptions): Composition {
    return writeComposition(this, opts);
  }

  /** Stores the bytes as this hospital's Binary and returns the attachment that names it. */
  binaryAttachment(contentType: string, bytes: Uint8Array | string, daysAgo: number, title: string): Attachment {
    const bin: Binary = writeBinary(this, contentType, bytes, daysAgo);
    const size = typeof bytes === 'string' ? new TextEncoder().encode(bytes).length : bytes.length;
    return { contentType, url: `Binary/${bin.id ?? ''}`, size, title };
  }
}
