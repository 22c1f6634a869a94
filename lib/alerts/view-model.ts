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
  /** outside-catchment: the DOPA codes of the patients' provinces; empty for the other rules. */
  provinces: string[];
  raisedAt: string;
  lastSeenAt: string;
  reviewNote: string | null;
  reviewedAt: string | null;
}

export type AlertReviewResult =
  Success | (Failure<'invalid', 'note'> & { fieldErrors?: FieldErrors<'note'> }) | Failure<'gone' | 'no-grant'>;

/** The hospital's catchment as its admin sees it: its province and health region, and whether it is nationwide. */
export interface CatchmentView {
  provinceCode: string | null;
  provinceTh: string | null;
  provinceEn: string | null;
  region: number | null;
  nationwide: boolean;
}

/** What the admin console shows of a hospital's staff list: how long it is and when it last changed. */
export interface StaffListSummary {
  entries: number;
  replacedAt: string | null;
}

/** Replacing or clearing the staff list; `invalid` names every bad line (1-based) and why. */
export type StaffListFormState =
  | { ok: true; done: 'replaced' | 'cleared'; entries: number }
  | {
      ok: false;
      reason: 'invalid' | 'too-large' | 'file';
      errors: { line: number; problem: 'length' | 'not-digits' | 'checksum' }[];
      /** Bad lines past those listed. */
      more: number;
      tooMany: boolean;
      /** The text as sent (the file's text for an upload), so the admin fixes it rather than starting again. */
      text: string;
    };
