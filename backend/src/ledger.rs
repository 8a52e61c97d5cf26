//! The consent ledger: one append-only, hash-chained table of consent events for the whole
//! product. Every dialect and surface writes consent changes through `record_decision`, which
//! appends the event and updates the current-state projection in one transaction.

use crate::crypto::sha256_hex;
use crate::store::{new_id, Page, Paged, Store};
use crate::{now_ms, Error, Result};
use serde::{Deserialize, Serialize};
use sqlx::{Any, Transaction};

pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What kind of thing a consent is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectKind {
    CollectionPoint,
}

impl SubjectKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::CollectionPoint => "collection_point",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Every purpose in the event was granted.
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
/// to the same principal, whichever surface it came through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identifier {
    Phone(String),
    Email(String),
    ClientId(String),
}

impl Identifier {
    fn kind(&self) -> &'static str {
        match self {
            Identifier::Phone(_) => "phone",
            Identifier::Email(_) => "email",
            Identifier::ClientId(_) => "client_id",
        }
    }
    fn value(&self) -> &str {
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
    /// Who made the change: `principal`, `api_key:<id>`, `user:<id>`.
    pub actor: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventRow {
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

const PRINCIPAL_BY_IDENTIFIER: &str = "SELECT p.id, p.org_id, p.dp_id, p.created_at FROM principal_identifiers i
    JOIN principals p ON p.id = i.principal_id
    WHERE i.org_id = $1 AND i.kind = $2 AND i.value = $3";

pub(crate) const EVENT_COLUMNS: &str = "seq, id, org_id, principal_id, subject_kind, subject_id, action, purposes_json, collected_via,
    notice_version, notice_hash, evidence_json, actor, occurred_at, prev_hash, hash";

/// The exact bytes an event's hash covers: every stored column but `hash`, in a fixed order,
/// chained to the previous entry's hash.
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

impl EventRow {
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

    pub fn purposes(&self) -> Vec<PurposeDecision> {
        serde_json::from_str(&self.purposes_json).unwrap_or_default()
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

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PrincipalRow {
    pub id: String,
    pub org_id: String,
    pub dp_id: String,
    pub created_at: i64,
}

impl Store {
    /// Appends one event and updates the current state, atomically. Returns the event.
    pub async fn record_decision(&self, decision: &Decision) -> Result<EventRow> {
        let mut tx = self.pool().begin().await?;
        let event = append_decision(&mut tx, decision).await?;
        tx.commit().await?;
        Ok(event)
    }

    /// Current per-purpose state of one principal for one subject: (purpose id, granted).
    pub async fn current_consents(&self, org_id: &str, principal_id: &str, subject_id: &str) -> Result<Vec<(String, bool)>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT purpose_id, granted FROM purpose_consents
              WHERE org_id = $1 AND principal_id = $2 AND subject_id = $3 ORDER BY purpose_id",
        )
        .bind(org_id)
        .bind(principal_id)
        .bind(subject_id)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(|(p, g)| (p, g != 0)).collect())
    }

    pub async fn principal_by_identifier(&self, org_id: &str, identifier: &Identifier) -> Result<Option<PrincipalRow>> {
        Ok(sqlx::query_as::<_, PrincipalRow>(PRINCIPAL_BY_IDENTIFIER)
            .bind(org_id)
            .bind(identifier.kind())
            .bind(identifier.value())
            .fetch_optional(self.pool())
            .await?)
    }

    /// One organisation's events, newest first.
    pub async fn list_events(&self, org_id: &str, principal_id: Option<&str>, page: Page) -> Result<Paged<EventRow>> {
        let items = sqlx::query_as::<_, EventRow>(&format!(
            "SELECT {EVENT_COLUMNS} FROM consent_events WHERE org_id = $1 AND ($2 IS NULL OR principal_id = $2)
              ORDER BY seq DESC LIMIT $3 OFFSET $4"
        ))
        .bind(org_id)
        .bind(principal_id)
        .bind(page.limit)
        .bind(page.offset)
        .fetch_all(self.pool())
        .await?;
        let total = sqlx::query_scalar("SELECT COUNT(*) FROM consent_events WHERE org_id = $1 AND ($2 IS NULL OR principal_id = $2)")
            .bind(org_id)
            .bind(principal_id)
            .fetch_one(self.pool())
            .await?;
        Ok(Paged { items, total })
    }

    /// Walks the whole chain (all organisations: it is one chain) and reports the first entry
    /// that was edited, removed or inserted out of order. Appends may go on meanwhile: the walk
    /// stops at the head it read first, and every entry up to that head committed with it.
    pub async fn verify_ledger(&self) -> Result<VerifyReport> {
        let (head_seq, head_hash): (i64, String) =
            sqlx::query_as("SELECT seq, hash FROM ledger_head WHERE id = 1").fetch_one(self.pool()).await?;
        let mut expected_seq = 1;
        let mut prev = GENESIS_HASH.to_string();
        let mut after = 0i64;
        const BATCH: i64 = 1000;
        loop {
            let batch = sqlx::query_as::<_, EventRow>(&format!(
                "SELECT {EVENT_COLUMNS} FROM consent_events WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3"
            ))
            .bind(after)
            .bind(head_seq)
            .bind(BATCH)
            .fetch_all(self.pool())
            .await?;
            let n = batch.len() as i64;
            for row in batch {
                let bad = |reason: String| BrokenEntry { seq: row.seq, id: Some(row.id.clone()), reason };
                let broken = if row.seq != expected_seq {
                    Some(BrokenEntry {
                        seq: expected_seq,
                        id: None,
                        reason: format!("entry {expected_seq} is missing (next present entry is {})", row.seq),
                    })
                } else if row.prev_hash != prev {
                    Some(bad("its link to the previous entry does not match (an entry before it was changed or removed)".into()))
                } else if row.compute_hash() != row.hash {
                    Some(bad("its content does not match its hash (the entry was edited)".into()))
                } else {
                    None
                };
                if let Some(first_bad) = broken {
                    return Ok(VerifyReport { entries: expected_seq - 1, head_hash, first_bad: Some(first_bad) });
                }
                prev = row.hash.clone();
                after = row.seq;
                expected_seq += 1;
            }
            if n < BATCH {
                break;
            }
        }
        let entries = expected_seq - 1;
        let first_bad = if entries != head_seq {
            Some(BrokenEntry {
                seq: entries + 1,
                id: None,
                reason: format!("the chain ends at entry {entries} but {head_seq} entries were appended (newest entries removed)"),
            })
        } else if prev != head_hash {
            Some(BrokenEntry { seq: entries, id: None, reason: "the newest entry does not match the recorded chain head".into() })
        } else {
            None
        };
        Ok(VerifyReport { entries, head_hash, first_bad })
    }
}

/// Appends a decision inside the caller's transaction, so that state the decision changes
/// elsewhere commits (or not) together with its ledger entry. It must be the transaction's
/// first write: the chain head it locks is what serialises appends.
pub(crate) async fn append_decision(tx: &mut Transaction<'static, Any>, decision: &Decision) -> Result<EventRow> {
    if decision.purposes.is_empty() {
        return Err(Error::invalid("purposes", "a decision needs at least one purpose"));
    }
    if decision.identifiers.is_empty() {
        return Err(Error::invalid("principal", "a decision needs at least one identifier of the person"));
    }
    // The head row is the chain's lock: taking it first serialises appends on both
    // databases (a row lock on PostgreSQL, the write lock on SQLite).
    let (seq, prev_hash): (i64, String) =
        sqlx::query_as("UPDATE ledger_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash").fetch_one(&mut **tx).await?;
    let principal = resolve_principal(tx, &decision.org_id, &decision.identifiers).await?;

    let mut event = EventRow {
        seq,
        id: new_id(),
        org_id: decision.org_id.clone(),
        principal_id: principal.id.clone(),
        subject_kind: decision.subject_kind.as_str().to_string(),
        subject_id: decision.subject_id.clone(),
        action: decision.action.as_str().to_string(),
        purposes_json: serde_json::to_string(&decision.purposes).map_err(|e| Error::Internal(e.to_string()))?,
        collected_via: decision.collected_via.clone(),
        notice_version: decision.notice_version,
        notice_hash: decision.notice_hash.clone(),
        evidence_json: serde_json::to_string(&decision.evidence).map_err(|e| Error::Internal(e.to_string()))?,
        actor: decision.actor.clone(),
        occurred_at: now_ms(),
        prev_hash,
        hash: String::new(),
    };
    event.hash = event.compute_hash();
    sqlx::query(&format!(
        "INSERT INTO consent_events ({EVENT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
    ))
    .bind(event.seq)
    .bind(&event.id)
    .bind(&event.org_id)
    .bind(&event.principal_id)
    .bind(&event.subject_kind)
    .bind(&event.subject_id)
    .bind(&event.action)
    .bind(&event.purposes_json)
    .bind(&event.collected_via)
    .bind(event.notice_version)
    .bind(&event.notice_hash)
    .bind(&event.evidence_json)
    .bind(&event.actor)
    .bind(event.occurred_at)
    .bind(&event.prev_hash)
    .bind(&event.hash)
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE ledger_head SET hash = $1 WHERE id = 1").bind(&event.hash).execute(&mut **tx).await?;
    for p in &decision.purposes {
        sqlx::query(
            "INSERT INTO purpose_consents (org_id, principal_id, subject_kind, subject_id, purpose_id, granted, event_seq, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (principal_id, subject_kind, subject_id, purpose_id)
                 DO UPDATE SET granted = excluded.granted, event_seq = excluded.event_seq, updated_at = excluded.updated_at",
        )
        .bind(&event.org_id)
        .bind(&event.principal_id)
        .bind(&event.subject_kind)
        .bind(&event.subject_id)
        .bind(&p.purpose_id)
        .bind(p.granted as i64)
        .bind(event.seq)
        .bind(event.occurred_at)
        .execute(&mut **tx)
        .await?;
    }
    Ok(event)
}

/// Finds the person behind any of these identifiers, or creates them, and links every
/// identifier to them.
pub(crate) async fn resolve_principal(
    tx: &mut Transaction<'static, Any>,
    org_id: &str,
    identifiers: &[Identifier],
) -> Result<PrincipalRow> {
    let mut found: Option<PrincipalRow> = None;
    for ident in identifiers {
        found = sqlx::query_as::<_, PrincipalRow>(PRINCIPAL_BY_IDENTIFIER)
            .bind(org_id)
            .bind(ident.kind())
            .bind(ident.value())
            .fetch_optional(&mut **tx)
            .await?;
        if found.is_some() {
            break;
        }
    }
    let principal = match found {
        Some(p) => p,
        None => {
            let id = new_id();
            let dp_id = format!("DP{}", &crate::crypto::random_token()[..20].to_ascii_uppercase());
            let now = now_ms();
            sqlx::query("INSERT INTO principals (id, org_id, dp_id, created_at) VALUES ($1, $2, $3, $4)")
                .bind(&id)
                .bind(org_id)
                .bind(&dp_id)
                .bind(now)
                .execute(&mut **tx)
                .await?;
            PrincipalRow { id, org_id: org_id.to_string(), dp_id, created_at: now }
        }
    };
    for ident in identifiers {
        sqlx::query(
            "INSERT INTO principal_identifiers (org_id, kind, value, principal_id) VALUES ($1, $2, $3, $4)
             ON CONFLICT (org_id, kind, value) DO NOTHING",
        )
        .bind(org_id)
        .bind(ident.kind())
        .bind(ident.value())
        .bind(&principal.id)
        .execute(&mut **tx)
        .await?;
    }
    Ok(principal)
}

impl Store {
    /// How many entries the chain holds (from its head row: O(1)).
    pub async fn ledger_length(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT seq FROM ledger_head WHERE id = 1").fetch_one(self.pool()).await?)
    }
}

impl Store {
    /// One of the organisation's ledger entries.
    pub async fn event(&self, org_id: &str, id: &str) -> Result<EventRow> {
        sqlx::query_as::<_, EventRow>(&format!("SELECT {EVENT_COLUMNS} FROM consent_events WHERE id = $1 AND org_id = $2"))
            .bind(id)
            .bind(org_id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(Error::NotFound("consent event"))
    }
}
