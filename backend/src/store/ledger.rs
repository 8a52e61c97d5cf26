//! The ledger's tables: data principals and their identifiers, the hash-chained entries with
//! each organisation's chain head, the entries' personal parts, and the current per-purpose
//! consent that the entries project to.

use super::{new_id, Page, Paged, Tx};
use crate::ledger::{
    v1, BrokenEntry, Decision, Identifier, LedgerEntry, PersonalPart, PrincipalRow, VerifyReport, ERASED, ERASURE_SUBJECT, GENESIS_HASH,
};
use crate::{Error, Result};
use sqlx::AnyConnection;
use std::collections::HashMap;

const PRINCIPAL_BY_IDENTIFIER: &str = "SELECT p.id, p.org_id, p.dp_id, p.created_at FROM principal_identifiers i
    JOIN principals p ON p.id = i.principal_id
    WHERE i.org_id = $1 AND i.kind = $2 AND i.value = $3";

const ENTRY_COLUMNS: &str = "org_id, seq, id, principal_id, subject_kind, subject_id, action, purposes_json, collected_via,
    notice_version, notice_hash, personal_digest, actor, occurred_at, prev_hash, hash";

/// A [`LedgerEntry`]'s columns, read from [`ENTRIES`].
pub(crate) const ENTRY_FIELDS: &str = "e.org_id, e.seq, e.id, e.principal_id, e.subject_kind, e.subject_id, e.action, e.purposes_json,
    e.collected_via, e.notice_version, e.notice_hash, e.personal_digest, e.actor, e.occurred_at, e.prev_hash, e.hash,
    p.salt, p.evidence_json";

/// Entries with their personal part (absent once erased).
pub(crate) const ENTRIES: &str = "ledger_entries e LEFT JOIN ledger_personal p ON p.entry_id = e.id";

/// Appends one entry for `decision` to its organisation's chain and updates the current state,
/// inside the caller's transaction, so that whatever else the decision changes commits (or
/// not) with its entry. The organisation's chain head row is its chain's lock: taking it first
/// serialises appends to that chain (a row lock on PostgreSQL, the write lock on SQLite), and
/// appends to other organisations' chains never wait for it.
pub async fn append(tx: &mut Tx, decision: &Decision) -> Result<LedgerEntry> {
    decision.validate()?;
    let now = tx.now();
    let (seq, prev_hash) = take_head(tx, &decision.org_id).await?;
    let principal = resolve_principal(tx, &decision.org_id, &decision.identifiers, now).await?;
    let personal = PersonalPart::new(serde_json::to_string(&decision.evidence).map_err(|e| Error::Internal(e.to_string()))?);
    let mut entry = LedgerEntry {
        org_id: decision.org_id.clone(),
        seq,
        id: new_id(),
        principal_id: principal.id.clone(),
        subject_kind: decision.subject_kind.as_str().to_string(),
        subject_id: decision.subject_id.clone(),
        action: decision.action.as_str().to_string(),
        purposes_json: serde_json::to_string(&decision.purposes).map_err(|e| Error::Internal(e.to_string()))?,
        collected_via: decision.collected_via.clone(),
        notice_version: decision.notice_version,
        notice_hash: decision.notice_hash.clone(),
        personal_digest: personal.digest().expect("a new personal part is whole"),
        actor: decision.actor.clone(),
        occurred_at: now,
        prev_hash,
        hash: String::new(),
        personal,
    };
    write_entry(tx, &mut entry).await?;
    for p in &decision.purposes {
        sqlx::query(
            "INSERT INTO purpose_consents (org_id, principal_id, subject_kind, subject_id, purpose_id, granted, entry_seq, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (principal_id, subject_kind, subject_id, purpose_id)
                 DO UPDATE SET granted = excluded.granted, entry_seq = excluded.entry_seq, updated_at = excluded.updated_at",
        )
        .bind(&entry.org_id)
        .bind(&entry.principal_id)
        .bind(&entry.subject_kind)
        .bind(&entry.subject_id)
        .bind(&p.purpose_id)
        .bind(p.granted as i64)
        .bind(entry.seq)
        .bind(entry.occurred_at)
        .execute(&mut **tx)
        .await?;
    }
    Ok(entry)
}

