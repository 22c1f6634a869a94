/**
 * Observation → lab or vital-sign facts (a panel that carries its values in components gives one fact per
 * component). The analyte from the terminology decides lab vs vital and the canonical unit.
 */
import type { CodeableConcept, Observation, ObservationReferenceRange, Quantity } from '@medplum/fhirtypes';
import { SYSTEMS, type AnalyteDef } from '../terminology';
import { BLOOD_GROUP_KEY, analyteIndex, bloodGroupIndex, vitalSignPanelLoinc } from '../terminology-index';
import type { ClinicalFact, FactStatus, LabFlag, ObservationFact } from '../types';
import { toCanonical } from '../units';
import { absentConceptNames, fallbackKey, sealedLabels, textOf, toCodes } from './shared';

const OBS_STATUS: Record<string, FactStatus> = {
  final: 'final',
  amended: 'amended',
  corrected: 'amended',
  preliminary: 'preliminary',
  registered: 'preliminary',
  cancelled: 'cancelled',
  unknown: 'unknown',
};

const INTERPRETATION_FLAGS: Record<string, LabFlag> = {
  H: 'H',
  HU: 'H',
  '>': 'H',
  L: 'L',
  LU: 'L',
  '<': 'L',
  HH: 'HH',
  LL: 'LL',
  A: 'A',
  AA: 'A',
  N: 'N',
};

function interpretationFlag(interpretation: CodeableConcept[] | undefined): LabFlag | undefined {
  if (interpretation === undefined) return undefined;
  for (const cc of interpretation) {
    for (const c of cc.coding ?? []) {
      const f = c.code !== undefined ? INTERPRETATION_FLAGS[c.code] : undefined;
      if (f !== undefined) return f;
    }
  }
  return undefined;
}

function hasCategory(categories: CodeableConcept[] | undefined, code: string): boolean {
  if (categories === undefined) return false;
  for (const cc of categories) for (const c of cc.coding ?? []) if (c.code === code) return true;
  return false;
}

interface ObservationValueSource {
  code: CodeableConcept;
  valueQuantity?: Quantity;
  valueString?: string;
  valueCodeableConcept?: CodeableConcept;
  valueInteger?: number;
  valueBoolean?: boolean;
  interpretation?: CodeableConcept[];
  referenceRange?: ObservationReferenceRange[];
}

function observationFact(
  r: Observation,
  src: ObservationValueSource,
  hospitalCode: string,
  idSuffix: string,
  categories: CodeableConcept[] | undefined,
): ObservationFact {
  const codes = toCodes(src.code);
  const display = textOf(src.code);
  let analyte: AnalyteDef | undefined;
  let bloodGroup = false;
  let vitalPanel = false;
  for (const c of codes) {
    analyte ??= analyteIndex.get(c.system, c.code);
    if (bloodGroupIndex.get(c.system, c.code) === true) bloodGroup = true;
    if (c.system === SYSTEMS.loinc && vitalSignPanelLoinc.has(c.code)) vitalPanel = true;
  }
  const absent = analyte === undefined && !bloodGroup ? absentConceptNames(codes, display) : undefined;
  const analyteKey =
    analyte?.key ??
    (bloodGroup
      ? BLOOD_GROUP_KEY
      : absent !== undefined
        ? 'absent|' + hospitalCode + '/Observation/' + (r.id ?? '') + idSuffix
        : fallbackKey(codes, display));
  // A known analyte says what it is; otherwise the resource's own category decides.
  const kind =
    analyte !== undefined
      ? analyte.category === 'vital-signs'
        ? 'vital'
        : 'lab'
      : vitalPanel || hasCategory(categories, 'vital-signs')
        ? 'vital'
        : 'lab';
  const names = analyte ?? (bloodGroup ? BLOOD_GROUP_NAMES : absent);
  const date = r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.effectiveInstant ?? r.issued;
  const labels = r.meta === undefined ? undefined : sealedLabels(r.meta);
  const resourceId = r.id ?? '';

  const fact: ObservationFact = {
    // Written out rather than through base(): this is the path 70 % of resources take. Every key is
    // present from the start (values filled in below), so all observation facts share one hidden class.
    id: hospitalCode + '/Observation/' + resourceId + idSuffix,
    hospitalCode,
    resourceType: 'Observation',
    resourceId,
    date: date !== undefined && date !== '' ? date : null,
    conceptKey: analyteKey,
    codes,
    display: display !== '' ? display : (names?.en ?? codes[0]?.code ?? ''),
    nameTh: names?.th,
    nameEn: names?.en,
    status: r.status === undefined ? 'unknown' : (OBS_STATUS[r.status] ?? 'unknown'),
    sealed: labels === undefined ? undefined : { labels },
    kind,
    analyteKey,
    value: undefined,
    unit: undefined,
    valueText: undefined,
    valueCode: undefined,
    canonicalValue: undefined,
    canonicalUnit: undefined,
    refLow: undefined,
    refHigh: undefined,
    refUnit: undefined,
    canonicalRefLow: undefined,
    canonicalRefHigh: undefined,
    flag: undefined,
  };
  readValue(fact, src, analyte);
  readRange(fact, src.referenceRange?.[0], analyte);
  fact.flag = interpretationFlag(src.interpretation) ?? computedFlag(fact);
  return fact;
}

