/**
 * Builds an HL7 FHIR International Patient Summary (IPS) document Bundle from the emergency summary view
 * model — the same data the physician sees, nothing more. Pure: ids and time are passed in.
 */
import { computePanelCoverage, type HospitalAnswer } from '../clinical/coverage';
import { describeCoverageGaps } from '../clinical/coverage-text';
import { analyteName, medicationName } from '../clinical/names';
import type { EmergencySummary, FactKind } from '../clinical/types';
import { displayUnit } from '../clinical/unit-display';
import { formatResultValue } from '../clinical/result-format';
import { CID_SYSTEM } from '../identity/citizen-id';
import { sourceDay } from '../i18n/format';

const LOINC = 'http://loinc.org';
const EMPTY_REASON = 'http://terminology.hl7.org/CodeSystem/list-empty-reason';

export const IPS_SECTIONS = {
  allergies: { code: '48765-2', display: 'Allergies and adverse reactions Document', title: 'Allergies and Intolerances' },
  medications: { code: '10160-0', display: 'History of Medication use Narrative', title: 'Medication Summary' },
  problems: { code: '11450-4', display: 'Problem list - Reported', title: 'Problem List' },
  results: { code: '30954-2', display: 'Relevant diagnostic tests/laboratory data Narrative', title: 'Results' },
  immunizations: { code: '11369-6', display: 'History of Immunization Narrative', title: 'Immunizations' },
} as const;
export type IpsSectionKey = keyof typeof IPS_SECTIONS;

/** The kinds of record each section is made of, for the line that says which hospitals it lacks. */
const SECTION_KINDS: Record<IpsSectionKey, readonly FactKind[]> = {
  allergies: ['allergy'],
  medications: ['medication'],
  problems: ['condition'],
  results: ['lab'],
  immunizations: ['immunization'],
};

export interface IpsInput {
  /** Fresh UUIDs, one per call (`newId` is called once per resource). */
  newId: () => string;
  now: Date;
  patient: { cid: string; nameTh: string; nameEn: string; gender: string; birthDate: string };
  author: { hospitalCode: string; name: string };
  summary: EmergencySummary;
  /** Every sharing hospital's answer: a section's narrative names the hospitals it does not include. */
  answers: readonly HospitalAnswer[];
  /** Human name of a source hospital (for the notes that say where each item came from). */
  hospitalName: (code: string) => string;
}

type Json = Record<string, unknown>;
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
 * The day a narrative line names: the source's own calendar day as YYYY-MM-DD (unambiguous for a reader
 * abroad; the resource keeps the full date-time). A partial date stays partial.
 */
function narrativeDay(date: string): string {
  return sourceDay(date) ?? date;
}

/** FHIR dateTime from a date we hold (date-only stays date-only); undefined when absent. */
function fhirDate(date: string | null | undefined): string | undefined {
  return date ?? undefined;
}

/**
 * The IPS document: Bundle(type document) whose first entry is the Composition; every section entry
 * references a resource in the bundle. Empty sections carry emptyReason: 'nilknown' only when a hospital
 * explicitly recorded "no known allergy" (or "no known medications", "no current problems"), 'unavailable'
 * when nothing was returned.
 */
