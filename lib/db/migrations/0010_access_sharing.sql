-- The hospitals the exchange named as sharing when the access began (issue 19): the record page asks them
-- the moment its request arrives, while the exchange's list is re-checked in parallel. A hospital the
-- re-check no longer lists never reaches the page (its answer is discarded and audited). NULL: not known
-- (accesses from before this column, or an exchange that did not answer at the start).
ALTER TABLE consent_challenges ADD COLUMN sharing_hcodes text[];
ALTER TABLE consents ADD COLUMN sharing_hcodes text[];
ALTER TABLE emergency_accesses ADD COLUMN sharing_hcodes text[];
