import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EMPTY_EMERGENCY_SUMMARY } from '@/lib/clinical/fixtures';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { translate, type MessageKey } from '@/lib/i18n/messages';
import { EmergencySummaryView } from './emergency-summary-view';

function encounterLine(date: string, lang: Lang, calendar: Calendar): string {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  const html = renderToStaticMarkup(
    <EmergencySummaryView
      summary={{ ...EMPTY_EMERGENCY_SUMMARY, encounters: [{ entryId: 'e1', date, hospitals: ['10661'], encounterClass: 'AMB' }] }}
      coverage={[{ code: '10661', nameTh: 'รพ.ก', nameEn: 'Alpha Hospital', status: 'answered', records: 1, dropped: 0, sealed: {} }]}
      hospitalNames={{ '10661': { th: 'รพ.ก', en: 'Alpha Hospital' } }}
      lang={lang}
      calendar={calendar}
      t={t}
    />,
  );
  return /aria-labelledby="sum-encounters"[\s\S]*?<li>([^<]*?) ·/.exec(html)?.[1] ?? html;
}

describe('the emergency summary dates a visit on the source’s own day', () => {
  it.each([
    ['2023-01-19T23:45:00+01:00', 'en', 'gregory', '19 Jan 2023'],
    ['2023-01-19T23:45:00+01:00', 'th', 'buddhist', '19 ม.ค. 2566'],
    ['2023-01-19T20:30:00-05:00', 'en', 'gregory', '19 Jan 2023'],
    ['2023-01-19T23:45:00+07:00', 'th', 'buddhist', '19 ม.ค. 2566'],
    // Z has no zone of its own: Bangkok's day.
    ['2023-01-19T20:30:00Z', 'en', 'gregory', '20 Jan 2023'],
    ['2023-01', 'th', 'buddhist', 'ม.ค. 2566'],
  ] as const)('%s in %s/%s → %s', (date, lang, calendar, expected) => {
    expect(encounterLine(date, lang, calendar)).toBe(expected);
  });
});