export function buildIpsBundle(input: IpsInput): IpsBundle {
  const { summary, patient, author, hospitalName } = input;
  const url = () => `urn:uuid:${input.newId()}`;
  const sourceNote = (hospitals: readonly string[]) => [{ text: `Source: ${hospitals.map(hospitalName).join(', ')}` }];
  const patientUrl = url();
  const orgUrl = url();
  const compositionUrl = url();
  const subject = { reference: patientUrl };
  const resources: Record<IpsSectionKey, { entries: IpsEntry[]; lines: string[] }> = {
    allergies: { entries: [], lines: [] },
    medications: { entries: [], lines: [] },
    problems: { entries: [], lines: [] },
    results: { entries: [], lines: [] },
    immunizations: { entries: [], lines: [] },
  };
  const add = (section: IpsSectionKey, resource: IpsEntry['resource'], line: string) => {
    resources[section].entries.push({ fullUrl: url(), resource });
    resources[section].lines.push(line);
  };

  for (const a of summary.allergies) {
    const resource: IpsEntry['resource'] = {
      resourceType: 'AllergyIntolerance',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
      code: { text: a.display },
      patient: subject,
      note: sourceNote(a.hospitals),
    };
    if (a.criticality) resource.criticality = a.criticality;
    if (a.reactions.length > 0) resource.reaction = [{ manifestation: a.reactions.map((r) => ({ text: r })) }];
    add(
      'allergies',
      resource,
      `${a.display}${a.reactions.length > 0 ? ` (${a.reactions.join(', ')})` : ''} — ${a.hospitals.map(hospitalName).join(', ')}`,
    );
  }
  for (const m of summary.medications) {
    const drug = medicationName(m, 'en');
    const resource: IpsEntry['resource'] = {
      resourceType: 'MedicationStatement',
      status: 'active',
      medicationCodeableConcept: { text: drug },
      subject,
      note: sourceNote(m.hospitals),
    };
    if (m.dose) resource.dosage = [{ text: m.dose }];
    add(
      'medications',
      resource,
      `${drug}${m.dose ? `, ${m.dose}` : ''}${m.highRisk ? ` [high-risk: ${m.highRisk}]` : ''} — ${m.hospitals.map(hospitalName).join(', ')}`,
    );
  }
  for (const p of summary.problems) {
    const resource: IpsEntry['resource'] = {
      resourceType: 'Condition',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: { text: p.display },
      subject,
      note: sourceNote(p.hospitals),
    };
    if (p.onset) resource.onsetDateTime = p.onset;
    add('problems', resource, `${p.display} — ${p.hospitals.map(hospitalName).join(', ')}`);
  }
  for (const l of summary.keyLabs) {
    const analyte = analyteName(l, 'en');
    const resource: IpsEntry['resource'] = {
      resourceType: 'Observation',
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
      code: { text: analyte },
      subject,
      valueQuantity: { value: l.value, unit: l.unit },
      note: sourceNote(l.hospitals),
    };
    const when = fhirDate(l.date);
    if (when) resource.effectiveDateTime = when;
    if (l.flag)
      resource.interpretation = [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: l.flag }] },
      ];
    add(
      'results',
      resource,
      `${analyte}: ${formatResultValue(l.analyteKey, l.value, l.unit)} ${displayUnit(l.unit)}${l.date ? ` (${narrativeDay(l.date)})` : ''} — ${l.hospitals.map(hospitalName).join(', ')}`,
    );
  }
  if (summary.bloodGroup) {
    const b = summary.bloodGroup;
    const resource: IpsEntry['resource'] = {
      resourceType: 'Observation',
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
      code: { coding: [{ system: LOINC, code: '882-1', display: 'ABO and Rh group [Type] in Blood' }], text: 'Blood group' },
      subject,
      valueString: b.value,
      note: sourceNote(b.hospitals),
    };
    const when = fhirDate(b.date);
    if (when) resource.effectiveDateTime = when;
    add(
      'results',
      resource,
      `Blood group: ${b.value}${b.conflict ? ' (hospitals disagree)' : ''} — ${b.hospitals.map(hospitalName).join(', ')}`,
    );
  }
  if (summary.tetanus.status === 'recorded') {
    const t = summary.tetanus;
    const resource: IpsEntry['resource'] = {
      resourceType: 'Immunization',
      status: 'completed',
      vaccineCode: { text: t.display },
      patient: subject,
      note: sourceNote(t.hospitals),
    };
    if (t.date) resource.occurrenceDateTime = t.date;
    else resource.occurrenceString = 'unknown';
    add(
      'immunizations',
      resource,
      `${t.display}${t.date ? ` (${narrativeDay(t.date)})` : ''} — ${t.hospitals.map(hospitalName).join(', ')}`,
    );
  }

  const emptyReason = (section: IpsSectionKey): { code: string; display: string } => {
    if (section === 'allergies' && summary.allergyStatus === 'none-known') return { code: 'nilknown', display: 'Nil Known' };
    // An empty list with a hospital's "no known medications" / "no current problems" is nil known, not unavailable.
    if (section === 'medications' && summary.noKnownMedicationHospitals.length > 0) return { code: 'nilknown', display: 'Nil Known' };
    if (section === 'problems' && summary.noCurrentProblemHospitals.length > 0) return { code: 'nilknown', display: 'Nil Known' };
    // A sealed allergy record exists but its content is not exported.
    if (section === 'allergies' && summary.allergyStatus === 'allergies') return { code: 'withheld', display: 'Information Withheld' };
    return { code: 'unavailable', display: 'Unavailable' };
  };

  const nilKnownLine = (section: IpsSectionKey): string => {
    if (section === 'medications')
      return `No known medications — recorded by ${summary.noKnownMedicationHospitals.map(hospitalName).join(', ')}`;
    if (section === 'problems')
      return `No current problems known — recorded by ${summary.noCurrentProblemHospitals.map(hospitalName).join(', ')}`;
    return `No known allergies — recorded by ${summary.noKnownAllergyHospitals.map(hospitalName).join(', ')}`;
  };

  const sections = (Object.keys(IPS_SECTIONS) as IpsSectionKey[]).map((key) => {
    const def = IPS_SECTIONS[key];
    const { entries, lines } = resources[key];
    const gaps = describeCoverageGaps(computePanelCoverage(input.answers, SECTION_KINDS[key]), 'en', hospitalName);
    const section: Json = { title: def.title, code: { coding: [{ system: LOINC, code: def.code, display: def.display }] } };
    if (entries.length > 0) {
      section.text = narrative(lines, gaps);
      section.entry = entries.map((e) => ({ reference: e.fullUrl }));
    } else {
      const reason = emptyReason(key);
      const said = reason.code === 'nilknown' ? [nilKnownLine(key)] : [];
      section.text = narrative(said, gaps);
      section.emptyReason = { coding: [{ system: EMPTY_REASON, code: reason.code, display: reason.display }] };
    }
    return section;
  });

  const timestamp = input.now.toISOString();
  const composition: IpsEntry = {
    fullUrl: compositionUrl,
    resource: {
      resourceType: 'Composition',
      identifier: { system: 'urn:ietf:rfc:3986', value: compositionUrl },
      status: 'final',
      type: { coding: [{ system: LOINC, code: '60591-5', display: 'Patient summary Document' }] },
      subject,
      date: timestamp,
      author: [{ reference: orgUrl }],
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
  const orgEntry: IpsEntry = {
    fullUrl: orgUrl,
    resource: {
      resourceType: 'Organization',
      identifier: [{ system: 'https://terms.sil-th.org/id/th-moph-hcode', value: author.hospitalCode }],
      name: author.name,
    },
  };
  return {
    resourceType: 'Bundle',
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${input.newId()}` },
    type: 'document',
    timestamp,
    entry: [composition, patientEntry, orgEntry, ...(Object.keys(resources) as IpsSectionKey[]).flatMap((k) => resources[k].entries)],
  };
}
