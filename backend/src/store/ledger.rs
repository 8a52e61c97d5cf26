//! The ledger's tables: data principals and their identifiers, the hash-chained entries with
//! their chain head, and the current per-purpose consent that the entries project to.

use super::{new_id, Page, Paged, Tx};
use crate::ledger::{BrokenEntry, Decision, Identifier, LedgerEntry, PrincipalRow, VerifyReport, GENESIS_HASH};
use crate::{Error, Result};
use sqlx::AnyConnection;

const PRINCIPAL_BY_IDENTIFIER: &str = "SELECT p.id, p.org_id, p.dp_id, p.created_at FROM principal_identifiers i
    JOIN principals p ON p.id = i.principal_id
    WHERE i.org_id = $1 AND i.kind = $2 AND i.value = $3";

pub(crate) const ENTRY_COLUMNS: &str = "seq, id, org_id, principal_id, subject_kind, subject_id, action, purposes_json, collected_via,
    notice_version, notice_hash, evidence_json, actor, occurred_at, prev_hash, hash";

/// Appends one entry for `decision` and updates the current state, inside the caller's
/// transaction, so that whatever else the decision changes commits (or not) with its entry.
/// The chain head row is the chain's lock: taking it first serialises appends on both
/// databases (a row lock on PostgreSQL, the write lock on SQLite).
pub async fn append(tx: &mut Tx, decision: &Decision) -> Result<LedgerEntry> {
    decision.validate()?;
    let now = tx.now();
    let (seq, prev_hash): (i64, String) =
        sqlx::query_as("UPDATE ledger_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash").fetch_one(&mut **tx).await?;
    let principal = resolve_principal(tx, &decision.org_id, &decision.identifiers, now).await?;
    let mut entry = LedgerEntry {
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
        occurred_at: now,
        prev_hash,
        hash: String::new(),
    };
    entry.hash = entry.compute_hash();
    sqlx::query(&format!(
        "INSERT INTO ledger_entries ({ENTRY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
    ))
    .bind(entry.seq)
    .bind(&entry.id)
    .bind(&entry.org_id)
    .bind(&entry.principal_id)
    .bind(&entry.subject_kind)
    .bind(&entry.subject_id)
    .bind(&entry.action)
    .bind(&entry.purposes_json)
    .bind(&entry.collected_via)
    .bind(entry.notice_version)
    .bind(&entry.notice_hash)
    .bind(&entry.evidence_json)
    .bind(&entry.actor)
    .bind(entry.occurred_at)
    .bind(&entry.prev_hash)
    .bind(&entry.hash)
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE ledger_head SET hash = $1 WHERE id = 1").bind(&entry.hash).execute(&mut **tx).await?;
    // Counted once written: a failed append counts nothing (one rolled back later still does).
    metrics::counter!("assent_ledger_appends_total").increment(1);
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
        "SELECT {ENTRY_COLUMNS} FROM ledger_entries WHERE org_id = $1 AND ($2 IS NULL OR principal_id = $2)
          ORDER BY seq DESC LIMIT $3 OFFSET $4"
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

/// How many entries the chain holds (from its head row: O(1)).
pub async fn length(c: &mut AnyConnection) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT seq FROM ledger_head WHERE id = 1").fetch_one(&mut *c).await?)
}

/// Walks the whole chain (all organisations: it is one chain) and reports the first entry
/// that was edited, removed or inserted out of order. Appends may go on meanwhile: the walk
/// stops at the head it read first, and every entry up to that head committed with it.
pub async fn verify(c: &mut AnyConnection) -> Result<VerifyReport> {
    let (head_seq, head_hash): (i64, String) = sqlx::query_as("SELECT seq, hash FROM ledger_head WHERE id = 1").fetch_one(&mut *c).await?;
    let mut expected_seq = 1;
    let mut prev = GENESIS_HASH.to_string();
    let mut after = 0i64;
    const BATCH: i64 = 1000;
    loop {
        let batch = sqlx::query_as::<_, LedgerEntry>(&format!(
            "SELECT {ENTRY_COLUMNS} FROM ledger_entries WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3"
        ))
        .bind(after)
        .bind(head_seq)
        .bind(BATCH)
        .fetch_all(&mut *c)
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
