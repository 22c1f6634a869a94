/**
 * Builds an HL7 FHIR International Patient Summary (IPS) document Bundle from the records the hospitals
 * sent (their facts, merged as the record page merges them): each entry keeps the hospital's codings, status,
 * dates and source organisation. Sealed records are never exported (they arrive here as stubs). Pure: ids
 * and time are passed in.
 */
import { computePanelCoverage, type HospitalAnswer } from '../clinical/coverage';
import { describeCoverageGaps } from '../clinical/coverage-text';
import { buildEmergencySummary } from '../clinical/emergency-summary';
import { isStub } from '../clinical/facts';
import { mergeTimeline } from '../clinical/merge';
import type { ClinicalFact, FactKind, SealedFactStub } from '../clinical/types';
import { CID_SYSTEM } from '../identity/citizen-id';
import { ipsSectionItems, type SectionItems } from './ips-sections';
import type { Json } from './ips-entries';

const LOINC = 'http://loinc.org';
const EMPTY_REASON = 'http://terminology.hl7.org/CodeSystem/list-empty-reason';

/** The sections, in document order; the first three are required by the IPS. */
export const IPS_SECTIONS = {
  allergies: { code: '48765-2', display: 'Allergies and adverse reactions Document', title: 'Allergies and Intolerances' },
  medications: { code: '10160-0', display: 'History of Medication use Narrative', title: 'Medication Summary' },
  problems: { code: '11450-4', display: 'Problem list - Reported', title: 'Problem List' },
  immunizations: { code: '11369-6', display: 'History of Immunization Narrative', title: 'Immunizations' },
  results: { code: '30954-2', display: 'Relevant diagnostic tests/laboratory data Narrative', title: 'Results' },
  vitals: { code: '8716-3', display: 'Vital signs', title: 'Vital Signs' },
  procedures: { code: '47519-4', display: 'History of Procedures Document', title: 'History of Procedures' },
  pastProblems: { code: '11348-0', display: 'History of Past illness Narrative', title: 'History of Past Illness' },
  alerts: { code: '104605-1', display: 'Alert', title: 'Alerts' },
} as const;
export type IpsSectionKey = keyof typeof IPS_SECTIONS;

/** The kinds of record each section is made of, for the line that says which hospitals it lacks. */
const SECTION_KINDS: Record<IpsSectionKey, readonly FactKind[]> = {
  allergies: ['allergy'],
  medications: ['medication'],
  problems: ['condition'],
  immunizations: ['immunization'],
  results: ['lab'],
  vitals: ['vital'],
  procedures: ['procedure'],
  pastProblems: ['condition'],
  alerts: ['flag'],
};

export interface IpsInput {
  /** Fresh UUIDs, one per call (`newId` is called once per resource). */
  newId: () => string;
  now: Date;
  patient: { cid: string; nameTh: string; nameEn: string; gender: string; birthDate: string };
  author: { hospitalCode: string; name: string };
  /** The facts of every hospital that answered (sealed records as stubs). */
  facts: readonly (ClinicalFact | SealedFactStub)[];
  /** Every sharing hospital's answer: a section's narrative names the hospitals it does not include. */
  answers: readonly HospitalAnswer[];
  /** Human name of a hospital (narrative lines and Organization entries). */
  hospitalName: (code: string) => string;
}

