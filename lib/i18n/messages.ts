import type { Lang } from './format';
import * as admin from './messages/admin';
import * as alerts from './messages/alerts';
import * as audit from './messages/audit';
import * as auth from './messages/auth';
import * as common from './messages/common';
import * as consent from './messages/consent';
import * as documents from './messages/documents';
import * as emergency from './messages/emergency';
import * as fhir from './messages/fhir';
import * as originalRecord from './messages/original-record';
import * as passkey from './messages/passkey';
import * as patient from './messages/patient';
import * as phr from './messages/phr';
import * as record from './messages/record';
import * as terms from './messages/terms';
import * as vitals from './messages/vitals';
import * as accessRules from './messages/access-rules';

// One file per area under ./messages, each with a Thai part and an English part typed against it.
// Thai is the source language: its keys are the MessageKey union, and English must provide every key.
// A new key goes in its area's file (both parts); a new area is a new file, spread in below and listed
// in MESSAGE_AREAS. Components and pages never hold their own words (lib/i18n/catalogue.test.ts).
const th = {
  ...common.th,
  ...auth.th,
  ...admin.th,
  ...audit.th,
  ...consent.th,
  ...emergency.th,
  ...fhir.th,
  ...record.th,
  ...patient.th,
  ...passkey.th,
  ...terms.th,
  ...documents.th,
  ...alerts.th,
  ...originalRecord.th,
  ...phr.th,
  ...vitals.th,
  ...accessRules.th,
};

export type MessageKey = keyof typeof th;
type Messages = Record<MessageKey, string>;

const en: Messages = {
  ...common.en,
  ...auth.en,
  ...admin.en,
  ...audit.en,
  ...consent.en,
  ...emergency.en,
  ...fhir.en,
  ...record.en,
  ...patient.en,
  ...passkey.en,
  ...terms.en,
  ...documents.en,
  ...alerts.en,
  ...originalRecord.en,
  ...phr.en,
  ...vitals.en,
  ...accessRules.en,
};

/** The per-area parts, so a test can prove no key is defined in two areas (a spread would silently keep one). */
export const MESSAGE_AREAS = {
  common,
  auth,
  admin,
  audit,
  consent,
  emergency,
  fhir,
  record,
  patient,
  passkey,
  terms,
  documents,
  alerts,
  originalRecord,
  phr,
  vitals,
  accessRules,
} as const;

export const MESSAGES: Record<Lang, Messages> = { th, en };

/** Looks up a message and fills `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = MESSAGES[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** A message in both languages, as the server sends it when it may not know the reader's language. */
export type Bilingual = Record<Lang, string>;

/** Both languages at once, for errors shown to a user whose language the server may not know. */
export function bilingual(key: MessageKey, vars?: Record<string, string | number>): Bilingual {
  return { th: translate('th', key, vars), en: translate('en', key, vars) };
}
