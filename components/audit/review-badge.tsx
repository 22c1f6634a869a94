'use client';

import { useLocale } from '@/components/providers';
import type { ReviewOutcome } from '@/lib/audit/queries';

const STYLE: Record<ReviewOutcome | 'pending' | 'overdue', string> = {
  justified: 'border-ok bg-ok-bg text-ok',
  'not-justified': 'border-critical bg-critical-bg text-critical',
  referred: 'border-info bg-info-bg text-info',
  pending: 'border-warning bg-warning-bg text-warning',
  overdue: 'border-critical bg-critical-bg text-critical',
};

/** An emergency access's review state as words (never colour alone). */
export function ReviewBadge({ outcome, overdue }: { outcome: ReviewOutcome | null; overdue: boolean }) {
  const { t } = useLocale();
  const state = outcome ?? (overdue ? 'overdue' : 'pending');
  const label = outcome ? t(`audit.review.${outcome}`) : overdue ? t('audit.review.overdue') : t('audit.review.pending');
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${STYLE[state]}`}>{label}</span>;
}
