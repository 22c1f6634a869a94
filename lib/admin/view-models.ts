/** What the admin console's components receive: minimal, typed, never a raw row. No server-only: types only. */
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

export type LookupResult =
  | { ok: true; preview: PractitionerPreview }
  | { ok: false; code: 'format' | 'not-found' | 'unavailable' };

export type AddDoctorResult =
  | { ok: true; grantId: string }
  | { ok: false; code: 'format' | 'not-found' | 'unavailable' | 'licence-suspended' | 'licence-revoked' | 'already-granted' | 'end-date-past' };

export type GrantChangeResultView = { ok: true } | { ok: false; code: 'format' | 'revoked-final' | 'not-active' | 'not-suspended' | 'unchanged' | 'end-date-past' };
