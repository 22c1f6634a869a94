import { computePanelCoverage, hospitalAnswers, PANEL_KINDS } from '@/lib/clinical/coverage';
import { EMERGENCY_LAB_KEYS } from '@/lib/clinical/emergency-summary';
import { PatientBannerView } from '@/components/timeline/patient-banner';
import { PrintButton } from '@/components/timeline/print-button';
import { AllergyPanel } from '@/components/timeline/allergy-panel';
import { KeyLabsPanel, MedicationPanel, ProblemPanel } from '@/components/timeline/summary-panels';
import { patientPage } from '@/lib/entry/pages';
import { formatDate } from '@/lib/i18n/format';
import { localName } from '@/lib/i18n/local-name';
import type { MessageKey } from '@/lib/i18n/messages';
import { getLocale } from '@/lib/i18n/server';
import { loadFullRecord } from '@/lib/timeline/full-record';
import { loadPatientContext } from '@/lib/timeline/patient-context';
import type { HospitalView } from '@/lib/timeline/types';

const STATUS: Record<HospitalView['status'], MessageKey> = {
  answered: 'print.status.answered',
  'no-data': 'print.status.no-data',
  'not-shared': 'print.status.not-shared',
  timeout: 'print.status.timeout',
  error: 'print.status.error',
  malformed: 'print.status.malformed',
  'circuit-open': 'print.status.circuit-open',
};

/** A4 summary for the paper chart: patient banner, who printed it and when, and every hospital's status. */
export default patientPage(async function PrintPage({ doctor, access, deps }) {
  const { lang, calendar, t } = await getLocale();
  const context = await loadPatientContext(doctor, access, deps);
  const now = new Date();
  if (!context.ok || !context.banner) return <p role="alert">{t('print.loadFailed')}</p>;
  const { model, views } = await loadFullRecord(doctor, access, context.hospitals, deps, now);
  const names = Object.fromEntries(context.hospitals.map((h) => [h.code, localName(lang, h.nameTh, h.nameEn)]));
  const keyLabs = model.labs.filter((s) => s.canonical && (EMERGENCY_LAB_KEYS as readonly string[]).includes(s.analyteKey));
  const answers = hospitalAnswers(
    context.hospitals.map((h) => h.code),
    (code) => views.find((v) => v.hcode === code) ?? 'failed',
  );
  const covers = (kinds: keyof typeof PANEL_KINDS) => computePanelCoverage(answers, PANEL_KINDS[kinds]);
  return (
    <article className="space-y-3" data-testid="print-summary">
      <div className="flex justify-between no-print">
        <PrintButton label={t('common.print')} />
      </div>
      <PatientBannerView banner={context.banner} lang={lang} calendar={calendar} now={now} />
      <p className="text-sm">
        {t('print.printedBy')} {doctor.displayName} ({t('common.licence', { licence: doctor.licence })}) ·{' '}
        {names[doctor.hospitalCode] ?? doctor.hospitalCode} · {formatDate(now.toISOString(), lang, calendar, true)} ·{' '}
        {t(access.purpose === 'ETREAT' ? 'print.purpose.emergency' : 'print.purpose.consent')}
      </p>
      <p className="text-sm">
        {t('print.hospitals')}{' '}
        {views
          .map((v) => `${names[v.hcode] ?? v.hcode}: ${t(STATUS[v.status])}${v.status === 'answered' ? ` (${v.records})` : ''}`)
          .join(' · ')}
      </p>
      <AllergyPanel
        model={model}
        names={names}
        lang={lang}
        calendar={calendar}
        coverage={covers('allergies')}
        crossCheck={covers('crossCheck')}
      />
      <MedicationPanel
        rows={model.medications}
        statements={model.medicationStatements}
        names={names}
        lang={lang}
        calendar={calendar}
        coverage={covers('medications')}
        crossCheck={covers('crossCheck')}
      />
      <ProblemPanel
        rows={model.problems}
        statements={model.problemStatements}
        names={names}
        lang={lang}
        calendar={calendar}
        coverage={covers('problems')}
      />
      <KeyLabsPanel series={keyLabs} names={names} lang={lang} calendar={calendar} coverage={covers('keyLabs')} />
    </article>
  );
});
