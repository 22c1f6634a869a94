/**
 * Clinical documents in a hospital's chart: DocumentReference (an attachment, inline or as an exchange
 * Binary), Composition (titled sections with narrative) and the Binary itself.
 */
import type { Attachment, Binary, Composition, DocumentReference, Encounter, Reference } from '@medplum/fhirtypes';
import { SYSTEMS } from '../clinical/terminology';
import type { Sensitivity } from './chart-coding';
import type { ChartCore } from './chart-core';
import { dateTimeDaysAgo } from './chart-dates';

export interface DocumentTypeCode {
  loinc: string;
  display: string;
  /** The hospital's own words for the type (Thai / English). */
  text: string;
}

export interface DocumentOptions {
  daysAgo: number;
  type: DocumentTypeCode;
  description: string;
  attachment: Attachment;
  encounter?: Reference<Encounter>;
  sensitivity?: Sensitivity;
  /** `current` unless said; `docStatus` final. */
  status?: DocumentReference['status'];
}

export interface CompositionSectionInput {
  title: string;
  loinc?: string;
  /** XHTML narrative (the generator's own text, escaped where it is data). */
  div: string;
}

export interface CompositionOptions {
  daysAgo: number;
  type: DocumentTypeCode;
  title: string;
  sections: readonly CompositionSectionInput[];
  encounter?: Reference<Encounter>;
  sensitivity?: Sensitivity;
}

function base64(bytes: Uint8Array | string): string {
  return Buffer.from(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes).toString('base64');
}

/** Stores bytes as an exchange Binary of this hospital; the attachment then names it as `Binary/<id>`. */
export function writeBinary(chart: ChartCore, contentType: string, bytes: Uint8Array | string, daysAgo: number): Binary {
  const bin: Binary = {
    resourceType: 'Binary',
    id: chart.newId('Binary'),
    meta: chart.meta(dateTimeDaysAgo(daysAgo, 12 * 60)),
    contentType,
    data: base64(bytes),
  };
  return chart.push(bin);
}

/** Inline attachment data, base64 as FHIR carries it. */
export function inlineAttachment(contentType: string, content: string, title: string): Attachment {
  return { contentType, data: base64(content), size: new TextEncoder().encode(content).length, title };
}

export function writeDocumentReference(chart: ChartCore, opts: DocumentOptions): DocumentReference {
  const when = dateTimeDaysAgo(opts.daysAgo, 15 * 60);
  const doc: DocumentReference = {
    resourceType: 'DocumentReference',
    id: chart.newId('DocumentReference'),
    meta: chart.meta(when, opts.sensitivity),
    status: opts.status ?? 'current',
    docStatus: 'final',
    type: { coding: [{ system: SYSTEMS.loinc, code: opts.type.loinc, display: opts.type.display }], text: opts.type.text },
    category: [
      { coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category', code: 'clinical-note' }] },
    ],
    subject: chart.patientRef,
    date: when,
    author: [chart.orgRef()],
    custodian: chart.orgRef(),
    description: opts.description,
    content: [{ attachment: { ...opts.attachment, creation: when } }],
  };
  if (opts.encounter) doc.context = { encounter: [opts.encounter] };
  return chart.push(doc);
}

export function writeComposition(chart: ChartCore, opts: CompositionOptions): Composition {
  const when = dateTimeDaysAgo(opts.daysAgo, 16 * 60);
  const comp: Composition = {
    resourceType: 'Composition',
    id: chart.newId('Composition'),
    meta: chart.meta(when, opts.sensitivity),
    status: 'final',
    type: { coding: [{ system: SYSTEMS.loinc, code: opts.type.loinc, display: opts.type.display }], text: opts.type.text },
    subject: chart.patientRef,
    date: when,
    author: [chart.orgRef()],
    custodian: chart.orgRef(),
    title: opts.title,
    section: opts.sections.map((s) => ({
      title: s.title,
      ...(s.loinc === undefined ? {} : { code: { coding: [{ system: SYSTEMS.loinc, code: s.loinc }] } }),
      text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${s.div}</div>` },
    })),
  };
  if (opts.encounter) comp.encounter = opts.encounter;
  return chart.push(comp);
}
