/**
 * What opening a document returns (plain JSON for the browser, or the bytes for the raw route). Pure, so
 * components can import the view types. The browser never receives HTML: `nodes` is a tree of allowed
 * element names and text (lib/clinical/safe-html.ts) that React renders as elements.
 */
import { z } from 'zod';
import type { SafeNode } from '../clinical/safe-html';

export const DOCUMENT_TYPES = ['DocumentReference', 'Composition'] as const;

/** The route's path parameters: which document of which hospital, under which access. */
export const documentParamsSchema = z.object({
  accessId: z.uuid(),
  hcode: z.string().regex(/^\d{5}$/),
  type: z.enum(DOCUMENT_TYPES),
  id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
});
export type DocumentParams = z.infer<typeof documentParamsSchema>;

/** Why a document could not be opened; each has its own message (lib/i18n/messages/documents.ts). */
export type DocumentRefusal = 'not-found' | 'sealed' | 'missing' | 'oversized' | 'wrong-type' | 'unreachable';

export type DocumentBody =
  | { kind: 'sections'; sections: { title: string; nodes: SafeNode[] }[] }
  | { kind: 'text' | 'markdown'; text: string }
  | { kind: 'html'; nodes: SafeNode[] };

/** A file is never sent inside JSON: the view says what it is, and the page links to the file route. */
export interface FileSummary {
  kind: 'file';
  fileKind: 'pdf' | 'other';
  contentType: string;
  size: number;
}

export type DocumentView = { ok: true; title: string; body: DocumentBody | FileSummary } | { ok: false; reason: DocumentRefusal };

/** The bytes of a PDF or other file, for the raw route (served as a download or in the browser's viewer). */
export interface DocumentFile {
  kind: 'file';
  fileKind: 'pdf' | 'other';
  /** The declared MIME type, checked (never the type the exchange's answer claimed). */
  contentType: string;
  bytes: Uint8Array;
}
