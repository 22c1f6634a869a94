-- Access grants: which doctors a hospital lets use the viewer, in which role, until when.
CREATE TABLE doctor_grants (
  id uuid PRIMARY KEY,
  hospital_code text NOT NULL CHECK (hospital_code ~ '^[0-9]{5}$'),
  licence_number text NOT NULL CHECK (licence_number ~ '^[0-9]{4,6}$'),
  name_th text NOT NULL,
  name_en text NOT NULL,
  role text NOT NULL CHECK (role IN ('doctor', 'ed')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'revoked')),
  valid_until timestamptz,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at timestamptz,
  UNIQUE (hospital_code, licence_number)
);
CREATE INDEX doctor_grants_licence ON doctor_grants (licence_number);

-- Hospital admin accounts (often not physicians): password + mandatory TOTP.
CREATE TABLE admins (
  id uuid PRIMARY KEY,
  hospital_code text NOT NULL CHECK (hospital_code ~ '^[0-9]{5}$'),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text,
  setup_token_hash text,
  setup_expires_at timestamptz,
  totp_secret text,
  totp_pending_secret text,
  totp_last_step bigint,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at timestamptz
);

-- Server-side sessions: the JWT only carries the id; every request re-checks the row.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('doctor', 'admin')),
  subject text NOT NULL,
  display_name text NOT NULL,
  hospital_code text,
  role text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  registry_checked_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  end_reason text
);
CREATE INDEX sessions_subject ON sessions (kind, subject);

-- Failed sign-in counters per licence / username / client address, shared by every instance.
CREATE TABLE auth_throttle (
  key text PRIMARY KEY,
  consecutive_failures integer NOT NULL DEFAULT 0,
  last_failure_at timestamptz,
  locked_until timestamptz,
  window_started_at timestamptz NOT NULL DEFAULT now(),
  window_failures integer NOT NULL DEFAULT 0
);

-- One consent request to one patient by one doctor at one hospital; resends replace the code, never the attempt count.
CREATE TABLE consent_challenges (
  id uuid PRIMARY KEY,
  licence_number text NOT NULL,
  hospital_code text NOT NULL,
  patient_cid text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('TREAT', 'ETREAT')),
  code_hash text NOT NULL,
  code_expires_at timestamptz NOT NULL,
  last_sent_at timestamptz NOT NULL,
  send_count integer NOT NULL DEFAULT 1,
  wrong_attempts integer NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'void')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_challenges_patient ON consent_challenges (patient_cid, created_at);

-- Every SMS sent for a patient, to enforce the resend limits.
CREATE TABLE sms_sends (
  id uuid PRIMARY KEY,
  patient_cid text NOT NULL,
  licence_number text NOT NULL,
  hospital_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('otp', 'emergency-notice')),
  sent_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sms_sends_patient ON sms_sends (patient_cid, sent_at);

CREATE TABLE consents (
  id uuid PRIMARY KEY,
  licence_number text NOT NULL,
  hospital_code text NOT NULL,
  patient_cid text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('TREAT')),
  method text NOT NULL CHECK (method IN ('otp')),
  challenge_id uuid NOT NULL REFERENCES consent_challenges (id),
  started_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  end_reason text
);
CREATE INDEX consents_lookup ON consents (licence_number, hospital_code, patient_cid);

CREATE TABLE emergency_accesses (
  id uuid PRIMARY KEY,
  licence_number text NOT NULL,
  hospital_code text NOT NULL,
  patient_cid text NOT NULL,
  reason_code text NOT NULL CHECK (reason_code IN ('unconscious', 'life-threatening', 'no-capacity', 'other')),
  reason_text text NOT NULL,
  started_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  review_outcome text CHECK (review_outcome IN ('justified', 'not-justified', 'referred')),
  review_comment text,
  reviewed_by text,
  reviewed_at timestamptz
);
CREATE INDEX emergency_accesses_lookup ON emergency_accesses (licence_number, hospital_code, patient_cid);
CREATE INDEX emergency_accesses_hospital ON emergency_accesses (hospital_code, started_at);

-- Sealed (sensitive) records opened with a reason; remembered only for the access that opened them.
CREATE TABLE sealed_openings (
  id uuid PRIMARY KEY,
  access_kind text NOT NULL CHECK (access_kind IN ('consent', 'emergency')),
  access_id uuid NOT NULL,
  fact_id text NOT NULL,
  reason text NOT NULL,
  opened_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (access_kind, access_id, fact_id)
);

-- The append-only, hash-chained audit trail.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('doctor', 'admin', 'service', 'system', 'anonymous')),
  actor_id text,
  actor_role text,
  hospital_code text,
  action text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  patient_cid text,
  purpose text CHECK (purpose IN ('TREAT', 'ETREAT')),
  access_ref text,
  client_ip text,
  user_agent text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_hospital ON audit_log (hospital_code, at);
CREATE INDEX audit_log_patient ON audit_log (patient_cid, at);

-- Rows may be added and read, never changed or removed, whoever connects (operators also revoke UPDATE/DELETE).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
