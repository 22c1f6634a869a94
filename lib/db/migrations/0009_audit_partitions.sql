-- audit_log partitioned by calendar month (UTC) of `at`, so that old months can be archived by detaching a
-- partition instead of deleting rows (which the append-only triggers refuse). The chain is unchanged: rows
-- are still linked in seq order across partitions, and verification reads them in that order.
--
-- A primary key on a partitioned table must include the partition key, so seq alone is no longer declared
-- unique by the database; the chain lock in lib/audit/append.ts hands out each seq once, and the verifier
-- reports any gap, repeat or reordering.

CREATE TABLE audit_log_partitioned (
  seq bigint NOT NULL,
  id uuid NOT NULL,
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
  hash text NOT NULL,
  PRIMARY KEY (seq, at)
) PARTITION BY RANGE (at);

-- Rows whose month has no partition yet (a clock far off, a test's fixed date) land here rather than fail.
CREATE TABLE audit_log_pdefault PARTITION OF audit_log_partitioned DEFAULT;

-- Creates the partition for the UTC month that contains `day`, unless it exists. Returns false when the
-- default partition already holds rows of that month (PostgreSQL cannot then create it; the rows stay in
-- the default partition, still chained and verified). Safe when several instances call it at once.
CREATE FUNCTION audit_log_ensure_month(day date) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  lo timestamptz := (date_trunc('month', day::timestamp) AT TIME ZONE 'UTC');
  hi timestamptz := ((date_trunc('month', day::timestamp) + interval '1 month') AT TIME ZONE 'UTC');
  part text := 'audit_log_p' || to_char(date_trunc('month', day::timestamp), 'YYYYMM');
BEGIN
  PERFORM pg_advisory_xact_lock(728102);
  IF to_regclass(part) IS NOT NULL THEN
    RETURN true;
  END IF;
  IF EXISTS (SELECT 1 FROM audit_log_pdefault WHERE at >= lo AND at < hi) THEN
    RETURN false;
  END IF;
  EXECUTE format('CREATE TABLE %I PARTITION OF audit_log FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
  -- Row triggers are cloned onto new partitions by PostgreSQL; a TRUNCATE trigger is not, so add it.
  EXECUTE format('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()', part);
  RETURN true;
END;
$$;

-- Swap the tables, then give the existing rows their month partitions and copy them over in seq order.
ALTER TABLE audit_log RENAME TO audit_log_unpartitioned;
ALTER TABLE audit_log_partitioned RENAME TO audit_log;
ALTER INDEX audit_log_hospital RENAME TO audit_log_unpartitioned_hospital;
ALTER INDEX audit_log_patient RENAME TO audit_log_unpartitioned_patient;
ALTER INDEX audit_log_actor_action RENAME TO audit_log_unpartitioned_actor_action;

DO $$
DECLARE
  m date;
BEGIN
  FOR m IN
    SELECT DISTINCT date_trunc('month', at AT TIME ZONE 'UTC')::date FROM audit_log_unpartitioned
    UNION SELECT date_trunc('month', now() AT TIME ZONE 'UTC')::date
    UNION SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '1 month')::date
  LOOP
    PERFORM audit_log_ensure_month(m);
  END LOOP;
END;
$$;

INSERT INTO audit_log SELECT * FROM audit_log_unpartitioned ORDER BY seq;
DROP TABLE audit_log_unpartitioned;

CREATE INDEX audit_log_hospital ON audit_log (hospital_code, at);
CREATE INDEX audit_log_patient ON audit_log (patient_cid, at);
CREATE INDEX audit_log_actor_action ON audit_log (actor_id, action, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log_pdefault FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- One row per archived stretch of the chain: the rows seq first_seq..last_seq left the database for the
-- file named here (its SHA-256 alongside); verification of what remains starts after last_hash.
CREATE TABLE audit_archive (
  first_seq bigint NOT NULL,
  last_seq bigint PRIMARY KEY,
  last_hash text NOT NULL,
  prev_hash text NOT NULL,
  rows bigint NOT NULL,
  partitions text[] NOT NULL,
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  archived_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER audit_archive_no_update BEFORE UPDATE OR DELETE ON audit_archive FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_archive_no_truncate BEFORE TRUNCATE ON audit_archive FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
