-- Unusual access (issue 21 §5): patients from outside the hospital's catchment (lib/alerts/rules.ts).
-- The patient's province as the exchange gave it when the doctor found them: a DOPA province code only, never
-- an address or a name. Carried from the consent challenge to the consent, and onto the emergency access, so
-- the record open (which sees only the access) can write it on its audit row. Null when the exchange gave none.
ALTER TABLE consent_challenges ADD COLUMN patient_province text CHECK (patient_province ~ '^[1-9][0-9]$');
ALTER TABLE consents ADD COLUMN patient_province text CHECK (patient_province ~ '^[1-9][0-9]$');
ALTER TABLE emergency_accesses ADD COLUMN patient_province text CHECK (patient_province ~ '^[1-9][0-9]$');

-- A hospital's catchment is its health region unless its admin widens it to the whole country (national
-- referral centres). No row: the health region.
CREATE TABLE hospital_catchments (
  hospital_code text PRIMARY KEY,
  nationwide boolean NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);

ALTER TABLE access_alerts DROP CONSTRAINT access_alerts_rule_check;
ALTER TABLE access_alerts ADD CONSTRAINT access_alerts_rule_check
  CHECK (rule IN ('many-patients', 'repeated-emergency', 'outside-catchment', 'staff-record'));
