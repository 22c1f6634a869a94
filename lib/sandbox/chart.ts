/**
 * Builders for realistic FHIR R4 resources, one `Chart` per (hospital, patient). Each hospital codes the
 * same concept its own way (its `HospitalStyle`), which is exactly what the viewer has to reconcile.
 */
import type {
  AllergyIntolerance,
  CodeableConcept,
  Coding as FhirCoding,
  Condition,
  DiagnosticReport,
  Encounter,
  Immunization,
  MedicationDispense,
  MedicationRequest,
  MedicationStatement,
  Meta,
  Observation,
  Organization,
  Patient,
  Procedure,
  Quantity,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import {
  ALLERGY_SUBSTANCES,
  ANALYTES,
  CONDITIONS,
  DRUGS,
  IMAGING_STUDIES,
  SENSITIVE_SECURITY_CODES,
  SYSTEMS,
  VACCINES,
  type AnalyteDef,
  type Coding,
  type ConditionDef,
  type DrugDef,
} from '../clinical/terminology';
import type { SandboxHospital } from './demo-catalog';
import type { StoredResource } from './model';

export const CATEGORY_SYSTEMS = {
  observation: 'http://terminology.hl7.org/CodeSystem/observation-category',
  v20074: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  condition: 'http://terminology.hl7.org/CodeSystem/condition-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
} as const;

export const MODALITY_EXTENSION = 'https://terms.sil-th.org/fhir/StructureDefinition/imaging-modality';

export type LabCoding = 'loinc' | 'tmlt' | 'both';
export type DrugCoding = 'tmt' | 'tmt+atc' | 'atc' | 'rxnorm+atc';
export type ConditionCoding = 'icd10tm' | 'icd10tm+snomed' | 'icd10' | 'icd10+snomed';

export interface HospitalStyle {
  lab: LabCoding;
  drug: DrugCoding;
  condition: ConditionCoding;
  /** Units this hospital reports in when not the canonical one (analyte key → unit). */
  units: Record<string, string>;
  /** Multiplier for the reference range width, so each lab's range differs a little. */
  rangeSkew: number;
}

const STYLE_BY_AFFILIATION: Record<SandboxHospital['affiliation'], Omit<HospitalStyle, 'units' | 'rangeSkew'>> = {
  BMA: { lab: 'tmlt', drug: 'tmt', condition: 'icd10tm' },
  MOPH: { lab: 'both', drug: 'tmt+atc', condition: 'icd10tm+snomed' },
  university: { lab: 'loinc', drug: 'rxnorm+atc', condition: 'icd10' },
  private: { lab: 'loinc', drug: 'atc', condition: 'icd10+snomed' },
};

// Which hospitals report in SI units; fixed so demo stories (mg/dL at one, mmol/L at another) hold.
const SI_UNITS: Record<string, Record<string, string>> = {
  '10661': { glucose: 'mmol/L' },
  '24001': { glucose: 'mmol/L', ldl: 'mmol/L' },
  '13781': { creatinine: 'umol/L', haemoglobin: 'g/L' },
};

export function hospitalStyle(h: SandboxHospital): HospitalStyle {
  const base = STYLE_BY_AFFILIATION[h.affiliation];
  const skew = 0.92 + (Number(h.hcode) % 7) * 0.025;
  return { ...base, units: SI_UNITS[h.hcode] ?? {}, rangeSkew: skew };
}

/** Typical values and adult reference ranges, in each analyte's canonical unit. */
export const ANALYTE_PROFILE: Record<string, { mean: number; sd: number; low: number; high: number; decimals: number }> = {
  glucose: { mean: 105, sd: 18, low: 70, high: 100, decimals: 0 },
  hba1c: { mean: 6.2, sd: 0.8, low: 4.0, high: 6.0, decimals: 1 },
  creatinine: { mean: 0.95, sd: 0.2, low: 0.6, high: 1.2, decimals: 2 },
  egfr: { mean: 85, sd: 15, low: 90, high: 120, decimals: 0 },
  potassium: { mean: 4.1, sd: 0.35, low: 3.5, high: 5.1, decimals: 1 },
  sodium: { mean: 139, sd: 2.5, low: 135, high: 145, decimals: 0 },
  haemoglobin: { mean: 13.2, sd: 1.3, low: 12.0, high: 16.0, decimals: 1 },
  inr: { mean: 1.0, sd: 0.08, low: 0.8, high: 1.2, decimals: 1 },
  troponin: { mean: 6, sd: 3, low: 0, high: 14, decimals: 0 },
  ldl: { mean: 120, sd: 25, low: 0, high: 130, decimals: 0 },
  alt: { mean: 25, sd: 9, low: 5, high: 40, decimals: 0 },
  wbc: { mean: 7.2, sd: 1.6, low: 4.0, high: 10.0, decimals: 1 },
  platelets: { mean: 260, sd: 50, low: 150, high: 400, decimals: 0 },
  systolic: { mean: 125, sd: 12, low: 90, high: 130, decimals: 0 },
  diastolic: { mean: 78, sd: 8, low: 60, high: 85, decimals: 0 },
  'heart-rate': { mean: 78, sd: 9, low: 60, high: 100, decimals: 0 },
  temperature: { mean: 36.8, sd: 0.3, low: 36.0, high: 37.5, decimals: 1 },
  weight: { mean: 62, sd: 10, low: 0, high: 0, decimals: 1 },
  spo2: { mean: 98, sd: 1, low: 95, high: 100, decimals: 0 },
};

function findByKey<T extends { key: string }>(list: readonly T[], key: string, what: string): T {
  const item = list.find((x) => x.key === key);
  if (!item) throw new Error(`unknown ${what} ${key}`);
  return item;
}

export const analyte = (key: string): AnalyteDef => findByKey(ANALYTES, key, 'analyte');
export const drug = (key: string): DrugDef => findByKey(DRUGS, key, 'drug');
export const condition = (key: string): ConditionDef => findByKey(CONDITIONS, key, 'condition');

export type Sensitivity = 'HIV' | 'PSY' | 'SUD';

export function securityLabels(kind: Sensitivity): FhirCoding[] {
  const act = SENSITIVE_SECURITY_CODES.find((c) => c.code === kind);
  const restricted = SENSITIVE_SECURITY_CODES.find((c) => c.code === 'R');
  return [act, restricted].filter((c): c is Coding => c !== undefined).map((c) => ({ system: c.system, code: c.code }));
}

const DAY_MS = 86_400_000;
let ANCHOR_UTC = Date.UTC(2026, 10, 15);

/**
 * Sets the day the generated histories are counted back from. The sandbox uses the day it starts, so a
 * demo's "current" medications stay current; a fixed anchor gives byte-identical data for a seed.
 */
export function setAnchorDate(isoDate: string): void {
  const t = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(t)) throw new Error(`invalid anchor date: ${isoDate}`);
  ANCHOR_UTC = t;
}

