import type { ReactNode } from 'react';
import { computePanelCoverage, PANEL_KINDS, type HospitalAnswer } from '@/lib/clinical/coverage';
import type { EmergencySummary, EncounterClass } from '@/lib/clinical/types';
import { analyteName, conceptName, medicationName } from '@/lib/clinical/names';
import { displayUnit } from '@/lib/clinical/unit-display';
import { formatResultValue } from '@/lib/clinical/result-format';
import type { CoverageRow } from '@/lib/emergency/summary';
import { formatSourceDate, type Calendar, type Lang } from '@/lib/i18n/format';
import { localName } from '@/lib/i18n/local-name';
import type { Bilingual, MessageKey } from '@/lib/i18n/messages';
import { CheckIncompleteNote, CoverageNote } from '@/components/timeline/coverage-note';
import { encounterClassLabel, encounterClassLabels } from '@/components/timeline/labels';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface Props {
  summary: EmergencySummary;
  coverage: CoverageRow[];
  hospitalNames: Record<string, Bilingual>;
  lang: Lang;
  calendar: Calendar;
  t: T;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="card break-inside-avoid space-y-2">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A hospital's visit type that only restates the class ("ผู้ป่วยนอก / Outpatient visit" after "ผู้ป่วยนอก") adds nothing on one screen. */
function restatesClass(typeText: string, encounterClass: EncounterClass): boolean {
  const text = typeText.trim().toLowerCase();
  return encounterClassLabels(encounterClass).some((label) => text.startsWith(label.toLowerCase()));
}

/** The one-screen emergency summary: what can hurt the patient in the next hour, each item with its source hospitals. */
export function EmergencySummaryView({ summary, coverage, hospitalNames, lang, calendar, t }: Props) {
  const name = (code: string) => hospitalNames[code]?.[lang] ?? code;
  const from = (codes: readonly string[]) => t('emergency.from', { hospitals: codes.map(name).join(', ') });
  const date = (d: string | null | undefined) => formatSourceDate(d, lang, calendar);
  const source = (codes: readonly string[]) => <span className="text-sm text-muted"> — {from(codes)}</span>;
  const answers: HospitalAnswer[] = coverage.map((c) => ({ hospitalCode: c.code, state: c.status, dropped: c.dropped, sealed: c.sealed }));
  const plainNames = Object.fromEntries(coverage.map((c) => [c.code, localName(lang, c.nameTh, c.nameEn)]));
  const crossCheck = computePanelCoverage(answers, PANEL_KINDS.crossCheck);
  const failed = coverage.some(
    (c) => c.status === 'timeout' || c.status === 'error' || c.status === 'malformed' || c.status === 'circuit-open',
  );
  const empty = (text: string) => <p className="text-muted">{text}</p>;

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section id="sum-coverage" title={t('emergency.coverage.title')}>
        <ul className="space-y-1">
          {coverage.map((c) => (
            <li key={c.code} className="flex flex-wrap justify-between gap-2" data-testid={`coverage-${c.code}`}>
              <span>
                {localName(lang, c.nameTh, c.nameEn)} ({c.code})
              </span>
              <span
                className={
                  c.status === 'answered' || c.status === 'no-data'
                    ? 'font-semibold text-ok'
                    : c.status === 'not-shared'
                      ? 'text-muted'
                      : 'font-semibold text-warning'
                }
              >
                {t(`emergency.coverage.${c.status}` as MessageKey)}
                {c.status === 'answered' ? ` · ${t('emergency.coverage.records', { count: c.records })}` : ''}
              </span>
            </li>
          ))}
        </ul>
        {failed && (
          <p role="status" className="font-semibold text-warning">
            <span aria-hidden="true">⚠ </span>
            {t('emergency.coverage.incomplete')}
          </p>
        )}
        <CoverageNote
          coverage={computePanelCoverage(answers, PANEL_KINDS.emergency)}
          names={plainNames}
          lang={lang}
          testId="summary-coverage"
        />
      </Section>

      <Section id="sum-allergies" title={t('emergency.allergies.title')}>
        {summary.allergyStatus === 'none-known' && (
          <p className="font-semibold">
            {t('emergency.allergies.noneKnown', { hospitals: summary.noKnownAllergyHospitals.map(name).join(', ') })}
          </p>
        )}
        {summary.allergyStatus === 'no-information' && (
          <p className="font-semibold text-warning">
            <span aria-hidden="true">⚠ </span>
            {t('emergency.allergies.noInfo')}
          </p>
        )}
        {summary.allergyStatus === 'allergies' && summary.allergies.length === 0 && (
          <p className="font-semibold text-warning">{t('emergency.allergies.sealedOnly')}</p>
        )}
        {summary.allergyNkaConflict && (
          <p className="font-semibold text-warning">
            <span aria-hidden="true">⚠ </span>
            {t('emergency.allergies.nkaConflict', {
              nka: summary.allergyNkaConflict.nkaHospitals.map(name).join(', '),
              allergy: summary.allergyNkaConflict.allergyHospitals.map(name).join(', '),
            })}
          </p>
        )}
        {summary.allergies.length > 0 && (
          <ul className="space-y-1" data-testid="allergy-list">
            {summary.allergies.map((a) => (
              <li key={a.display}>
                <span className="font-semibold text-critical">
                  <span aria-hidden="true">⚠ </span>
                  {lang === 'th' && a.nameTh ? a.nameTh : a.display}
                </span>
                {a.reactions.length > 0 && <span> ({a.reactions.join(', ')})</span>}
                {a.criticality === 'high' && <span className="font-semibold"> · {t('emergency.criticality.high')}</span>}
                {a.conflicts.length > 0 && <span className="font-semibold text-warning"> {t('emergency.conflict')}</span>}
                {source(a.hospitals)}
              </li>
            ))}
          </ul>
        )}
        <CheckIncompleteNote
          coverage={crossCheck}
          names={plainNames}
          lang={lang}
          what="coverage.crossCheck"
          testId="summary-allergy-crosscheck"
        />
      </Section>

      <Section id="sum-meds" title={t('emergency.meds.title')}>
        {summary.medications.length === 0 ? (
          empty(t('emergency.meds.none'))
        ) : (
          <ul className="space-y-1" data-testid="medication-list">
            {summary.medications.map((m) => (
              <li key={m.display}>
                <span className="font-semibold">{medicationName(m, lang)}</span>
                {m.dose && <span> · {m.dose}</span>}
                {m.highRisk && (
                  <span className="ml-2 inline-block rounded border border-critical bg-critical-bg px-1 text-sm font-semibold text-critical">
                    <span aria-hidden="true">⚠ </span>
                    {t('emergency.meds.highRisk', { class: t(`emergency.highRisk.${m.highRisk}` as MessageKey) })}
                  </span>
                )}
                {m.conflicts.length > 0 && <span className="font-semibold text-warning"> {t('emergency.conflict')}</span>}
                {m.allergyConflicts.map((c) => (
                  <span key={c.id} className="block font-semibold text-critical">
                    {t('emergency.meds.allergyConflict', { allergy: conceptName(c.allergy, lang) })}
                  </span>
                ))}
                {source(m.hospitals)}
              </li>
            ))}
          </ul>
        )}
        <CheckIncompleteNote
          coverage={crossCheck}
          names={plainNames}
          lang={lang}
          what="coverage.crossCheck"
          testId="summary-medication-crosscheck"
        />
      </Section>

      <Section id="sum-blood" title={t('emergency.bloodGroup.title')}>
        {summary.bloodGroup ? (
          <p data-testid="blood-group">
            <span className="text-xl font-bold">{summary.bloodGroup.value}</span>{' '}
            <span className="text-sm">({date(summary.bloodGroup.date)})</span>
            {summary.bloodGroup.conflict && <span className="font-semibold text-warning"> {t('emergency.conflict')}</span>}
            {source(summary.bloodGroup.hospitals)}
          </p>
        ) : (
          empty(t('emergency.bloodGroup.none'))
        )}
      </Section>

      <Section id="sum-labs" title={t('emergency.labs.title')}>
        {summary.keyLabs.length === 0 ? (
          empty(t('emergency.labs.none'))
        ) : (
          <table className="w-full text-left">
            <thead>
              <tr>
                <th scope="col">{t('emergency.labs.result')}</th>
                <th scope="col">{t('common.date')}</th>
                <th scope="col">{t('common.hospital')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.keyLabs.map((l) => (
                <tr key={l.analyteKey}>
                  <td>
                    {analyteName(l, lang)}: <span className="font-semibold">{formatResultValue(l.analyteKey, l.value, l.unit)}</span>{' '}
                    {displayUnit(l.unit)}
                    {l.flag && l.flag !== 'N' && <span className="font-semibold text-critical"> ({l.flag})</span>}
                  </td>
                  <td>{date(l.date)}</td>
                  <td className="text-sm">{l.hospitals.map(name).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section id="sum-problems" title={t('emergency.problems.title')}>
        {summary.problems.length === 0 ? (
          empty(t('emergency.problems.none'))
        ) : (
          <ul className="space-y-1">
            {summary.problems.map((p) => (
              <li key={p.display}>
                <span className="font-semibold">{lang === 'th' && p.nameTh ? p.nameTh : p.display}</span>
                {p.onset && <span className="text-sm"> ({date(p.onset)})</span>}
                {source(p.hospitals)}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="sum-tetanus" title={t('emergency.tetanus.title')}>
        {summary.tetanus.status === 'recorded' ? (
          <p>
            {summary.tetanus.display} · {date(summary.tetanus.date)}
            {source(summary.tetanus.hospitals)}
          </p>
        ) : (
          empty(t('emergency.tetanus.none'))
        )}
      </Section>

      <Section id="sum-encounters" title={t('emergency.encounters.title')}>
        {summary.encounters.length === 0 ? (
          empty(t('emergency.encounters.none'))
        ) : (
          <ul className="space-y-1">
            {summary.encounters.map((e) => (
              <li key={e.entryId}>
                {date(e.date)} · {encounterClassLabel(lang, e.encounterClass)}
                {e.typeText && !restatesClass(e.typeText, e.encounterClass) && ` · ${e.typeText}`}
                {e.reason && ` · ${e.reason}`}
                {source(e.hospitals)}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="sum-imaging" title={t('emergency.imaging.title')}>
        {summary.imaging.length === 0 ? (
          empty(t('emergency.imaging.none'))
        ) : (
          <ul className="space-y-1">
            {summary.imaging.map((i) => (
              <li key={i.entryId}>
                {date(i.date)} · <span className="font-semibold">{i.display}</span>
                {i.conclusion && `: ${i.conclusion}`}
                {source(i.hospitals)}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
