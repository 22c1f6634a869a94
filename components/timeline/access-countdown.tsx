'use client';

import { useEffect, useState } from 'react';
import { useLocale } from '@/components/providers';
import { formatDuration } from '@/lib/i18n/format';
import type { MessageKey } from '@/lib/i18n/messages';

/**
 * Time left on the consent or emergency access; when it reaches zero the page reloads (the server then
 * refuses). The first render uses the server's clock, so the server's HTML and the browser's first render
 * say the same thing (a mismatch makes React throw the page away and render it again), and ticks follow
 * the server clock too, so a wrong workstation clock does not mislead.
 */
export function AccessCountdown({ expiresAt, serverNow, label }: { expiresAt: string; serverNow: string; label: MessageKey }) {
  const { lang, t } = useLocale();
  const end = Date.parse(expiresAt);
  const [left, setLeft] = useState(() => end - Date.parse(serverNow));
  useEffect(() => {
    const skew = Date.parse(serverNow) - Date.now();
    const t = setInterval(() => setLeft(end - (Date.now() + skew)), 1000);
    return () => clearInterval(t);
  }, [end, serverNow]);
  useEffect(() => {
    if (left <= 0) window.location.reload();
  }, [left]);
  return (
    <span data-testid="access-countdown">
      {t(label)} {formatDuration(left, lang)}
    </span>
  );
}
