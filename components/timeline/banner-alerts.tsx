'use client';

import { useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { AlertFlags } from '@/lib/clinical/alert-flags';
import type { PanelCoverage } from '@/lib/clinical/coverage';
import { describeCoverageGaps } from '@/lib/clinical/coverage-text';
import { conceptName, medicationName } from '@/lib/clinical/names';
import type { HighRiskClass } from '@/lib/clinical/terminology';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { formatSourceDate } from '@/lib/i18n/format';
import { translate, type MessageKey } from '@/lib/i18n/messages';
import { criticalityLabel } from './labels';

type Names = Record<string, string>;

/** Where the banner (a server component) leaves room for the alerts the browser computes from the merged record. */
export const BANNER_ALERTS_SLOT = 'patient-banner-alerts';

// Typed: a new high-risk class fails the build until it has words.
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

const SEVERITY_LABEL: Record<'mild' | 'moderate' | 'severe', MessageKey> = {
  mild: 'alerts.severity.mild',
  moderate: 'alerts.severity.moderate',
  severe: 'alerts.severity.severe',
};

function Chip({ tone, testId, children }: { tone: 'critical' | 'warning' | 'info'; testId: string; children: React.ReactNode }) {
  const cls =
    tone === 'critical'
      ? 'border-critical bg-critical-bg text-critical'
      : tone === 'warning'
        ? 'border-warning bg-warning-bg text-warning'
        : 'border-info bg-info-bg text-info';
  return (
    <li className={`rounded-md border px-2 py-1 text-sm ${cls}`} data-testid={testId}>
      {children}
    </li>
  );
}

const noSubscription = () => () => {};
const findSlot = () => document.getElementById(BANNER_ALERTS_SLOT);
const noSlotOnServer = () => undefined;

/**
 * The banner's alert flags: allergies (count and the most severe), current high-alert drugs, pregnancy,
 * hospitals' Flags and advance directives, each naming its hospitals; and, whenever a hospital has not
 * answered (or its records are sealed), which ones, so an empty banner never reads as "no alerts".
 * Rendered into the banner's slot when the page has one, in place otherwise.
 */
export function BannerAlerts({
  alerts,
  coverage,
  names,
  lang,
  calendar,
}: {
  alerts: AlertFlags;
  coverage: PanelCoverage;
  names: Names;
  lang: Lang;
  calendar: Calendar;
}) {
  // The slot is in the server-rendered banner; undefined on the server and while hydrating, then the slot
  // (or null: a page without one gets the alerts in place).
  const slot = useSyncExternalStore(noSubscription, findSlot, noSlotOnServer);
  const from = (hospitals: readonly string[]) =>
    translate(lang, 'alerts.from', { hospitals: hospitals.map((h) => names[h] ?? h).join(', ') });
  const { allergies, highAlertDrugs, pregnancy, flags } = alerts;
  const any = allergies.count > 0 || highAlertDrugs.length > 0 || pregnancy.length > 0 || flags.length > 0;
  const worst = allergies.mostSevere;
  const content = (
    <div role="group" aria-label={translate(lang, 'alerts.label')} data-testid="banner-alerts" className="space-y-1">
      <ul className="flex flex-wrap gap-2">
        {allergies.count > 0 && (
          <Chip tone={worst?.criticality === 'high' || worst?.severity === 'severe' ? 'critical' : 'warning'} testId="alert-allergies">
            <span aria-hidden="true">⚠ </span>
            <strong>{translate(lang, 'alerts.allergies', { count: allergies.count })}</strong>
            {worst !== undefined && (
              <>
                {' · '}
                {translate(lang, 'alerts.mostSevere', { name: conceptName(worst, lang) })}
                {worst.criticality !== undefined && ` (${criticalityLabel(lang, worst.criticality)}`}
                {worst.severity !== undefined &&
                  `${worst.criticality !== undefined ? ', ' : ' ('}${translate(lang, SEVERITY_LABEL[worst.severity])}`}
                {(worst.criticality !== undefined || worst.severity !== undefined) && ')'} — {from(worst.hospitals)}
              </>
            )}
          </Chip>
        )}
        {highAlertDrugs.map((d) => (
          <Chip key={`${d.highRisk}|${d.display}`} tone="critical" testId="alert-high-risk">
            <strong>{translate(lang, 'alerts.highAlert')}:</strong> {medicationName(d, lang)} (
            {translate(lang, HIGH_RISK_LABEL[d.highRisk])}) — {from(d.hospitals)}
          </Chip>
        ))}
        {pregnancy.map((p) => (
          <Chip key={`${p.source}|${p.display}`} tone="warning" testId="alert-pregnancy">
            <strong>{translate(lang, p.source === 'condition' ? 'alerts.pregnancy' : 'alerts.pregnancyTest')}</strong> · {p.display}
            {p.date !== null && ` · ${formatSourceDate(p.date, lang, calendar)}`} — {from(p.hospitals)}
          </Chip>
        ))}
        {flags.map((f) => (
          <Chip
            key={f.entryId}
            tone={f.advanceDirective ? 'info' : 'critical'}
            testId={f.advanceDirective ? 'alert-advance-directive' : 'alert-flag'}
          >
            <strong>{translate(lang, f.advanceDirective ? 'alerts.advanceDirective' : 'alerts.flag')}:</strong> {f.display}
            {f.date !== null && ` · ${formatSourceDate(f.date, lang, calendar)}`} — {from(f.hospitals)}
          </Chip>
        ))}
      </ul>
      {!any && coverage.included.length > 0 && (
        <p className="text-sm text-muted" data-testid="alerts-none">
          {translate(lang, 'alerts.noneFound')}
        </p>
      )}
      {!coverage.complete && (
        <p role="note" className="text-sm font-semibold text-warning" data-testid="alerts-incomplete">
          <span aria-hidden="true">⚠ </span>
          {translate(lang, 'alerts.incomplete', { hospitals: describeCoverageGaps(coverage, lang, (c) => names[c] ?? c).join('; ') })}
        </p>
      )}
    </div>
  );
  if (slot === undefined) return null;
  return slot === null ? content : createPortal(content, slot);
}
