-- Universal consents (the dialect of seed 003), the integrations that record them without
-- credentials, and webhook subscriptions with their deliveries.

-- One key per organisation that derives ClientIds from CustomUserIds (HMAC), so the same
-- CustomUserId always gives the same ClientId without a lookup table, and nobody outside the
-- organisation can compute one. Created on first use.
CREATE TABLE org_client_id_keys (
    org_id        TEXT PRIMARY KEY REFERENCES orgs(id),
    key_hex       TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);

-- A site or channel that records consent without credentials (the banner, an email link).
-- `name` is the Reference its consents are recorded against.
CREATE TABLE integrations (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES orgs(id),
    name            TEXT NOT NULL,
    allowed_origins TEXT NOT NULL,
    banner_json     TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    UNIQUE (org_id, name)
);
CREATE INDEX integrations_org ON integrations(org_id, created_at);

-- The current record per (ClientId, Reference): a projection of the ledger, written in the
-- same transaction as the entry that changed it (`entry_seq`).
CREATE TABLE universal_consents (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES orgs(id),
    client_id       TEXT NOT NULL,
    reference       TEXT NOT NULL,
    principal_id    TEXT NOT NULL REFERENCES principals(id),
    consent_given   TEXT NOT NULL,
    given           BIGINT NOT NULL,
    custom_user_id  TEXT,
    uri             TEXT,
    consent_type    TEXT,
    metadata        TEXT,
    integration_id  TEXT REFERENCES integrations(id),
    ip              TEXT,
    proxified_ip    TEXT,
    user_agent      TEXT,
    city            TEXT,
    region          TEXT,
    country         TEXT,
    entry_seq       BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    UNIQUE (org_id, client_id, reference)
);
-- Search is always by organisation and a time window (the last week by default), newest
-- first; the other indexes serve its most selective filters.
CREATE INDEX universal_consents_org_updated ON universal_consents(org_id, updated_at);
CREATE INDEX universal_consents_custom_user ON universal_consents(org_id, custom_user_id, updated_at);
CREATE INDEX universal_consents_reference ON universal_consents(org_id, reference, updated_at);
CREATE INDEX universal_consents_ip ON universal_consents(org_id, ip, updated_at);
CREATE INDEX universal_consents_type ON universal_consents(org_id, consent_type, updated_at);
CREATE INDEX universal_consents_country ON universal_consents(org_id, country, updated_at);

-- Webhook subscriptions: criteria (each NULL = any) and where to deliver. The signing secret
-- must be readable to sign with; it is never serialised and shown once. After a rotation the
-- previous secret also signs until `previous_secret_until`.
CREATE TABLE webhook_subscriptions (
    id                    TEXT PRIMARY KEY,
    org_id                TEXT NOT NULL REFERENCES orgs(id),
    url                   TEXT NOT NULL,
    custom_user_id        TEXT,
    reference             TEXT,
    consent_type          TEXT,
    secret                TEXT NOT NULL,
    previous_secret       TEXT,
    previous_secret_until BIGINT,
    paused_at             BIGINT,
    disabled_at           BIGINT,
    disabled_reason       TEXT,
    deleted_at            BIGINT,
    created_by            TEXT NOT NULL,
    created_at            BIGINT NOT NULL
);
CREATE INDEX webhook_subscriptions_org ON webhook_subscriptions(org_id, created_at);

-- One message to one subscription. Its id is the `webhook-id` of every attempt, so a receiver
-- that saw it once can tell a retry from a new event.
CREATE TABLE webhook_deliveries (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES orgs(id),
    subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions(id),
    event_type      TEXT NOT NULL,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        BIGINT NOT NULL,
    last_status     BIGINT,
    last_error      TEXT,
    next_attempt_at BIGINT,
    delivered_at    BIGINT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries(subscription_id, created_at);

CREATE TABLE webhook_attempts (
    delivery_id     TEXT NOT NULL REFERENCES webhook_deliveries(id),
    attempt         BIGINT NOT NULL,
    started_at      BIGINT NOT NULL,
    duration_ms     BIGINT NOT NULL,
    response_status BIGINT,
    error           TEXT,
    response_body   TEXT,
    PRIMARY KEY (delivery_id, attempt)
);
