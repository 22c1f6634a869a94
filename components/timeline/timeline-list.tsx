'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import { NameOnlyBadge } from '@/components/phr/name-only-badge';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { formatCount, formatSourceDate } from '@/lib/i18n/format';
import { FACT_KINDS, type FactKind, type TimelineEntry } from '@/lib/clinical/types';
import { displayUnit } from '@/lib/clinical/unit-display';
import { translate } from '@/lib/i18n/messages';
import { DateField } from '@/components/forms/date-field';
import { conceptName } from '@/lib/clinical/names';
import { conflictLabel, encounterClassLabel, kindLabel, modalityLabel, statusLabel } from './labels';
import { formatResultRange, formatResultValue } from '@/lib/clinical/result-format';

type Names = Record<string, string>;

export interface TimelineFilters {
  kind: FactKind | 'all';
  hospital: string;
  from: string;
  to: string;
  text: string;
}

const EMPTY: TimelineFilters = { kind: 'all', hospital: 'all', from: '', to: '', text: '' };

/** Pure filter over merged entries (exported for tests). */
export function filterEntries(entries: readonly TimelineEntry[], f: TimelineFilters, names: Names): readonly TimelineEntry[] {
  const text = f.text.trim().toLowerCase();
  if (f.kind === 'all' && f.hospital === 'all' && !f.from && !f.to && !text) return entries;
  return entries.filter((e) => {
    if (f.kind !== 'all' && e.kind !== f.kind) return false;
    if (f.hospital !== 'all' && !e.hospitals.includes(f.hospital)) return false;
    if (f.from && (!e.day || e.day < f.from)) return false;
    if (f.to && (!e.day || e.day > f.to)) return false;
    if (text) {
      const hay =
        `${e.fact?.display ?? ''} ${e.fact?.nameTh ?? ''} ${e.fact?.nameEn ?? ''} ${e.hospitals.map((h) => names[h] ?? h).join(' ')}`.toLowerCase();
      if (!hay.includes(text)) return false;
    }
    return true;
  });
}

function entryTitle(e: TimelineEntry, lang: Lang): string {
  if (e.sealed) return translate(lang, 'record.timeline.sealed');
  return e.fact ? conceptName(e.fact, lang) : '';
}

function entryDetail(e: TimelineEntry, lang: Lang): string {
  const f = e.fact;
  if (!f) return '';
  switch (f.kind) {
    case 'lab':
    case 'vital':
      return f.value !== undefined
        ? `${formatResultValue(f.analyteKey, f.value, f.unit)} ${displayUnit(f.unit)}${f.refLow !== undefined || f.refHigh !== undefined ? ` (${formatResultRange(f.analyteKey, f.refLow, f.refHigh, f.refUnit ?? f.unit)})` : ''}`
        : (f.valueText ?? '');
    case 'medication':
      return [statusLabel(lang, f.status), f.dose, f.statusReason].filter(Boolean).join(' · ');
    case 'imaging':
      return [f.modality !== undefined ? modalityLabel(lang, f.modality) : undefined, f.conclusion].filter(Boolean).join(' · ');
    case 'lab-report':
      return f.conclusion ?? '';
    case 'allergy':
      return f.reactions.join(', ');
    case 'encounter':
      return [encounterClassLabel(lang, f.encounterClass), f.reason].filter(Boolean).join(' · ');
    case 'condition':
      return [f.icd10 ?? f.icd10tm, statusLabel(lang, f.status)].filter(Boolean).join(' · ');
    case 'immunization':
    case 'procedure':
    case 'flag':
      return statusLabel(lang, f.status);
    case 'document':
      return [f.typeText, f.authorOrganization].filter(Boolean).join(' · ');
  }
}

