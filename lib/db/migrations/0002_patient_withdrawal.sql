-- A patient can withdraw an access through the patient app; the doctor is then told why it ended.
ALTER TABLE emergency_accesses ADD COLUMN end_reason text;
