-- Consent links (the dialect of seeds 000-002). A request is what the customer's backend asked
-- for; each link instance (event_id) is one URL. Regeneration adds an instance and supersedes
-- the previous one.

CREATE TABLE consent_requests (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES orgs(id),
    asset_id            TEXT NOT NULL REFERENCES assets(id),
    collection_point_id TEXT NOT NULL REFERENCES collection_points(id),
    principal_id        TEXT NOT NULL REFERENCES principals(id),
    phone               TEXT NOT NULL,
    email               TEXT,
    data_collected_at   BIGINT NOT NULL,
    created_at          BIGINT NOT NULL,
    expires_at          BIGINT NOT NULL,
    event_id            TEXT NOT NULL,
    regeneration_count  BIGINT NOT NULL DEFAULT 0,
    completed_at        BIGINT,
    consent_action      TEXT,
    email_status        TEXT,
    email_error         TEXT,
    created_by          TEXT NOT NULL
);
CREATE INDEX consent_requests_org_asset ON consent_requests(org_id, asset_id, created_at);
CREATE INDEX consent_requests_phone ON consent_requests(org_id, phone, created_at);
CREATE INDEX consent_requests_email ON consent_requests(org_id, email, created_at);

CREATE TABLE consent_link_instances (
    event_id        TEXT PRIMARY KEY,
    request_id      TEXT NOT NULL REFERENCES consent_requests(id),
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    superseded_at   BIGINT
);
CREATE INDEX consent_link_instances_request ON consent_link_instances(request_id);

-- Which ledger entries a request produced, with the dialect's action word.
CREATE TABLE consent_request_logs (
    ledger_event_id TEXT PRIMARY KEY REFERENCES consent_events(id),
    request_id      TEXT NOT NULL REFERENCES consent_requests(id),
    link_event_id   TEXT NOT NULL REFERENCES consent_link_instances(event_id),
    action          TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);
CREATE INDEX consent_request_logs_request ON consent_request_logs(request_id, created_at);
