-- The daily access digest (issue 21 §4): patients who chose it, and one claimed row per patient and day.
CREATE TABLE access_digest_optins (
  patient_cid text PRIMARY KEY,
  opted_in_at timestamptz NOT NULL
);
-- The claim is the guarantee: an instance inserts the (patient, day) row before sending, and only the one
-- whose insert succeeded sends. Several instances on one database never send a digest twice.
CREATE TABLE access_digest_sends (
  patient_cid text NOT NULL,
  digest_date date NOT NULL,
  claimed_at timestamptz NOT NULL,
  outcome text CHECK (outcome IN ('sent', 'failed', 'no-phone')),
  PRIMARY KEY (patient_cid, digest_date)
);
