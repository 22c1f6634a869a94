import { bigint, boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Mirrors lib/db/migrations/*.sql, which are the source of truth for the database itself.
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const doctorGrants = pgTable('doctor_grants', {
  id: uuid('id').primaryKey(),
  hospitalCode: text('hospital_code').notNull(),
  licenceNumber: text('licence_number').notNull(),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en').notNull(),
  role: text('role', { enum: ['doctor', 'ed'] }).notNull(),
  status: text('status', { enum: ['active', 'suspended', 'revoked'] }).notNull(),
  validUntil: ts('valid_until'),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  lastSignInAt: ts('last_sign_in_at'),
});

export const admins = pgTable('admins', {
  id: uuid('id').primaryKey(),
  hospitalCode: text('hospital_code').notNull(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash'),
  setupTokenHash: text('setup_token_hash'),
  setupExpiresAt: ts('setup_expires_at'),
  totpSecret: text('totp_secret'),
  totpPendingSecret: text('totp_pending_secret'),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  status: text('status', { enum: ['active', 'disabled'] }).notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastSignInAt: ts('last_sign_in_at'),
  role: text('role', { enum: ['admin', 'privacy-officer'] })
    .notNull()
    .default('admin'),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['doctor', 'admin'] }).notNull(),
  subject: text('subject').notNull(),
  displayName: text('display_name').notNull(),
  hospitalCode: text('hospital_code'),
  role: text('role'),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  registryCheckedAt: ts('registry_checked_at').notNull().defaultNow(),
  endedAt: ts('ended_at'),
  endReason: text('end_reason'),
  passkeyAt: ts('passkey_at'),
});

export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  consecutiveFailures: integer('consecutive_failures').notNull(),
  lastFailureAt: ts('last_failure_at'),
  lockedUntil: ts('locked_until'),
  windowStartedAt: ts('window_started_at').notNull(),
  windowFailures: integer('window_failures').notNull(),
});

export const consentChallenges = pgTable('consent_challenges', {
  id: uuid('id').primaryKey(),
  licenceNumber: text('licence_number').notNull(),
  hospitalCode: text('hospital_code').notNull(),
  patientCid: text('patient_cid').notNull(),
  purpose: text('purpose', { enum: ['TREAT', 'ETREAT'] }).notNull(),
  codeHash: text('code_hash').notNull(),
  codeExpiresAt: ts('code_expires_at').notNull(),
  lastSentAt: ts('last_sent_at').notNull(),
  sendCount: integer('send_count').notNull(),
  wrongAttempts: integer('wrong_attempts').notNull(),
  status: text('status', { enum: ['pending', 'verified', 'void'] }).notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** The sharing hospitals the exchange named when the code was sent (migration 0010), carried to the consent. */
  sharingHcodes: text('sharing_hcodes').array(),
  patientProvince: text('patient_province'),
});

export const smsSends = pgTable('sms_sends', {
  id: uuid('id').primaryKey(),
  patientCid: text('patient_cid').notNull(),
  licenceNumber: text('licence_number').notNull(),
  hospitalCode: text('hospital_code').notNull(),
  kind: text('kind', { enum: ['otp', 'emergency-notice'] }).notNull(),
  sentAt: ts('sent_at').notNull().defaultNow(),
});

