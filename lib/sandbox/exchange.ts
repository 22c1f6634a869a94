/** The exchange's FHIR API: organisations, the patient index, consents and per-hospital searches. */
import { createHash } from 'node:crypto';
import type { Address, Bundle, BundleEntry, Consent, Organization, Patient, Resource } from '@medplum/fhirtypes';
import { SYSTEMS } from '../clinical/terminology';
import { PROVINCE_EXTENSION, PROVINCE_SYSTEM, provinceByCode } from '../geo/provinces';
import { CID_SYSTEM, CID_SYSTEM_DOPA } from '../identity/citizen-id';
import { dateFilter } from './date-search';
import { HOSPITALS, findHospital, type SandboxHospital } from './demo-catalog';
import { HttpError, operationOutcome } from './http-util';
import { isServedType, type IndexPatient } from './model';
import { isNameSearch, searchPatientsByName } from './patient-name-search';
import type { SandboxStore } from './store';

export const CONSENT_CATEGORY_SYSTEM = 'https://terms.sil-th.org/cs/consent-category';
export const FACILITY_KIND_SYSTEM = 'https://terms.sil-th.org/cs/facility-kind';
export const AFFILIATION_SYSTEM = 'https://terms.sil-th.org/cs/affiliation';
export const CID_SYSTEM_EXTENSION = 'https://terms.sil-th.org/fhir/StructureDefinition/cid-system';
const LANGUAGE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/language';
const DEFAULT_COUNT = 100;
const MAX_COUNT = 1000;

export function indexPatientId(cid: string): string {
  return `pt-${createHash('sha256').update(`index:${cid}`).digest('hex').slice(0, 16)}`;
}

/**
 * A Thai address reduced to its province: the name in `state` as people write it, and the DOPA code in an
 * extension beside it (lib/geo/provinces.ts says why not `district` or `postalCode`). The sandbox holds no
 * street address: the viewer needs only the province, and a fake street would only invite copying.
 */
export function provinceAddress(code: string | undefined, use: Address['use']): Address[] | undefined {
  const p = provinceByCode(code);
  if (!p) return undefined;
  return [
    {
      extension: [{ url: PROVINCE_EXTENSION, valueCoding: { system: PROVINCE_SYSTEM, code: p.code, display: p.nameTh } }],
      use,
      type: 'physical',
      state: p.nameTh,
      country: 'TH',
    },
  ];
}

export function toOrganization(h: SandboxHospital): Organization {
  return {
    resourceType: 'Organization',
    id: h.hcode,
    meta: { lastUpdated: '2026-01-01T00:00:00+07:00' },
    extension: [{ url: CID_SYSTEM_EXTENSION, valueUri: h.cidSystem }],
    identifier: [{ system: SYSTEMS.hcode, value: h.hcode }],
    active: true,
    type: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov', display: 'Healthcare Provider' }],
        text: h.kind,
      },
      { coding: [{ system: FACILITY_KIND_SYSTEM, code: h.kind }], text: h.kind },
      { coding: [{ system: AFFILIATION_SYSTEM, code: h.affiliation }], text: h.affiliation },
    ],
    name: h.nameTh,
    alias: [h.nameEn],
    address: provinceAddress(h.province, 'work'),
  };
}

export function toPatient(p: IndexPatient): Patient {
  const thaiText = `${p.prefixTh}${p.givenTh} ${p.familyTh}`;
  const patient: Patient = {
    resourceType: 'Patient',
    id: indexPatientId(p.cid),
    meta: { lastUpdated: '2026-11-01T00:00:00+07:00' },
    identifier: [{ use: 'official', system: CID_SYSTEM, value: p.cid }],
    active: true,
    name:
      p.language === 'en'
        ? [
            {
              use: 'official',
              text: `${p.givenEn} ${p.familyEn}`,
              family: p.familyEn,
              given: [p.givenEn],
              extension: [{ url: LANGUAGE_EXTENSION, valueCode: 'en' }],
            },
          ]
        : [
            {
              use: 'official',
              text: thaiText,
              family: p.familyTh,
              given: [p.givenTh],
              ...(p.prefixTh ? { prefix: [p.prefixTh] } : {}),
              extension: [{ url: LANGUAGE_EXTENSION, valueCode: 'th' }],
            },
            {
              use: 'usual',
              text: `${p.givenEn} ${p.familyEn}`,
              family: p.familyEn,
              given: [p.givenEn],
              extension: [{ url: LANGUAGE_EXTENSION, valueCode: 'en' }],
            },
          ],
    gender: p.gender,
    birthDate: p.birthDate,
    communication: [
      {
        language: {
          coding: [{ system: 'urn:ietf:bcp:47', code: p.language, display: p.language === 'th' ? 'Thai' : 'English' }],
          text: p.language === 'th' ? 'Thai' : 'English',
        },
        preferred: true,
      },
    ],
  };
  if (p.passport) patient.identifier?.push({ use: 'secondary', system: SYSTEMS.passport, value: p.passport });
  if (p.phone)
    patient.telecom = [{ system: 'phone', use: 'mobile', value: p.phone, ...(p.phoneSince ? { period: { start: p.phoneSince } } : {}) }];
  const address = provinceAddress(p.province, 'home');
  if (address) patient.address = address;
  const first = p.sharesWith[0];
  if (first) patient.managingOrganization = { reference: `Organization/${first}`, identifier: { system: SYSTEMS.hcode, value: first } };
  return patient;
}

