-- Portable SQL: the same file runs on SQLite and PostgreSQL. Times are Unix milliseconds
-- (BIGINT), identifiers are text (UUIDs), flags are BIGINT 0/1.

CREATE TABLE orgs (
    id            TEXT PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    subdomain     TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    brand_name    TEXT NOT NULL,
    logo_url      TEXT,
    brand_color   TEXT NOT NULL,
    cp_seq        BIGINT NOT NULL DEFAULT 0,
    created_at    BIGINT NOT NULL
);

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES orgs(id),
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE sessions (
    id            TEXT PRIMARY KEY,
    token_hash    TEXT NOT NULL UNIQUE,
    user_id       TEXT NOT NULL REFERENCES users(id),
    org_id        TEXT NOT NULL REFERENCES orgs(id),
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    revoked_at    BIGINT
);

CREATE TABLE api_keys (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES orgs(id),
    name          TEXT NOT NULL,
    prefix        TEXT NOT NULL,
    key_hash      TEXT NOT NULL UNIQUE,
    scopes        TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    last_used_at  BIGINT,
    revoked_at    BIGINT
);
CREATE INDEX api_keys_org ON api_keys(org_id, created_at);

-- One-time links that let the first admin in on an empty installation.
CREATE TABLE setup_tokens (
    token_hash    TEXT PRIMARY KEY,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    used_at       BIGINT
);

CREATE TABLE assets (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES orgs(id),
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    url           TEXT,
    description   TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX assets_org ON assets(org_id, created_at);

CREATE TABLE collection_points (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES orgs(id),
    asset_id        TEXT NOT NULL REFERENCES assets(id),
    display_id      TEXT NOT NULL,
    name            TEXT NOT NULL,
    current_version BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    UNIQUE (org_id, display_id)
);
CREATE INDEX collection_points_org ON collection_points(org_id, created_at);

-- Every edit of purposes or notice text is a new, immutable version; consents point at the
-- version they were shown.
CREATE TABLE collection_point_versions (
    collection_point_id TEXT NOT NULL REFERENCES collection_points(id),
    version             BIGINT NOT NULL,
    purposes_json       TEXT NOT NULL,
    notices_json        TEXT NOT NULL,
    content_hash        TEXT NOT NULL,
    created_at          BIGINT NOT NULL,
    PRIMARY KEY (collection_point_id, version)
);

-- A person, as one organisation knows them, whichever way they consented.
CREATE TABLE principals (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES orgs(id),
    dp_id         TEXT NOT NULL UNIQUE,
    created_at    BIGINT NOT NULL
);

CREATE TABLE principal_identifiers (
    org_id        TEXT NOT NULL REFERENCES orgs(id),
    kind          TEXT NOT NULL,
    value         TEXT NOT NULL,
    principal_id  TEXT NOT NULL REFERENCES principals(id),
    PRIMARY KEY (org_id, kind, value)
);

-- The ledger: append-only, hash-chained. `seq` is assigned from ledger_head inside the
-- appending transaction, so the chain cannot fork.
CREATE TABLE consent_events (
    seq             BIGINT PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    org_id          TEXT NOT NULL REFERENCES orgs(id),
    principal_id    TEXT NOT NULL REFERENCES principals(id),
    subject_kind    TEXT NOT NULL,
    subject_id      TEXT NOT NULL,
    action          TEXT NOT NULL,
    purposes_json   TEXT NOT NULL,
    collected_via   TEXT NOT NULL,
    notice_version  BIGINT,
    notice_hash     TEXT,
    evidence_json   TEXT NOT NULL,
    actor           TEXT NOT NULL,
    occurred_at     BIGINT NOT NULL,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL
);
CREATE INDEX consent_events_org ON consent_events(org_id, occurred_at);
CREATE INDEX consent_events_principal ON consent_events(principal_id, seq);

CREATE TABLE ledger_head (
    id            BIGINT PRIMARY KEY,
    seq           BIGINT NOT NULL,
    hash          TEXT NOT NULL
);
INSERT INTO ledger_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Current state per principal, subject and purpose: a projection of the ledger, written in
-- the same transaction as the event.
CREATE TABLE purpose_consents (
    org_id        TEXT NOT NULL REFERENCES orgs(id),
    principal_id  TEXT NOT NULL REFERENCES principals(id),
    subject_kind  TEXT NOT NULL,
    subject_id    TEXT NOT NULL,
    purpose_id    TEXT NOT NULL,
    granted       BIGINT NOT NULL,
    event_seq     BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (principal_id, subject_kind, subject_id, purpose_id)
);
