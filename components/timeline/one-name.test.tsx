import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EmergencySummaryView } from '@/components/emergency/emergency-summary-view';
import { computePanelCoverage } from '@/lib/clinical/coverage';
import { buildEmergencySummary } from '@/lib/clinical/emergency-summary';
import { toClinicalFacts } from '@/lib/clinical/facts';
import { allergy, lab, medRequest } from '@/lib/clinical/fixtures';
import { mergeTimeline } from '@/lib/clinical/merge';
import { translate, type MessageKey } from '@/lib/i18n/messages';
import type { Lang } from '@/lib/i18n/format';
import { AllergyPanel } from './allergy-panel';
import { KeyLabsPanel, MedicationPanel } from './summary-panels';

// Amoxicillin current at one hospital, a penicillin allergy at another, a creatinine result: the drug and the
// analyte must read the same in the medication list, the allergy cross-check and the emergency summary.
const facts = [
  ...toClinicalFacts([allergy('p', { code: '764146007', criticality: 'high' })], '10661'),
  ...toClinicalFacts(
    [
      medRequest('amx', { code: '211617', date: '2024-06-20', dose: '1 cap tid' }),
      lab('cr', { code: '2160-0', value: 1.4, unit: 'mg/dL', date: '2024-06-20' }),
    ],
    '11535',
  ),
];
const model = mergeTimeline({ facts, answered: ['10661', '11535'], now: '2024-06-30T12:00:00+07:00' });
const answers = ['10661', '11535'].map((hospitalCode) => ({ hospitalCode, state: 'answered' as const, dropped: 0, sealed: {} }));
const coverage = computePanelCoverage(answers, ['medication', 'allergy', 'lab']);
const names = { '10661': 'Rajavithi', '11535': 'Klang' };

function surfaces(lang: Lang): { list: string; crossCheck: string; emergency: string; labs: string } {
  const props = { names, lang, calendar: 'gregory' as const, coverage, crossCheck: coverage };
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  const summary = buildEmergencySummary(model, ['10661', '11535']);
  const emergency = renderToStaticMarkup(
    <EmergencySummaryView
      summary={summary}
      coverage={[]}
      hospitalNames={{ '10661': { th: 'ราชวิถี', en: 'Rajavithi' } }}
      lang={lang}
      calendar="gregory"
      t={t}
    />,
  );
  return {
    list: renderToStaticMarkup(<MedicationPanel rows={model.medications} {...props} />),
    crossCheck: renderToStaticMarkup(<AllergyPanel model={model} {...props} />),
    emergency,
    labs: renderToStaticMarkup(<KeyLabsPanel series={model.labs} {...props} />) + emergency,
  };
}

describe('a drug and an analyte have one name on every surface', () => {
  it.each<[Lang, string, string, string, string]>([
    ['th', 'อะม็อกซีซิลลิน 500 มก.', 'Amoxicillin 500 mg capsule', 'ครีเอตินีน', 'Creatinine'],
    ['en', 'Amoxicillin 500 mg capsule', 'อะม็อกซีซิลลิน 500 มก.', 'Creatinine', 'ครีเอตินีน'],
  ])('%s', (lang, drug, otherDrug, analyte, otherAnalyte) => {
    const s = surfaces(lang);
    for (const html of [s.list, s.crossCheck, s.emergency]) {
      expect(html).toContain(drug);
      expect(html).not.toContain(otherDrug);
    }
    expect(s.labs.split(analyte).length - 1).toBeGreaterThanOrEqual(2);
    expect(s.labs).not.toContain(otherAnalyte);
  });
});