export function toConsent(p: IndexPatient, h: SandboxHospital): Consent {
  return {
    resourceType: 'Consent',
    id: `consent-${indexPatientId(p.cid).slice(3, 13)}-${h.hcode}`,
    meta: { lastUpdated: '2026-06-01T00:00:00+07:00' },
    status: 'active',
    scope: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy', display: 'Privacy Consent' }],
    },
    category: [{ coding: [{ system: CONSENT_CATEGORY_SYSTEM, code: 'sharing', display: 'Health information sharing via the exchange' }] }],
    patient: { reference: `Patient/${indexPatientId(p.cid)}`, identifier: { system: CID_SYSTEM, value: p.cid } },
    dateTime: '2026-06-01T00:00:00+07:00',
    policyRule: { text: 'Personal Data Protection Act B.E. 2562, health information sharing' },
    provision: {
      type: 'permit',
      actor: [
        {
          role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'CST', display: 'custodian' }] },
          reference: { reference: `Organization/${h.hcode}`, identifier: { system: SYSTEMS.hcode, value: h.hcode }, display: h.nameTh },
        },
      ],
    },
  };
}

/** The patient an identifier token (`system|value`) names; undefined when well-formed but unknown. */
export function resolvePatient(store: SandboxStore, token: string | null): IndexPatient | undefined {
  if (!token) throw new HttpError(400, 'missing patient identifier (expected <system>|<value>)');
  const bar = token.indexOf('|');
  const system = bar >= 0 ? token.slice(0, bar) : '';
  const value = bar >= 0 ? token.slice(bar + 1) : token;
  if (system === SYSTEMS.passport) {
    if (!/^[A-Za-z0-9]{5,20}$/.test(value)) throw new HttpError(400, 'passport number must be 5–20 letters or digits');
    const cid = store.cidForPassport(value);
    return cid ? store.patients.get(cid) : undefined;
  }
  if (system !== '' && system !== CID_SYSTEM && system !== CID_SYSTEM_DOPA)
    throw new HttpError(400, `unsupported identifier system ${system}`);
  if (!/^\d{13}$/.test(value)) throw new HttpError(400, 'citizen ID must be 13 digits');
  return store.patients.get(value);
}

