/** Every action the log records (add new ones here). */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-out',
  'session-expired',
  'hospital-switch',
  'admin-sign-in',
  'admin-totp-enrol',
  'patient-lookup',
  'otp-send',
  'otp-verify',
  'consent-start',
  'consent-end',
  'emergency-start',
  'emergency-end',
  'emergency-denied',
  'emergency-review',
  'access-withdrawn',
  'sealed-open',
  'clinical-read',
  'safety-wrong-patient',
  'summary-export',
  'grant-create',
  'grant-update',
  'audit-export',
  'access-log-read',
  'phr-code-request',
  'phr-code-verify',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Actions that are an access to (or a decision about access to) a patient's records: what a patient may see. */
export const PATIENT_ACCESS_ACTIONS = [
  'patient-lookup',
  'otp-send',
  'otp-verify',
  'consent-start',
  'consent-end',
  'emergency-start',
  'emergency-end',
  'emergency-denied',
  'access-withdrawn',
  'sealed-open',
  'clinical-read',
  'summary-export',
  'phr-code-request',
  'phr-code-verify',
] as const satisfies readonly AuditAction[];
