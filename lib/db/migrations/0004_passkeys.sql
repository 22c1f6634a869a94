-- Passkeys (WebAuthn): a second factor for doctors (NIST SP 800-63B AAL2). See docs/security.md.

-- A doctor's registered credentials. Passkeys belong to the doctor (licence), not to a hospital. Removal
-- is a soft delete so that "has this doctor ever had a passkey" stays answerable (PIN bootstrap is
-- allowed once only) and the audit trail can name what was removed.
CREATE TABLE doctor_passkeys (
  id uuid PRIMARY KEY,
  licence_number text NOT NULL,
  credential_id text NOT NULL UNIQUE,
  public_key text NOT NULL,
  counter bigint NOT NULL DEFAULT 0,
  transports jsonb NOT NULL DEFAULT '[]'::jsonb,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  removed_at timestamptz,
  removed_by text
);
CREATE INDEX doctor_passkeys_licence ON doctor_passkeys (licence_number) WHERE removed_at IS NULL;

-- Outstanding WebAuthn challenges: one per session and purpose, single use (deleted when consumed),
-- short-lived. Kept here, not in memory, so that the instance answering the ceremony's second request
-- need not be the one that issued the challenge.
CREATE TABLE webauthn_challenges (
  session_id text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('register', 'sign-in', 'step-up')),
  licence_number text NOT NULL,
  challenge text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, purpose)
);
CREATE INDEX webauthn_challenges_expiry ON webauthn_challenges (expires_at);

-- A hospital's second-factor policy, changed by its admin (audited).
CREATE TABLE hospital_passkey_policy (
  hospital_code text PRIMARY KEY,
  required boolean NOT NULL DEFAULT false,
  allow_bootstrap boolean NOT NULL DEFAULT false,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A hospital admin's permission for one doctor to register a passkey after the PIN alone (recovery after
-- a lost passkey, or a first passkey where bootstrap is off). Used once, or lapses.
CREATE TABLE passkey_enrolment_permits (
  licence_number text NOT NULL,
  hospital_code text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (licence_number, hospital_code)
);

-- When this session last completed the passkey step (NULL: PIN only so far).
ALTER TABLE sessions ADD COLUMN passkey_at timestamptz;
