//! The consent ledger: append-only, hash-chained entries, one per consent change, from every
//! dialect and surface. The current-state tables are projections of it, written in the same
//! transaction (see `store::ledger::append`).

use crate::crypto::sha256_hex;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The action of the entry that records a person's erasure. Its subject is the person
/// (`subject_kind` [`ERASURE_SUBJECT`], `subject_id` their principal id) and it has no
/// purposes. Entries of that person before it may have lost their personal part: the chain
/// still verifies, and says when the part went.
pub const ERASED: &str = "erased";
pub const ERASURE_SUBJECT: &str = "principal";

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

/// One row of the ledger with its personal part, as stored: the hash covers every value of the
/// row but `hash`; of the personal part it covers only `personal_digest`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LedgerEntry {
    pub org_id: String,
    /// Position in the organisation's chain, from 1.
    pub seq: i64,
    pub id: String,
    pub principal_id: String,
    pub subject_kind: String,
    pub subject_id: String,
    pub action: String,
    pub purposes_json: String,
    pub collected_via: String,
    pub notice_version: Option<i64>,
    pub notice_hash: Option<String>,
    pub personal_digest: String,
    pub actor: String,
    pub occurred_at: i64,
    pub prev_hash: String,
    pub hash: String,
    /// The personal part (`ledger_personal`), kept apart so that it can be erased: its fields
    /// are `None` once it is gone.
    #[sqlx(flatten)]
    pub personal: PersonalPart,
}

/// The evidence of one entry and the salt of its digest. Both absent once erased.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct PersonalPart {
    pub salt: Option<String>,
    pub evidence_json: Option<String>,
}

impl PersonalPart {
    pub fn new(evidence_json: String) -> Self {
        Self { salt: Some(crate::crypto::random_token()), evidence_json: Some(evidence_json) }
    }

    /// What the chain commits to: SHA-256 over a domain tag, the salt and the evidence. The
    /// salt is 256 random bits, so the digest cannot be confirmed by guessing an address.
    pub fn digest(&self) -> Option<String> {
        let (salt, evidence) = (self.salt.as_deref()?, self.evidence_json.as_deref()?);
        Some(personal_digest(salt, evidence))
    }
}

pub fn personal_digest(salt: &str, evidence_json: &str) -> String {
    sha256_hex(format!("assent-personal\n{salt}\n{evidence_json}").as_bytes())
}

/// The exact bytes an entry's hash covers: every stored value but `hash`, as JSON with these
/// keys in this order, chained to the previous entry of the same organisation. Changing anything
/// here would invalidate every ledger ever written; `hash_format_is_pinned` guards it.
#[derive(Serialize)]
struct HashedFields<'a> {
    chain: &'static str,
    org_id: &'a str,
    seq: i64,
    id: &'a str,
    principal_id: &'a str,
    subject_kind: &'a str,
    subject_id: &'a str,
    action: &'a str,
    purposes_json: &'a str,
    collected_via: &'a str,
    notice_version: Option<i64>,
    notice_hash: Option<&'a str>,
    personal_digest: &'a str,
    actor: &'a str,
    occurred_at: i64,
    prev_hash: &'a str,
}