/// The next position in the organisation's chain and the hash it links to. Taking it locks the
/// chain's head row until the transaction ends.
async fn take_head(tx: &mut Tx, org_id: &str) -> Result<(i64, String)> {
    Ok(sqlx::query_as(
        "INSERT INTO ledger_chains (org_id, seq, hash) VALUES ($1, 1, $2)
         ON CONFLICT (org_id) DO UPDATE SET seq = ledger_chains.seq + 1
         RETURNING seq, hash",
    )
    .bind(org_id)
    .bind(GENESIS_HASH)
    .fetch_one(&mut **tx)
    .await?)
}

/// Hashes `entry` (whose position came from [`take_head`]), writes it and its personal part,
/// and moves the chain's head to it.
async fn write_entry(tx: &mut Tx, entry: &mut LedgerEntry) -> Result<()> {
    entry.hash = entry.compute_hash();
    insert_entry(tx, entry).await?;
    sqlx::query("UPDATE ledger_chains SET hash = $1 WHERE org_id = $2").bind(&entry.hash).bind(&entry.org_id).execute(&mut **tx).await?;
    // Counted once written: a failed append counts nothing (one rolled back later still does).
    metrics::counter!("assent_ledger_appends_total").increment(1);
    Ok(())
}

/// Erases a person's personal part from the ledger (the evidence of every entry about them,
/// and the identifiers that found them: phone numbers, emails, ClientIds), then appends the
/// entry that records the erasure, so that the chain says what went and when, and still
/// verifies. Returns that entry; its evidence holds only counts.
pub async fn erase_principal(tx: &mut Tx, org_id: &str, principal_id: &str, actor: &str) -> Result<LedgerEntry> {
    let (seq, prev_hash) = take_head(tx, org_id).await?;
    let evidence_removed = sqlx::query("DELETE FROM ledger_personal WHERE org_id = $1 AND principal_id = $2")
        .bind(org_id)
        .bind(principal_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    let identifiers_removed = sqlx::query("DELETE FROM principal_identifiers WHERE org_id = $1 AND principal_id = $2")
        .bind(org_id)
        .bind(principal_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    let personal = PersonalPart::new(
        serde_json::json!({"evidence_removed": evidence_removed, "identifiers_removed": identifiers_removed}).to_string(),
    );
    let mut entry = LedgerEntry {
        org_id: org_id.to_string(),
        seq,
        id: new_id(),
        principal_id: principal_id.to_string(),
        subject_kind: ERASURE_SUBJECT.to_string(),
        subject_id: principal_id.to_string(),
        action: ERASED.to_string(),
        purposes_json: "[]".into(),
        collected_via: "erasure".into(),
        notice_version: None,
        notice_hash: None,
        personal_digest: personal.digest().expect("a new personal part is whole"),
        actor: actor.to_string(),
        occurred_at: tx.now(),
        prev_hash,
        hash: String::new(),
        personal,
    };
    write_entry(tx, &mut entry).await?;
    Ok(entry)
}

/// Up to `limit` of the organisation's people whose personal data is due for erasure: known
/// before `cutoff`, without a consent change since, and with something personal left
/// (identifiers, or evidence of an entry that is not an erasure).
pub async fn due_for_erasure(c: &mut AnyConnection, org_id: &str, cutoff: i64, limit: i64) -> Result<Vec<PrincipalRow>> {
    Ok(sqlx::query_as::<_, PrincipalRow>(
        "SELECT p.id, p.org_id, p.dp_id, p.created_at FROM principals p
          WHERE p.org_id = $1 AND p.created_at < $2
            AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.principal_id = p.id AND e.occurred_at >= $2)
            AND (EXISTS (SELECT 1 FROM principal_identifiers i WHERE i.principal_id = p.id)
                 OR EXISTS (SELECT 1 FROM ledger_personal lp JOIN ledger_entries e ON e.id = lp.entry_id
                             WHERE lp.principal_id = p.id AND e.action <> $3))
          ORDER BY p.created_at LIMIT $4",
    )
    .bind(org_id)
    .bind(cutoff)
    .bind(ERASED)
    .bind(limit)
    .fetch_all(&mut *c)
    .await?)
}

/// One of the organisation's principals.
pub async fn principal(c: &mut AnyConnection, org_id: &str, id: &str) -> Result<PrincipalRow> {
    sqlx::query_as::<_, PrincipalRow>("SELECT id, org_id, dp_id, created_at FROM principals WHERE org_id = $1 AND id = $2")
        .bind(org_id)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?
        .ok_or(Error::NotFound("data principal"))
}

/// One of the organisation's principals by the id the dialects show (`DP…`).
pub async fn principal_by_dp_id(c: &mut AnyConnection, org_id: &str, dp_id: &str) -> Result<PrincipalRow> {
    sqlx::query_as::<_, PrincipalRow>("SELECT id, org_id, dp_id, created_at FROM principals WHERE org_id = $1 AND dp_id = $2")
        .bind(org_id)
        .bind(dp_id)
        .fetch_optional(&mut *c)
        .await?
        .ok_or(Error::NotFound("data principal"))
}

/// How the organisation knows a person: (kind, value), e.g. ("phone", "+91…").
pub async fn identifiers_of(c: &mut AnyConnection, org_id: &str, principal_id: &str) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as("SELECT kind, value FROM principal_identifiers WHERE org_id = $1 AND principal_id = $2 ORDER BY kind, value")
        .bind(org_id)
        .bind(principal_id)
        .fetch_all(&mut *c)
        .await?)
}

