/** What the admin console's components receive: minimal, typed, never a raw row. No server-only: types only. */
import type { Failure, Success } from '../result';
import type { GrantDisplayStatus, GrantRole } from './grant-rules';

export interface DoctorGrantRow {
  id: string;
  licence: string;
  nameTh: string;
  nameEn: string;
  role: GrantRole;
  status: GrantDisplayStatus;
  since: string;
  validUntil: string | null;
  lastSignInAt: string | null;
}

export interface PractitionerPreview {
  licence: string;
  nameTh: string;
  nameEn: string;
  status: 'active' | 'suspended' | 'revoked';
  statusReason: string | null;
  specialty: { th: string; en: string };
  /** An existing grant at this hospital, if any (then it cannot be added again). */
  existing: GrantDisplayStatus | null;
}

export interface SignInEvent {
  at: string;
  action: 'sign-in' | 'hospital-switch';
  outcome: 'success' | 'failure' | 'denied';
  clientIp: string | null;
}

export type LookupResult = Success<{ preview: PractitionerPreview }> | Failure<'format' | 'not-found' | 'unavailable'>;

export type AddDoctorResult =
  | Success<{ grantId: string }>
  | Failure<'format' | 'not-found' | 'unavailable' | 'licence-suspended' | 'licence-revoked' | 'already-granted' | 'end-date-past'>;

/** The fields of the one-time admin setup form. */
export type SetupField = 'password' | 'confirm' | 'totp';

/**
 * Why the setup form was refused (on success the action redirects). A problem with one field names it in
 * `fieldErrors`; without one (`link-invalid`, or a form that is not even shaped right) the whole link is in doubt.
 */
export type SetupActionResult = Failure<
  'invalid' | 'link-invalid' | 'totp-invalid' | 'too-short' | 'too-long' | 'common' | 'contains-username',
  SetupField
>;

export type GrantChangeResultView =
  Success | Failure<'format' | 'revoked-final' | 'not-active' | 'not-suspended' | 'unchanged' | 'end-date-past'>;
