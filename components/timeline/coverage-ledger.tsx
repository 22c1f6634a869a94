'use client';

import { useEffect, useState } from 'react';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { formatDate, formatSourceDate } from '@/lib/i18n/format';
import type { HospitalView } from '@/lib/timeline/types';
import { translate, type MessageKey } from '@/lib/i18n/messages';

export interface LedgerRow {
  code: string;
  name: string;
  state: 'waiting' | 'done' | 'failed-request';
  view?: HospitalView;
  startedAt: number;
  errorMessage?: string;
}

const STATUS_TEXT: Record<HospitalView['status'], { label: MessageKey; icon: string; tone: string }> = {
  answered: { label: 'record.ledger.status.answered', icon: '✓', tone: 'border-ok bg-ok-bg text-ok' },
  'no-data': { label: 'record.ledger.status.no-data', icon: '∅', tone: 'border-line bg-canvas text-muted' },
  'not-shared': { label: 'record.ledger.status.not-shared', icon: '⊘', tone: 'border-line bg-canvas text-muted' },
  timeout: { label: 'record.ledger.status.timeout', icon: '⏱', tone: 'border-warning bg-warning-bg text-warning' },
  error: { label: 'record.ledger.status.error', icon: '⚠', tone: 'border-critical bg-critical-bg text-critical' },
  malformed: { label: 'record.ledger.status.malformed', icon: '⚠', tone: 'border-critical bg-critical-bg text-critical' },
  'circuit-open': { label: 'record.ledger.status.circuit-open', icon: '⏸', tone: 'border-warning bg-warning-bg text-warning' },
};

/** Seconds since the request began; starts at 0.0 so the server's HTML and the first browser render agree. */
function Elapsed({ since, lang }: { since: number; lang: Lang }) {
  const [now, setNow] = useState(since);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, []);
  const s = Math.max(0, (now - since) / 1000).toFixed(1);
  return <span>{translate(lang, 'record.ledger.waitingSeconds', { seconds: s })}</span>;
}

/**
 * The coverage ledger: what every sharing hospital said, so "nothing returned" is never read as "nothing
 * exists". Failed hospitals can be retried one by one.
 */
export function CoverageLedger({
  rows,
  lang,
  calendar,
  onRetry,
}: {
  rows: LedgerRow[];
  lang: Lang;
  calendar: Calendar;
  onRetry: (code: string) => void;
}) {
  const waiting = rows.filter((r) => r.state === 'waiting').length;
  return (
    <section aria-labelledby="ledger-title" className="card">
      <h2 id="ledger-title" className="mb-2 text-lg font-bold">
        {translate(lang, 'record.ledger.title')}
        <span className="ml-2 text-sm font-normal text-muted" role="status" aria-live="polite">
          {waiting > 0
            ? translate(lang, 'record.ledger.waitingFor', { count: waiting })
            : translate(lang, 'record.ledger.allDone', { count: rows.length })}
        </span>
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="coverage-ledger">
        {rows.map((r) => {
          const status = r.state === 'failed-request' ? 'error' : r.view?.status;
          const meta = status ? STATUS_TEXT[status] : null;
          const failed =
            r.state === 'failed-request' ||
            status === 'timeout' ||
            status === 'error' ||
            status === 'malformed' ||
            status === 'circuit-open';
          return (
            <li
              key={r.code}
              className={`rounded-md border p-2 text-sm ${meta?.tone ?? 'border-info bg-info-bg text-info'}`}
              data-hospital={r.code}
              data-status={r.state === 'waiting' ? 'waiting' : status}
            >
              <div className="font-semibold text-ink">{r.name}</div>
              {r.state === 'waiting' ? (
                <div>
                  <span aria-hidden="true">⏳ </span>
                  <Elapsed since={r.startedAt} lang={lang} />
                </div>
              ) : (
                <div>
                  <span aria-hidden="true">{meta?.icon} </span>
                  <span className="font-semibold">{meta ? translate(lang, meta.label) : ''}</span>
                  {r.view && r.view.status === 'answered' && (
                    <span>
                      {' · '}
                      {translate(lang, 'record.ledger.records', { count: r.view.records })}
                      {r.view.newestDate && (
                        <>
                          {' '}
                          {' · '}
                          {translate(lang, 'record.ledger.newest')} {formatSourceDate(r.view.newestDate, lang, calendar)}
                        </>
                      )}
                    </span>
                  )}
                  {r.view && (
                    <div className="text-xs text-muted">
                      {translate(lang, 'record.ledger.fetched')} {formatDate(r.view.fetchedAt, lang, calendar, true)} ·{' '}
                      {(r.view.elapsedMs / 1000).toFixed(1)} s
                    </div>
                  )}
                  {r.view && r.view.droppedWrongPatient + r.view.droppedUnverifiable > 0 && (
                    <div className="mt-1 font-semibold text-critical" role="alert">
                      ⚠ {translate(lang, 'record.ledger.dropped', { count: r.view.droppedWrongPatient + r.view.droppedUnverifiable })}
                    </div>
                  )}
                  {r.errorMessage && <div className="text-xs">{r.errorMessage}</div>}
                  {failed && (
                    <button type="button" className="mt-1 text-sm font-semibold text-info underline" onClick={() => onRetry(r.code)}>
                      {translate(lang, 'record.ledger.retry')} <span className="sr-only">{r.name}</span>
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
