//! Each organisation's signing keys, and the record of checkpoints written outside the database.

use super::Tx;
use crate::proof::{Jwk, KeyEncryptionKey, KeyPair, PublicKey};
use crate::{Error, Result};
use sqlx::AnyConnection;

/// Not `Debug`: it holds the secret half.
#[derive(sqlx::FromRow)]
struct KeyRow {
    kid: String,
    public_key: String,
    sealed_secret: String,
}

/// The organisation's current key, created on first use. Two first uses at once both try to
/// insert; the unique index on current keys lets one win and the other reads the winner.
pub async fn current_key(c: &mut AnyConnection, org_id: &str, now: i64, kek: &KeyEncryptionKey) -> Result<KeyPair> {
    if let Some(key) = read_current(c, org_id, kek).await? {
        return Ok(key);
    }
    insert(c, org_id, &KeyPair::generate(), now, kek, " ON CONFLICT DO NOTHING").await?;
    read_current(c, org_id, kek).await?.ok_or_else(|| Error::Internal("no current signing key after creating one".into()))
}

async fn read_current(c: &mut AnyConnection, org_id: &str, kek: &KeyEncryptionKey) -> Result<Option<KeyPair>> {
    let row: Option<KeyRow> =
        sqlx::query_as("SELECT kid, public_key, sealed_secret FROM org_signing_keys WHERE org_id = $1 AND retired_at IS NULL")
            .bind(org_id)
            .fetch_optional(&mut *c)
            .await?;
    row.map(|r| {
        let key = KeyPair::from_stored(&r.kid, &r.sealed_secret, kek)?;
        if key.public().x() != r.public_key {
            return Err(Error::corrupt("signing key", format!("key {}: its public half does not match its secret", r.kid)));
        }
        Ok(key)
    })
    .transpose()
}

async fn insert(c: &mut AnyConnection, org_id: &str, key: &KeyPair, now: i64, kek: &KeyEncryptionKey, on_conflict: &str) -> Result<()> {
    sqlx::query(&format!(
        "INSERT INTO org_signing_keys (kid, org_id, public_key, sealed_secret, created_at) VALUES ($1, $2, $3, $4, $5){on_conflict}"
    ))
    .bind(&key.kid)
    .bind(org_id)
    .bind(key.public().x())
    .bind(key.sealed(kek))
    .bind(now)
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// Retires the current key (it stays published, so what it signed still verifies) and makes a
/// new one current.
pub async fn rotate(tx: &mut Tx, org_id: &str, kek: &KeyEncryptionKey) -> Result<KeyPair> {
    sqlx::query("UPDATE org_signing_keys SET retired_at = $1 WHERE org_id = $2 AND retired_at IS NULL")
        .bind(tx.now())
        .bind(org_id)
        .execute(&mut **tx)
        .await?;
    let key = KeyPair::generate();
    let now = tx.now();
    // On PostgreSQL a rotation that ran at the same moment may have made its key current after
    // this one retired the previous: the unique index on current keys refuses the second.
    match insert(tx, org_id, &key, now, kek, "").await {
        Err(Error::Database(e)) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) => {
            Err(Error::Conflict("another rotation of this organisation's key is under way; try again".into()))
        }
        other => other.map(|()| key),
    }
}

/// A published key: current first, then retired ones, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedKey {
    pub jwk: Jwk,
    pub created_at: i64,
    pub retired_at: Option<i64>,
}

pub async fn published_keys(c: &mut AnyConnection, org_id: &str) -> Result<Vec<PublishedKey>> {
    let rows: Vec<(String, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT kid, public_key, created_at, retired_at FROM org_signing_keys WHERE org_id = $1
          ORDER BY CASE WHEN retired_at IS NULL THEN 0 ELSE 1 END, created_at DESC, kid",
    )
    .bind(org_id)
    .fetch_all(&mut *c)
    .await?;
    rows.into_iter()
        .map(|(kid, x, created_at, retired_at)| {
            let key = PublicKey::from_x(&x)
                .filter(|k| k.thumbprint() == kid)
                .ok_or_else(|| Error::corrupt("signing key", format!("key {kid}")))?;
            Ok(PublishedKey { jwk: key.jwk(), created_at, retired_at })
        })
        .collect()
}

/// A checkpoint as recorded after it was written out.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CheckpointRow {
    pub org_id: String,
    pub seq: i64,
    pub hash: String,
    pub signed_at: i64,
    pub kid: String,
    pub jws: String,
}

pub async fn latest_checkpoint(c: &mut AnyConnection, org_id: &str) -> Result<Option<CheckpointRow>> {
    Ok(sqlx::query_as("SELECT org_id, seq, hash, signed_at, kid, jws FROM ledger_checkpoints WHERE org_id = $1 ORDER BY seq DESC LIMIT 1")
        .bind(org_id)
        .fetch_optional(&mut *c)
        .await?)
}

/// Every checkpoint written for the organisation, oldest first.
pub async fn checkpoints(c: &mut AnyConnection, org_id: &str) -> Result<Vec<CheckpointRow>> {
    Ok(sqlx::query_as("SELECT org_id, seq, hash, signed_at, kid, jws FROM ledger_checkpoints WHERE org_id = $1 ORDER BY seq")
        .bind(org_id)
        .fetch_all(&mut *c)
        .await?)
}

pub async fn record_checkpoint(c: &mut AnyConnection, row: &CheckpointRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO ledger_checkpoints (org_id, seq, hash, signed_at, kid, jws) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (org_id, seq) DO NOTHING",
    )
    .bind(&row.org_id)
    .bind(row.seq)
    .bind(&row.hash)
    .bind(row.signed_at)
    .bind(&row.kid)
    .bind(&row.jws)
    .execute(&mut *c)
    .await?;
    Ok(())
}
