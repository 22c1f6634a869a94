'use client';

import Link from 'next/link';
import { useEffect, useState, type ReactNode } from 'react';
import { useLocale } from '@/components/providers';
import type { PatientContext } from '@/lib/timeline/patient-context';
import type { PageRecord } from '@/lib/timeline/types';
import { PatientBannerView } from './patient-banner';
import { PatientRecord } from './patient-record';

type Unseal = Parameters<typeof PatientRecord>[0]['unseal'];

/**
 * The patient banner and the record, once the exchange's re-check answers (lib/timeline/page-answers.ts).
 * The page is sent at once with this waiting in it, so the browser loads and starts the page while the
 * exchange is asked; the re-check is awaited in an effect, not by suspending: a Suspense fallback shown
 * first would make React hold the record back until 300 ms after it (its reveal throttle), which is later
 * than the fastest hospital answers. `accessControls` is the banner's right-hand side, rendered by the page.
 */
export function CheckedRecordView({
  record,
  accessId,
  now,
  unseal,
  accessControls,
}: {
  record: Promise<PageRecord>;
  accessId: string;
  now: string;
  unseal: Unseal;
  accessControls: ReactNode;
}) {
  const { lang, calendar, t } = useLocale();
  const [checked, setChecked] = useState<PageRecord | 'failed' | null>(null);
  useEffect(() => {
    let live = true;
    record.then(
      (r) => live && setChecked(r),
      () => live && setChecked('failed'),
    );
    return () => {
      live = false;
    };
  }, [record]);

  if (checked === null)
    return (
      <p role="status" className="card text-muted" data-testid="record-pending">
        {t('patient.checkingSharing')}
      </p>
    );
  const context: PatientContext = checked === 'failed' ? { ok: false, reason: 'exchange-unavailable' } : checked.context;
  return (
    <>
      {context.banner && (
        <PatientBannerView banner={context.banner} lang={lang} calendar={calendar} now={new Date(now)}>
          {accessControls}
        </PatientBannerView>
      )}
      {context.ok && checked !== 'failed' ? (
        <PatientRecord accessId={accessId} hospitals={context.hospitals} answers={checked.answers} now={now} unseal={unseal} />
      ) : (
        <div role="alert" className="card border-warning bg-warning-bg">
          <p className="font-semibold text-warning">
            {t(!context.ok && context.reason === 'patient-not-found' ? 'patient.notFound' : 'patient.exchangeUnavailable')}
          </p>
          <Link prefetch={false} href={`/patient/${accessId}`} className="btn-secondary mt-2">
            {t('common.retry')}
          </Link>
        </div>
      )}
    </>
  );
}
