/**
 * The part of a Chart every resource writer needs: ids, meta, references and this hospital's codings.
 * `meta`, `newId` and `push` are public only so the writers in chart-*.ts can use them; callers use `Chart`.
 */
import type { CodeableConcept, Meta, Organization, Patient, Reference, Resource } from '@medplum/fhirtypes';
import { SYSTEMS, type AnalyteDef, type ConditionDef, type DrugDef } from '../clinical/terminology';
import { cc, hospitalStyle, securityLabels, type HospitalStyle, type Sensitivity } from './chart-coding';
import type { SandboxHospital } from './demo-catalog';
import type { StoredResource } from './model';

const TYPE_PREFIX: Record<string, string> = {
  AllergyIntolerance: 'alg',
  MedicationStatement: 'mst',
  MedicationRequest: 'mrq',
  MedicationDispense: 'mdp',
  Condition: 'cnd',
  Observation: 'obs',
  DiagnosticReport: 'dxr',
  Immunization: 'imm',
  Procedure: 'prc',
  Encounter: 'enc',
  DocumentReference: 'doc',
  Composition: 'cmp',
  Binary: 'bin',
  Flag: 'flg',
};

/** The shared state of one hospital's chart for one patient. */
export class ChartCore {
  private counter = 0;
  readonly style: HospitalStyle;
  readonly patientRef: Reference<Patient>;

  constructor(
    readonly hospital: SandboxHospital,
    readonly cid: string,
    readonly localId: string,
    private readonly out: StoredResource[],
  ) {
    this.style = hospitalStyle(hospital);
    this.patientRef = { reference: `Patient/${localId}`, identifier: { system: hospital.cidSystem, value: cid } };
  }

  orgRef(): Reference<Organization> {
    return { reference: `Organization/${this.hospital.hcode}`, display: this.hospital.nameTh };
  }

  meta(lastUpdated: string, sensitivity?: Sensitivity): Meta {
    const meta: Meta = { lastUpdated, source: `https://hie.sandbox.local/hospitals/${this.hospital.hcode}` };
    if (sensitivity) meta.security = securityLabels(sensitivity);
    return meta;
  }

  newId(type: string): string {
    this.counter += 1;
    return `${TYPE_PREFIX[type] ?? 'res'}-${this.localId}-${this.counter}`;
  }

  push<T extends Resource>(resource: T): T {
    this.out.push({ hcode: this.hospital.hcode, cid: this.cid, resource });
    return resource;
  }

  ref<T extends Resource>(resource: T): Reference<T> {
    return { reference: `${resource.resourceType}/${resource.id ?? ''}` };
  }

  labCode(a: AnalyteDef): CodeableConcept {
    const loinc = a.loinc.map((code) => ({ system: SYSTEMS.loinc, code, display: a.en }));
    const tmlt = a.tmlt.map((code) => ({ system: SYSTEMS.tmlt, code, display: a.en }));
    // Vital signs have no TMLT code; every hospital falls back to LOINC for them.
    const chosen =
      this.style.lab === 'loinc' || tmlt.length === 0
        ? loinc.slice(0, 1)
        : this.style.lab === 'tmlt'
          ? tmlt.slice(0, 1)
          : [...tmlt.slice(0, 1), ...loinc.slice(0, 1)];
    return cc(chosen, this.style.lab === 'tmlt' && tmlt.length > 0 ? a.th : a.en);
  }

  drugCode(d: DrugDef): CodeableConcept {
    const tmt = d.tmt.map((code) => ({ system: SYSTEMS.tmt, code, display: d.en }));
    const atc = d.atc.map((code) => ({ system: SYSTEMS.atc, code, display: d.en }));
    const rx = d.rxnorm.map((code) => ({ system: SYSTEMS.rxnorm, code, display: d.en }));
    switch (this.style.drug) {
      case 'tmt':
        return cc(tmt, d.th);
      case 'tmt+atc':
        return cc([...tmt, ...atc], d.en);
      case 'atc':
        return cc(atc, d.en);
      case 'rxnorm+atc':
        return cc([...rx, ...atc], d.en);
    }
  }

  conditionCode(c: ConditionDef): CodeableConcept {
    const tm = { system: SYSTEMS.icd10tm, code: c.icd10tm, display: c.en };
    const who = { system: SYSTEMS.icd10, code: c.icd10, display: c.en };
    const sct = c.snomed ? [{ system: SYSTEMS.snomed, code: c.snomed, display: c.en }] : [];
    switch (this.style.condition) {
      case 'icd10tm':
        return cc([tm], c.th);
      case 'icd10tm+snomed':
        return cc([tm, ...sct], c.en);
      case 'icd10':
        return cc([who], c.en);
      case 'icd10+snomed':
        return cc([who, ...sct], c.en);
    }
  }
}
