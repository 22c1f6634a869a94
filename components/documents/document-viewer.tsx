'use client';

import { useEffect, useRef, useState } from 'react';
import type { DocumentItem } from '@/lib/clinical/types';
import type { DocumentView } from '@/lib/documents/types';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { formatSourceDate } from '@/lib/i18n/format';
import { translate } from '@/lib/i18n/messages';
import { DocumentAction } from './document-list';
import { documentUrls, opensInViewer, problemText } from './document-labels';
import { SAFE_HTML_CLASS, SafeNodes } from './safe-nodes';

type Loaded = { state: 'idle' } | { state: 'loading' } | { state: 'done'; view: DocumentView } | { state: 'failed' };

/** Reads the document's view; a refused session or access goes back to sign-in, as the record's reads do. */
async function fetchDocumentView(url: string): Promise<Loaded> {
  const res = await fetch(url, { cache: 'no-store' });
  if (res.status === 401 || res.status === 403) {
    window.location.assign('/login?ended=revoked');
    return { state: 'failed' };
  }
  if (!res.ok) return { state: 'failed' };
  return { state: 'done', view: (await res.json()) as DocumentView };
}

function Body({ loaded, lang }: { loaded: Loaded; lang: Lang }) {
  if (loaded.state === 'loading') return <p role="status">{translate(lang, 'documents.loading')}</p>;
  if (loaded.state === 'failed') return <p role="alert">{translate(lang, 'documents.problem.failed')}</p>;
  if (loaded.state === 'idle') return null;
  const view = loaded.view;
  if (!view.ok)
    return (
      <p role="alert" className="font-semibold text-warning" data-testid="document-problem" data-problem={view.reason}>
        ⚠ {problemText(lang, view.reason)}
      </p>
    );
  const body = view.body;
  switch (body.kind) {
    case 'sections':
      return (
        <div className="space-y-3" data-testid="document-sections">
          {body.sections.map((s, i) => (
            <section key={i} aria-label={s.title}>
              <h3 className="font-semibold">{s.title}</h3>
              <div className={SAFE_HTML_CLASS}>
                {s.nodes.length > 0 ? <SafeNodes nodes={s.nodes} /> : translate(lang, 'documents.noSectionText')}
              </div>
            </section>
          ))}
        </div>
      );
    case 'text':
    case 'markdown':
      return (
        <div>
          <p className="text-xs text-muted">{translate(lang, 'documents.plainTextNote')}</p>
          <pre className="whitespace-pre-wrap break-words font-sans text-sm" data-testid="document-text">
            {body.text}
          </pre>
        </div>
      );
    case 'html':
      return (
        <div>
          <p className="text-xs text-muted">{translate(lang, 'documents.htmlNote')}</p>
          <div className={SAFE_HTML_CLASS} data-testid="document-html">
            <SafeNodes nodes={body.nodes} />
          </div>
        </div>
      );
    case 'file':
      return null;
  }
}

/** A document opened from the timeline or the Documents tab: its content, fetched (and audited) when opened. */
export function DocumentViewer({
  item,
  accessId,
  names,
  lang,
  calendar,
  onClose,
}: {
  item: DocumentItem | null;
  accessId: string;
  names: Record<string, string>;
  lang: Lang;
  calendar: Calendar;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [result, setResult] = useState<{ url: string; loaded: Loaded } | null>(null);
  // Fetched (and audited) each time a document that opens here is opened; files and refusals fetch nothing.
  const url = item && item.problem === undefined && opensInViewer(item.contentKind) ? documentUrls(accessId, item).view : null;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (item && !d.open) d.showModal();
    if (!item && d.open) d.close();
  }, [item]);
  useEffect(() => {
    if (url === null || item === null) return;
    let live = true;
    fetchDocumentView(url).then(
      (loaded) => live && setResult({ url, loaded }),
      () => live && setResult({ url, loaded: { state: 'failed' } }),
    );
    return () => {
      live = false;
    };
  }, [url, item]);
  const loaded: Loaded = url === null ? { state: 'idle' } : result?.url === url ? result.loaded : { state: 'loading' };
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="document-title"
      className="ml-auto mr-0 h-full max-h-none w-full max-w-2xl rounded-l-lg p-0 backdrop:bg-black/40"
      data-testid="document-viewer"
    >
      {item && (
        <div className="space-y-3 p-4">
          <div className="flex items-start justify-between gap-2">
            <h2 id="document-title" className="text-lg font-bold">
              {item.title}
            </h2>
            <button type="button" className="btn-secondary min-h-9 px-3 py-1" onClick={onClose}>
              {translate(lang, 'documents.close')}
            </button>
          </div>
          <p className="text-sm text-muted">
            {[
              item.typeText,
              formatSourceDate(item.date, lang, calendar),
              item.hospitals.map((h) => names[h] ?? h).join(', '),
              item.authorOrganization,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {(item.problem !== undefined || !opensInViewer(item.contentKind)) && (
            <DocumentAction item={item} accessId={accessId} lang={lang} onOpen={() => undefined} />
          )}
          <Body loaded={loaded} lang={lang} />
          <p className="text-xs text-muted">{translate(lang, 'documents.audited')}</p>
        </div>
      )}
    </dialog>
  );
}