/// An entry with the `DP…` id of its person, for exports.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EntryWithPerson {
    #[sqlx(flatten)]
    pub entry: LedgerEntry,
    pub dp_id: String,
}

/// Up to `limit` of the organisation's entries that occurred in [`from`, `to`), after position
/// `after`, oldest first: one page of an export, read by position so that each page is an
/// index range however far in.
pub async fn entries_between(
    c: &mut AnyConnection,
    org_id: &str,
    from: i64,
    to: i64,
    after: i64,
    limit: i64,
) -> Result<Vec<EntryWithPerson>> {
    Ok(sqlx::query_as::<_, EntryWithPerson>(&format!(
        "SELECT {ENTRY_FIELDS}, pr.dp_id FROM {ENTRIES} JOIN principals pr ON pr.id = e.principal_id
          WHERE e.org_id = $1 AND e.seq > $2 AND e.occurred_at >= $3 AND e.occurred_at < $4
          ORDER BY e.seq LIMIT $5"
    ))
    .bind(org_id)
    .bind(after)
    .bind(from)
    .bind(to)
    .bind(limit)
    .fetch_all(&mut *c)
    .await?)
}

/// Every entry about one person, oldest first.
pub async fn entries_of(c: &mut AnyConnection, org_id: &str, principal_id: &str) -> Result<Vec<LedgerEntry>> {
    Ok(sqlx::query_as::<_, LedgerEntry>(&format!(
        "SELECT {ENTRY_FIELDS} FROM {ENTRIES} WHERE e.org_id = $1 AND e.principal_id = $2 ORDER BY e.seq"
    ))
    .bind(org_id)
    .bind(principal_id)
    .fetch_all(&mut *c)
    .await?)
}

