'use client';

import { memo, type ReactNode } from 'react';
import { NameOnlyBadge } from '@/components/phr/name-only-badge';
import { isNameOnlyKey } from '@/lib/clinical/name-only';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { formatSourceDate } from '@/lib/i18n/format';
import type { LabSeries, MedicationRow, NoneKnownStatement, ProblemRow } from '@/lib/clinical/types';
import { analyteName, conceptName, medicationName } from '@/lib/clinical/names';
import { displayUnit } from '@/lib/clinical/unit-display';
import { formatResultValue } from '@/lib/clinical/result-format';
import type { PanelCoverage } from '@/lib/clinical/coverage';
import { translate, type MessageKey } from '@/lib/i18n/messages';
import type { HighRiskClass } from '@/lib/clinical/terminology';
import { medicationChangeNotes } from '@/lib/clinical/medication-notes';
import { CheckIncompleteNote, CoverageNote } from './coverage-note';
import { hospitalsText, name } from './panel-text';
import { conflictText, statusLabel } from './labels';

type Names = Record<string, string>;

// Typed, so a new high-risk class in the ATC table fails the build until it has words in both languages.
const HIGH_RISK_LABEL: Record<HighRiskClass, MessageKey> = {
  anticoagulant: 'emergency.highRisk.anticoagulant',
  insulin: 'emergency.highRisk.insulin',
  antidiabetic: 'emergency.highRisk.antidiabetic',
  antiepileptic: 'emergency.highRisk.antiepileptic',
  antiarrhythmic: 'emergency.highRisk.antiarrhythmic',
  immunosuppressant: 'emergency.highRisk.immunosuppressant',
  antineoplastic: 'emergency.highRisk.antineoplastic',
  opioid: 'emergency.highRisk.opioid',
};

/** A summary section: its title, and either what the answering hospitals recorded or a plain "none recorded". */
function SummaryCard({
  id,
  testId,
  title,
  emptyText,
  empty,
  coverage,
  names,
  lang,
  note,
  children,
}: {
  id: string;
  testId: string;
  title: string;
  emptyText: string;
  empty: boolean;
  coverage: PanelCoverage;
  names: Names;
  lang: Lang;
  note?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="card" data-testid={testId}>
      <h2 id={id} className="mb-2 text-lg font-bold">
        {title}
      </h2>
      {empty ? <p className="text-muted">{emptyText}</p> : children}
      {note}
      <CoverageNote coverage={coverage} names={names} lang={lang} testId={`${testId}-coverage`} />
    </section>
  );
}

/** Each hospital's "none known" statement, and who disagrees with it: never shown as a drug or a problem. */
function NoneKnownNote({
  statements,
  what,
  names,
  lang,
}: {
  statements: readonly NoneKnownStatement[] | undefined;
  what: 'noneKnown.medications.statement' | 'noneKnown.problems.statement';
  names: Names;
  lang: Lang;
}) {
  if (statements === undefined || statements.length === 0) return null;
  const disputed = statements.filter((s) => s.contradictedBy.length > 0);
  const recorded = [...new Set(disputed.flatMap((s) => s.contradictedBy))];
  return (
    <div className="mt-2 text-sm" data-testid="none-known-note">
      <p>
        {translate(lang, what, {
          hospitals: hospitalsText(
            statements.map((s) => s.hospitalCode),
            names,
          ),
        })}
      </p>
      {disputed.length > 0 && (
        <p className="font-semibold text-warning" data-testid="none-known-disputed">
          ⚠{' '}
          {translate(lang, 'noneKnown.disputed', {
            noneKnown: hospitalsText(
              disputed.map((s) => s.hospitalCode),
              names,
            ),
            recorded: hospitalsText(recorded, names),
          })}
        </p>
      )}
    </div>
  );
}

