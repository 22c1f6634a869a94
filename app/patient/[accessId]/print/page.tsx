import { computePanelCoverage, hospitalAnswers, PANEL_KINDS } from '@/lib/clinical/coverage';
import { EMERGENCY_LAB_KEYS } from '@/lib/clinical/emergency-summary';
import { PatientBannerView } from '@/components/timeline/patient-banner';
import { PrintButton } from '@/components/timeline/print-button';
import { AllergyPanel, KeyLabsPanel, MedicationPanel, ProblemPanel } from '@/components/timeline/summary-panels';
import { patientPage } from '@/lib/entry/pages';
import { formatDate } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/server';
import { loadFullRecord } from '@/lib/timeline/full-record';
import { loadPatientContext } from '@/lib/timeline/patient-context';

const STATUS: Record<string, { th: string; en: string }> = {
  answered: { th: 'ตอบแล้ว', en: 'answered' },
  'no-data': { th: 'ไม่มีข้อมูล', en: 'no records' },
  'not-shared': { th: 'ไม่ได้แชร์', en: 'not shared' },
  timeout: { th: 'หมดเวลา', en: 'timed out' },
  error: { th: 'ผิดพลาด', en: 'error' },
  malformed: { th: 'ข้อมูลเสียหาย', en: 'malformed' },
  'circuit-open': { th: 'พักการเรียก', en: 'paused' },
};

/** A4 summary for the paper chart: patient banner, who printed it and when, and every hospital's status. */
export default patientPage(async function PrintPage({ doctor, access }) {
  const { lang, calendar } = await getLocale();
  const context = await loadPatientContext(doctor, access);
  const now = new Date();
  if (!context.ok || !context.banner) return <p role="alert">{lang === 'th' ? 'ไม่สามารถโหลดข้อมูลได้ กรุณาลองใหม่' : 'Could not load the record. Please try again.'}</p>;
  const { model, views } = await loadFullRecord(doctor, access, context.hospitals, now);
  const names = Object.fromEntries(context.hospitals.map((h) => [h.code, lang === 'th' ? h.nameTh : h.nameEn]));
  const keyLabs = model.labs.filter((s) => s.canonical && (EMERGENCY_LAB_KEYS as readonly string[]).includes(s.analyteKey));
  const th = lang === 'th';
  const answers = hospitalAnswers(context.hospitals.map((h) => h.code), (code) => views.find((v) => v.hcode === code) ?? 'failed');
  const covers = (kinds: keyof typeof PANEL_KINDS) => computePanelCoverage(answers, PANEL_KINDS[kinds]);
  return (
    <article className="space-y-3" data-testid="print-summary">
      <div className="flex justify-between no-print">
        <PrintButton label={th ? 'พิมพ์' : 'Print'} />
      </div>
      <PatientBannerView banner={context.banner} lang={lang} calendar={calendar} now={now} />
      <p className="text-sm">
        {th ? 'พิมพ์โดย' : 'Printed by'} {doctor.displayName} (ว.{doctor.licence}) · {names[doctor.hospitalCode] ?? doctor.hospitalCode} · {formatDate(now.toISOString(), lang, calendar, true)} ·{' '}
        {access.purpose === 'ETREAT' ? (th ? 'เข้าถึงฉุกเฉิน' : 'emergency access') : th ? 'ผู้ป่วยยินยอม' : 'patient consent'}
      </p>
      <p className="text-sm">
        {th ? 'สถานะโรงพยาบาล:' : 'Hospitals:'} {views.map((v) => `${names[v.hcode] ?? v.hcode}: ${(STATUS[v.status] ?? STATUS.error!)[lang]}${v.status === 'answered' ? ` (${v.records})` : ''}`).join(' · ')}
      </p>
      <AllergyPanel model={model} names={names} lang={lang} calendar={calendar} coverage={covers('allergies')} crossCheck={covers('crossCheck')} />
      <MedicationPanel rows={model.medications} names={names} lang={lang} calendar={calendar} coverage={covers('medications')} crossCheck={covers('crossCheck')} />
      <ProblemPanel rows={model.problems} names={names} lang={lang} calendar={calendar} coverage={covers('problems')} />
      <KeyLabsPanel series={keyLabs} names={names} lang={lang} calendar={calendar} coverage={covers('keyLabs')} />
    </article>
  );
});
