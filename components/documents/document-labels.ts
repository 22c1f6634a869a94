/** Words and addresses for documents: sizes, kinds, why one cannot be opened, and its two routes. */
import { DOCUMENT_MAX_BYTES } from '@/lib/clinical/document-content';
import type { DocumentContentKind, DocumentItem } from '@/lib/clinical/types';
import type { Lang } from '@/lib/i18n/format';
import { translate, type MessageKey } from '@/lib/i18n/messages';
import type { DocumentRefusal } from '@/lib/documents/types';

/** Bytes as B / KB / MB (binary units, one decimal below 10). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const kb = n / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

const KIND: Record<DocumentContentKind, MessageKey> = {
  sections: 'documents.kind.sections',
  text: 'documents.kind.text',
  markdown: 'documents.kind.markdown',
  html: 'documents.kind.html',
  pdf: 'documents.kind.pdf',
  other: 'documents.kind.other',
};

export function contentKindLabel(lang: Lang, kind: DocumentContentKind): string {
  return translate(lang, KIND[kind]);
}

const PROBLEM: Record<DocumentRefusal, MessageKey> = {
  missing: 'documents.problem.missing',
  oversized: 'documents.problem.oversized',
  'wrong-type': 'documents.problem.wrong-type',
  unreachable: 'documents.problem.unreachable',
  'not-found': 'documents.problem.not-found',
  sealed: 'documents.problem.sealed',
};

/** The specific message for a document that cannot be opened (listed, or refused when opened). */
export function problemText(lang: Lang, reason: DocumentRefusal, contentType?: string): string {
  return translate(lang, PROBLEM[reason], { max: formatBytes(DOCUMENT_MAX_BYTES), type: contentType ?? '—' });
}

/** The document's two routes under this access: the JSON view and the file. */
export function documentUrls(accessId: string, item: Pick<DocumentItem, 'factId'>): { view: string; file: string } {
  const [hcode = '', type = '', id = ''] = item.factId.split('/');
  const view = `/api/access/${encodeURIComponent(accessId)}/documents/${encodeURIComponent(hcode)}/${encodeURIComponent(type)}/${encodeURIComponent(id)}`;
  return { view, file: `${view}/content` };
}

/** True when the document opens in the viewer dialog (text, sanitised HTML, sections), not as a file. */
export function opensInViewer(kind: DocumentContentKind): boolean {
  return kind === 'sections' || kind === 'text' || kind === 'markdown' || kind === 'html';
}