export const consents = pgTable('consents', {
  id: uuid('id').primaryKey(),
  licenceNumber: text('licence_number').notNull(),
  hospitalCode: text('hospital_code').notNull(),
  patientCid: text('patient_cid').notNull(),
  purpose: text('purpose', { enum: ['TREAT'] }).notNull(),
  method: text('method', { enum: ['otp'] }).notNull(),
  challengeId: uuid('challenge_id').notNull(),
  startedAt: ts('started_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  endedAt: ts('ended_at'),
  endReason: text('end_reason'),
  /** The sharing hospitals when the access began, refreshed by the record page's re-check (migration 0010). */
  sharingHcodes: text('sharing_hcodes').array(),
  patientProvince: text('patient_province'),
});

export const emergencyAccesses = pgTable('emergency_accesses', {
  id: uuid('id').primaryKey(),
  licenceNumber: text('licence_number').notNull(),
  hospitalCode: text('hospital_code').notNull(),
  patientCid: text('patient_cid').notNull(),
  reasonCode: text('reason_code', { enum: ['unconscious', 'life-threatening', 'no-capacity', 'other'] }).notNull(),
  reasonText: text('reason_text').notNull(),
  startedAt: ts('started_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  endedAt: ts('ended_at'),
  endReason: text('end_reason'),
  reviewOutcome: text('review_outcome', { enum: ['justified', 'not-justified', 'referred'] }),
  reviewComment: text('review_comment'),
  reviewedBy: text('reviewed_by'),
  reviewedAt: ts('reviewed_at'),
  /** As on consents (migration 0010). */
  sharingHcodes: text('sharing_hcodes').array(),
  patientProvince: text('patient_province'),
});

export const sealedOpenings = pgTable('sealed_openings', {
  id: uuid('id').primaryKey(),
  accessKind: text('access_kind', { enum: ['consent', 'emergency'] }).notNull(),
  accessId: uuid('access_id').notNull(),
  factId: text('fact_id').notNull(),
  reason: text('reason').notNull(),
  openedAt: ts('opened_at').notNull().defaultNow(),
});

// Partitioned by month of `at` (migration 0009): the key must include `at`, the chain keeps seq unique.
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: uuid('id').notNull(),
    at: ts('at').notNull(),
    actorType: text('actor_type', { enum: ['doctor', 'admin', 'service', 'system', 'anonymous'] }).notNull(),
    actorId: text('actor_id'),
    actorRole: text('actor_role'),
    hospitalCode: text('hospital_code'),
    action: text('action').notNull(),
    outcome: text('outcome', { enum: ['success', 'failure', 'denied'] }).notNull(),
    patientCid: text('patient_cid'),
    purpose: text('purpose', { enum: ['TREAT', 'ETREAT'] }),
    accessRef: text('access_ref'),
    clientIp: text('client_ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seq, t.at] })],
);

/** One archived stretch of the chain (lib/audit/archive.ts): its rows left the database for the named file. */
export const auditArchive = pgTable('audit_archive', {
  firstSeq: bigint('first_seq', { mode: 'number' }).notNull(),
  lastSeq: bigint('last_seq', { mode: 'number' }).primaryKey(),
  lastHash: text('last_hash').notNull(),
  prevHash: text('prev_hash').notNull(),
  rows: bigint('rows', { mode: 'number' }).notNull(),
  partitions: text('partitions').array().notNull(),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  archivedAt: ts('archived_at').notNull().defaultNow(),
});

export const doctorPasskeys = pgTable('doctor_passkeys', {
  id: uuid('id').primaryKey(),
  licenceNumber: text('licence_number').notNull(),
  credentialId: text('credential_id').notNull(),
  publicKey: text('public_key').notNull(),
  counter: bigint('counter', { mode: 'number' }).notNull(),
  transports: jsonb('transports').$type<string[]>().notNull(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastUsedAt: ts('last_used_at'),
  removedAt: ts('removed_at'),
  removedBy: text('removed_by'),
});

export const webauthnChallenges = pgTable('webauthn_challenges', {
  sessionId: text('session_id').notNull(),
  purpose: text('purpose', { enum: ['register', 'sign-in', 'step-up'] }).notNull(),
  licenceNumber: text('licence_number').notNull(),
  challenge: text('challenge').notNull(),
  expiresAt: ts('expires_at').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const hospitalPasskeyPolicy = pgTable('hospital_passkey_policy', {
  hospitalCode: text('hospital_code').primaryKey(),
  required: boolean('required').notNull(),
  allowBootstrap: boolean('allow_bootstrap').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const passkeyEnrolmentPermits = pgTable('passkey_enrolment_permits', {
  licenceNumber: text('licence_number').notNull(),
  hospitalCode: text('hospital_code').notNull(),
  expiresAt: ts('expires_at').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const nameSearches = pgTable('name_searches', {
  id: uuid('id').primaryKey(),
  auditId: uuid('audit_id').notNull(),
  at: ts('at').notNull(),
  licenceNumber: text('licence_number').notNull(),
  hospitalCode: text('hospital_code').notNull(),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  nameKey: text('name_key').notNull(),
  birthDate: date('birth_date', { mode: 'string' }),
  birthYear: integer('birth_year'),
  outcome: text('outcome', { enum: ['candidates', 'none', 'needs-birth', 'too-broad', 'exchange-unavailable', 'limit'] }).notNull(),
  matchCount: integer('match_count'),
  shownCids: text('shown_cids').array().notNull().default([]),
});

export const termsAcceptances = pgTable(
  'terms_acceptances',
  {
    licenceNumber: text('licence_number').notNull(),
    version: text('version').notNull(),
    acceptedAt: ts('accepted_at').notNull(),
    hospitalCode: text('hospital_code'),
  },
  (t) => [primaryKey({ columns: [t.licenceNumber, t.version] })],
);
export const accessAlerts = pgTable('access_alerts', {
  id: uuid('id').primaryKey(),
  hospitalCode: text('hospital_code').notNull(),
  licenceNumber: text('licence_number').notNull(),
  rule: text('rule', { enum: ['many-patients', 'repeated-emergency', 'outside-catchment', 'staff-record'] }).notNull(),
  status: text('status', { enum: ['open', 'acknowledged', 'dismissed', 'suspended'] }).notNull(),
  evidence: jsonb('evidence').$type<{ auditSeqs: number[]; count: number; windowMinutes: number; provinces?: string[] }>().notNull(),
  raisedAt: ts('raised_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull(),
  reviewedBy: text('reviewed_by'),
  reviewedAt: ts('reviewed_at'),
  reviewNote: text('review_note'),
});

export const accessDigestOptins = pgTable('access_digest_optins', {
  patientCid: text('patient_cid').primaryKey(),
  optedInAt: ts('opted_in_at').notNull(),
});

export const accessDigestSends = pgTable('access_digest_sends', {
  patientCid: text('patient_cid').notNull(),
  digestDate: date('digest_date', { mode: 'string' }).notNull(),
  claimedAt: ts('claimed_at').notNull(),
  outcome: text('outcome', { enum: ['sent', 'failed', 'no-phone'] }),
});

export const phrGrants = pgTable('phr_grants', {
  id: uuid('id').primaryKey(),
  accessKind: text('access_kind', { enum: ['consent', 'emergency'] }).notNull(),
  accessId: uuid('access_id').notNull(),
  licenceNumber: text('licence_number').notNull(),
  hospitalCode: text('hospital_code').notNull(),
  patientCid: text('patient_cid').notNull(),
  status: text('status', { enum: ['requested', 'granted', 'void', 'ended'] }).notNull(),
  requestedAt: ts('requested_at').notNull(),
  codeExpiresAt: ts('code_expires_at').notNull(),
  wrongAttempts: integer('wrong_attempts').notNull().default(0),
  sealedCode: text('sealed_code'),
  grantedAt: ts('granted_at'),
  endedAt: ts('ended_at'),
});

/** A hospital's catchment for the outside-catchment alert (migration 0011); no row: its health region. */
export const hospitalCatchments = pgTable('hospital_catchments', {
  hospitalCode: text('hospital_code').primaryKey(),
  nationwide: boolean('nationwide').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** A hospital's staff list as keyed hashes of citizen IDs (migration 0012), never the IDs themselves. */
export const hospitalStaffIds = pgTable(
  'hospital_staff_ids',
  {
    hospitalCode: text('hospital_code').notNull(),
    cidHash: text('cid_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hospitalCode, t.cidHash] })],
);

export const hospitalStaffLists = pgTable('hospital_staff_lists', {
  hospitalCode: text('hospital_code').primaryKey(),
  entries: integer('entries').notNull(),
  replacedBy: text('replaced_by').notNull(),
  replacedAt: ts('replaced_at').notNull(),
});
