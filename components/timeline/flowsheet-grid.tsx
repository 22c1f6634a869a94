'use client';

import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState } from 'react';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { formatCount, formatSourceDate } from '@/lib/i18n/format';
import { isAbnormal, type Flowsheet } from '@/lib/clinical/flowsheet';
import type { LabPoint, LabSeries } from '@/lib/clinical/types';
import { analyteName } from '@/lib/clinical/names';
import { displayUnit } from '@/lib/clinical/unit-display';
import { translate } from '@/lib/i18n/messages';
import { moveInGrid, type GridPos } from './grid-keys';
import { shownValue, sentValue } from './vital-text';

type Names = Record<string, string>;

const HEADER_H = 44;
const ROW_H = 40;
const COL_W = 112;
const ROWHEAD_W = 208;

/** A virtualised index list that always keeps `keep` rendered: the focused cell must exist to hold the tab stop. */
function keeping(keep: number) {
  return (range: Range) => {
    const out = defaultRangeExtractor(range);
    if (keep >= 0 && !out.includes(keep)) {
      out.push(keep);
      out.sort((a, b) => a - b);
    }
    return out;
  };
}

function describePoint(series: LabSeries, p: LabPoint, names: Names, lang: Lang): string {
  const value = shownValue(series.analyteKey, p) + (isAbnormal(p) ? ` ${p.flag}` : '');
  const sent = sentValue(p);
  const from = translate(lang, 'flowsheet.cellFrom', { value, hospital: names[p.hospitalCode] ?? p.hospitalCode });
  return sent === shownValue(series.analyteKey, p) ? from : `${from} (${translate(lang, 'vitals.asSent', { value: sent })})`;
}

/**
 * The cumulative flowsheet as an ARIA data grid: one tab stop (roving tabindex), arrow keys, Home/End,
 * Ctrl+Home/End and PageUp/PageDown move it; rows and columns are both virtualised, so the stress patient's
 * 1,400 days × 20 analytes render only what is on screen. Each cell reads out its value, flag and
 * hospital (and the value as sent when it was converted); the focused cell's details also show below.
 */
