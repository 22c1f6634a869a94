import type { FieldErrors, Failure, Success } from '../result';
import type { AlertRule } from './rules';

/** One alert as the privacy officer's queue shows it: the doctor, the rule, counts and audit row numbers. */
export interface AlertView {
  id: string;
  rule: AlertRule;
  licence: string;
  doctorNameTh: string | null;
  doctorNameEn: string | null;
  status: 'open' | 'acknowledged' | 'dismissed' | 'suspended';
  count: number;
  windowMinutes: number;
  auditSeqs: number[];
  raisedAt: string;
  lastSeenAt: string;
  reviewNote: string | null;
  reviewedAt: string | null;
}

export type AlertReviewResult =
  Success | (Failure<'invalid', 'note'> & { fieldErrors?: FieldErrors<'note'> }) | Failure<'gone' | 'no-grant'>;
