-- The per-doctor lookup limit counts a doctor's recent lookups from the audit trail on every lookup.
CREATE INDEX audit_log_actor_action ON audit_log (actor_id, action, at);
