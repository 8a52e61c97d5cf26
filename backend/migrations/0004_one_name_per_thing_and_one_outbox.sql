-- One name for one thing. A ledger *entry* is a row of the hash-chained ledger; a *link
-- instance* (`link_id`, which the consent-link dialect calls `event_id` on the wire) is one URL
-- of a consent-link request. Hashes cover values, never column names, so every existing entry
-- still verifies.
ALTER TABLE consent_events RENAME TO ledger_entries;
DROP INDEX consent_events_org;
DROP INDEX consent_events_principal;
CREATE INDEX ledger_entries_org ON ledger_entries(org_id, occurred_at);
CREATE INDEX ledger_entries_principal ON ledger_entries(principal_id, seq);

ALTER TABLE purpose_consents RENAME COLUMN event_seq TO entry_seq;

ALTER TABLE consent_requests RENAME COLUMN event_id TO link_id;
ALTER TABLE consent_link_instances RENAME COLUMN event_id TO link_id;
ALTER TABLE consent_request_logs RENAME COLUMN ledger_event_id TO ledger_entry_id;
ALTER TABLE consent_request_logs RENAME COLUMN link_event_id TO link_id;

-- One transactional outbox for everything that must follow a commit (emails now, webhooks
-- next). A job is written in the same transaction as the change that needs it, so a crash
-- after the commit cannot lose it. A claim is a lease: `next_attempt_at` moves past the
-- attempt, so another worker takes the job only if this one died, and `lease_id` names the
-- claim, so only the current holder records an outcome.
CREATE TABLE jobs (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES orgs(id),
    kind            TEXT NOT NULL,
    payload         TEXT NOT NULL,
    attempts        BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_error      TEXT,
    lease_id        TEXT,
    created_at      BIGINT NOT NULL,
    done_at         BIGINT,
    given_up_at     BIGINT
);
CREATE INDEX jobs_due ON jobs(next_attempt_at) WHERE done_at IS NULL AND given_up_at IS NULL;

INSERT INTO jobs (id, org_id, kind, payload, attempts, next_attempt_at, last_error, lease_id, created_at, done_at, given_up_at)
SELECT id, org_id, 'consent_link_email', '{"request_id":"' || request_id || '"}', attempts, next_attempt_at, last_error,
       NULL, created_at, sent_at, given_up_at
  FROM email_outbox;
DROP TABLE email_outbox;
