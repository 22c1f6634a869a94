'use client';

import { memo } from 'react';
import type { PanelCoverage } from '@/lib/clinical/coverage';
import { medicationName } from '@/lib/clinical/names';
import type { AllergyRow, TimelineModel } from '@/lib/clinical/types';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { formatSourceDate } from '@/lib/i18n/format';
import { translate } from '@/lib/i18n/messages';
import { CheckIncompleteNote, CoverageNote } from './coverage-note';
import { conflictLabel } from './labels';
import { hospitalsText, name } from './panel-text';

type Names = Record<string, string>;

/** Allergies first and in red; what each answering hospital said is spelled out, never implied. */
export const AllergyPanel = memo(function AllergyPanel({
  model,
  names,
  lang,
  calendar,
  coverage,
  crossCheck,
}: {
  model: TimelineModel;
  names: Names;
  lang: Lang;
  calendar: Calendar;
  coverage: PanelCoverage;
  crossCheck: PanelCoverage;
}) {
  const stated = model.allergyCoverage;
  const nka = stated.filter((c) => c.state === 'no-known-allergies').map((c) => c.hospitalCode);
  const nothing = stated.filter((c) => c.state === 'nothing-recorded').map((c) => c.hospitalCode);
  return (
    <section aria-labelledby="allergy-title" className="rounded-lg border-2 border-critical bg-surface p-4" data-testid="allergy-panel">
      <h2 id="allergy-title" className="mb-2 text-lg font-bold text-critical">
        <span aria-hidden="true">⚠ </span>
        {translate(lang, 'record.allergies.title')}
      </h2>
      {model.allergies.length > 0 ? (
        <ul className="space-y-2">
          {model.allergies.map((a) => (
            <AllergyItem key={a.conceptKey} row={a} names={names} lang={lang} calendar={calendar} />
          ))}
        </ul>
      ) : (
        <p className="font-semibold">{translate(lang, 'record.allergies.none')}</p>
      )}
      {model.allergyNkaConflict && (
        <p className="mt-2 rounded bg-critical-bg p-2 text-sm font-semibold text-critical" role="note">
          ⚠{' '}
          {translate(lang, 'record.allergies.nkaConflict', {
            nka: hospitalsText(model.allergyNkaConflict.nkaHospitals, names),
            allergy: hospitalsText(model.allergyNkaConflict.allergyHospitals, names),
          })}
        </p>
      )}
      <dl className="mt-3 space-y-1 text-sm text-muted" data-testid="allergy-coverage">
        {nka.length > 0 && (
          <div>
            <dt className="inline font-semibold">{translate(lang, 'record.allergies.nkaRecorded')} </dt>
            <dd className="inline">{hospitalsText(nka, names)}</dd>
          </div>
        )}
        {nothing.length > 0 && (
          <div>
            <dt className="inline font-semibold">{translate(lang, 'record.allergies.nothingRecorded')} </dt>
            <dd className="inline">{hospitalsText(nothing, names)}</dd>
          </div>
        )}
      </dl>
      <CheckIncompleteNote
        coverage={crossCheck}
        names={names}
        lang={lang}
        what="coverage.crossCheck"
        testId="allergy-crosscheck-coverage"
      />
      <CoverageNote coverage={coverage} names={names} lang={lang} testId="allergy-panel-coverage" />
    </section>
  );
});

function AllergyItem({ row, names, lang, calendar }: { row: AllergyRow; names: Names; lang: Lang; calendar: Calendar }) {
  const latest = row.statements.reduce<string | null>((acc, s) => (s.date && (!acc || s.date > acc) ? s.date : acc), null);
  const reactions = [...new Set(row.statements.flatMap((s) => s.reactions))];
  return (
    <li className={`rounded-md p-2 ${row.refuted ? 'bg-canvas' : 'bg-critical-bg'}`} data-testid="allergy-row">
      <div className="flex flex-wrap items-baseline gap-2">
        <strong className={row.refuted ? 'line-through' : 'text-critical'}>{name(lang, row)}</strong>
        {row.highestCriticality === 'high' && (
          <span className="rounded bg-critical px-1.5 text-xs font-bold text-white">
            {translate(lang, 'record.allergies.highCriticality')}
          </span>
        )}
        {row.refuted && <span className="text-xs">{translate(lang, 'record.allergies.refuted')}</span>}
        {reactions.length > 0 && <span className="text-sm">— {reactions.join(', ')}</span>}
      </div>
      <div className="text-sm text-muted">
        {hospitalsText(row.hospitals, names)}
        {row.hospitals.length > 1 && ` · ${translate(lang, 'record.recordedAt', { count: row.hospitals.length })}`}
        {latest && ` · ${formatSourceDate(latest, lang, calendar)}`}
      </div>
      {row.conflicts.map((c) => (
        <div key={c.reason} className="text-sm font-semibold text-warning">
          ⚠ {translate(lang, 'record.allergies.disagree')} {hospitalsText(c.hospitals, names)} ({conflictLabel(lang, c.reason)})
        </div>
      ))}
      {row.medicationConflicts.map((f) => (
        <div key={f.id} className="text-sm font-bold text-critical" data-testid="cross-check">
          ⚠{' '}
          {translate(lang, 'record.allergies.medicationMatch', {
            medication: medicationName(f.medication, lang),
            hospitals: hospitalsText(f.medicationHospitals, names),
          })}
        </div>
      ))}
    </li>
  );
}
