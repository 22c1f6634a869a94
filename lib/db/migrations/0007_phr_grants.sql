-- A physician's request for the patient's Mor Prom (MOPH-PHR) data under one consent or emergency access:
-- the code MOPH-PHR sent to the patient's app, once validated, sealed with AUTH_SECRET (never sent to the
-- browser). Usable only while that access is in force and until the code's hour is over (lib/phr).
CREATE TABLE phr_grants (
  id uuid PRIMARY KEY,
  access_kind text NOT NULL CHECK (access_kind IN ('consent', 'emergency')),
  access_id uuid NOT NULL,
  licence_number text NOT NULL,
  hospital_code text NOT NULL,
  patient_cid text NOT NULL,
  status text NOT NULL CHECK (status IN ('requested', 'granted', 'void', 'ended')),
  requested_at timestamptz NOT NULL,
  code_expires_at timestamptz NOT NULL,
  wrong_attempts integer NOT NULL DEFAULT 0,
  sealed_code text,
  granted_at timestamptz,
  ended_at timestamptz
);
CREATE INDEX phr_grants_access ON phr_grants (access_kind, access_id, requested_at DESC);
CREATE INDEX phr_grants_patient ON phr_grants (patient_cid, requested_at DESC);
