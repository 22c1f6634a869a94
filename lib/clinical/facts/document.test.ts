import type { Composition, DocumentReference } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { mergeTimeline } from '../merge';
import { toClinicalFacts } from './index';
import { attachmentProblem } from './document';
import type { DocumentFact } from '../types';

const subject = { reference: 'Patient/HN1', identifier: { system: 'https://terms.sil-th.org/id/th-cid', value: '3100400123456' } };
const b64 = (s: string): string => Buffer.from(s).toString('base64');

function docRef(over: Partial<DocumentReference> = {}): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: 'doc-1',
    status: 'current',
    docStatus: 'final',
    type: { coding: [{ system: 'http://loinc.org', code: '57133-1', display: 'Referral note' }], text: 'Referral letter' },
    subject,
    date: '2026-01-10T15:00:00+07:00',
    custodian: { reference: 'Organization/11535', display: 'Klang Hospital' },
    description: 'Referral to nephrology',
    content: [{ attachment: { contentType: 'text/plain', data: b64('Dear colleague'), title: 'referral.txt' } }],
    ...over,
  };
}

const only = (r: DocumentReference | Composition): DocumentFact => toClinicalFacts([r], '11535')[0] as DocumentFact;

describe('document facts', () => {
  it('maps a DocumentReference to its type, title, date, author organisation, status, format and size', () => {
    const f = only(docRef());
    expect(f).toMatchObject({
      kind: 'document',
      id: '11535/DocumentReference/doc-1',
      display: 'Referral to nephrology',
      typeText: 'Referral letter',
      date: '2026-01-10T15:00:00+07:00',
      authorOrganization: 'Klang Hospital',
      status: 'final',
      contentKind: 'text',
      contentType: 'text/plain',
      size: 14,
    });
    expect(f.problem).toBeUndefined();
    expect(JSON.stringify(f)).not.toContain(b64('Dear colleague')); // the content never travels in the fact
  });

  it('maps a Composition to its sections as plain text, never markup', () => {
    const comp: Composition = {
      resourceType: 'Composition',
      id: 'cmp-1',
      status: 'final',
      type: { coding: [{ system: 'http://loinc.org', code: '18842-5' }], text: 'Discharge summary' },
      subject,
      date: '2026-01-05',
      author: [{ reference: 'Organization/10661', display: 'Rajavithi Hospital' }],
      title: 'Discharge summary: pneumonia',
      section: [
        {
          title: 'Hospital course',
          text: { status: 'generated', div: '<div><p>Ceftriaxone <b>5 days</b></p><script>alert(1)</script></div>' },
        },
        { title: 'Plan', section: [{ title: 'Follow-up', text: { status: 'generated', div: '<div>2 weeks &amp; X-ray</div>' } }] },
      ],
    };
    const f = only(comp);
    expect(f).toMatchObject({
      kind: 'document',
      display: 'Discharge summary: pneumonia',
      contentKind: 'sections',
      authorOrganization: 'Rajavithi Hospital',
    });
    expect(f.sections).toEqual([
      { title: 'Hospital course', text: 'Ceftriaxone 5 days' },
      { title: 'Plan', text: '' },
      { title: 'Follow-up', text: '2 weeks & X-ray' },
    ]);
  });

  it('drops entered-in-error documents', () => {
    expect(toClinicalFacts([docRef({ status: 'entered-in-error' })], '11535')).toEqual([]);
  });

  it('keeps sealed documents sealed', () => {
    const f = only(docRef({ meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY' }] } }));
    expect(f.sealed?.labels).toContain('PSY');
  });

  it.each([
    ['no attachment', undefined, 'missing'],
    ['neither data nor url', { contentType: 'application/pdf' }, 'missing'],
    ['a URL outside the exchange', { contentType: 'application/pdf', url: 'https://pacs.example/x.pdf' }, 'unreachable'],
    ['a declared size over the cap', { contentType: 'application/pdf', url: 'Binary/b1', size: 48 * 1024 * 1024 }, 'oversized'],
    ['no content type', { url: 'Binary/b1' }, 'wrong-type'],
    ['a malformed content type', { contentType: 'pdf', url: 'Binary/b1' }, 'wrong-type'],
    ['text declared as a PDF', { contentType: 'application/pdf', data: b64('not a pdf at all') }, 'wrong-type'],
    ['a PDF declared as text', { contentType: 'text/plain', data: b64('%PDF-1.4 ...') }, 'wrong-type'],
    ['data that is not base64', { contentType: 'text/plain', data: '***' }, 'missing'],
  ] as const)('lists %s as %s', (_label, attachment, problem) => {
    expect(attachmentProblem(attachment, '11535')).toBe(problem);
  });

  it.each([
    ['inline text', { contentType: 'text/plain; charset=utf-8', data: b64('hello') }],
    ['an inline PDF', { contentType: 'application/pdf', data: b64('%PDF-1.4\n') }],
    ['a Binary of the exchange', { contentType: 'application/pdf', url: 'Binary/bin-1' }],
    ['any other type, offered as a download', { contentType: 'image/png', url: 'Binary/bin-2' }],
  ] as const)('accepts %s', (_label, attachment) => {
    expect(attachmentProblem(attachment, '11535')).toBeUndefined();
  });

  it('gives every document its own timeline entry and a row in the Documents section', () => {
    const a = only(docRef());
    const b = only(docRef({ id: 'doc-2' }));
    const model = mergeTimeline({ facts: [a, b], answered: ['11535'], now: '2026-02-01T00:00:00Z' });
    expect(model.entries.filter((e) => e.kind === 'document')).toHaveLength(2);
    expect(model.documents.map((d) => d.factId).sort()).toEqual(['11535/DocumentReference/doc-1', '11535/DocumentReference/doc-2']);
    expect(model.documents[0]).toMatchObject({
      title: 'Referral to nephrology',
      contentKind: 'text',
      authorOrganization: 'Klang Hospital',
    });
  });
});
