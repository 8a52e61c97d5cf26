-- How long an organisation keeps a person's personal data after their last consent change:
-- then the same erasure as on request runs by itself. Seven years by default, the period the
-- DPDP Rules 2025 ask a Consent Manager to keep consent records.
ALTER TABLE orgs ADD COLUMN retention_days BIGINT NOT NULL DEFAULT 2557;