/** The value as sent, and in the analyte's canonical unit when the unit converts. */
function readValue(fact: ObservationFact, src: ObservationValueSource, analyte: AnalyteDef | undefined): void {
  const q = src.valueQuantity;
  if (q?.value !== undefined) {
    const unit = q.unit ?? q.code;
    fact.value = q.value;
    fact.unit = unit;
    // Comparators (<, >) make the number a bound, not a value: keep it as text too.
    if (q.comparator !== undefined) fact.valueText = q.comparator + String(q.value) + (unit !== undefined ? ' ' + unit : '');
    if (analyte !== undefined) {
      const can =
        toCanonical(analyte.key, q.value, q.unit ?? '') ??
        (q.code !== undefined && q.code !== q.unit ? toCanonical(analyte.key, q.value, q.code) : null);
      if (can !== null) {
        fact.canonicalValue = can.value;
        fact.canonicalUnit = can.unit;
      }
    }
  } else if (src.valueInteger !== undefined) {
    fact.value = src.valueInteger;
  } else if (src.valueString !== undefined) {
    fact.valueText = src.valueString;
  } else if (src.valueCodeableConcept !== undefined) {
    fact.valueText = textOf(src.valueCodeableConcept);
    fact.valueCode = src.valueCodeableConcept.coding?.[0]?.code;
  } else if (src.valueBoolean !== undefined) {
    fact.valueText = src.valueBoolean ? 'yes' : 'no';
  }
}

/** The first reference range, in its own unit (else the value's) and in the canonical unit. */
function readRange(fact: ObservationFact, range: ObservationReferenceRange | undefined, analyte: AnalyteDef | undefined): void {
  if (range === undefined) return;
  const refLow = range.low?.value;
  const refHigh = range.high?.value;
  fact.refLow = refLow;
  fact.refHigh = refHigh;
  if (refLow === undefined && refHigh === undefined) return;
  const refUnit = range.low?.unit ?? range.high?.unit ?? range.low?.code ?? range.high?.code ?? fact.unit;
  fact.refUnit = refUnit;
  if (refUnit !== undefined && analyte !== undefined) {
    if (refLow !== undefined) fact.canonicalRefLow = toCanonical(analyte.key, refLow, refUnit)?.value;
    if (refHigh !== undefined) fact.canonicalRefHigh = toCanonical(analyte.key, refHigh, refUnit)?.value;
  }
}

const BLOOD_GROUP_NAMES = { th: 'หมู่เลือด', en: 'Blood group' };

/** Only H/L/N are computed from the range: critical bands are the laboratory's call, never inferred. */
function computedFlag(f: ObservationFact): LabFlag | undefined {
  if (f.value === undefined || f.valueText !== undefined) return undefined;
  // Compare in the range's own unit when it matches the value's; otherwise only in canonical units.
  let v: number | undefined;
  let low: number | undefined;
  let high: number | undefined;
  if (f.refUnit !== undefined && f.unit !== undefined && f.refUnit === f.unit) {
    v = f.value;
    low = f.refLow;
    high = f.refHigh;
  } else if (f.canonicalValue !== undefined) {
    v = f.canonicalValue;
    low = f.canonicalRefLow;
    high = f.canonicalRefHigh;
  } else if (f.refUnit === undefined && f.unit === undefined) {
    v = f.value;
    low = f.refLow;
    high = f.refHigh;
  }
  if (v === undefined || (low === undefined && high === undefined)) return undefined;
  if (high !== undefined && v > high) return 'H';
  if (low !== undefined && v < low) return 'L';
  return 'N';
}

export function observationFacts(r: Observation, hospitalCode: string, out: ClinicalFact[]): void {
  if (r.status === 'entered-in-error') return;
  const hasValue =
    r.valueQuantity !== undefined ||
    r.valueString !== undefined ||
    r.valueCodeableConcept !== undefined ||
    r.valueInteger !== undefined ||
    r.valueBoolean !== undefined;
  const components = r.component;
  // A panel (blood pressure) carries its values in components: each becomes its own fact.
  if (!hasValue && components !== undefined && components.length > 0) {
    for (let i = 0; i < components.length; i++) {
      const c = components[i]!;
      out.push(observationFact(r, c, hospitalCode, `#${i}`, r.category));
    }
    return;
  }
  out.push(observationFact(r, r, hospitalCode, '', r.category));
}