export interface IpsEntry {
  fullUrl: string;
  resource: Json & { resourceType: string };
}
export interface IpsBundle {
  resourceType: 'Bundle';
  identifier: { system: string; value: string };
  type: 'document';
  timestamp: string;
  entry: IpsEntry[];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A section's narrative: what it does not include first (when anything), then its items. */
function narrative(lines: string[], gaps: string[]): { status: 'generated'; div: string } {
  const missing = gaps.length === 0 ? '' : `<p>Does not include: ${gaps.map(escapeXml).join('; ')}</p>`;
  const body = lines.length === 0 ? '<p>No information</p>' : `<ul>${lines.map((l) => `<li>${escapeXml(l)}</li>`).join('')}</ul>`;
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${missing}${body}</div>` };
}

function genderOf(g: string): 'male' | 'female' | 'other' | 'unknown' {
  return g === 'male' || g === 'female' || g === 'other' ? g : 'unknown';
}

/**
 * The IPS document: Bundle(type document) whose first entry is the Composition; every section entry
 * references a resource in the bundle, and every source hospital is an Organization with a Provenance
 * naming what it sent. A required section with nothing to list holds the hospital's own "none known"
 * record, or else an IPS absent/unknown entry ("no information"); an optional one says 'unavailable'
 * (never that the patient has none); a sealed allergy record makes the allergy section 'withheld'.
 */
export function buildIpsBundle(input: IpsInput): IpsBundle {
  const { patient, author, hospitalName } = input;
  const url = () => `urn:uuid:${input.newId()}`;
  const answered = input.answers.filter((a) => a.state === 'answered' || a.state === 'no-data').map((a) => a.hospitalCode);
  const model = mergeTimeline({ facts: input.facts, answered, now: input.now.toISOString() });
  const summary = buildEmergencySummary(model, answered);
  const factById = new Map<string, ClinicalFact>();
  for (const f of input.facts) if (!isStub(f)) factById.set(f.id, f);

  const patientUrl = url();
  const compositionUrl = url();
  const orgs = new Map<string, IpsEntry>();
  const org = (code: string) => {
    let entry = orgs.get(code);
    if (entry === undefined) {
      entry = {
        fullUrl: url(),
        resource: {
          resourceType: 'Organization',
          identifier: [{ system: 'https://terms.sil-th.org/id/th-moph-hcode', value: code }],
          name: code === author.hospitalCode ? author.name : hospitalName(code),
        },
      };
      orgs.set(code, entry);
    }
    return { reference: entry.fullUrl };
  };
  const authorRef = org(author.hospitalCode);
  const refs = { subject: { reference: patientUrl }, org };
  const items = ipsSectionItems({ model, summary, factById, refs, hospitalName });

  const byHospital = new Map<string, string[]>();
  const sectionEntries: IpsEntry[] = [];
  const sections = (Object.keys(IPS_SECTIONS) as IpsSectionKey[]).map((key) => {
    const def = IPS_SECTIONS[key];
    const s: SectionItems = items[key];
    const gaps = describeCoverageGaps(computePanelCoverage(input.answers, SECTION_KINDS[key]), 'en', hospitalName);
    const section: Json = { title: def.title, code: { coding: [{ system: LOINC, code: def.code, display: def.display }] } };
    const entries = s.items.map((item) => {
      const entry: IpsEntry = { fullUrl: url(), resource: item.resource as IpsEntry['resource'] };
      for (const h of item.hospitals) byHospital.set(h, [...(byHospital.get(h) ?? []), entry.fullUrl]);
      return entry;
    });
    sectionEntries.push(...entries);
    section.text = narrative(
      s.items.map((i) => i.line),
      gaps,
    );
    if (entries.length > 0) section.entry = entries.map((e) => ({ reference: e.fullUrl }));
    else section.emptyReason = { coding: [{ system: EMPTY_REASON, code: s.emptyReason.code, display: s.emptyReason.display }] };
    return section;
  });

  const timestamp = input.now.toISOString();
  const provenance: IpsEntry[] = [...byHospital].map(([code, targets]) => ({
    fullUrl: url(),
    resource: {
      resourceType: 'Provenance',
      target: targets.map((reference) => ({ reference })),
      recorded: timestamp,
      agent: [
        {
          type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'author' }] },
          who: org(code),
        },
      ],
    },
  }));
  const composition: IpsEntry = {
    fullUrl: compositionUrl,
    resource: {
      resourceType: 'Composition',
      identifier: { system: 'urn:ietf:rfc:3986', value: compositionUrl },
      status: 'final',
      type: { coding: [{ system: LOINC, code: '60591-5', display: 'Patient summary Document' }] },
      subject: refs.subject,
      date: timestamp,
      author: [authorRef],
      title: `Emergency patient summary — ${patient.nameEn}`,
      confidentiality: 'R',
      section: sections,
    },
  };
  const patientEntry: IpsEntry = {
    fullUrl: patientUrl,
    resource: {
      resourceType: 'Patient',
      identifier: [{ system: CID_SYSTEM, value: patient.cid }],
      name: [
        { text: patient.nameEn, use: 'official' },
        { text: patient.nameTh, use: 'usual', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/language', valueCode: 'th' }] },
      ],
      gender: genderOf(patient.gender),
      birthDate: patient.birthDate,
    },
  };
  return {
    resourceType: 'Bundle',
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${input.newId()}` },
    type: 'document',
    timestamp,
    entry: [composition, patientEntry, ...orgs.values(), ...sectionEntries, ...provenance],
  };
}
