'use client';

import { useLocale } from '@/components/providers';
import type { GrantDisplayStatus } from '@/lib/admin/grant-rules';

const STYLE: Record<GrantDisplayStatus, string> = {
  active: 'border-ok bg-ok-bg text-ok',
  suspended: 'border-warning bg-warning-bg text-warning',
  revoked: 'border-critical bg-critical-bg text-critical',
  expired: 'border-line bg-canvas text-muted',
};

/** A grant's status as a word, never colour alone. */
export function GrantStatusBadge({ status }: { status: GrantDisplayStatus }) {
  const { t } = useLocale();
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${STYLE[status]}`}>{t(`admin.status.${status}`)}</span>
  );
}
