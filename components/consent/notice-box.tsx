'use client';

import Link from 'next/link';
import { useLocale } from '@/components/providers';
import { formatDate, formatTime } from '@/lib/i18n/format';
import type { Notice } from './consent-state';

const TONE: Record<Notice['tone'], string> = {
  critical: 'border-critical bg-critical-bg text-critical',
  warning: 'border-warning bg-warning-bg text-warning',
  info: 'border-info bg-info-bg text-info',
  ok: 'border-ok bg-ok-bg text-ok',
};

const ICON: Record<Notice['tone'], string> = { critical: '⚠ ', warning: '⚠ ', info: 'ℹ ', ok: '✓ ' };

/** A notice of the consent flow; problems are alerts, the rest polite status messages. */
export function NoticeBox({ notice, id, isEd }: { notice: Notice; id: string; isEd: boolean }) {
  const { t, lang, calendar } = useLocale();
  const { message, until } = notice;
  const untilIso = until ? new Date(until.at).toISOString() : undefined;
  const vars =
    until && untilIso
      ? { ...message.vars, time: until.as === 'time' ? formatTime(untilIso) : formatDate(untilIso, lang, calendar, true) }
      : message.vars;
  return (
    <div
      id={id}
      role={notice.tone === 'critical' || notice.tone === 'warning' ? 'alert' : 'status'}
      className={`rounded-md border p-3 font-semibold ${TONE[notice.tone]}`}
    >
      <p>
        <span aria-hidden="true">{ICON[notice.tone]}</span>
        {t(message.key, vars)}
      </p>
      {notice.extra === 'ed' && (
        <p className="mt-2 font-normal">
          {t('consent.result.noPhoneEd')}
          {isEd && (
            <>
              {' '}
              <Link href="/emergency" className="font-semibold underline">
                {t('nav.emergency')}
              </Link>
            </>
          )}
        </p>
      )}
    </div>
  );
}
