-- Proof of consent, part one: one hash chain per organisation, the personal part of each entry
-- kept apart from what the chain commits to, signing keys, and checkpoints of chain heads.
--
-- Until now every organisation's entries formed one chain with one head row, so appends in
-- different organisations waited on one lock and no organisation could verify its ledger
-- without reading the others'. From here an entry's `seq` is its position in its
-- organisation's chain, and `ledger_chains` holds each chain's head.
--
-- The hashes cannot be recomputed in SQL. This migration moves the rows and keeps each entry's
-- old position (`v1_seq`) and old hashes; at start-up the store then verifies the old single
-- chain against `ledger_v1_head` and, only if it verifies, re-hashes each organisation's
-- entries into its own chain (`store::ledger::rechain_v1`). A tampered old chain is never
-- re-hashed into a clean one: start-up stops and says where it breaks.

ALTER TABLE ledger_entries RENAME TO ledger_entries_v1;
ALTER TABLE ledger_head RENAME TO ledger_v1_head;
-- When the old chain was verified and re-hashed (NULL: not yet).
ALTER TABLE ledger_v1_head ADD COLUMN rechained_at BIGINT;

CREATE TABLE ledger_entries (
    org_id          TEXT NOT NULL REFERENCES orgs(id),
    -- Position in the organisation's chain, from 1, without gaps.
    seq             BIGINT NOT NULL,
    id              TEXT NOT NULL UNIQUE,
    principal_id    TEXT NOT NULL REFERENCES principals(id),
    subject_kind    TEXT NOT NULL,
    subject_id      TEXT NOT NULL,
    action          TEXT NOT NULL,
    purposes_json   TEXT NOT NULL,
    collected_via   TEXT NOT NULL,
    notice_version  BIGINT,
    notice_hash     TEXT,
    -- What the chain commits to of the personal part (ledger_personal): a salted digest, so
    -- that the part can be erased and every hash still verifies.
    personal_digest TEXT NOT NULL,
    actor           TEXT NOT NULL,
    occurred_at     BIGINT NOT NULL,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL,
    -- The entry's position in the single chain before this migration (NULL for later entries).
    v1_seq          BIGINT UNIQUE,
    PRIMARY KEY (org_id, seq)
);

INSERT INTO ledger_entries (org_id, seq, id, principal_id, subject_kind, subject_id, action, purposes_json,
        collected_via, notice_version, notice_hash, personal_digest, actor, occurred_at, prev_hash, hash, v1_seq)
    SELECT org_id, ROW_NUMBER() OVER (PARTITION BY org_id ORDER BY seq), id, principal_id, subject_kind, subject_id,
        action, purposes_json, collected_via, notice_version, notice_hash, '', actor, occurred_at, prev_hash, hash, seq
    FROM ledger_entries_v1;

-- The personal part of an entry: the evidence (addresses, user agents, metadata). The salt is
-- secret like the evidence and goes with it, so the digest alone reveals nothing guessable.
CREATE TABLE ledger_personal (
    entry_id        TEXT PRIMARY KEY REFERENCES ledger_entries(id),
    org_id          TEXT NOT NULL REFERENCES orgs(id),
    principal_id    TEXT NOT NULL REFERENCES principals(id),
    salt            TEXT NOT NULL,
    evidence_json   TEXT NOT NULL
);
CREATE INDEX ledger_personal_principal ON ledger_personal(org_id, principal_id);
INSERT INTO ledger_personal (entry_id, org_id, principal_id, salt, evidence_json)
    SELECT id, org_id, principal_id, '', evidence_json FROM ledger_entries_v1;

-- The projections pointed at old positions.
UPDATE purpose_consents SET entry_seq = (SELECT e.seq FROM ledger_entries e WHERE e.v1_seq = purpose_consents.entry_seq);
UPDATE universal_consents SET entry_seq = (SELECT e.seq FROM ledger_entries e WHERE e.v1_seq = universal_consents.entry_seq);

-- consent_request_logs referred to the old table: rebuilt to refer to the new one.
CREATE TABLE consent_request_logs_v2 (
    ledger_entry_id TEXT PRIMARY KEY REFERENCES ledger_entries(id),
    request_id      TEXT NOT NULL REFERENCES consent_requests(id),
    link_id         TEXT NOT NULL REFERENCES consent_link_instances(link_id),
    action          TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);
INSERT INTO consent_request_logs_v2 (ledger_entry_id, request_id, link_id, action, created_at)
    SELECT ledger_entry_id, request_id, link_id, action, created_at FROM consent_request_logs;
DROP TABLE consent_request_logs;
ALTER TABLE consent_request_logs_v2 RENAME TO consent_request_logs;
CREATE INDEX consent_request_logs_request ON consent_request_logs(request_id, created_at);

DROP TABLE ledger_entries_v1;
CREATE INDEX ledger_entries_org_time ON ledger_entries(org_id, occurred_at);
CREATE INDEX ledger_entries_principal ON ledger_entries(principal_id, seq);

-- Each organisation's chain head. Taking this row first serialises appends to one
-- organisation's chain; other organisations' appends do not wait for it.
CREATE TABLE ledger_chains (
    org_id          TEXT PRIMARY KEY REFERENCES orgs(id),
    seq             BIGINT NOT NULL,
    hash            TEXT NOT NULL
);

-- Each organisation's Ed25519 keys. One is current (not retired); retired keys still verify
-- what they signed and stay in the JWKS. `kid` is the key's RFC 7638 thumbprint. The secret
-- half is sealed (ChaCha20-Poly1305) with a key kept outside the database.
CREATE TABLE org_signing_keys (
    kid             TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES orgs(id),
    public_key      TEXT NOT NULL,
    sealed_secret   TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    retired_at      BIGINT
);
CREATE UNIQUE INDEX org_signing_keys_current ON org_signing_keys(org_id) WHERE retired_at IS NULL;

-- Signed chain heads that were written out to ASSENT_CHECKPOINT_DIR. The copy outside the
-- database is the proof; this table tells the scheduler what it already wrote, and which head
-- the chain must still hold before the next one is signed.
CREATE TABLE ledger_checkpoints (
    org_id          TEXT NOT NULL REFERENCES orgs(id),
    seq             BIGINT NOT NULL,
    hash            TEXT NOT NULL,
    signed_at       BIGINT NOT NULL,
    kid             TEXT NOT NULL REFERENCES org_signing_keys(kid),
    jws             TEXT NOT NULL,
    PRIMARY KEY (org_id, seq)
);
