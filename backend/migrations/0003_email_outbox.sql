-- Emails whose first delivery failed while SMTP was configured: retried with backoff by the
-- server's outbox worker. A claim is a lease (next_attempt_at moved into the future), so two
-- nodes never send the same email at once.
CREATE TABLE email_outbox (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES orgs(id),
    request_id      TEXT NOT NULL REFERENCES consent_requests(id),
    attempts        BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT,
    given_up_at     BIGINT
);
CREATE INDEX email_outbox_due ON email_outbox(next_attempt_at) ;