export function searchset(self: string, resources: Resource[], total: number, next?: string, included: Resource[] = []): Bundle {
  const link: Bundle['link'] = [{ relation: 'self', url: self }];
  if (next) link.push({ relation: 'next', url: next });
  const base = self.slice(0, self.indexOf('?') >= 0 ? self.indexOf('?') : self.length).replace(/\/[A-Za-z]+$/, '');
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link,
    entry: [
      ...resources.map((resource) => ({ resource, mode: 'match' as const })),
      ...included.map((resource) => ({ resource, mode: 'include' as const })),
    ].map(({ resource, mode }): BundleEntry => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id ?? ''}`,
      resource,
      search: { mode },
    })),
  };
}

export function listOrganizations(url: URL): Bundle {
  const active = url.searchParams.get('active');
  if (active !== null && active !== 'true' && active !== 'false') throw new HttpError(400, 'active must be true or false');
  const orgs = active === 'false' ? [] : HOSPITALS.map(toOrganization);
  return searchset(url.toString(), orgs, orgs.length);
}

export function searchPatients(store: SandboxStore, url: URL): Bundle {
  if (isNameSearch(url)) return searchPatientsByName(store, url, (found, total) => searchset(url.toString(), found.map(toPatient), total));
  const p = resolvePatient(store, url.searchParams.get('identifier'));
  return searchset(url.toString(), p ? [toPatient(p)] : [], p ? 1 : 0);
}

export function searchConsents(store: SandboxStore, url: URL): Bundle {
  const p = resolvePatient(store, url.searchParams.get('patient.identifier') ?? url.searchParams.get('patient:identifier'));
  const category = url.searchParams.get('category');
  const code = category?.includes('|') ? category.split('|')[1] : category;
  const consents =
    p && (code === null || code === undefined || code === 'sharing')
      ? p.sharesWith
          .map((h) => findHospital(h))
          .filter((h): h is SandboxHospital => h !== undefined)
          .map((h) => toConsent(p, h))
      : [];
  return searchset(url.toString(), consents, consents.length);
}

function intParam(url: URL, name: string, fallback: number, min: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw new HttpError(400, `${name} must be a non-negative integer`);
  return Math.max(min, Number(raw));
}

/**
 * An attachment's bytes: `GET /hospitals/<hcode>/fhir/Binary/<id>` answers the raw content with its own
 * Content-Type (not FHIR JSON), and only while the patient it belongs to shares this hospital's records.
 */
export function readBinary(
  store: SandboxStore,
  hcode: string,
  id: string,
): { status: 200; contentType: string; bytes: Buffer } | { status: 403 | 404; outcome: Resource } {
  const found = store.binary(hcode, id);
  if (!found) return { status: 404, outcome: operationOutcome('not-found', 'no such Binary at this hospital') };
  const patient = store.patients.get(found.cid);
  if (!patient?.sharesWith.includes(hcode))
    return { status: 403, outcome: operationOutcome('forbidden', 'the patient has not consented to share records from this hospital') };
  return {
    status: 200,
    contentType: found.binary.contentType,
    bytes: Buffer.from(found.binary.data ?? '', 'base64'),
  };
}

export type HospitalSearchResult = { status: 200; bundle: Bundle; cid: string } | { status: 403 | 404; outcome: Resource };

/**
 * One per-hospital search. `requestUrl` is absolute so the next link is too. 403 when the patient has
 * not consented to share this hospital's records (including patients the index does not know).
 * `refuseDateSearch` makes the hospital answer date parameters with 400, like a server without them.
 */
export function searchHospital(
  store: SandboxStore,
  hcode: string,
  type: string,
  requestUrl: URL,
  opts: { refuseDateSearch?: boolean } = {},
): HospitalSearchResult {
  if (!findHospital(hcode)) return { status: 404, outcome: operationOutcome('not-found', `unknown hospital ${hcode}`) };
  if (!isServedType(type)) return { status: 404, outcome: operationOutcome('not-supported', `resource type ${type} is not served`) };
  const token =
    requestUrl.searchParams.get('patient.identifier') ??
    requestUrl.searchParams.get('patient:identifier') ??
    requestUrl.searchParams.get('subject.identifier');
  const patient = resolvePatient(store, token);
  if (!patient || !patient.sharesWith.includes(hcode))
    return { status: 403, outcome: operationOutcome('forbidden', 'the patient has not consented to share records from this hospital') };
  const count = Math.min(MAX_COUNT, intParam(requestUrl, '_count', DEFAULT_COUNT, 0));
  const offset = intParam(requestUrl, '_offset', 0, 0);
  const byCategory = store.search(hcode, patient.cid, type, requestUrl.searchParams.get('category') ?? undefined);
  const inDates = dateFilter(type, requestUrl.searchParams, opts.refuseDateSearch === true);
  const byType = inDates === undefined ? byCategory : byCategory.filter(inDates);
  // `_id=a,b`: only those resources (how a client reads one document again when it is opened).
  const ids = requestUrl.searchParams.get('_id');
  const all = ids === null ? byType : byType.filter((r) => r.id !== undefined && ids.split(',').includes(r.id));
  const page = all.slice(offset, offset + count);
  let next: string | undefined;
  if (count > 0 && offset + count < all.length) {
    const n = new URL(requestUrl);
    n.searchParams.set('_count', String(count));
    n.searchParams.set('_offset', String(offset + count));
    next = n.toString();
  }
  return {
    status: 200,
    bundle: searchset(
      requestUrl.toString(),
      page,
      all.length,
      next,
      includedMedications(store, hcode, patient.cid, type, page, requestUrl),
    ),
    cid: patient.cid,
  };
}

/** `_include=<type>:medication`: the Medications this page's records reference, each once (FHIR include mode). */
function includedMedications(store: SandboxStore, hcode: string, cid: string, type: string, page: Resource[], requestUrl: URL): Resource[] {
  if (!requestUrl.searchParams.getAll('_include').includes(`${type}:medication`)) return [];
  const out = new Map<string, Resource>();
  for (const r of page) {
    const ref = 'medicationReference' in r ? r.medicationReference?.reference : undefined;
    const id = ref === undefined ? undefined : /(?:^|\/)Medication\/([^/]+)$/.exec(ref)?.[1];
    const med = id === undefined ? undefined : store.medication(hcode, cid, id);
    if (med?.id !== undefined) out.set(med.id, med);
  }
  return [...out.values()];
}