/** The timeline: newest first, filterable, virtualised so 20,000 entries scroll smoothly. */
export const TimelineList = memo(function TimelineList({
  entries,
  names,
  lang,
  calendar,
  onOpen,
  onUnseal,
}: {
  entries: TimelineEntry[];
  names: Names;
  lang: Lang;
  calendar: Calendar;
  onOpen: (e: TimelineEntry) => void;
  onUnseal: (e: TimelineEntry) => void;
}) {
  const [filters, setFilters] = useState<TimelineFilters>(EMPTY);
  const visible = useMemo(() => filterEntries(entries, filters, names), [entries, filters, names]);
  const parentRef = useRef<HTMLDivElement>(null);
  // No flushSync per measured row: with it, each row's measurement re-rendered the list and forced
  // another layout inside one task (the longest task on a 20,000-entry record).
  // Measured heights are kept per entry, not per position: a hospital answering late inserts entries above
  // rows already measured, and a row's height must move with it (keyed by index, rows were drawn over each other).
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => 68,
    getItemKey: (i) => visible[i]!.id,
    overscan: 12,
    useFlushSync: false,
  });
  const hospitals = useMemo(() => {
    const codes = new Set<string>();
    for (const e of entries) for (const h of e.hospitals) codes.add(h);
    return [...codes].sort();
  }, [entries]);
  const set = (patch: Partial<TimelineFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <section aria-labelledby="timeline-title" className="card">
      <h2 id="timeline-title" className="mb-2 text-lg font-bold">
        {translate(lang, 'record.timeline.title')}{' '}
        <span className="text-sm font-normal text-muted">
          ({formatCount(visible.length)} / {formatCount(entries.length)})
        </span>
      </h2>
      <div className="mb-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-5 no-print">
        <div>
          <label htmlFor="f-kind" className="label text-sm">
            {translate(lang, 'record.timeline.category')}
          </label>
          <select
            id="f-kind"
            className="field text-base"
            value={filters.kind}
            onChange={(e) => set({ kind: e.target.value as FactKind | 'all' })}
          >
            <option value="all">{translate(lang, 'record.timeline.allCategories')}</option>
            {FACT_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(lang, k)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-hosp" className="label text-sm">
            {translate(lang, 'common.hospital')}
          </label>
          <select id="f-hosp" className="field text-base" value={filters.hospital} onChange={(e) => set({ hospital: e.target.value })}>
            <option value="all">{translate(lang, 'record.timeline.allHospitals')}</option>
            {hospitals.map((h) => (
              <option key={h} value={h}>
                {names[h] ?? h}
              </option>
            ))}
          </select>
        </div>
        <div>
          <DateField
            id="f-from"
            label={translate(lang, 'dates.filter.from')}
            labelClassName="label text-sm"
            className="field text-base"
            onValueChange={(from) => set({ from })}
          />
        </div>
        <div>
          <DateField
            id="f-to"
            label={translate(lang, 'dates.filter.to')}
            labelClassName="label text-sm"
            className="field text-base"
            onValueChange={(to) => set({ to })}
          />
        </div>
        <div>
          <label htmlFor="f-text" className="label text-sm">
            {translate(lang, 'record.timeline.search')}
          </label>
          <input
            id="f-text"
            type="search"
            className="field text-base"
            value={filters.text}
            onChange={(e) => set({ text: e.target.value })}
          />
        </div>
      </div>
      <div
        ref={parentRef}
        className="h-[60vh] overflow-auto rounded border border-line"
        data-testid="timeline-scroll"
        tabIndex={0}
        role="region"
        aria-label={translate(lang, 'record.timeline.entries')}
      >
        <ul style={{ height: virtualizer.getTotalSize(), position: 'relative' }} data-testid="timeline">
          {virtualizer.getVirtualItems().map((item) => {
            const e = visible[item.index]!;
            return (
              <li
                key={e.id}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={`absolute left-0 top-0 w-full border-b border-line px-3 py-2 ${e.conflict ? 'bg-warning-bg' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
                data-testid="timeline-entry"
                data-kind={e.kind}
              >
                <div className="flex flex-wrap items-baseline gap-2">
                  <span className="w-28 shrink-0 text-sm text-muted">{formatSourceDate(e.date, lang, calendar)}</span>
                  <span className="rounded bg-info-bg px-1.5 text-xs font-semibold text-info">{kindLabel(lang, e.kind)}</span>
                  {e.sealed ? (
                    <button type="button" className="font-semibold text-ink underline" onClick={() => onUnseal(e)}>
                      🔒 {entryTitle(e, lang)} — {translate(lang, 'record.timeline.openSealed')}
                    </button>
                  ) : (
                    <button type="button" className="text-left font-semibold hover:underline" onClick={() => onOpen(e)}>
                      {entryTitle(e, lang)}
                    </button>
                  )}
                  <span className="text-sm">{entryDetail(e, lang)}</span>
                  <NameOnlyBadge lang={lang} show={e.fact?.codedBy === 'name-only'} />
                </div>
                <div className="pl-30 text-xs text-muted">
                  {e.hospitals.map((h) => names[h] ?? h).join(', ')}
                  {e.recordedAt > 1 && ` · ${translate(lang, 'record.recordedAt', { count: e.recordedAt })}`}
                  {e.conflict && (
                    <span className="ml-2 font-bold text-warning">
                      ⚠ {translate(lang, 'record.timeline.disagrees')} ({conflictLabel(lang, e.conflict.reason)}:{' '}
                      {e.conflict.hospitals.map((h) => names[h] ?? h).join(', ')})
                    </span>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
});
