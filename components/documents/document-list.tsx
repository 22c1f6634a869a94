'use client';

import type { DocumentItem, TimelineEntry } from '@/lib/clinical/types';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { formatSourceDate } from '@/lib/i18n/format';
import { translate } from '@/lib/i18n/messages';
import { statusLabel } from '@/components/timeline/labels';
import { contentKindLabel, documentUrls, formatBytes, opensInViewer, problemText } from './document-labels';

/** What to show (and offer) for one document: its open action, or why it cannot be opened. */
export function DocumentAction({
  item,
  accessId,
  lang,
  onOpen,
}: {
  item: DocumentItem;
  accessId: string;
  lang: Lang;
  onOpen: (item: DocumentItem) => void;
}) {
  if (item.problem !== undefined)
    return (
      <p className="text-sm font-semibold text-warning" data-testid="document-problem" data-problem={item.problem}>
        ⚠ {problemText(lang, item.problem, item.contentType)}
      </p>
    );
  if (opensInViewer(item.contentKind))
    return (
      <button type="button" className="btn-secondary min-h-9 px-3 py-1 text-sm" onClick={() => onOpen(item)}>
        {translate(lang, 'documents.open')}
      </button>
    );
  const { file } = documentUrls(accessId, item);
  // A PDF opens in the browser's own viewer (its own tab, sandboxed by the file route's CSP); anything else is saved.
  return item.contentKind === 'pdf' ? (
    <a className="btn-secondary min-h-9 px-3 py-1 text-sm" href={file} target="_blank" rel="noopener noreferrer" data-testid="document-pdf">
      {translate(lang, 'documents.openPdf')}
    </a>
  ) : (
    <a className="btn-secondary min-h-9 px-3 py-1 text-sm" href={file} download data-testid="document-download">
      {translate(lang, 'documents.download', { size: item.size === undefined ? '—' : formatBytes(item.size) })}
    </a>
  );
}

/** The Documents tab: every document the answered hospitals sent, newest first, sealed ones as stubs. */
export function DocumentList({
  items,
  sealed,
  accessId,
  names,
  lang,
  calendar,
  onOpen,
  onUnseal,
}: {
  items: readonly DocumentItem[];
  sealed: readonly TimelineEntry[];
  accessId: string;
  names: Record<string, string>;
  lang: Lang;
  calendar: Calendar;
  onOpen: (item: DocumentItem) => void;
  onUnseal: (entry: TimelineEntry) => void;
}) {
  return (
    <section aria-labelledby="documents-title" className="card space-y-3" data-testid="document-list">
      <h2 id="documents-title" className="text-lg font-bold">
        {translate(lang, 'documents.title')}
      </h2>
      <p className="text-sm text-muted">{translate(lang, 'documents.audited')}</p>
      {items.length === 0 && sealed.length === 0 && <p>{translate(lang, 'documents.empty')}</p>}
      <ul className="space-y-2">
        {sealed.map((e) => (
          <li key={e.id} className="rounded border border-line p-3" data-testid="document-sealed">
            <button type="button" className="font-semibold underline" onClick={() => onUnseal(e)}>
              🔒 {translate(lang, 'record.timeline.sealed')} — {translate(lang, 'record.timeline.openSealed')}
            </button>
            <div className="text-sm text-muted">
              {formatSourceDate(e.date, lang, calendar)} · {e.hospitals.map((h) => names[h] ?? h).join(', ')}
            </div>
          </li>
        ))}
        {items.map((d) => (
          <li key={d.entryId} className="rounded border border-line p-3" data-testid="document-item">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">{d.title}</h3>
              <DocumentAction item={d} accessId={accessId} lang={lang} onOpen={onOpen} />
            </div>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
              <dt className="text-muted">{translate(lang, 'documents.type')}</dt>
              <dd>{d.typeText || '—'}</dd>
              <dt className="text-muted">{translate(lang, 'common.date')}</dt>
              <dd>{formatSourceDate(d.date, lang, calendar)}</dd>
              <dt className="text-muted">{translate(lang, 'common.hospital')}</dt>
              <dd>{d.hospitals.map((h) => names[h] ?? h).join(', ')}</dd>
              <dt className="text-muted">{translate(lang, 'documents.author')}</dt>
              <dd>{d.authorOrganization ?? '—'}</dd>
              <dt className="text-muted">{translate(lang, 'documents.status')}</dt>
              <dd>{statusLabel(lang, d.status) || '—'}</dd>
              <dt className="text-muted">{translate(lang, 'documents.format')}</dt>
              <dd>
                {contentKindLabel(lang, d.contentKind)}
                {d.size !== undefined && ` · ${formatBytes(d.size)}`}
              </dd>
              {d.sectionTitles.length > 0 && (
                <>
                  <dt className="text-muted">{translate(lang, 'documents.sections')}</dt>
                  <dd>{d.sectionTitles.join(' · ')}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