/** A date-time `daysAgo` days before the anchor, at a clinic-hours time, in Thai time. */
export function dateTimeDaysAgo(daysAgo: number, minuteOfDay = 9 * 60): string {
  const d = new Date(ANCHOR_UTC - Math.round(daysAgo) * DAY_MS);
  const hh = String(Math.floor(minuteOfDay / 60) % 24).padStart(2, '0');
  const mi = String(minuteOfDay % 60).padStart(2, '0');
  return `${d.toISOString().slice(0, 10)}T${hh}:${mi}:00+07:00`;
}

export function dateDaysAgo(daysAgo: number): string {
  return new Date(ANCHOR_UTC - Math.round(daysAgo) * DAY_MS).toISOString().slice(0, 10);
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function qty(value: number, unit: string): Quantity {
  return { value, unit, system: SYSTEMS.ucum, code: unit };
}

function cc(codings: FhirCoding[], text: string): CodeableConcept {
  return { coding: codings, text };
}

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
};

export interface ObservationOptions {
  daysAgo: number;
  value: number;
  encounter?: Reference<Encounter>;
  sensitivity?: Sensitivity;
  /** Overrides the hospital's unit for this analyte. */
  unit?: string;
  minute?: number;
}

export interface MedOptions {
  startDaysAgo: number;
  endDaysAgo?: number;
  status: 'active' | 'stopped' | 'completed';
  dose?: string;
  reason?: string;
  sensitivity?: Sensitivity;
}

/** Writes one hospital's chart for one patient into the shared output list. */
export class Chart {
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

  private orgRef(): Reference<Organization> {
    return { reference: `Organization/${this.hospital.hcode}`, display: this.hospital.nameTh };
  }

  private meta(lastUpdated: string, sensitivity?: Sensitivity): Meta {
    const meta: Meta = { lastUpdated, source: `https://hie.sandbox.local/hospitals/${this.hospital.hcode}` };
    if (sensitivity) meta.security = securityLabels(sensitivity);
    return meta;
  }

