'use client';

import { useEffect, useState } from 'react';
import { useLocale } from '@/components/providers';
import { formatDuration } from '@/lib/i18n/format';

/**
 * The red emergency banner with a live countdown. The server decides expiry; this only shows the time
 * left and, at zero, says so (the next request is refused by the server anyway).
 */
export function EmergencyBanner({
  accessId,
  reasonLabel,
  reasonText,
  expiresAt,
  serverNow,
  endAction,
}: {
  accessId: string;
  reasonLabel: string;
  reasonText: string;
  expiresAt: string;
  serverNow: string;
  endAction: (form: FormData) => Promise<void>;
}) {
  const { t, lang } = useLocale();
  // Offset from the server clock so a wrong workstation clock does not mislead the countdown.
  const [skew] = useState(() => new Date(serverNow).getTime() - Date.now());
  const [left, setLeft] = useState(() => new Date(expiresAt).getTime() - new Date(serverNow).getTime());
  useEffect(() => {
    const tick = () => setLeft(new Date(expiresAt).getTime() - (Date.now() + skew));
    const id = window.setInterval(tick, 1000);
    return () => window.clearInterval(id);
  }, [expiresAt, skew]);
  const expired = left <= 0;
  return (
    <section
      role="region"
      aria-label={t('emergency.banner.title')}
      className="rounded-md border-2 border-critical bg-critical-bg p-4 text-critical"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <p className="text-lg font-bold">
            <span aria-hidden="true">⚠ </span>
            {t('emergency.banner.title')}
          </p>
          <p className="font-semibold">{t('emergency.banner.reason', { reason: reasonLabel })}</p>
          <p className="text-ink">{reasonText}</p>
          <p className="font-semibold" data-testid="emergency-countdown">
            {expired ? t('emergency.banner.expired') : t('emergency.banner.remaining', { time: formatDuration(left, lang) })}
          </p>
        </div>
        <form action={endAction} className="no-print">
          <input type="hidden" name="accessId" value={accessId} />
          <button type="submit" className="btn-danger">
            {t('emergency.banner.end')}
          </button>
        </form>
      </div>
    </section>
  );
}
