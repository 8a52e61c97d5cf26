//! The consent ledger: append-only, hash-chained entries, one per consent change, from every
//! dialect and surface. The current-state tables are projections of it, written in the same
//! transaction (see `store::ledger::append`).

use crate::crypto::sha256_hex;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What kind of thing a consent is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectKind {
    CollectionPoint,
    /// A universal consent's target: the seed's `Reference`.
    Reference,
}

impl SubjectKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::CollectionPoint => "collection_point",
            SubjectKind::Reference => "reference",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Every purpose in the entry was granted.
    Granted,
    /// At least one purpose was declined at collection time.
    Denied,
    /// A previous grant was taken back.
    Withdrawn,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Granted => "granted",
            Action::Denied => "denied",
            Action::Withdrawn => "withdrawn",
        }
    }
}

/// How a person identifies themselves to an organisation. The same identifier always resolves
/// to the same data principal, whichever surface it came through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identifier {
    Phone(String),
    Email(String),
    ClientId(String),
}

impl Identifier {
    pub fn kind(&self) -> &'static str {
        match self {
            Identifier::Phone(_) => "phone",
            Identifier::Email(_) => "email",
            Identifier::ClientId(_) => "client_id",
        }
    }

    pub fn value(&self) -> &str {
        match self {
            Identifier::Phone(v) | Identifier::Email(v) | Identifier::ClientId(v) => v,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurposeDecision {
    pub purpose_id: String,
    pub granted: bool,
}

/// A consent change to record.
#[derive(Debug, Clone)]
pub struct Decision {
    pub org_id: String,
    pub identifiers: Vec<Identifier>,
    pub subject_kind: SubjectKind,
    pub subject_id: String,
    pub action: Action,
    pub purposes: Vec<PurposeDecision>,
    /// `api`, `consent_link`, `banner`, `dashboard`, ...
    pub collected_via: String,
    pub notice_version: Option<i64>,
    pub notice_hash: Option<String>,
    /// Time, IP, user agent, link instance: whatever the surface can prove.
    pub evidence: serde_json::Value,
    /// Who made the change (`crate::auth::Actor` spelled out).
    pub actor: String,
}

impl Decision {
    pub fn validate(&self) -> Result<()> {
        if self.purposes.is_empty() {
            return Err(Error::invalid("purposes", "a decision needs at least one purpose"));
        }
        if self.identifiers.is_empty() {
            return Err(Error::invalid("principal", "a decision needs at least one identifier of the person"));
        }
        Ok(())
    }
}

/// One row of the ledger, exactly as stored: the hash covers these values.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LedgerEntry {
    pub seq: i64,
    pub id: String,
    pub org_id: String,
    pub principal_id: String,
    pub subject_kind: String,
    pub subject_id: String,
    pub action: String,
    pub purposes_json: String,
    pub collected_via: String,
    pub notice_version: Option<i64>,
    pub notice_hash: Option<String>,
    pub evidence_json: String,
    pub actor: String,
    pub occurred_at: i64,
    pub prev_hash: String,
    pub hash: String,
}

/// The exact bytes an entry's hash covers: every stored value but `hash`, as JSON with these
/// keys in this order, chained to the previous entry's hash. Changing anything here would
/// invalidate every ledger ever written; `hash_format_is_pinned` guards it.
#[derive(Serialize)]
struct HashedFields<'a> {
    seq: i64,
    id: &'a str,
    org_id: &'a str,
    principal_id: &'a str,
    subject_kind: &'a str,
    subject_id: &'a str,
    action: &'a str,
    purposes_json: &'a str,
    collected_via: &'a str,
    notice_version: Option<i64>,
    notice_hash: Option<&'a str>,
    evidence_json: &'a str,
    actor: &'a str,
    occurred_at: i64,
    prev_hash: &'a str,
}

