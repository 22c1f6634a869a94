'use client';

import { useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { formatDate, formatSourceDate } from '@/lib/i18n/format';
import type { LabPoint, LabSeries } from '@/lib/clinical/types';
import { analyteName } from '@/lib/clinical/names';
import { displayUnit } from '@/lib/clinical/unit-display';
import {
  availableVitalCharts,
  bloodPressureRows,
  pairBloodPressure,
  readingHospitals,
  seriesRows,
  vitalChartSeries,
  type BloodPressureReading,
  type ChartRow,
  type VitalChartKey,
} from '@/lib/clinical/vital-series';
import { translate } from '@/lib/i18n/messages';
import { PALETTE } from './lab-trends';
import { FlagBadge } from './summary-panels';
import { valueWithSource } from './vital-text';

type Names = Record<string, string>;

/** Rows a reading table lists: the newest, so the stress patient's 1,400 readings stay a short table. */
const TABLE_LIMIT = 60;

// Axis ticks are positions on a time scale, not anyone's record: Bangkok's day, like our own instants.
function tick(t: unknown, lang: Lang, calendar: Calendar): string {
  const n = Number(t);
  return Number.isFinite(n) && n > 0 ? formatDate(new Date(n).toISOString(), lang, calendar) : '';
}

/** Vital-sign trends: blood pressure as systolic and diastolic lines per hospital, then one chart per vital sign. */
export default function VitalTrends({
  vitals,
  labs,
  names,
  lang,
  calendar,
}: {
  vitals: LabSeries[];
  labs: LabSeries[];
  names: Names;
  lang: Lang;
  calendar: Calendar;
}) {
  const charts = useMemo(() => availableVitalCharts(vitals, labs), [vitals, labs]);
  const [selected, setSelected] = useState<VitalChartKey>('bp');
  const current = charts.includes(selected) ? selected : charts[0];
  if (current === undefined) return <p className="text-muted">{translate(lang, 'vitals.none')}</p>;
  const label = (k: VitalChartKey) => {
    if (k === 'bp') return translate(lang, 'vitals.bp');
    const s = vitalChartSeries(k, vitals, labs)!;
    return `${analyteName(s, lang)}${displayUnit(s.unit) ? ` (${displayUnit(s.unit)})` : ''}`;
  };
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor="vital-chart" className="label">
          {translate(lang, 'vitals.chart')}
        </label>
        <select id="vital-chart" className="field max-w-md" value={current} onChange={(e) => setSelected(e.target.value as VitalChartKey)}>
          {charts.map((k) => (
            <option key={k} value={k}>
              {label(k)}
            </option>
          ))}
        </select>
      </div>
      {current === 'bp' ? (
        <BloodPressureChart vitals={vitals} names={names} lang={lang} calendar={calendar} />
      ) : (
        <SingleVitalChart series={vitalChartSeries(current, vitals, labs)!} names={names} lang={lang} calendar={calendar} />
      )}
    </div>
  );
}

