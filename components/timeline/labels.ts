import { LANGS, type Lang } from '@/lib/i18n/format';
import type {
  AllergyFact,
  AllergyVerification,
  ConflictReason,
  EncounterClass,
  FactKind,
  FactStatus,
  MedicationSource,
} from '@/lib/clinical/types';
import { translate, type MessageKey } from '@/lib/i18n/messages';

// Typed maps from a code to its catalogue key: a new code fails the build until it has words in both languages.
const KIND_LABEL: Record<FactKind, MessageKey> = {
  allergy: 'record.kind.allergy',
  medication: 'record.kind.medication',
  condition: 'record.kind.condition',
  lab: 'record.kind.lab',
  vital: 'record.kind.vital',
  'lab-report': 'record.kind.lab-report',
  imaging: 'record.kind.imaging',
  immunization: 'record.kind.immunization',
  procedure: 'record.kind.procedure',
  encounter: 'record.kind.encounter',
  document: 'record.kind.document',
  flag: 'record.kind.flag',
};

const ENCOUNTER_CLASS_LABEL: Record<EncounterClass, MessageKey> = {
  AMB: 'fhir.encounterClass.AMB',
  IMP: 'fhir.encounterClass.IMP',
  EMER: 'fhir.encounterClass.EMER',
  OTHER: 'fhir.encounterClass.OTHER',
};

const CONFLICT_LABEL: Record<ConflictReason, MessageKey> = {
  status: 'record.conflict.status',
  dose: 'record.conflict.dose',
  value: 'record.conflict.value',
  verification: 'record.conflict.verification',
  'no-known-allergy': 'record.conflict.no-known-allergy',
};

/** A record's category (allergy, lab, visit…) as a word. */
export function kindLabel(lang: Lang, kind: FactKind): string {
  return translate(lang, KIND_LABEL[kind]);
}

/** A visit's class (FHIR AMB / IMP / EMER) as a word. */
export function encounterClassLabel(lang: Lang, encounterClass: EncounterClass): string {
  return translate(lang, ENCOUNTER_CLASS_LABEL[encounterClass]);
}

/** The class as a word in every language, to recognise a visit type that only restates it. */
export function encounterClassLabels(encounterClass: EncounterClass): string[] {
  return LANGS.map((lang) => encounterClassLabel(lang, encounterClass));
}

/** Why hospitals disagree about one record ("dose differs"). */
export function conflictLabel(lang: Lang, reason: ConflictReason): string {
  return translate(lang, CONFLICT_LABEL[reason]);
}

/** A record's status as words in the reader's language (never the FHIR code: 'stopped', 'not-taken'). */
export function statusLabel(lang: Lang, status: FactStatus | undefined): string {
  if (!status) return '';
  return translate(lang, `fhir.status.${status}` as const);
}

/** Whether a medication record is what the patient says they take, an order, or what the pharmacy handed over. */
export function medicationSourceLabel(lang: Lang, source: MedicationSource): string {
  return translate(lang, `fhir.medSource.${source}` as const);
}

/** An allergy's criticality (FHIR `high` / `low` / `unable-to-assess`) as words. */
export function criticalityLabel(lang: Lang, criticality: NonNullable<AllergyFact['criticality']>): string {
  return translate(lang, `fhir.criticality.${criticality}` as const);
}

/** An allergy's verification status as words. */
export function verificationLabel(lang: Lang, verification: AllergyVerification): string {
  return translate(lang, `fhir.verification.${verification}` as const);
}

/** DICOM modality codes the catalogue names; any other code is shown as the hospital sent it. */
export const KNOWN_MODALITIES = ['CT', 'MR', 'DX', 'CR', 'US', 'MG', 'NM', 'PT', 'XA', 'RF'] as const;
type KnownModality = (typeof KNOWN_MODALITIES)[number];

function isKnownModality(code: string): code is KnownModality {
  return (KNOWN_MODALITIES as readonly string[]).includes(code);
}

/** An imaging modality (DICOM 'DX', 'US') as a word; an unknown code is shown as sent, never dropped. */
export function modalityLabel(lang: Lang, code: string): string {
  return isKnownModality(code) ? translate(lang, `fhir.modality.${code}` as const) : code;
}

/** "status differs, dose differs" in the chosen language. */
export function conflictText(lang: Lang, reasons: readonly { reason: ConflictReason }[]): string {
  return reasons.map((c) => conflictLabel(lang, c.reason)).join(', ');
}