impl LedgerEntry {
    pub fn compute_hash(&self) -> String {
        let fields = HashedFields {
            seq: self.seq,
            id: &self.id,
            org_id: &self.org_id,
            principal_id: &self.principal_id,
            subject_kind: &self.subject_kind,
            subject_id: &self.subject_id,
            action: &self.action,
            purposes_json: &self.purposes_json,
            collected_via: &self.collected_via,
            notice_version: self.notice_version,
            notice_hash: self.notice_hash.as_deref(),
            evidence_json: &self.evidence_json,
            actor: &self.actor,
            occurred_at: self.occurred_at,
            prev_hash: &self.prev_hash,
        };
        sha256_hex(&serde_json::to_vec(&fields).expect("plain fields serialise"))
    }

    /// The per-purpose decisions. A stored value that does not parse is an error, never `[]`.
    pub fn purposes(&self) -> Result<Vec<PurposeDecision>> {
        serde_json::from_str(&self.purposes_json).map_err(|e| Error::corrupt("ledger entry purposes", format!("entry {}: {e}", self.seq)))
    }

    /// The evidence. A stored value that does not parse is an error, never `null`.
    pub fn evidence(&self) -> Result<serde_json::Value> {
        serde_json::from_str(&self.evidence_json).map_err(|e| Error::corrupt("ledger entry evidence", format!("entry {}: {e}", self.seq)))
    }
}

/// Why the chain does not verify, at the first entry where it breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenEntry {
    pub seq: i64,
    pub id: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    pub entries: i64,
    pub head_hash: String,
    pub first_bad: Option<BrokenEntry>,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.first_bad.is_none()
    }
}

/// A person, as one organisation knows them, whichever way they consented.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PrincipalRow {
    pub id: String,
    pub org_id: String,
    /// The id the consent-link dialect shows (`DP…`).
    pub dp_id: String,
    pub created_at: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A golden vector: this entry has had this hash since the first ledger was written.
    #[test]
    fn hash_format_is_pinned() {
        let entry = LedgerEntry {
            seq: 1,
            id: "0b6f0b9e-5c1c-4a53-9d5e-6a4a1f0c2d11".into(),
            org_id: "org-1".into(),
            principal_id: "principal-1".into(),
            subject_kind: "collection_point".into(),
            subject_id: "cp-1".into(),
            action: "granted".into(),
            purposes_json: r#"[{"purpose_id":"p1","granted":true}]"#.into(),
            collected_via: "consent_link".into(),
            notice_version: Some(2),
            notice_hash: Some("ab".repeat(32)),
            evidence_json: r#"{"ip":"203.0.113.9"}"#.into(),
            actor: "principal".into(),
            occurred_at: 1_763_900_000_000,
            prev_hash: GENESIS_HASH.into(),
            hash: String::new(),
        };
        assert_eq!(entry.compute_hash(), "d73dfbf7b7c2bfe37c8d9fbb635825f0d480b0d56c0e2a20a62eb57d4498e0fa");
        let mut none = entry.clone();
        none.notice_version = None;
        none.notice_hash = None;
        assert_ne!(none.compute_hash(), entry.compute_hash(), "absent values are hashed as null");
    }

    #[test]
    fn corrupt_values_are_errors() {
        let entry = LedgerEntry {
            seq: 7,
            id: "e".into(),
            org_id: "o".into(),
            principal_id: "p".into(),
            subject_kind: "collection_point".into(),
            subject_id: "c".into(),
            action: "granted".into(),
            purposes_json: "not json".into(),
            collected_via: "api".into(),
            notice_version: None,
            notice_hash: None,
            evidence_json: "{".into(),
            actor: "principal".into(),
            occurred_at: 0,
            prev_hash: GENESIS_HASH.into(),
            hash: String::new(),
        };
        assert!(matches!(entry.purposes(), Err(Error::Corrupt { .. })));
        assert!(matches!(entry.evidence(), Err(Error::Corrupt { .. })));
    }
}