function BloodPressureChart({ vitals, names, lang, calendar }: { vitals: LabSeries[]; names: Names; lang: Lang; calendar: Calendar }) {
  const { readings, rows, hospitals } = useMemo(() => {
    const readings = pairBloodPressure(vitals);
    return { readings, rows: bloodPressureRows(readings), hospitals: readingHospitals(readings) };
  }, [vitals]);
  const nameOf = (h: string) => names[h] ?? h;
  const part = (p: LabPoint | undefined) => (p === undefined ? '—' : valueWithSource('systolic', p, lang));
  return (
    <>
      <figure
        className="card"
        data-testid="bp-chart"
        data-hospitals={hospitals.join(' ')}
        aria-label={`${translate(lang, 'vitals.bp')} ${translate(lang, 'vitals.trend')}`}
      >
        <ResponsiveContainer width="100%" height={300}>
          <LineChart data={rows} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={(t: unknown) => tick(t, lang, calendar)}
            />
            <YAxis width={72} label={{ value: 'mmHg', angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }} />
            <Tooltip
              content={({ active, payload }) => {
                const row = payload?.[0]?.payload as ChartRow<BloodPressureReading> | undefined;
                if (!active || row === undefined) return null;
                return (
                  <div className="card space-y-1 text-sm" data-testid="bp-tooltip">
                    {row.items.map((r) => (
                      <div key={`${r.hospitalCode}|${r.systolic?.factId ?? r.diastolic?.factId}`}>
                        <div className="font-semibold">
                          {formatSourceDate(r.date, lang, calendar, true)} · {nameOf(r.hospitalCode)}
                        </div>
                        <div>
                          {translate(lang, 'vitals.systolic')}: {part(r.systolic)}
                        </div>
                        <div>
                          {translate(lang, 'vitals.diastolic')}: {part(r.diastolic)}
                        </div>
                      </div>
                    ))}
                  </div>
                );
              }}
            />
            <Legend />
            {hospitals.flatMap((h, i) =>
              (['sys', 'dia'] as const).map((half) => (
                <Line
                  key={`${h}:${half}`}
                  dataKey={(row: ChartRow<BloodPressureReading>) => row.values[`${h}:${half}`]}
                  name={translate(lang, 'vitals.seriesName', {
                    hospital: nameOf(h),
                    part: translate(lang, half === 'sys' ? 'vitals.systolic' : 'vitals.diastolic'),
                  })}
                  stroke={PALETTE[i % PALETTE.length]}
                  strokeDasharray={half === 'dia' ? '6 3' : undefined}
                  connectNulls
                  dot={rows.length < 300 ? { r: 3 } : false}
                  isAnimationActive={false}
                />
              )),
            )}
          </LineChart>
        </ResponsiveContainer>
        <figcaption className="text-sm text-muted">
          {translate(lang, 'vitals.hospitals', { names: hospitals.map(nameOf).join(', ') })}
        </figcaption>
      </figure>
      <TableLimitNote shown={Math.min(TABLE_LIMIT, readings.length)} total={readings.length} lang={lang} />
      <table className="w-full text-sm" data-testid="bp-table">
        <caption className="sr-only">{translate(lang, 'vitals.bp')}</caption>
        <thead>
          <tr className="border-b border-line text-left">
            <th scope="col" className="py-1">
              {translate(lang, 'common.date')}
            </th>
            <th scope="col">{translate(lang, 'vitals.systolic')}</th>
            <th scope="col">{translate(lang, 'vitals.diastolic')}</th>
            <th scope="col">{translate(lang, 'common.hospital')}</th>
          </tr>
        </thead>
        <tbody>
          {readings
            .slice(-TABLE_LIMIT)
            .reverse()
            .map((r) => (
              <tr key={`${r.hospitalCode}|${r.systolic?.factId ?? r.diastolic?.factId}`} className="border-b border-line">
                <td className="py-1">{formatSourceDate(r.date, lang, calendar)}</td>
                <td>
                  {part(r.systolic)}
                  <FlagBadge flag={r.systolic?.flag} lang={lang} />
                </td>
                <td>
                  {part(r.diastolic)}
                  <FlagBadge flag={r.diastolic?.flag} lang={lang} />
                </td>
                <td>{nameOf(r.hospitalCode)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </>
  );
}

function SingleVitalChart({ series, names, lang, calendar }: { series: LabSeries; names: Names; lang: Lang; calendar: Calendar }) {
  const { rows, hospitals } = useMemo(
    () => ({ rows: seriesRows(series), hospitals: [...new Set(series.points.map((p) => p.hospitalCode))].sort() }),
    [series],
  );
  const unit = displayUnit(series.unit);
  const nameOf = (h: string) => names[h] ?? h;
  return (
    <>
      <figure
        className="card"
        data-testid="vital-chart"
        data-hospitals={hospitals.join(' ')}
        aria-label={`${analyteName(series, lang)} ${translate(lang, 'vitals.trend')}`}
      >
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
              domain={['auto', 'auto']}
              label={unit ? { value: unit, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } } : undefined}
            />
            <Tooltip
              content={({ active, payload }) => {
                const row = payload?.[0]?.payload as ChartRow<LabPoint> | undefined;
                if (!active || row === undefined) return null;
                return (
                  <div className="card space-y-1 text-sm" data-testid="vital-tooltip">
                    {row.items.map((p) => (
                      <div key={p.factId}>
                        <div className="font-semibold">
                          {formatSourceDate(p.date, lang, calendar, true)} · {nameOf(p.hospitalCode)}
                        </div>
                        <div>{valueWithSource(series.analyteKey, p, lang)}</div>
                      </div>
                    ))}
                  </div>
                );
              }}
            />
            <Legend formatter={(code: string) => nameOf(code)} />
            {hospitals.map((h, i) => (
              <Line
                key={h}
                dataKey={(row: ChartRow<LabPoint>) => row.values[h]}
                name={h}
                stroke={PALETTE[i % PALETTE.length]}
                connectNulls
                dot={rows.length < 300 ? { r: 3 } : false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <TableLimitNote shown={Math.min(TABLE_LIMIT, series.points.length)} total={series.points.length} lang={lang} />
      <table className="w-full text-sm" data-testid="vital-table">
        <caption className="sr-only">{analyteName(series, lang)}</caption>
        <thead>
          <tr className="border-b border-line text-left">
            <th scope="col" className="py-1">
              {translate(lang, 'common.date')}
            </th>
            <th scope="col">{translate(lang, 'vitals.reading')}</th>
            <th scope="col">{translate(lang, 'common.hospital')}</th>
          </tr>
        </thead>
        <tbody>
          {series.points
            .slice(-TABLE_LIMIT)
            .reverse()
            .map((p) => (
              <tr key={p.factId} className="border-b border-line">
                <td className="py-1">{formatSourceDate(p.date, lang, calendar)}</td>
                <td>
                  {valueWithSource(series.analyteKey, p, lang)}
                  <FlagBadge flag={p.flag} lang={lang} />
                </td>
                <td>{nameOf(p.hospitalCode)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </>
  );
}

/** Says the table is the newest readings only (the flowsheet and the chart hold every one). */
function TableLimitNote({ shown, total, lang }: { shown: number; total: number; lang: Lang }) {
  if (shown >= total) return null;
  return <p className="text-sm text-muted">{translate(lang, 'vitals.tableLimited', { shown, total })}</p>;
}
