import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Providers } from '@/components/providers';
import { translate } from '@/lib/i18n/messages';
import type { PageRecord } from '@/lib/timeline/types';
import { CheckedRecordView } from './checked-record';

const never = new Promise<PageRecord>(() => undefined);
const unseal = () => Promise.resolve({ ok: true as const });

describe('CheckedRecordView before the exchange has re-checked', () => {
  it.each(['th', 'en'] as const)('says what it waits for (%s) and shows nothing of the patient nor any hospital', (lang) => {
    const html = renderToStaticMarkup(
      <Providers lang={lang} calendar="gregory">
        <CheckedRecordView record={never} accessId="a1" now="2026-12-06T05:00:00Z" unseal={unseal} accessControls={<b>controls</b>} />
      </Providers>,
    );
    expect(html).toContain(translate(lang, 'patient.checkingSharing'));
    expect(html).toContain('role="status"');
    expect(html).not.toContain('patient-banner');
    expect(html).not.toContain('coverage-ledger');
    expect(html).not.toContain('controls');
  });
});
