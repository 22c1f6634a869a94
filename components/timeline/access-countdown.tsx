'use client';

import { useEffect, useState } from 'react';
import { useLocale } from '@/components/providers';
import { formatDuration } from '@/lib/i18n/format';

/** Time left on the consent or emergency access; when it reaches zero the page reloads (the server then refuses). */
export function AccessCountdown({ expiresAt, label }: { expiresAt: string; label: { th: string; en: string } }) {
  const { lang } = useLocale();
  const [now, setNow] = useState(() => Date.now());
  const end = Date.parse(expiresAt);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    if (now >= end) window.location.reload();
  }, [now, end]);
  return (
    <span data-testid="access-countdown">
      {label[lang]} {formatDuration(end - now, lang)}
    </span>
  );
}
