-- An organisation's own wording for Assent's messages (the hosted page, the emails), per
-- language: a Fluent pattern that replaces the catalogue's text for that message id.
CREATE TABLE org_message_overrides (
    org_id      TEXT NOT NULL REFERENCES orgs(id),
    lang        TEXT NOT NULL,
    message_id  TEXT NOT NULL,
    text        TEXT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (org_id, lang, message_id)
);
