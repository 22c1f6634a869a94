'use client';

import { useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { formatDate, formatSourceDate } from '@/lib/i18n/format';
import type { LabSeries } from '@/lib/clinical/types';
import { analyteName } from '@/lib/clinical/names';
import { displayUnit } from '@/lib/clinical/unit-display';
import { formatResultRange, formatResultValue } from '@/lib/clinical/result-format';
import { translate } from '@/lib/i18n/messages';
import { FlagBadge } from './summary-panels';

// Axis ticks are positions on a time scale, not anyone's record: Bangkok's day, like our own instants.
function tick(t: unknown, lang: Lang, calendar: Calendar): string {
  const n = Number(t);
  return Number.isFinite(n) && n > 0 ? formatDate(new Date(n).toISOString(), lang, calendar) : '';
}

// Distinguishable colours for up to 12 hospitals; hospitals are also named in the legend and table.
export const PALETTE = [
  '#0f5f73',
  '#b42318',
  '#175cd3',
  '#8a4b00',
  '#067647',
  '#6941c6',
  '#c11574',
  '#344054',
  '#0e7090',
  '#b54708',
  '#3538cd',
  '#4e5ba6',
];

/** Lab table with flags and each lab's own reference range, and a per-analyte trend across hospitals. */
export default function LabTrends({
  series,
  names,
  lang,
  calendar,
}: {
  series: LabSeries[];
  names: Record<string, string>;
  lang: Lang;
  calendar: Calendar;
}) {
  const [selected, setSelected] = useState(series[0]?.key ?? '');
  const current = series.find((s) => s.key === selected) ?? series[0];
  const { rows, hospitals } = useMemo(() => {
    if (!current) return { rows: [], hospitals: [] as string[] };
    const hs = [...new Set(current.points.map((p) => p.hospitalCode))].sort();
    const data = current.points
      .filter((p) => p.date && Number.isFinite(Date.parse(p.date)))
      .map((p) => ({ t: Date.parse(p.date!), date: p.date, [p.hospitalCode]: p.value }));
    return { rows: data, hospitals: hs };
  }, [current]);
  if (!current) return <p className="text-muted">{translate(lang, 'record.labs.none')}</p>;
  const band =
    current.latest.refLow !== undefined && current.latest.refHigh !== undefined
      ? { low: current.latest.refLow, high: current.latest.refHigh }
      : null;
  const unit = displayUnit(current.unit);
  const name = (s: LabSeries) =>
    `${analyteName(s, lang)}${displayUnit(s.unit) ? ` (${displayUnit(s.unit)})` : ''}${s.canonical ? '' : ` — ${translate(lang, 'labs.keptApart')}`}`;
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor="analyte" className="label">
          {translate(lang, 'record.labs.analyte')}
        </label>
        <select id="analyte" className="field max-w-md" value={current.key} onChange={(e) => setSelected(e.target.value)}>
          {series.map((s) => (
            <option key={s.key} value={s.key}>
              {name(s)} · {s.points.length}
            </option>
          ))}
        </select>
      </div>
      <figure className="card" data-testid="trend-chart" aria-label={`${name(current)} ${translate(lang, 'record.labs.trend')}`}>
        <ResponsiveContainer width="100%" height={280}>
          <LineChart data={rows} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={(t: unknown) => tick(t, lang, calendar)}
            />
            <YAxis
              width={72}
              label={unit ? { value: unit, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } } : undefined}
            />
            {band && <ReferenceArea y1={band.low} y2={band.high} fill="#067647" fillOpacity={0.08} />}
            <Tooltip
              labelFormatter={(t: unknown, payload: readonly { payload?: { date?: string | null } }[]) =>
                payload[0]?.payload?.date ? formatSourceDate(payload[0].payload.date, lang, calendar, true) : tick(t, lang, calendar)
              }
              formatter={(v: unknown) =>
                typeof v === 'number' ? `${formatResultValue(current.analyteKey, v, current.unit)} ${unit}`.trim() : String(v)
              }
            />
            <Legend formatter={(code: string) => names[code] ?? code} />
            {hospitals.map((h, i) => (
              <Line
                key={h}
                dataKey={h}
                name={h}
                stroke={PALETTE[i % PALETTE.length]}
                connectNulls
                dot={{ r: 4 }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
        <figcaption className="text-sm text-muted">
          {band ? translate(lang, 'record.labs.band', { low: band.low, high: band.high, unit }) : ''}
        </figcaption>
      </figure>
      <table className="w-full text-sm" data-testid="lab-table">
        <caption className="sr-only">{name(current)}</caption>
        <thead>
          <tr className="border-b border-line text-left">
            <th scope="col" className="py-1">
              {translate(lang, 'common.date')}
            </th>
            <th scope="col">{translate(lang, 'record.labs.result')}</th>
            <th scope="col">{translate(lang, 'record.labs.asReported')}</th>
            <th scope="col">{translate(lang, 'record.labs.refRange')}</th>
            <th scope="col">{translate(lang, 'common.hospital')}</th>
          </tr>
        </thead>
        <tbody>
          {[...current.points].reverse().map((p) => (
            <tr key={p.factId} className="border-b border-line">
              <td className="py-1">{formatSourceDate(p.date, lang, calendar)}</td>
              <td>
                {formatResultValue(current.analyteKey, p.value, p.unit)} {displayUnit(p.unit)}
                <FlagBadge flag={p.flag} lang={lang} />
              </td>
              <td>
                {p.originalValue} {displayUnit(p.originalUnit)}
              </td>
              <td>
                {p.refLow !== undefined || p.refHigh !== undefined
                  ? `${formatResultRange(current.analyteKey, p.refLow, p.refHigh, p.unit)} ${displayUnit(p.unit)}`
                  : '—'}
              </td>
              <td>
                {names[p.hospitalCode] ?? p.hospitalCode}
                {(p.alsoAt ?? []).length > 0 && ` + ${(p.alsoAt ?? []).map((h) => names[h] ?? h).join(', ')}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
