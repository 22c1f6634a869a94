-- Search by name (issue 22): every search, its terms in their own columns so that a privacy officer can
-- answer "who looked for this person, when, from where, and what came back" without reading free text.
-- Kept like the audit trail (same retention); the hash-chained audit_log row is named by audit_id.
CREATE TABLE name_searches (
  id uuid PRIMARY KEY,
  audit_id uuid NOT NULL,
  at timestamptz NOT NULL,
  licence_number text NOT NULL,
  hospital_code text NOT NULL,
  -- As typed (Unicode NFC, trimmed, spaces collapsed) and as matched (tone marks and case folded away).
  given_name text NOT NULL,
  family_name text NOT NULL,
  name_key text NOT NULL,
  birth_date date,
  birth_year integer,
  outcome text NOT NULL CHECK (outcome IN ('candidates', 'none', 'needs-birth', 'too-broad', 'exchange-unavailable', 'limit')),
  match_count integer,
  -- Whose name, sex, birth date and masked ID the doctor was shown: each of them may ask who saw it.
  shown_cids text[] NOT NULL DEFAULT '{}'
);
-- The per-doctor limit counts a doctor's recent searches; a privacy officer looks a name up across doctors.
CREATE INDEX name_searches_doctor ON name_searches (licence_number, at);
CREATE INDEX name_searches_name ON name_searches (name_key, at);

-- Terms of use: one row per doctor per accepted version (a new version asks again).
CREATE TABLE terms_acceptances (
  licence_number text NOT NULL,
  version text NOT NULL,
  accepted_at timestamptz NOT NULL,
  hospital_code text,
  PRIMARY KEY (licence_number, version)
);

-- Both are audit records: added and read, never changed or removed (as audit_log).
CREATE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER name_searches_no_update BEFORE UPDATE OR DELETE ON name_searches FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
CREATE TRIGGER name_searches_no_truncate BEFORE TRUNCATE ON name_searches FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
CREATE TRIGGER terms_acceptances_no_update BEFORE UPDATE OR DELETE ON terms_acceptances FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
CREATE TRIGGER terms_acceptances_no_truncate BEFORE TRUNCATE ON terms_acceptances FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