export const FlowsheetGrid = memo(function FlowsheetGrid({
  sheet,
  names,
  lang,
  calendar,
}: {
  sheet: Flowsheet;
  names: Names;
  lang: Lang;
  calendar: Calendar;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<GridPos>({ row: 1, col: 1 });
  const pendingFocus = useRef(false);
  const rowCount = sheet.rows.length;
  const colCount = sheet.columns.length;
  // The model may shrink when a hospital's answer is replaced: keep the tab stop inside the grid.
  const pos: GridPos = { row: Math.min(focus.row, rowCount), col: Math.min(focus.col, colCount) };
  const rows = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 4,
    scrollPaddingStart: HEADER_H,
    rangeExtractor: keeping(pos.row - 1),
    useFlushSync: false,
  });
  const cols = useVirtualizer({
    horizontal: true,
    count: colCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => COL_W,
    overscan: 2,
    scrollPaddingStart: ROWHEAD_W,
    rangeExtractor: keeping(pos.col - 1),
    useFlushSync: false,
  });

  // Focus follows the roving position once the virtualiser has rendered the cell (after a scroll).
  useEffect(() => {
    if (!pendingFocus.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-pos="${pos.row}:${pos.col}"]`);
    if (el !== null && el !== undefined) {
      el.focus({ preventScroll: true });
      pendingFocus.current = false;
    }
  });

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - HEADER_H) / ROW_H) - 1);
    const next = moveInGrid(pos, e.key, e.ctrlKey || e.metaKey, { rows: rowCount + 1, cols: colCount + 1, page });
    if (next === null) return;
    e.preventDefault();
    pendingFocus.current = true;
    setFocus(next);
    if (next.row > 0) rows.scrollToIndex(next.row - 1, { align: 'auto' });
    if (next.col > 0) cols.scrollToIndex(next.col - 1, { align: 'auto' });
  };

  if (rowCount === 0 || colCount === 0) return <p className="text-muted">{translate(lang, 'flowsheet.empty')}</p>;

  const width = ROWHEAD_W + cols.getTotalSize();
  const vCols = cols.getVirtualItems();
  const tab = (row: number, col: number) => (pos.row === row && pos.col === col ? 0 : -1);
  // One focus handler for the whole grid (a click or a screen reader moves focus too): cells stay memoised.
  const onFocus = (e: React.FocusEvent) => {
    const at = (e.target as HTMLElement).dataset.pos?.split(':').map(Number);
    if (at?.length === 2 && (at[0] !== pos.row || at[1] !== pos.col)) setFocus({ row: at[0]!, col: at[1]! });
  };
  const focused = pos.row > 0 && pos.col > 0 ? sheet.cell(pos.row - 1, pos.col - 1) : undefined;
  const focusedSeries = pos.row > 0 ? sheet.rows[pos.row - 1]?.series : undefined;

  return (
    <div className="space-y-2" data-testid="flowsheet">
      <h3 id="flowsheet-title" className="font-semibold">
        {translate(lang, 'flowsheet.title')}
      </h3>
      <p id="flowsheet-help" className="text-sm text-muted">
        {translate(lang, 'flowsheet.summary', {
          rows: formatCount(rowCount),
          columns: formatCount(colCount),
          readings: formatCount(sheet.readings),
        })}{' '}
        · {translate(lang, 'flowsheet.help')}
      </p>
      <div
        ref={scrollRef}
        role="grid"
        aria-label={translate(lang, 'flowsheet.label')}
        aria-describedby="flowsheet-help"
        aria-rowcount={rowCount + 1}
        aria-colcount={colCount + 1}
        className="relative h-[28rem] overflow-auto rounded-md border border-line bg-surface"
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        data-testid="flowsheet-grid"
      >
        <div style={{ height: HEADER_H + rows.getTotalSize(), width, position: 'relative' }}>
          <div role="row" aria-rowindex={1} className="sticky top-0 z-20 bg-surface" style={{ height: HEADER_H, width }}>
            <div
              role="columnheader"
              aria-colindex={1}
              tabIndex={tab(0, 0)}
              data-pos="0:0"
              className="sticky left-0 z-30 flex h-full items-center border-b border-r border-line bg-surface px-2 text-sm font-semibold"
              style={{ width: ROWHEAD_W }}
            >
              {translate(lang, 'flowsheet.analyte')}
            </div>
            {vCols.map((vc) => (
              <div
                key={vc.key}
                role="columnheader"
                aria-colindex={vc.index + 2}
                tabIndex={tab(0, vc.index + 1)}
                data-pos={`0:${vc.index + 1}`}
                className="absolute top-0 flex h-full items-center border-b border-line px-2 text-sm font-semibold"
                style={{ left: ROWHEAD_W + vc.start, width: vc.size }}
              >
                {formatSourceDate(sheet.columns[vc.index], lang, calendar)}
              </div>
            ))}
          </div>
          {rows.getVirtualItems().map((vr) => {
            const row = sheet.rows[vr.index]!;
            const unit = displayUnit(row.series.unit);
            return (
              <div
                key={vr.key}
                role="row"
                aria-rowindex={vr.index + 2}
                className="absolute left-0"
                style={{ top: HEADER_H + vr.start, height: vr.size, width }}
              >
                <div
                  role="rowheader"
                  aria-colindex={1}
                  tabIndex={tab(vr.index + 1, 0)}
                  data-pos={`${vr.index + 1}:0`}
                  className="sticky left-0 z-10 flex h-full items-center truncate border-b border-r border-line bg-surface px-2 text-sm"
                  style={{ width: ROWHEAD_W }}
                >
                  {analyteName(row.series, lang)}
                  {unit ? ` (${unit})` : ''}
                </div>
                {vCols.map((vc) => (
                  <Cell
                    key={vc.key}
                    points={sheet.cell(vr.index, vc.index)}
                    series={row.series}
                    row={vr.index + 1}
                    col={vc.index + 1}
                    left={ROWHEAD_W + vc.start}
                    width={vc.size}
                    tabIndex={tab(vr.index + 1, vc.index + 1)}
                    names={names}
                    lang={lang}
                  />
                ))}
              </div>
            );
          })}
        </div>
      </div>
      <p className="min-h-6 text-sm" data-testid="flowsheet-focused">
        {focusedSeries !== undefined && pos.col > 0 && (
          <>
            <span className="font-semibold">{translate(lang, 'flowsheet.focused')}: </span>
            {analyteName(focusedSeries, lang)} · {formatSourceDate(sheet.columns[pos.col - 1], lang, calendar)} ·{' '}
            {focused === undefined
              ? translate(lang, 'flowsheet.noValue')
              : focused.map((p) => describePoint(focusedSeries, p, names, lang)).join('; ')}
          </>
        )}
      </p>
    </div>
  );
});

const Cell = memo(function Cell({
  points,
  series,
  row,
  col,
  left,
  width,
  tabIndex,
  names,
  lang,
}: {
  points: readonly LabPoint[] | undefined;
  series: LabSeries;
  row: number;
  col: number;
  left: number;
  width: number;
  tabIndex: number;
  names: Names;
  lang: Lang;
}) {
  const latest = points?.[points.length - 1];
  // The flag shown is the latest reading's, else the day's first abnormal one: never colour alone.
  const flagged = latest !== undefined && isAbnormal(latest) ? latest : points?.find(isAbnormal);
  const abnormal = flagged !== undefined;
  const details = points?.map((p) => describePoint(series, p, names, lang)).join('; ') ?? translate(lang, 'flowsheet.noValue');
  return (
    <div
      role="gridcell"
      aria-colindex={col + 1}
      tabIndex={tabIndex}
      data-pos={`${row}:${col}`}
      data-abnormal={abnormal ? 'true' : undefined}
      title={points === undefined ? undefined : details}
      className={`absolute top-0 flex h-full items-center gap-1 border-b border-line px-2 text-sm tabular-nums focus:outline focus:outline-2 focus:outline-info ${abnormal ? 'bg-warning-bg font-semibold text-warning' : ''}`}
      style={{ left, width }}
    >
      {latest !== undefined && (
        <>
          <span aria-hidden="true">
            {shownValue(series.analyteKey, latest).replace(` ${displayUnit(latest.unit)}`, '')}
            {flagged !== undefined ? ` ${flagged.flag}` : ''}
            {points!.length > 1 ? ` ${translate(lang, 'flowsheet.more', { count: points!.length - 1 })}` : ''}
          </span>
          <span className="sr-only">{details}</span>
        </>
      )}
      {latest === undefined && <span className="sr-only">{details}</span>}
    </div>
  );
});
