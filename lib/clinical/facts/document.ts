/**
 * DocumentReference and Composition → document facts. The fact says what the document is and whether it
 * can be opened; its content is never in the fact (only a Composition's section titles and their plain
 * text), and is fetched by the server only when the physician opens it (lib/documents).
 */
import type { Attachment, Composition, DocumentReference, Reference } from '@medplum/fhirtypes';
import {
  DOCUMENT_MAX_BYTES,
  base64Length,
  baseMimeType,
  binaryIdOf,
  contentKindOf,
  contradictsDeclaredKind,
  decodeBase64,
} from '../document-content';
import { htmlToText } from '../safe-html';
import type { DocumentFact, DocumentProblem, DocumentSection, FactStatus } from '../types';
import { base, textOf, toCodes } from './shared';

const MAX_SECTIONS = 40;
// The fact carries a section's text for the list and search only; the whole text comes when it is opened.
const MAX_SECTION_TEXT = 4_000;

const DOC_STATUS: Record<string, FactStatus> = { preliminary: 'preliminary', final: 'final', amended: 'amended' };

function authorOrganization(custodian: Reference | undefined, authors: readonly Reference[] | undefined): string | undefined {
  if (custodian?.display !== undefined && custodian.display !== '') return custodian.display;
  const org = authors?.find((a) => a.reference?.startsWith('Organization/') === true && a.display !== undefined);
  return org?.display ?? undefined;
}

/** The first few bytes of inline data, enough to tell a PDF from text. */
function headOf(data: string): Uint8Array | null {
  const cut = data.replace(/\s+/g, '').slice(0, 24);
  return decodeBase64(cut);
}

/** Why this attachment cannot be opened, judged from what the document declares; undefined when it can be tried. */
export function attachmentProblem(a: Attachment | undefined, hospitalCode: string): DocumentProblem | undefined {
  if (a === undefined || ((a.data === undefined || a.data === '') && (a.url === undefined || a.url === ''))) return 'missing';
  if ((a.data === undefined || a.data === '') && binaryIdOf(a.url ?? '', hospitalCode) === null) return 'unreachable';
  const size = a.size ?? (a.data !== undefined ? base64Length(a.data) : undefined);
  if (size !== undefined && size > DOCUMENT_MAX_BYTES) return 'oversized';
  const mime = baseMimeType(a.contentType);
  if (mime === null) return 'wrong-type';
  if (a.data !== undefined && a.data !== '') {
    const head = headOf(a.data);
    if (head === null) return 'missing';
    if (contradictsDeclaredKind(contentKindOf(mime), head)) return 'wrong-type';
  }
  return undefined;
}

function fromBase(
  r: DocumentReference | Composition,
  hospitalCode: string,
  date: string | undefined,
  title: string,
  typeText: string,
  status: FactStatus,
): DocumentFact {
  const codes = toCodes(r.type);
  const b = base(r, hospitalCode, date, '', codes, title, status, { th: title, en: title });
  return {
    id: b.id,
    hospitalCode: b.hospitalCode,
    resourceType: b.resourceType,
    resourceId: b.resourceId,
    date: b.date,
    // A document never merges with another: two discharge letters on one day are two letters.
    conceptKey: `document|${b.id}`,
    codes: b.codes,
    display: b.display,
    nameTh: b.nameTh,
    nameEn: b.nameEn,
    status: b.status,
    sealed: b.sealed,
    kind: 'document',
    typeText,
    contentKind: 'other',
  };
}

export function documentReferenceFact(r: DocumentReference, hospitalCode: string): DocumentFact | null {
  if (r.status === 'entered-in-error' || r.docStatus === 'entered-in-error') return null;
  const attachment = r.content?.[0]?.attachment;
  const typeText = textOf(r.type);
  const title = r.description ?? attachment?.title ?? (typeText !== '' ? typeText : 'Document');
  const status: FactStatus = r.status === 'superseded' ? 'inactive' : (DOC_STATUS[r.docStatus ?? ''] ?? 'active');
  const fact = fromBase(r, hospitalCode, r.date ?? r.context?.period?.start ?? attachment?.creation, title, typeText, status);
  const org = authorOrganization(r.custodian, r.author);
  if (org !== undefined) fact.authorOrganization = org;
  const mime = baseMimeType(attachment?.contentType);
  if (attachment?.contentType !== undefined) fact.contentType = attachment.contentType.slice(0, 100);
  if (mime !== null) fact.contentKind = contentKindOf(mime);
  const size = attachment?.size ?? (attachment?.data !== undefined ? base64Length(attachment.data) : undefined);
  if (size !== undefined && Number.isFinite(size) && size >= 0) fact.size = size;
  const problem = attachmentProblem(attachment, hospitalCode);
  if (problem !== undefined) fact.problem = problem;
  return fact;
}

function sectionsOf(r: Composition): DocumentSection[] {
  const out: DocumentSection[] = [];
  const walk = (sections: Composition['section'], depth: number): void => {
    for (const s of sections ?? []) {
      if (out.length >= MAX_SECTIONS) return;
      const title = s.title ?? textOf(s.code);
      const text = s.text?.div !== undefined ? htmlToText(s.text.div).slice(0, MAX_SECTION_TEXT) : '';
      out.push({ title, text });
      if (depth < 2) walk(s.section, depth + 1);
    }
  };
  walk(r.section, 0);
  return out;
}

export function compositionFact(r: Composition, hospitalCode: string): DocumentFact | null {
  if (r.status === 'entered-in-error') return null;
  const typeText = textOf(r.type);
  const title = r.title !== '' ? r.title : typeText;
  const fact = fromBase(r, hospitalCode, r.date, title, typeText, DOC_STATUS[r.status] ?? 'unknown');
  const org = authorOrganization(r.custodian, r.author);
  if (org !== undefined) fact.authorOrganization = org;
  fact.contentKind = 'sections';
  fact.sections = sectionsOf(r);
  return fact;
}