async fn insert_entry(c: &mut AnyConnection, entry: &LedgerEntry) -> Result<()> {
    sqlx::query(&format!(
        "INSERT INTO ledger_entries ({ENTRY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
    ))
    .bind(&entry.org_id)
    .bind(entry.seq)
    .bind(&entry.id)
    .bind(&entry.principal_id)
    .bind(&entry.subject_kind)
    .bind(&entry.subject_id)
    .bind(&entry.action)
    .bind(&entry.purposes_json)
    .bind(&entry.collected_via)
    .bind(entry.notice_version)
    .bind(&entry.notice_hash)
    .bind(&entry.personal_digest)
    .bind(&entry.actor)
    .bind(entry.occurred_at)
    .bind(&entry.prev_hash)
    .bind(&entry.hash)
    .execute(&mut *c)
    .await?;
    sqlx::query("INSERT INTO ledger_personal (entry_id, org_id, principal_id, salt, evidence_json) VALUES ($1, $2, $3, $4, $5)")
        .bind(&entry.id)
        .bind(&entry.org_id)
        .bind(&entry.principal_id)
        .bind(&entry.personal.salt)
        .bind(&entry.personal.evidence_json)
        .execute(&mut *c)
        .await?;
    Ok(())
}

/// Finds the person behind any of these identifiers, or creates them, and links every
/// identifier to them.
pub async fn resolve_principal(c: &mut AnyConnection, org_id: &str, identifiers: &[Identifier], now: i64) -> Result<PrincipalRow> {
    let mut found: Option<PrincipalRow> = None;
    for ident in identifiers {
        found = principal_by_identifier(c, org_id, ident).await?;
        if found.is_some() {
            break;
        }
    }
    let principal = match found {
        Some(p) => p,
        None => {
            let p = PrincipalRow {
                id: new_id(),
                org_id: org_id.to_string(),
                dp_id: format!("DP{}", &crate::crypto::random_token()[..20].to_ascii_uppercase()),
                created_at: now,
            };
            sqlx::query("INSERT INTO principals (id, org_id, dp_id, created_at) VALUES ($1, $2, $3, $4)")
                .bind(&p.id)
                .bind(&p.org_id)
                .bind(&p.dp_id)
                .bind(p.created_at)
                .execute(&mut *c)
                .await?;
            p
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
        .execute(&mut *c)
        .await?;
    }
    Ok(principal)
}

pub async fn principal_by_identifier(c: &mut AnyConnection, org_id: &str, identifier: &Identifier) -> Result<Option<PrincipalRow>> {
    Ok(sqlx::query_as::<_, PrincipalRow>(PRINCIPAL_BY_IDENTIFIER)
        .bind(org_id)
        .bind(identifier.kind())
        .bind(identifier.value())
        .fetch_optional(&mut *c)
        .await?)
}

/// The data principal id (`DP…`) of one of the organisation's principals.
pub async fn dp_id(c: &mut AnyConnection, org_id: &str, principal_id: &str) -> Result<String> {
    sqlx::query_scalar("SELECT dp_id FROM principals WHERE id = $1 AND org_id = $2")
        .bind(principal_id)
        .bind(org_id)
        .fetch_optional(&mut *c)
        .await?
        .ok_or(Error::NotFound("data principal"))
}

/// Current per-purpose state of one principal for one subject: (purpose id, granted).
pub async fn current_consents(c: &mut AnyConnection, org_id: &str, principal_id: &str, subject_id: &str) -> Result<Vec<(String, bool)>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT purpose_id, granted FROM purpose_consents
          WHERE org_id = $1 AND principal_id = $2 AND subject_id = $3 ORDER BY purpose_id",
    )
    .bind(org_id)
    .bind(principal_id)
    .bind(subject_id)
    .fetch_all(&mut *c)
    .await?;
    Ok(rows.into_iter().map(|(p, g)| (p, g != 0)).collect())
}

/// One organisation's entries, newest first.
pub async fn list_entries(c: &mut AnyConnection, org_id: &str, principal_id: Option<&str>, page: Page) -> Result<Paged<LedgerEntry>> {
    let items = sqlx::query_as::<_, LedgerEntry>(&format!(
        "SELECT {ENTRY_FIELDS} FROM {ENTRIES} WHERE e.org_id = $1 AND ($2 IS NULL OR e.principal_id = $2)
          ORDER BY e.seq DESC LIMIT $3 OFFSET $4"
    ))
    .bind(org_id)
    .bind(principal_id)
    .bind(page.limit)
    .bind(page.offset)
    .fetch_all(&mut *c)
    .await?;
    let total = sqlx::query_scalar("SELECT COUNT(*) FROM ledger_entries WHERE org_id = $1 AND ($2 IS NULL OR principal_id = $2)")
        .bind(org_id)
        .bind(principal_id)
        .fetch_one(&mut *c)
        .await?;
    Ok(Paged { items, total })
}

