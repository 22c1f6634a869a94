import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { EmergencySummary } from '@/lib/clinical/types';
import { EMPTY_EMERGENCY_SUMMARY } from '@/lib/clinical/fixtures';
import type { CoverageRow } from '@/lib/emergency/summary';
import { translate, type MessageKey } from '@/lib/i18n/messages';
import { EmergencySummaryView } from './emergency-summary-view';

const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);
const base = EMPTY_EMERGENCY_SUMMARY;
const names = { '10661': { th: 'รพ.ก', en: 'Alpha Hospital' }, '11535': { th: 'รพ.ข', en: 'Klang Hospital' } };

function render(
  summary: EmergencySummary,
  coverage: CoverageRow[] = [
    { code: '10661', nameTh: 'รพ.ก', nameEn: 'Alpha Hospital', status: 'answered', records: 3, dropped: 0, sealed: {} },
  ],
): string {
  return renderToStaticMarkup(
    <EmergencySummaryView summary={summary} coverage={coverage} hospitalNames={names} lang="en" calendar="gregory" t={t} />,
  );
}

describe('EmergencySummaryView', () => {
  it('never says "no known allergies" when nothing was returned', () => {
    const html = render(base);
    expect(html).toContain('No allergy information — this does not mean no allergies');
    expect(html).not.toContain('No known allergies');
  });

  it('names the hospitals that recorded no known allergy', () => {
    expect(render({ ...base, allergyStatus: 'none-known', noKnownAllergyHospitals: ['10661'] })).toContain(
      'No known allergies (recorded by Alpha Hospital)',
    );
  });

  it('flags high-risk drugs with text (not colour alone) and names every item’s hospital', () => {
    const html = render({
      ...base,
      allergyStatus: 'allergies',
      allergies: [
        {
          display: 'Aspirin',
          reactions: ['urticaria'],
          hospitals: ['11535'],
          conflicts: [{ reason: 'verification', hospitals: ['10661', '11535'] }],
        },
      ],
      medications: [
        { display: 'Phenytoin 100 mg capsule', highRisk: 'antiepileptic', hospitals: ['10661'], conflicts: [], allergyConflicts: [] },
      ],
    });
    expect(html).toContain('High-risk: antiepileptic');
    expect(html).toMatch(/Aspirin.*from Klang Hospital/s);
    expect(html).toMatch(/Phenytoin.*from Alpha Hospital/s);
    expect(html).toContain('hospitals disagree');
  });

  it('says when a hospital did not answer', () => {
    const html = render(base, [
      { code: '10661', nameTh: 'รพ.ก', nameEn: 'Alpha Hospital', status: 'answered', records: 3, dropped: 0, sealed: {} },
      { code: '11535', nameTh: 'รพ.ข', nameEn: 'Klang Hospital', status: 'timeout', records: 0, dropped: 0, sealed: {} },
    ]);
    expect(html).toContain('⚠ timed out');
    expect(html).toContain('Some hospitals did not answer');
  });

  it('names, in its own box, every hospital the summary lacks and why, and that the cross-check is incomplete', () => {
    const html = render(base, [
      { code: '10661', nameTh: 'รพ.ก', nameEn: 'Alpha Hospital', status: 'answered', records: 3, dropped: 2, sealed: { condition: 1 } },
      { code: '11535', nameTh: 'รพ.ข', nameEn: 'Klang Hospital', status: 'error', records: 0, dropped: 0, sealed: {} },
    ]);
    expect(html).toMatch(/data-testid="summary-coverage" data-complete="false"/);
    expect(html).toContain('Klang Hospital (request failed)');
    expect(html).toContain('Alpha Hospital (2 record(s) dropped: another patient’s or unverifiable; 1 sealed record(s) not opened)');
    expect(html).toContain('Allergy–medication check incomplete: missing data from Alpha Hospital, Klang Hospital');
  });

  it('says it includes every hospital only when all answered in full', () => {
    const html = render(base);
    expect(html).toMatch(/data-testid="summary-coverage" data-complete="true"/);
    expect(html).toContain('Includes every hospital the patient shares with (1)');
    expect(html).not.toContain('check incomplete');
  });

  it('writes lab units as a clinician reads them, not as UCUM codes', () => {
    const html = render({
      ...base,
      keyLabs: [
        {
          analyteKey: 'egfr',
          display: 'eGFR (CKD-EPI)',
          value: 37,
          unit: 'mL/min/{1.73_m2}',
          date: '2026-10-18',
          hospitals: ['10661'],
          flag: 'LL',
        },
        { analyteKey: 'inr', display: 'INR', value: 2.4, unit: '{INR}', date: '2026-10-18', hospitals: ['10661'] },
      ],
    });
    expect(html).toContain('mL/min/1.73 m²');
    expect(html).not.toContain('{1.73_m2}');
    expect(html).not.toContain('{INR}');
  });

  it('writes result values with the same precision as the record (15.096 g/dL reads 15.1)', () => {
    const html = render({
      ...base,
      keyLabs: [
        { analyteKey: 'haemoglobin', display: 'Haemoglobin', value: 15.096, unit: 'g/dL', date: '2026-10-18', hospitals: ['10661'] },
      ],
    });
    expect(html).toContain('>15.1</span> g/dL');
    expect(html).not.toContain('15.096');
  });

  it('leaves out a visit type that only restates the visit class, and keeps one that adds to it', () => {
    const visit = { entryId: 'e1', date: '2026-11-26', hospitals: ['10661'], encounterClass: 'AMB' as const };
    const html = render({
      ...base,
      encounters: [
        { ...visit, typeText: 'ผู้ป่วยนอก / Outpatient visit' },
        { ...visit, entryId: 'e2', typeText: 'Telemedicine follow-up' },
      ],
    });
    expect(html).not.toContain('Outpatient visit');
    expect(html).toContain('Outpatient · Telemedicine follow-up');
  });
});
