//! The email outbox: consent-link emails whose delivery failed are retried with exponential
//! backoff until they are accepted or `MAX_ATTEMPTS` is reached. Workers on several nodes may
//! share a PostgreSQL database: a claim takes rows with `FOR UPDATE SKIP LOCKED` and leases
//! them, so no email is sent twice at once and none is forgotten.

use crate::store::{new_id, Store};
use crate::{now_ms, Result};

/// Attempts in all, the first (synchronous) one included.
pub const MAX_ATTEMPTS: i64 = 6;
/// How long a claimed job is someone's before another worker may take it.
const LEASE_MS: i64 = 5 * 60 * 1000;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxJob {
    pub id: String,
    pub org_id: String,
    pub request_id: String,
    pub attempts: i64,
}

/// 1, 2, 4, 8 … minutes after the n-th failure.
pub fn backoff_ms(attempts: i64) -> i64 {
    60_000 * (1i64 << (attempts - 1).clamp(0, 10))
}

impl Store {
    /// Queues a retry after the first attempt failed.
    pub async fn enqueue_email_retry(&self, org_id: &str, request_id: &str, error: &str) -> Result<()> {
        let now = now_ms();
        sqlx::query(
            "INSERT INTO email_outbox (id, org_id, request_id, attempts, next_attempt_at, last_error, created_at, sent_at, given_up_at)
             VALUES ($1, $2, $3, 1, $4, $5, $6, NULL, NULL)",
        )
        .bind(new_id())
        .bind(org_id)
        .bind(request_id)
        .bind(now + backoff_ms(1))
        .bind(error)
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Takes up to `limit` due jobs and leases them to the caller.
    pub async fn claim_email_jobs(&self, limit: i64, now: i64) -> Result<Vec<OutboxJob>> {
        let mut tx = self.begin_write().await?;
        let lock = if self.is_postgres() { " FOR UPDATE SKIP LOCKED" } else { "" };
        let jobs = sqlx::query_as::<_, OutboxJob>(&format!(
            "SELECT id, org_id, request_id, attempts FROM email_outbox
              WHERE sent_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= $1
              ORDER BY next_attempt_at LIMIT $2{lock}"
        ))
        .bind(now)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        for job in &jobs {
            sqlx::query("UPDATE email_outbox SET next_attempt_at = $1 WHERE id = $2")
                .bind(now + LEASE_MS)
                .bind(&job.id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(jobs)
    }

    /// Records the outcome of a retry, here and on the request the dashboard shows.
    pub async fn finish_email_job(&self, job: &OutboxJob, result: std::result::Result<(), String>) -> Result<()> {
        let now = now_ms();
        let attempts = job.attempts + 1;
        match result {
            Ok(()) => {
                sqlx::query("UPDATE email_outbox SET attempts = $1, sent_at = $2, last_error = NULL WHERE id = $3")
                    .bind(attempts)
                    .bind(now)
                    .bind(&job.id)
                    .execute(self.pool())
                    .await?;
                self.set_email_delivery(&job.request_id, "sent", None).await
            }
            Err(error) => {
                let give_up = attempts >= MAX_ATTEMPTS;
                sqlx::query("UPDATE email_outbox SET attempts = $1, last_error = $2, next_attempt_at = $3, given_up_at = $4 WHERE id = $5")
                    .bind(attempts)
                    .bind(&error)
                    .bind(now + backoff_ms(attempts))
                    .bind(give_up.then_some(now))
                    .bind(&job.id)
                    .execute(self.pool())
                    .await?;
                let shown = if give_up {
                    format!("{error} (gave up after {attempts} attempts)")
                } else {
                    format!("{error} (attempt {attempts} of {MAX_ATTEMPTS}; retrying)")
                };
                self.set_email_delivery(&job.request_id, "failed", Some(&shown)).await
            }
        }
    }

    /// Jobs per queue that are still to be sent: the `/metrics` queue depths.
    pub async fn queue_depths(&self) -> Result<Vec<(&'static str, i64)>> {
        let email: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL AND given_up_at IS NULL")
            .fetch_one(self.pool())
            .await?;
        Ok(vec![("email", email)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles() {
        assert_eq!(backoff_ms(1), 60_000);
        assert_eq!(backoff_ms(2), 120_000);
        assert_eq!(backoff_ms(5), 960_000);
    }
}
