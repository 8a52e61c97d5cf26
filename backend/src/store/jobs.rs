//! The outbox: work that must follow a commit, written in the same transaction as the change
//! that needs it. Workers on several nodes may share a PostgreSQL database: a claim takes rows
//! with `FOR UPDATE SKIP LOCKED` and leases them (moves `next_attempt_at` past the attempt),
//! so no job runs twice at once and none is forgotten if a worker dies mid-attempt.

use super::{new_id, Db, Tx};
use crate::Result;
use sqlx::AnyConnection;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct JobRow {
    pub id: String,
    pub org_id: String,
    pub kind: String,
    pub payload: String,
    /// Attempts finished so far.
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    /// The current claim; only its holder records an outcome.
    pub lease_id: Option<String>,
    pub created_at: i64,
    pub done_at: Option<i64>,
    pub given_up_at: Option<i64>,
}

const JOB_COLUMNS: &str = "id, org_id, kind, payload, attempts, next_attempt_at, last_error, lease_id, created_at, done_at, given_up_at";

/// Queues a job. With `lease_until`, it is claimed by the caller at once, until then: nobody
/// else takes it before; otherwise it is due now.
pub async fn enqueue(tx: &mut Tx, org_id: &str, kind: &str, payload: &str, lease_until: Option<i64>) -> Result<JobRow> {
    let job = JobRow {
        id: new_id(),
        org_id: org_id.to_string(),
        kind: kind.to_string(),
        payload: payload.to_string(),
        attempts: 0,
        next_attempt_at: lease_until.unwrap_or(tx.now()),
        last_error: None,
        lease_id: lease_until.map(|_| new_id()),
        created_at: tx.now(),
        done_at: None,
        given_up_at: None,
    };
    sqlx::query(&format!("INSERT INTO jobs ({JOB_COLUMNS}) VALUES ($1, $2, $3, $4, 0, $5, NULL, $6, $7, NULL, NULL)"))
        .bind(&job.id)
        .bind(&job.org_id)
        .bind(&job.kind)
        .bind(&job.payload)
        .bind(job.next_attempt_at)
        .bind(&job.lease_id)
        .bind(job.created_at)
        .execute(&mut **tx)
        .await?;
    Ok(job)
}

/// Takes up to `limit` due jobs and leases them until `lease_until`.
pub async fn claim_due(tx: &mut Tx, db: Db, limit: i64, lease_until: i64) -> Result<Vec<JobRow>> {
    let now = tx.now();
    let jobs = sqlx::query_as::<_, JobRow>(&format!(
        "SELECT {JOB_COLUMNS} FROM jobs
          WHERE done_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= $1
          ORDER BY next_attempt_at LIMIT $2{}",
        db.skip_locked()
    ))
    .bind(now)
    .bind(limit)
    .fetch_all(&mut **tx)
    .await?;
    let mut claimed = Vec::with_capacity(jobs.len());
    for mut job in jobs {
        let lease_id = new_id();
        sqlx::query("UPDATE jobs SET next_attempt_at = $1, lease_id = $2 WHERE id = $3")
            .bind(lease_until)
            .bind(&lease_id)
            .bind(&job.id)
            .execute(&mut **tx)
            .await?;
        job.next_attempt_at = lease_until;
        job.lease_id = Some(lease_id);
        claimed.push(job);
    }
    Ok(claimed)
}

/// Records a successful attempt of the claim `job` holds. Like [`mark_failed`], it applies
/// only while that claim is the job's current one: an attempt that outlived its lease (and
/// was taken over) must not overwrite the newer attempt's outcome. False when it did not apply.
pub async fn mark_done(c: &mut AnyConnection, job: &JobRow, now: i64) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE jobs SET attempts = attempts + 1, done_at = $1, last_error = NULL, lease_id = NULL WHERE id = $2 AND lease_id = $3",
    )
    .bind(now)
    .bind(&job.id)
    .bind(&job.lease_id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Records a failed attempt of the claim `job` holds: retried at `retry_at`, or given up at
/// `given_up_at`. False when the claim is no longer the job's current one.
pub async fn mark_failed(c: &mut AnyConnection, job: &JobRow, error: &str, retry_at: i64, given_up_at: Option<i64>) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE jobs SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2, given_up_at = $3, lease_id = NULL
          WHERE id = $4 AND lease_id = $5",
    )
    .bind(error)
    .bind(retry_at)
    .bind(given_up_at)
    .bind(&job.id)
    .bind(&job.lease_id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    Ok(n == 1)
}

pub async fn job(c: &mut AnyConnection, id: &str) -> Result<Option<JobRow>> {
    Ok(sqlx::query_as::<_, JobRow>(&format!("SELECT {JOB_COLUMNS} FROM jobs WHERE id = $1")).bind(id).fetch_optional(&mut *c).await?)
}

/// Unfinished jobs per kind: the `/metrics` queue depths.
pub async fn depths(c: &mut AnyConnection) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as("SELECT kind, COUNT(*) FROM jobs WHERE done_at IS NULL AND given_up_at IS NULL GROUP BY kind ORDER BY kind")
        .fetch_all(&mut *c)
        .await?)
}

/// Forgets what SMTP servers answered about a person's consent-link emails (an answer may
/// quote their address). The jobs stay: they are the record that an email was sent.
pub async fn erase_email_errors_of(c: &mut AnyConnection, org_id: &str, principal_id: &str) -> Result<u64> {
    // The payload is `RequestPayload` (`services::outbox`): {"request_id":"…"}.
    Ok(sqlx::query(
        "UPDATE jobs SET last_error = NULL
          WHERE org_id = $1 AND kind = 'consent_link_email'
            AND payload IN (SELECT '{\"request_id\":\"' || id || '\"}' FROM consent_requests WHERE org_id = $1 AND principal_id = $2)",
    )
    .bind(org_id)
    .bind(principal_id)
    .execute(&mut *c)
    .await?
    .rows_affected())
}