  private newId(type: string): string {
    this.counter += 1;
    return `${TYPE_PREFIX[type] ?? 'res'}-${this.localId}-${this.counter}`;
  }

  private push<T extends Resource>(resource: T): T {
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

  encounter(opts: {
    daysAgo: number;
    kind: 'AMB' | 'IMP' | 'EMER';
    reason?: string;
    lengthDays?: number;
    sensitivity?: Sensitivity;
  }): Encounter {
    const classDisplay = { AMB: 'ambulatory', IMP: 'inpatient encounter', EMER: 'emergency' }[opts.kind];
    const typeText = { AMB: 'ผู้ป่วยนอก / Outpatient visit', IMP: 'ผู้ป่วยใน / Admission', EMER: 'ห้องฉุกเฉิน / Emergency visit' }[opts.kind];
    const start = dateTimeDaysAgo(opts.daysAgo, opts.kind === 'EMER' ? 22 * 60 + 15 : 8 * 60 + 30);
    const end =
      opts.kind === 'IMP'
        ? dateTimeDaysAgo(opts.daysAgo - (opts.lengthDays ?? 4), 11 * 60)
        : dateTimeDaysAgo(opts.daysAgo, opts.kind === 'EMER' ? 23 * 60 + 50 : 11 * 60);
    const enc: Encounter = {
      resourceType: 'Encounter',
      id: this.newId('Encounter'),
      meta: this.meta(end, opts.sensitivity),
      status: 'finished',
      class: { system: CATEGORY_SYSTEMS.actCode, code: opts.kind, display: classDisplay },
      type: [{ text: typeText }],
      subject: this.patientRef,
      period: { start, end },
      serviceProvider: this.orgRef(),
    };
    if (opts.reason) enc.reasonCode = [{ text: opts.reason }];
    if (opts.kind === 'IMP') enc.hospitalization = { dischargeDisposition: { text: 'Discharged home' } };
    return this.push(enc);
  }

  observation(key: string, opts: ObservationOptions): Observation {
    const a = analyte(key);
    const profile = ANALYTE_PROFILE[key];
    if (!profile) throw new Error(`no profile for ${key}`);
    const unit = opts.unit ?? this.style.units[key] ?? a.unit;
    const conversion = a.conversions.find((c) => c.unit === unit);
    const toUnit = (canonical: number): number => (conversion ? canonical / conversion.factor : canonical);
    const decimals = conversion ? Math.max(profile.decimals, unit === 'mmol/L' ? 1 : 0) : profile.decimals;
    const value = round(toUnit(opts.value), decimals);
    const effective = dateTimeDaysAgo(opts.daysAgo, opts.minute ?? 8 * 60 + 10);
    const obs: Observation = {
      resourceType: 'Observation',
      id: this.newId('Observation'),
      meta: this.meta(dateTimeDaysAgo(opts.daysAgo, (opts.minute ?? 8 * 60 + 10) + 120), opts.sensitivity),
      status: 'final',
      category: [
        {
          coding: [
            { system: CATEGORY_SYSTEMS.observation, code: a.category, display: a.category === 'laboratory' ? 'Laboratory' : 'Vital Signs' },
          ],
        },
      ],
      code: this.labCode(a),
      subject: this.patientRef,
      effectiveDateTime: effective,
      issued: dateTimeDaysAgo(opts.daysAgo, (opts.minute ?? 8 * 60 + 10) + 90).replace('+07:00', '.000+07:00'),
      performer: [this.orgRef()],
      valueQuantity: qty(value, unit),
    };
    if (opts.encounter) obs.encounter = opts.encounter;
    if (profile.high > 0) {
      const low = round(toUnit(profile.low * (key === 'egfr' || profile.low === 0 ? 1 : this.style.rangeSkew)), decimals);
      const high = round(toUnit(profile.high * (2 - this.style.rangeSkew)), decimals);
      obs.referenceRange = [{ low: qty(low, unit), high: qty(high, unit), text: `${low}–${high} ${unit}` }];
      const flag = value > high * 1.5 ? 'HH' : value > high ? 'H' : value < low * 0.6 ? 'LL' : value < low ? 'L' : 'N';
      const display = { HH: 'Critical high', H: 'High', LL: 'Critical low', L: 'Low', N: 'Normal' }[flag];
      obs.interpretation = [{ coding: [{ system: CATEGORY_SYSTEMS.interpretation, code: flag, display }] }];
    }
    return this.push(obs);
  }

  bloodGroup(daysAgo: number, text: string, snomed: string): Observation {
    return this.push<Observation>({
      resourceType: 'Observation',
      id: this.newId('Observation'),
      meta: this.meta(dateTimeDaysAgo(daysAgo, 10 * 60)),
      status: 'final',
      category: [{ coding: [{ system: CATEGORY_SYSTEMS.observation, code: 'laboratory', display: 'Laboratory' }] }],
      code: cc([{ system: SYSTEMS.loinc, code: '882-1', display: 'ABO and Rh group [Type] in Blood' }], 'Blood group'),
      subject: this.patientRef,
      effectiveDateTime: dateTimeDaysAgo(daysAgo, 9 * 60),
      performer: [this.orgRef()],
      valueCodeableConcept: cc([{ system: SYSTEMS.snomed, code: snomed, display: text }], text),
    });
  }

  labReport(title: string, results: Observation[], daysAgo: number, conclusion: string, sensitivity?: Sensitivity): DiagnosticReport {
    return this.push<DiagnosticReport>({
      resourceType: 'DiagnosticReport',
      id: this.newId('DiagnosticReport'),
      meta: this.meta(dateTimeDaysAgo(daysAgo, 11 * 60), sensitivity),
      status: 'final',
      category: [
        {
          coding: [
            { system: CATEGORY_SYSTEMS.v20074, code: 'LAB', display: 'Laboratory' },
            { system: CATEGORY_SYSTEMS.observation, code: 'laboratory', display: 'Laboratory' },
          ],
        },
      ],
      code: { text: title },
      subject: this.patientRef,
      effectiveDateTime: dateTimeDaysAgo(daysAgo, 8 * 60 + 10),
      issued: dateTimeDaysAgo(daysAgo, 10 * 60 + 30).replace('+07:00', '.000+07:00'),
      performer: [this.orgRef()],
      result: results.map((r) => this.ref(r)),
      conclusion,
    });
  }

  imagingReport(
    studyKey: string,
    daysAgo: number,
    findings: string,
    conclusion: string,
    conclusionSnomed?: { code: string; display: string },
    encounter?: Reference<Encounter>,
  ): DiagnosticReport {
    const s = findByKey(IMAGING_STUDIES, studyKey, 'imaging study');
    const reportText = `${s.en} (${s.th})\nFindings: ${findings}\nImpression: ${conclusion}`;
    const report: DiagnosticReport = {
      resourceType: 'DiagnosticReport',
      id: this.newId('DiagnosticReport'),
      meta: this.meta(dateTimeDaysAgo(daysAgo, 15 * 60)),
      status: 'final',
      extension: [{ url: MODALITY_EXTENSION, valueCoding: { system: SYSTEMS.dicomModality, code: s.modality } }],
      category: [
        {
          coding: [
            { system: CATEGORY_SYSTEMS.v20074, code: 'RAD', display: 'Radiology' },
            { system: CATEGORY_SYSTEMS.observation, code: 'imaging', display: 'Imaging' },
          ],
        },
      ],
      code: cc(
        [
          { system: SYSTEMS.loinc, code: s.loinc, display: s.en },
          { system: SYSTEMS.dicomModality, code: s.modality },
        ],
        s.en,
      ),
      subject: this.patientRef,
      effectiveDateTime: dateTimeDaysAgo(daysAgo, 13 * 60),
      issued: dateTimeDaysAgo(daysAgo, 15 * 60).replace('+07:00', '.000+07:00'),
      performer: [this.orgRef()],
      conclusion,
      presentedForm: [
        { contentType: 'text/plain; charset=utf-8', language: 'en', title: s.en, data: Buffer.from(reportText, 'utf8').toString('base64') },
      ],
      text: {
        status: 'generated',
        div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${escapeXml(findings)}</p><p><b>Impression:</b> ${escapeXml(conclusion)}</p></div>`,
      },
    };
    if (conclusionSnomed) report.conclusionCode = [cc([{ system: SYSTEMS.snomed, ...conclusionSnomed }], conclusionSnomed.display)];
    if (encounter) report.encounter = encounter;
    return this.push(report);
  }

  condition(key: string, opts: { onsetDaysAgo: number; resolvedDaysAgo?: number; encounter?: Reference<Encounter> }): Condition {
    const c = condition(key);
    const resolved = opts.resolvedDaysAgo !== undefined;
    const cond: Condition = {
      resourceType: 'Condition',
      id: this.newId('Condition'),
      meta: this.meta(dateTimeDaysAgo(opts.resolvedDaysAgo ?? opts.onsetDaysAgo, 11 * 60), c.sensitive),
      clinicalStatus: cc(
        [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: resolved ? 'resolved' : 'active' }],
        resolved ? 'Resolved' : 'Active',
      ),
      verificationStatus: cc([{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }], 'Confirmed'),
      category: [
        {
          coding: [
            c.chronic
              ? { system: CATEGORY_SYSTEMS.condition, code: 'problem-list-item', display: 'Problem List Item' }
              : { system: CATEGORY_SYSTEMS.condition, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' },
          ],
        },
      ],
      code: this.conditionCode(c),
      subject: this.patientRef,
      onsetDateTime: dateTimeDaysAgo(opts.onsetDaysAgo, 9 * 60),
      recordedDate: dateTimeDaysAgo(opts.onsetDaysAgo, 9 * 60 + 30),
    };
    if (resolved) cond.abatementDateTime = dateTimeDaysAgo(opts.resolvedDaysAgo ?? 0, 9 * 60);
    if (opts.encounter) cond.encounter = opts.encounter;
    return this.push(cond);
  }

  medicationStatement(key: string, opts: MedOptions): MedicationStatement {
    const d = drug(key);
    const sensitivity = opts.sensitivity ?? d.sensitive;
    const ms: MedicationStatement = {
      resourceType: 'MedicationStatement',
      id: this.newId('MedicationStatement'),
      meta: this.meta(dateTimeDaysAgo(opts.endDaysAgo ?? opts.startDaysAgo, 10 * 60), sensitivity),
      status: opts.status,
      medicationCodeableConcept: this.drugCode(d),
      subject: this.patientRef,
      effectivePeriod:
        opts.endDaysAgo !== undefined
          ? { start: dateDaysAgo(opts.startDaysAgo), end: dateDaysAgo(opts.endDaysAgo) }
          : { start: dateDaysAgo(opts.startDaysAgo) },
      dateAsserted: dateTimeDaysAgo(opts.endDaysAgo ?? opts.startDaysAgo, 10 * 60),
      informationSource: this.orgRef(),
      dosage: [{ text: opts.dose ?? d.dose }],
    };
    if (opts.status === 'stopped') ms.statusReason = [{ text: opts.reason ?? 'Stopped by physician' }];
    else if (opts.reason) ms.reasonCode = [{ text: opts.reason }];
    return this.push(ms);
  }

  medicationRequest(key: string, opts: MedOptions & { encounter?: Reference<Encounter>; supplyDays?: number }): MedicationRequest {
    const d = drug(key);
    const sensitivity = opts.sensitivity ?? d.sensitive;
    const supply = opts.supplyDays ?? 90;
    const mr: MedicationRequest = {
      resourceType: 'MedicationRequest',
      id: this.newId('MedicationRequest'),
      meta: this.meta(dateTimeDaysAgo(opts.endDaysAgo ?? opts.startDaysAgo, 10 * 60 + 20), sensitivity),
      status: opts.status,
      intent: 'order',
      medicationCodeableConcept: this.drugCode(d),
      subject: this.patientRef,
      authoredOn: dateTimeDaysAgo(opts.startDaysAgo, 10 * 60 + 15),
      requester: { display: `แพทย์ผู้สั่ง ${this.hospital.nameTh}` },
      dosageInstruction: [{ text: opts.dose ?? d.dose }],
      dispenseRequest: {
        validityPeriod: {
          start: dateDaysAgo(opts.startDaysAgo),
          end: dateDaysAgo(opts.endDaysAgo ?? Math.max(opts.startDaysAgo - supply, -30)),
        },
        expectedSupplyDuration: { value: supply, unit: 'days', system: SYSTEMS.ucum, code: 'd' },
      },
    };
    if (opts.encounter) mr.encounter = opts.encounter;
    if (opts.status === 'stopped') mr.statusReason = { text: opts.reason ?? 'Discontinued' };
    else if (opts.reason) mr.reasonCode = [{ text: opts.reason }];
    return this.push(mr);
  }

  medicationDispense(
    key: string,
    opts: { daysAgo: number; quantity: number; daysSupply: number; dose?: string; sensitivity?: Sensitivity },
  ): MedicationDispense {
    const d = drug(key);
    return this.push({
      resourceType: 'MedicationDispense',
      id: this.newId('MedicationDispense'),
      meta: this.meta(dateTimeDaysAgo(opts.daysAgo, 16 * 60), opts.sensitivity ?? d.sensitive),
      status: 'completed',
      medicationCodeableConcept: this.drugCode(d),
      subject: this.patientRef,
      performer: [{ actor: this.orgRef() }],
      quantity: { value: opts.quantity, unit: 'unit', system: SYSTEMS.ucum, code: '1' },
      daysSupply: { value: opts.daysSupply, unit: 'days', system: SYSTEMS.ucum, code: 'd' },
      whenHandedOver: dateTimeDaysAgo(opts.daysAgo, 16 * 60),
      dosageInstruction: [{ text: opts.dose ?? d.dose }],
    });
  }

  allergy(
    substanceKey: string,
    opts: { code: Coding; daysAgo: number; reaction: string; reactionSnomed: string; severity: 'mild' | 'moderate' | 'severe' },
  ): AllergyIntolerance {
    const s = findByKey(ALLERGY_SUBSTANCES, substanceKey, 'allergy substance');
    return this.push({
      resourceType: 'AllergyIntolerance',
      id: this.newId('AllergyIntolerance'),
      meta: this.meta(dateTimeDaysAgo(opts.daysAgo, 10 * 60)),
      clinicalStatus: cc([{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }], 'Active'),
      verificationStatus: cc(
        [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }],
        'Confirmed',
      ),
      type: 'allergy',
      category: [s.drugClass ? 'medication' : substanceKey === 'shellfish' ? 'food' : 'environment'],
      criticality: opts.severity === 'severe' ? 'high' : 'low',
      code: cc([{ ...opts.code, display: s.en }], `${s.th} (${s.en})`),
      patient: this.patientRef,
      recordedDate: dateTimeDaysAgo(opts.daysAgo, 10 * 60),
      reaction: [
        {
          manifestation: [cc([{ system: SYSTEMS.snomed, code: opts.reactionSnomed, display: opts.reaction }], opts.reaction)],
          severity: opts.severity,
        },
      ],
    });
  }

  noKnownAllergy(daysAgo: number, code: Coding): AllergyIntolerance {
    return this.push<AllergyIntolerance>({
      resourceType: 'AllergyIntolerance',
      id: this.newId('AllergyIntolerance'),
      meta: this.meta(dateTimeDaysAgo(daysAgo, 10 * 60)),
      clinicalStatus: cc([{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }], 'Active'),
      verificationStatus: cc(
        [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }],
        'Confirmed',
      ),
      code: cc([{ ...code, display: 'No known allergy' }], 'ไม่มีประวัติแพ้ (No known allergy)'),
      patient: this.patientRef,
      recordedDate: dateTimeDaysAgo(daysAgo, 10 * 60),
    });
  }

  immunization(vaccineKey: string, daysAgo: number, doseNumber = 1): Immunization {
    const v = findByKey(VACCINES, vaccineKey, 'vaccine');
    return this.push({
      resourceType: 'Immunization',
      id: this.newId('Immunization'),
      meta: this.meta(dateTimeDaysAgo(daysAgo, 11 * 60)),
      status: 'completed',
      vaccineCode: cc([{ system: SYSTEMS.cvx, code: v.cvx, display: v.en }], v.th),
      patient: this.patientRef,
      occurrenceDateTime: dateTimeDaysAgo(daysAgo, 10 * 60 + 30),
      primarySource: true,
      lotNumber: `LOT${v.cvx}${String(daysAgo % 997).padStart(3, '0')}`,
      performer: [{ actor: this.orgRef() }],
      protocolApplied: [{ doseNumberPositiveInt: doseNumber }],
    });
  }

  procedure(text: string, snomed: string, daysAgo: number, encounter?: Reference<Encounter>): Procedure {
    const p: Procedure = {
      resourceType: 'Procedure',
      id: this.newId('Procedure'),
      meta: this.meta(dateTimeDaysAgo(daysAgo, 14 * 60)),
      status: 'completed',
      code: cc([{ system: SYSTEMS.snomed, code: snomed, display: text }], text),
      subject: this.patientRef,
      performedDateTime: dateTimeDaysAgo(daysAgo, 13 * 60),
    };
    if (encounter) p.encounter = encounter;
    return this.push(p);
  }
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}