impl LedgerEntry {
    pub fn compute_hash(&self) -> String {
        let fields = HashedFields {
            chain: "assent-org-chain-v2",
            org_id: &self.org_id,
            seq: self.seq,
            id: &self.id,
            principal_id: &self.principal_id,
            subject_kind: &self.subject_kind,
            subject_id: &self.subject_id,
            action: &self.action,
            purposes_json: &self.purposes_json,
            collected_via: &self.collected_via,
            notice_version: self.notice_version,
            notice_hash: self.notice_hash.as_deref(),
            personal_digest: &self.personal_digest,
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

    /// The evidence, or `None` once the personal part was erased. A stored value that does not
    /// parse is an error, never `null`.
    pub fn evidence(&self) -> Result<Option<serde_json::Value>> {
        self.personal
            .evidence_json
            .as_deref()
            .map(|json| serde_json::from_str(json).map_err(|e| Error::corrupt("ledger entry evidence", format!("entry {}: {e}", self.seq))))
            .transpose()
    }
}

/// The single chain that held every organisation's entries before migration 0007. Kept only to
/// verify that chain before its entries are re-hashed into their organisations' chains.
pub mod v1 {
    use super::*;

    /// An entry as the single chain hashed it.
    pub struct Entry<'a> {
        pub seq: i64,
        pub id: &'a str,
        pub org_id: &'a str,
        pub principal_id: &'a str,
        pub subject_kind: &'a str,
        pub subject_id: &'a str,
        pub action: &'a str,
        pub purposes_json: &'a str,
        pub collected_via: &'a str,
        pub notice_version: Option<i64>,
        pub notice_hash: Option<&'a str>,
        pub evidence_json: &'a str,
        pub actor: &'a str,
        pub occurred_at: i64,
        pub prev_hash: &'a str,
    }

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

    pub fn hash(e: &Entry) -> String {
        let fields = HashedFields {
            seq: e.seq,
            id: e.id,
            org_id: e.org_id,
            principal_id: e.principal_id,
            subject_kind: e.subject_kind,
            subject_id: e.subject_id,
            action: e.action,
            purposes_json: e.purposes_json,
            collected_via: e.collected_via,
            notice_version: e.notice_version,
            notice_hash: e.notice_hash,
            evidence_json: e.evidence_json,
            actor: e.actor,
            occurred_at: e.occurred_at,
            prev_hash: e.prev_hash,
        };
        sha256_hex(&serde_json::to_vec(&fields).expect("plain fields serialise"))
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

    fn entry() -> LedgerEntry {
        let personal = PersonalPart { salt: Some("5a".repeat(32)), evidence_json: Some(r#"{"ip":"203.0.113.9"}"#.into()) };
        LedgerEntry {
            org_id: "org-1".into(),
            seq: 1,
            id: "0b6f0b9e-5c1c-4a53-9d5e-6a4a1f0c2d11".into(),
            principal_id: "principal-1".into(),
            subject_kind: "collection_point".into(),
            subject_id: "cp-1".into(),
            action: "granted".into(),
            purposes_json: r#"[{"purpose_id":"p1","granted":true}]"#.into(),
            collected_via: "consent_link".into(),
            notice_version: Some(2),
            notice_hash: Some("ab".repeat(32)),
            personal_digest: personal.digest().unwrap(),
            actor: "principal".into(),
            occurred_at: 1_763_900_000_000,
            prev_hash: GENESIS_HASH.into(),
            hash: String::new(),
            personal,
        }
    }

    /// Golden vectors: an entry of an organisation's chain, and its personal digest, have had
    /// these hashes since per-organisation chains were introduced.
    #[test]
    fn hash_format_is_pinned() {
        let entry = entry();
        assert_eq!(entry.personal_digest, "3d5f00a7c2dafc1e5527341915c17f27c817b5b902a7ec2625ff4b5fe93298a9");
        assert_eq!(entry.compute_hash(), "7c27058b1e98a77b51c526baa1fb9d26dcf7c276f5b6d0d6571edcece1369091");
        let mut none = entry.clone();
        none.notice_version = None;
        none.notice_hash = None;
        assert_ne!(none.compute_hash(), entry.compute_hash(), "absent values are hashed as null");
        let mut other_org = entry.clone();
        other_org.org_id = "org-2".into();
        assert_ne!(other_org.compute_hash(), entry.compute_hash(), "an entry belongs to one organisation's chain");
    }

    /// The personal part is outside the hash: erasing it changes no hash, editing it changes
    /// its digest.
    #[test]
    fn the_personal_part_is_committed_by_digest_only() {
        let entry = entry();
        let mut erased = entry.clone();
        erased.personal = PersonalPart::default();
        assert_eq!(erased.compute_hash(), entry.compute_hash());
        assert_eq!(erased.personal.digest(), None);
        let edited = PersonalPart { evidence_json: Some(r#"{"ip":"10.0.0.1"}"#.into()), ..entry.personal.clone() };
        assert_ne!(edited.digest(), entry.personal.digest());
        let resalted = PersonalPart::new(entry.personal.evidence_json.clone().unwrap());
        assert_ne!(resalted.digest(), entry.personal.digest(), "a fresh salt hides equal evidence");
    }

    /// The single chain's format, pinned since the first ledger was written: migration 0007
    /// verifies old ledgers with it.
    #[test]
    fn v1_hash_format_is_pinned() {
        let e = v1::Entry {
            seq: 1,
            id: "0b6f0b9e-5c1c-4a53-9d5e-6a4a1f0c2d11",
            org_id: "org-1",
            principal_id: "principal-1",
            subject_kind: "collection_point",
            subject_id: "cp-1",
            action: "granted",
            purposes_json: r#"[{"purpose_id":"p1","granted":true}]"#,
            collected_via: "consent_link",
            notice_version: Some(2),
            notice_hash: Some(&"ab".repeat(32)),
            evidence_json: r#"{"ip":"203.0.113.9"}"#,
            actor: "principal",
            occurred_at: 1_763_900_000_000,
            prev_hash: GENESIS_HASH,
        };
        assert_eq!(v1::hash(&e), "d73dfbf7b7c2bfe37c8d9fbb635825f0d480b0d56c0e2a20a62eb57d4498e0fa");
    }

    #[test]
    fn corrupt_values_are_errors() {
        let mut entry = entry();
        entry.purposes_json = "not json".into();
        entry.personal.evidence_json = Some("{".into());
        assert!(matches!(entry.purposes(), Err(Error::Corrupt { .. })));
        assert!(matches!(entry.evidence(), Err(Error::Corrupt { .. })));
        entry.personal = PersonalPart::default();
        assert_eq!(entry.evidence().unwrap(), None, "erased is not corrupt");
    }
}