/** One row per drug with every hospital's status and last date; disagreements highlighted, never merged away. */
export const MedicationPanel = memo(function MedicationPanel({
  rows,
  statements,
  names,
  lang,
  calendar,
  coverage,
  crossCheck,
}: {
  rows: MedicationRow[];
  statements?: readonly NoneKnownStatement[];
  names: Names;
  lang: Lang;
  calendar: Calendar;
  coverage: PanelCoverage;
  crossCheck: PanelCoverage;
}) {
  const current = rows.filter((r) => r.current || r.conflicts.length > 0);
  return (
    <SummaryCard
      id="med-title"
      testId="medication-panel"
      title={
        coverage.included.length === coverage.total
          ? translate(lang, 'coverage.medications.all')
          : translate(lang, 'coverage.medications.some', { included: coverage.included.length, total: coverage.total })
      }
      coverage={coverage}
      names={names}
      lang={lang}
      empty={current.length === 0}
      emptyText={translate(lang, 'record.meds.none')}
      note={<NoneKnownNote statements={statements} what="noneKnown.medications.statement" names={names} lang={lang} />}
    >
      <ul className="divide-y divide-line">
        {current.map((m) => (
          <li key={m.key} className="py-2" data-testid="medication-row">
            <div className="flex flex-wrap items-baseline gap-2">
              <strong>{medicationName(m, lang)}</strong>
              <NameOnlyBadge lang={lang} show={isNameOnlyKey(m.key)} />
              {m.highRisk && (
                <span className="rounded border border-warning bg-warning-bg px-1.5 text-xs font-bold text-warning">
                  ▲ {translate(lang, 'emergency.meds.highRisk', { class: translate(lang, HIGH_RISK_LABEL[m.highRisk]) })}
                </span>
              )}
              {m.conflicts.length > 0 && (
                <span className="rounded bg-warning px-1.5 text-xs font-bold text-white" data-testid="med-conflict">
                  ⚠ {translate(lang, 'record.meds.disagree')} ({conflictText(lang, m.conflicts)})
                </span>
              )}
              {m.allergyConflicts.length > 0 && (
                <span className="rounded bg-critical px-1.5 text-xs font-bold text-white" data-testid="med-allergy">
                  ⚠ {translate(lang, 'record.meds.allergyMatch')}: {m.allergyConflicts.map((f) => conceptName(f.allergy, lang)).join(', ')}
                </span>
              )}
            </div>
            <ul className="mt-1 text-sm">
              {m.hospitals.map((h) => (
                <li key={h.factId} className={h.current ? '' : 'text-muted'}>
                  {names[h.hospitalCode] ?? h.hospitalCode}: <span className="font-semibold">{statusLabel(lang, h.status)}</span>
                  {h.dose && ` · ${h.dose}`}
                  {h.date && ` · ${formatSourceDate(h.date, lang, calendar)}`}
                  {medicationChangeNotes(h).map((note) => (
                    <span key={note.key} className="block pl-4 text-ink" data-testid="med-change-reason">
                      {translate(lang, note.key, note.vars)}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <CheckIncompleteNote coverage={coverage} names={names} lang={lang} what="coverage.conflicts" testId="medication-conflicts-coverage" />
      <CheckIncompleteNote
        coverage={crossCheck}
        names={names}
        lang={lang}
        what="coverage.crossCheck"
        testId="medication-crosscheck-coverage"
      />
    </SummaryCard>
  );
});

export const ProblemPanel = memo(function ProblemPanel({
  rows,
  statements,
  names,
  lang,
  calendar,
  coverage,
}: {
  rows: ProblemRow[];
  statements?: readonly NoneKnownStatement[];
  names: Names;
  lang: Lang;
  calendar: Calendar;
  coverage: PanelCoverage;
}) {
  return (
    <SummaryCard
      id="problem-title"
      testId="problem-panel"
      title={translate(lang, 'record.problems.title')}
      coverage={coverage}
      names={names}
      lang={lang}
      empty={rows.length === 0}
      emptyText={translate(lang, 'record.problems.none')}
      note={<NoneKnownNote statements={statements} what="noneKnown.problems.statement" names={names} lang={lang} />}
    >
      <ul className="space-y-1">
        {rows.map((p) => (
          <li key={p.conceptKey}>
            <strong>{name(lang, p)}</strong>
            <NameOnlyBadge lang={lang} show={isNameOnlyKey(p.conceptKey)} />
            {p.icd10 && <span className="text-sm text-muted"> ({p.icd10})</span>}
            <span className="text-sm text-muted">
              {' · '}
              {hospitalsText(
                p.hospitals.map((h) => h.hospitalCode),
                names,
              )}
              {p.onset && ` · ${translate(lang, 'record.problems.since')} ${formatSourceDate(p.onset, lang, calendar)}`}
            </span>
            {p.conflicts.length > 0 && (
              <span className="ml-1 text-sm font-semibold text-warning">⚠ {translate(lang, 'record.problems.statusDiffers')}</span>
            )}
          </li>
        ))}
      </ul>
    </SummaryCard>
  );
});

// Result interpretation flags (HL7 v3 ObservationInterpretation) the catalogue names; any other is shown as sent.
const FLAG_TEXT: Partial<Record<string, MessageKey>> = {
  H: 'record.flag.H',
  L: 'record.flag.L',
  HH: 'record.flag.HH',
  LL: 'record.flag.LL',
  A: 'record.flag.A',
};

export function FlagBadge({ flag, lang }: { flag?: string; lang: Lang }) {
  if (!flag || flag === 'N') return null;
  const critical = flag === 'HH' || flag === 'LL';
  return (
    <span className={`ml-1 rounded px-1 text-xs font-bold ${critical ? 'bg-critical text-white' : 'bg-warning-bg text-warning'}`}>
      {flag} {FLAG_TEXT[flag] ? translate(lang, FLAG_TEXT[flag]) : flag}
    </span>
  );
}

export const KeyLabsPanel = memo(function KeyLabsPanel({
  series,
  names,
  lang,
  calendar,
  coverage,
}: {
  series: LabSeries[];
  names: Names;
  lang: Lang;
  calendar: Calendar;
  coverage: PanelCoverage;
}) {
  return (
    <SummaryCard
      id="keylabs-title"
      testId="key-labs"
      title={translate(lang, 'record.keyLabs.title')}
      coverage={coverage}
      names={names}
      lang={lang}
      empty={series.length === 0}
      emptyText={translate(lang, 'record.keyLabs.none')}
    >
      <ul className="space-y-1">
        {series.map((s) => (
          <li key={s.key}>
            <span className="font-semibold">{analyteName(s, lang)}</span>: {formatResultValue(s.analyteKey, s.latest.value, s.unit)}{' '}
            {displayUnit(s.unit)}
            <FlagBadge flag={s.latest.flag} lang={lang} />
            <span className="text-sm text-muted">
              {' · '}
              {formatSourceDate(s.latest.date, lang, calendar)} · {names[s.latest.hospitalCode] ?? s.latest.hospitalCode}
            </span>
          </li>
        ))}
      </ul>
    </SummaryCard>
  );
});
