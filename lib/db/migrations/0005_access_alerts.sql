-- Unusual access (issue 21 §5): alerts raised when a doctor opens a record, reviewed by the privacy officer.
-- evidence holds audit_log seqs and counts only: the reviewer follows the seqs into the audit log.
CREATE TABLE access_alerts (
  id uuid PRIMARY KEY,
  hospital_code text NOT NULL,
  licence_number text NOT NULL,
  rule text NOT NULL CHECK (rule IN ('many-patients', 'repeated-emergency')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'dismissed', 'suspended')),
  evidence jsonb NOT NULL,
  raised_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  reviewed_by text,
  reviewed_at timestamptz,
  review_note text
);
-- De-duplication: one open alert per rule, doctor and hospital; later evidence updates it.
CREATE UNIQUE INDEX access_alerts_open_once ON access_alerts (rule, licence_number, hospital_code) WHERE status = 'open';
CREATE INDEX access_alerts_queue ON access_alerts (hospital_code, status, raised_at);

-- The privacy officer is an admin account of its own kind: hospital admins manage staff, privacy officers
-- read who accessed what and review alerts (docs/security.md, "Roles in the admin console").
ALTER TABLE admins ADD COLUMN role text NOT NULL DEFAULT 'admin' CHECK (role IN ('admin', 'privacy-officer'));
