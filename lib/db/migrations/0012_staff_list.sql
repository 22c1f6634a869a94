-- Unusual access (issue 21 §5): a doctor opening the record of a member of their own hospital's staff.
-- The staff list holds keyed hashes only (HMAC-SHA-256 under STAFF_LIST_KEY, lib/alerts/staff-list.ts): a
-- copy of the database alone does not say who works where, nor can its 13-digit IDs be tried one by one.
CREATE TABLE hospital_staff_ids (
  hospital_code text NOT NULL,
  cid_hash text NOT NULL,
  PRIMARY KEY (hospital_code, cid_hash)
);
-- When each hospital's list was last replaced, by whom, and how long it is (the admin console shows these).
CREATE TABLE hospital_staff_lists (
  hospital_code text PRIMARY KEY,
  entries integer NOT NULL,
  replaced_by text NOT NULL,
  replaced_at timestamptz NOT NULL
);

-- Every open of a staff member's record is an alert of its own, so the one-open-alert-per-rule rule (0005)
-- leaves staff-record out; the other rules still keep one open alert per doctor and hospital.
DROP INDEX access_alerts_open_once;
CREATE UNIQUE INDEX access_alerts_open_once ON access_alerts (rule, licence_number, hospital_code)
  WHERE status = 'open' AND rule <> 'staff-record';