/// How many entries are about one subject (a collection point that has them is evidence).
pub async fn count_about_subject(c: &mut AnyConnection, org_id: &str, subject_kind: &str, subject_id: &str) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM ledger_entries WHERE org_id = $1 AND subject_kind = $2 AND subject_id = $3")
        .bind(org_id)
        .bind(subject_kind)
        .bind(subject_id)
        .fetch_one(&mut *c)
        .await?)
}

/// One of the organisation's entries, by id.
pub async fn entry_by_id(c: &mut AnyConnection, org_id: &str, id: &str) -> Result<Option<LedgerEntry>> {
    Ok(sqlx::query_as::<_, LedgerEntry>(&format!("SELECT {ENTRY_FIELDS} FROM {ENTRIES} WHERE e.org_id = $1 AND e.id = $2"))
        .bind(org_id)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

/// The entry at `seq` of the organisation's chain.
pub async fn entry_at(c: &mut AnyConnection, org_id: &str, seq: i64) -> Result<Option<LedgerEntry>> {
    Ok(sqlx::query_as::<_, LedgerEntry>(&format!("SELECT {ENTRY_FIELDS} FROM {ENTRIES} WHERE e.org_id = $1 AND e.seq = $2"))
        .bind(org_id)
        .bind(seq)
        .fetch_optional(&mut *c)
        .await?)
}

/// How many entries all chains hold (from their head rows: one row per organisation).
pub async fn length(c: &mut AnyConnection) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT CAST(COALESCE(SUM(seq), 0) AS BIGINT) FROM ledger_chains").fetch_one(&mut *c).await?)
}

/// The head of the organisation's chain: (entries, newest hash). An organisation without
/// entries has an empty chain at the genesis hash.
pub async fn head(c: &mut AnyConnection, org_id: &str) -> Result<(i64, String)> {
    Ok(sqlx::query_as("SELECT seq, hash FROM ledger_chains WHERE org_id = $1")
        .bind(org_id)
        .fetch_optional(&mut *c)
        .await?
        .unwrap_or_else(|| (0, GENESIS_HASH.to_string())))
}

/// Walks one organisation's chain, and only its rows, and reports the first entry that was
/// edited, removed or inserted out of order. Appends may go on meanwhile: the walk stops at the
/// head it read first, and every entry up to that head committed with it.
pub async fn verify(c: &mut AnyConnection, org_id: &str) -> Result<VerifyReport> {
    verify_after(c, org_id, 0, GENESIS_HASH).await
}

/// The same walk from the entry after position `after`, which is taken to have the hash
/// `after_hash` (a checkpoint's): only what was appended since is read.
pub async fn verify_after(c: &mut AnyConnection, org_id: &str, after: i64, after_hash: &str) -> Result<VerifyReport> {
    let (mut head_seq, mut head_hash) = head(c, org_id).await?;
    let mut expected_seq = after + 1;
    let mut prev = after_hash.to_string();
    // Entries whose personal part is gone, by person, until an erasure of that person accounts
    // for them; whatever is left at the end was removed outside an erasure.
    let mut unaccounted: HashMap<String, BrokenEntry> = HashMap::new();
    let earliest = |found: BrokenEntry, unaccounted: &HashMap<String, BrokenEntry>| {
        unaccounted.values().chain(std::iter::once(&found)).min_by_key(|b| b.seq).cloned()
    };
    const BATCH: i64 = 1000;
    loop {
        let batch = sqlx::query_as::<_, LedgerEntry>(&format!(
            "SELECT {ENTRY_FIELDS} FROM {ENTRIES} WHERE e.org_id = $1 AND e.seq >= $2 AND e.seq <= $3 ORDER BY e.seq LIMIT $4"
        ))
        .bind(org_id)
        .bind(expected_seq)
        .bind(head_seq)
        .bind(BATCH)
        .fetch_all(&mut *c)
        .await?;
        let n = batch.len() as i64;
        for row in batch {
            match check_link(&row, expected_seq, &prev) {
                Link::Sound => {}
                Link::PersonalPartGone => {
                    unaccounted.entry(row.principal_id.clone()).or_insert_with(|| BrokenEntry {
                        seq: row.seq,
                        id: Some(row.id.clone()),
                        reason: "its evidence is missing, and no erasure of this person after it says why".into(),
                    });
                }
                Link::Broken(found) => {
                    let first_bad = earliest(found, &unaccounted);
                    return Ok(VerifyReport { entries: expected_seq - 1, head_hash, first_bad });
                }
            }
            if row.action == ERASED && row.subject_kind == ERASURE_SUBJECT {
                unaccounted.remove(&row.principal_id);
            }
            prev = row.hash.clone();
            expected_seq += 1;
        }
        if n == BATCH {
            continue;
        }
        // An erasure that committed during the walk removed personal parts of entries before
        // the head read at the start and recorded itself after it: walk on to the new head
        // before calling those entries unaccounted.
        if !unaccounted.is_empty() && expected_seq - 1 == head_seq {
            let (now_seq, now_hash) = head(c, org_id).await?;
            if now_seq > head_seq {
                (head_seq, head_hash) = (now_seq, now_hash);
                continue;
            }
        }
        break;
    }
    let entries = expected_seq - 1;
    // Entries past the head: the head row was moved back (or removed) to hide them.
    let (now_seq, _) = head(c, org_id).await?;
    let beyond: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ledger_entries WHERE org_id = $1 AND seq > $2")
        .bind(org_id)
        .bind(now_seq.max(head_seq))
        .fetch_one(&mut *c)
        .await?;
    let end = if beyond > 0 {
        Some(BrokenEntry {
            seq: head_seq + 1,
            id: None,
            reason: format!("{beyond} entries lie beyond the recorded chain head (the head was moved back or removed)"),
        })
    } else if entries != head_seq {
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
    let first_bad = match end {
        Some(found) => earliest(found, &unaccounted),
        None => unaccounted.into_values().min_by_key(|b| b.seq),
    };
    Ok(VerifyReport { entries, head_hash, first_bad })
}

/// What one entry's link in the chain is.
enum Link {
    Sound,
    /// Sound, but its personal part is gone: fine if an erasure accounts for it.
    PersonalPartGone,
    Broken(BrokenEntry),
}

/// What `row` is as the entry at `expected_seq` after an entry hashed `prev`.
fn check_link(row: &LedgerEntry, expected_seq: i64, prev: &str) -> Link {
    let bad = |reason: &str| Link::Broken(BrokenEntry { seq: row.seq, id: Some(row.id.clone()), reason: reason.to_string() });
    if row.seq != expected_seq {
        return Link::Broken(BrokenEntry {
            seq: expected_seq,
            id: None,
            reason: format!("entry {expected_seq} is missing (next present entry is {})", row.seq),
        });
    }
    if row.prev_hash != prev {
        return bad("its link to the previous entry does not match (an entry before it was changed or removed)");
    }
    if row.compute_hash() != row.hash {
        return bad("its content does not match its hash (the entry was edited)");
    }
    match row.personal.digest() {
        Some(digest) if digest != row.personal_digest => {
            bad("its evidence does not match what the chain committed to (the evidence was edited)")
        }
        Some(_) => Link::Sound,
        None => Link::PersonalPartGone,
    }
}

/// An entry of the single chain, in the tables as they were before migration 0007.
#[derive(sqlx::FromRow)]
struct V1Row {
    seq: i64,
    id: String,
    org_id: String,
    principal_id: String,
    subject_kind: String,
    subject_id: String,
    action: String,
    purposes_json: String,
    collected_via: String,
    notice_version: Option<i64>,
    notice_hash: Option<String>,
    evidence_json: String,
    actor: String,
    occurred_at: i64,
    prev_hash: String,
    hash: String,
}

fn v1_broken(seq: i64, reason: &str, migrated: bool) -> Error {
    let state = if migrated {
        "the tables were migrated but nothing was re-hashed"
    } else {
        "the database was left as it was (migration 0007 did not run)"
    };
    Error::Corrupt {
        what: "ledger (single chain before 0007)",
        detail: format!("entry {seq}: {reason}; {state}, and Assent will not start on it until the ledger is restored"),
    }
}

/// Verifies the single chain in the tables as they were before migration 0007. Run before
/// that migration touches them.
pub async fn verify_before_0007(c: &mut AnyConnection) -> Result<()> {
    let (head_seq, head_hash): (i64, String) = sqlx::query_as("SELECT seq, hash FROM ledger_head WHERE id = 1").fetch_one(&mut *c).await?;
    let (mut prev, mut seq) = (GENESIS_HASH.to_string(), 0i64);
    const BATCH: i64 = 1000;
    loop {
        let batch = sqlx::query_as::<_, V1Row>(
            "SELECT seq, id, org_id, principal_id, subject_kind, subject_id, action, purposes_json, collected_via, notice_version,
                    notice_hash, evidence_json, actor, occurred_at, prev_hash, hash
               FROM ledger_entries WHERE seq > $1 ORDER BY seq LIMIT $2",
        )
        .bind(seq)
        .bind(BATCH)
        .fetch_all(&mut *c)
        .await?;
        let n = batch.len() as i64;
        for r in batch {
            if r.seq != seq + 1 {
                return Err(v1_broken(seq + 1, "it is missing", false));
            }
            if r.prev_hash != prev {
                return Err(v1_broken(r.seq, "its link to the previous entry does not match", false));
            }
            let hash = v1::hash(&v1::Entry {
                seq: r.seq,
                id: &r.id,
                org_id: &r.org_id,
                principal_id: &r.principal_id,
                subject_kind: &r.subject_kind,
                subject_id: &r.subject_id,
                action: &r.action,
                purposes_json: &r.purposes_json,
                collected_via: &r.collected_via,
                notice_version: r.notice_version,
                notice_hash: r.notice_hash.as_deref(),
                evidence_json: &r.evidence_json,
                actor: &r.actor,
                occurred_at: r.occurred_at,
                prev_hash: &r.prev_hash,
            });
            if hash != r.hash {
                return Err(v1_broken(r.seq, "its content does not match its hash", false));
            }
            (prev, seq) = (r.hash, r.seq);
        }
        if n < BATCH {
            break;
        }
    }
    if seq != head_seq {
        return Err(v1_broken(seq + 1, &format!("the chain ends at entry {seq} but {head_seq} entries were appended"), false));
    }
    if prev != head_hash {
        return Err(v1_broken(seq, "the newest entry does not match the recorded chain head", false));
    }
    Ok(())
}

/// Migration 0007's second half, run at start-up after the SQL migrations: verifies the old
/// single chain and re-hashes its entries into their organisations' chains, in one transaction.
/// Returns how many entries were re-hashed, or `None` when there was nothing to do. A broken
/// old chain stops here, untouched, with where it breaks: re-hashing it would launder the damage.
pub async fn rechain_v1(tx: &mut Tx) -> Result<Option<i64>> {
    // A write, so that on PostgreSQL a second node starting at the same moment waits here and
    // then finds the work done.
    let Some((v1_head_seq, v1_head_hash)): Option<(i64, String)> =
        sqlx::query_as("UPDATE ledger_v1_head SET rechained_at = NULL WHERE rechained_at IS NULL RETURNING seq, hash")
            .fetch_optional(&mut **tx)
            .await?
    else {
        return Ok(None);
    };
    #[derive(sqlx::FromRow)]
    struct Old {
        v1_seq: i64,
        #[sqlx(flatten)]
        entry: LedgerEntry,
    }
    // Verified before the SQL ran (`verify_before_0007`); verified again here, as it is read.
    let fail = |seq: i64, reason: &str| Err(v1_broken(seq, reason, true));
    let mut heads: HashMap<String, (i64, String)> = HashMap::new();
    let (mut v1_prev, mut v1_seq) = (GENESIS_HASH.to_string(), 0i64);
    const BATCH: i64 = 1000;
    loop {
        let batch = sqlx::query_as::<_, Old>(&format!(
            "SELECT e.v1_seq, {ENTRY_FIELDS} FROM {ENTRIES} WHERE e.v1_seq > $1 ORDER BY e.v1_seq LIMIT $2"
        ))
        .bind(v1_seq)
        .bind(BATCH)
        .fetch_all(&mut **tx)
        .await?;
        let n = batch.len() as i64;
        for Old { v1_seq: seq, entry: mut e } in batch {
            if seq != v1_seq + 1 {
                return fail(v1_seq + 1, "it is missing");
            }
            let Some(evidence_json) = e.personal.evidence_json.clone() else { return fail(seq, "its evidence is missing") };
            let old = v1::Entry {
                seq,
                id: &e.id,
                org_id: &e.org_id,
                principal_id: &e.principal_id,
                subject_kind: &e.subject_kind,
                subject_id: &e.subject_id,
                action: &e.action,
                purposes_json: &e.purposes_json,
                collected_via: &e.collected_via,
                notice_version: e.notice_version,
                notice_hash: e.notice_hash.as_deref(),
                evidence_json: &evidence_json,
                actor: &e.actor,
                occurred_at: e.occurred_at,
                prev_hash: &e.prev_hash,
            };
            if e.prev_hash != v1_prev {
                return fail(seq, "its link to the previous entry does not match");
            }
            if v1::hash(&old) != e.hash {
                return fail(seq, "its content does not match its hash");
            }
            v1_prev = e.hash.clone();
            v1_seq = seq;
            let head = heads.entry(e.org_id.clone()).or_insert_with(|| (0, GENESIS_HASH.to_string()));
            if e.seq != head.0 + 1 {
                return Err(Error::Internal(format!("migration 0007 numbered entry {} of {} out of order", e.id, e.org_id)));
            }
            e.personal = PersonalPart::new(evidence_json);
            e.personal_digest = e.personal.digest().expect("whole");
            e.prev_hash = head.1.clone();
            e.hash = e.compute_hash();
            sqlx::query("UPDATE ledger_entries SET personal_digest = $1, prev_hash = $2, hash = $3 WHERE id = $4")
                .bind(&e.personal_digest)
                .bind(&e.prev_hash)
                .bind(&e.hash)
                .bind(&e.id)
                .execute(&mut **tx)
                .await?;
            sqlx::query("UPDATE ledger_personal SET salt = $1 WHERE entry_id = $2")
                .bind(&e.personal.salt)
                .bind(&e.id)
                .execute(&mut **tx)
                .await?;
            *head = (e.seq, e.hash);
        }
        if n < BATCH {
            break;
        }
    }
    if v1_seq != v1_head_seq {
        return fail(v1_seq + 1, &format!("the chain ends at entry {v1_seq} but {v1_head_seq} entries were appended"));
    }
    if v1_prev != v1_head_hash {
        return fail(v1_seq, "the newest entry does not match the recorded chain head");
    }
    for (org_id, (seq, hash)) in &heads {
        sqlx::query("INSERT INTO ledger_chains (org_id, seq, hash) VALUES ($1, $2, $3)")
            .bind(org_id)
            .bind(seq)
            .bind(hash)
            .execute(&mut **tx)
            .await?;
    }
    sqlx::query("UPDATE ledger_v1_head SET rechained_at = $1").bind(tx.now()).execute(&mut **tx).await?;
    Ok(Some(v1_seq))
}
