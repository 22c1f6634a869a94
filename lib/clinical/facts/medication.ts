/** MedicationStatement, MedicationRequest and MedicationDispense → medication facts. */
import type {
  CodeableConcept,
  Medication,
  MedicationDispense,
  MedicationRequest,
  MedicationStatement,
  Quantity,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import { SYSTEMS, type DrugDef } from '../terminology';
import { drugClassFromAtc, drugClassesOf, drugIndex, highRiskFromAtc, noneKnownIndex } from '../terminology-index';
import type { NoneKnownRow } from '../terminology/none-known';
import type { FactStatus, MedicationFact, MedicationSource, Period } from '../types';
import { base, fallbackKey, quantityText, textOf, toCodes } from './shared';

type MedicationHolder = { medicationCodeableConcept?: CodeableConcept; medicationReference?: Reference; contained?: Resource[] };

function medicationConcept(r: MedicationHolder, medications: Map<string, Medication> | undefined): CodeableConcept | undefined {
  if (r.medicationCodeableConcept !== undefined) return r.medicationCodeableConcept;
  const ref = r.medicationReference?.reference;
  if (ref === undefined) return r.medicationReference?.display !== undefined ? { text: r.medicationReference.display } : undefined;
  if (ref.startsWith('#')) {
    const id = ref.slice(1);
    for (const c of r.contained ?? []) if (c.resourceType === 'Medication' && c.id === id) return c.code;
  } else if (medications !== undefined) {
    const m = medications.get(ref.startsWith('Medication/') ? ref.slice(11) : ref);
    if (m !== undefined) return m.code;
  }
  return r.medicationReference?.display !== undefined ? { text: r.medicationReference.display } : undefined;
}

const MED_STATUS: Record<string, FactStatus> = {
  active: 'active',
  completed: 'completed',
  stopped: 'stopped',
  'on-hold': 'on-hold',
  intended: 'intended',
  'not-taken': 'not-taken',
  cancelled: 'cancelled',
  draft: 'intended',
  declined: 'cancelled',
  preparation: 'in-progress',
  'in-progress': 'in-progress',
  unknown: 'unknown',
};

export function medicationFact(
  r: MedicationStatement | MedicationRequest | MedicationDispense,
  hospitalCode: string,
  source: MedicationSource,
  date: string | undefined,
  dose: string | undefined,
  period: Period | undefined,
  medications: Map<string, Medication> | undefined,
): MedicationFact | null {
  if (r.status === 'entered-in-error') return null;
  const concept = medicationConcept(r, medications);
  const codes = toCodes(concept);
  const display = textOf(concept);
  let drug: DrugDef | undefined;
  let atc: string | undefined;
  // "No known medications" is a statement about the list, never a drug on it.
  let noneKnown: NoneKnownRow | undefined;
  for (const c of codes) {
    drug ??= drugIndex.get(c.system, c.code);
    if (atc === undefined && c.system === SYSTEMS.atc) atc = c.code;
    if (noneKnown === undefined) {
      const nk = noneKnownIndex.get(c.system, c.code);
      if (nk?.topic === 'medication') noneKnown = nk;
    }
  }
  const b = base(
    r,
    hospitalCode,
    date,
    noneKnown !== undefined ? 'none-known|medication' : (drug?.key ?? fallbackKey(codes, display)),
    codes,
    display,
    r.status === undefined ? 'unknown' : (MED_STATUS[r.status] ?? 'unknown'),
    drug ?? noneKnown,
  );
  const classes = drug !== undefined ? drugClassesOf(drug) : undefined;
  let drugClass = classes?.drugClass;
  let highRisk = classes?.highRisk;
  if (drug !== undefined) atc ??= drug.atc[0];
  else if (atc !== undefined) {
    drugClass = drugClassFromAtc(atc);
    highRisk = highRiskFromAtc(atc);
  }
  return {
    id: b.id,
    hospitalCode: b.hospitalCode,
    resourceType: b.resourceType,
    resourceId: b.resourceId,
    date: b.date,
    conceptKey: b.conceptKey,
    codes: b.codes,
    display: b.display,
    nameTh: b.nameTh,
    nameEn: b.nameEn,
    status: b.status,
    sealed: b.sealed,
    kind: 'medication',
    source,
    dose: dose !== undefined && dose !== '' ? dose : undefined,
    period,
    drugKey: drug?.key,
    drugClass,
    highRisk,
    atc,
    daysSupply: undefined,
    noneKnown: noneKnown !== undefined ? true : undefined,
    ...medicationReasons(r),
  };
}

function joinedText(concepts: readonly CodeableConcept[] | undefined): string | undefined {
  const text = (concepts ?? [])
    .map(textOf)
    .filter((t) => t !== '')
    .join('; ');
  return text === '' ? undefined : text;
}

/**
 * Why the course was stopped or changed, as the hospital wrote it (`statusReason`). `reasonCode` is kept
 * apart as the indication: shown as a stop reason, "Type 2 diabetes" would read as why metformin was stopped.
 */
function medicationReasons(r: MedicationStatement | MedicationRequest | MedicationDispense): {
  statusReason?: string;
  indication?: string;
} {
  if (r.resourceType === 'MedicationDispense') return {};
  const statusReason =
    r.resourceType === 'MedicationStatement'
      ? joinedText(r.statusReason)
      : joinedText(r.statusReason === undefined ? undefined : [r.statusReason]);
  return { statusReason, indication: joinedText(r.reasonCode) };
}

export function dosageText(d: { text?: string; doseAndRate?: { doseQuantity?: Quantity }[] }[] | undefined): string | undefined {
  const first = d?.[0];
  if (first === undefined) return undefined;
  if (first.text !== undefined && first.text !== '') return first.text;
  return quantityText(first.doseAndRate?.[0]?.doseQuantity);
}
