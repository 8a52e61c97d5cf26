//! The outbox's jobs and their worker. A flow queues a job inside its own transaction; after
//! the commit it may make the first attempt at once (bounded in time), and the worker retries
//! whatever failed, with backoff, on any node.

use super::{consent_links, webhooks, Context};
use crate::email::SendError;
use crate::store::jobs::{self as store, JobRow};
use crate::store::Tx;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Attempts in all at an email, the first one included.
pub const MAX_ATTEMPTS: i64 = 6;
/// How long an attempt may take before another worker may assume this one died. Longer than
/// any attempt (SMTP gives up after 15 s, a webhook after 15 s), so a job never runs twice at once.
pub const LEASE_MS: i64 = 60 * 1000;

/// Work that must follow a commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Job {
    /// Send a consent-link request's branded email.
    ConsentLinkEmail { request_id: String },
    /// Deliver one webhook message to its subscription's URL.
    WebhookDelivery { delivery_id: String },
}

#[derive(Serialize, Deserialize)]
struct RequestPayload {
    request_id: String,
}

#[derive(Serialize, Deserialize)]
struct DeliveryPayload {
    delivery_id: String,
}

impl Job {
    pub fn kind(&self) -> &'static str {
        match self {
            Job::ConsentLinkEmail { .. } => "consent_link_email",
            Job::WebhookDelivery { .. } => "webhook_delivery",
        }
    }

    /// The queue a job's depth is reported under in `/metrics`.
    pub fn queue_of(kind: &str) -> &'static str {
        match kind {
            "consent_link_email" => "email",
            "webhook_delivery" => "webhooks",
            _ => "other",
        }
    }

    fn payload(&self) -> String {
        match self {
            Job::ConsentLinkEmail { request_id } => {
                serde_json::to_string(&RequestPayload { request_id: request_id.clone() }).expect("plain payload")
            }
            Job::WebhookDelivery { delivery_id } => {
                serde_json::to_string(&DeliveryPayload { delivery_id: delivery_id.clone() }).expect("plain payload")
            }
        }
    }

    fn parse(row: &JobRow) -> Result<Self> {
        let corrupt = |e: serde_json::Error| Error::corrupt("job payload", format!("job {}: {e}", row.id));
        match row.kind.as_str() {
            "consent_link_email" => {
                let p: RequestPayload = serde_json::from_str(&row.payload).map_err(corrupt)?;
                Ok(Job::ConsentLinkEmail { request_id: p.request_id })
            }
            "webhook_delivery" => {
                let p: DeliveryPayload = serde_json::from_str(&row.payload).map_err(corrupt)?;
                Ok(Job::WebhookDelivery { delivery_id: p.delivery_id })
            }
            other => Err(Error::corrupt("job kind", format!("job {}: unknown kind '{other}'", row.id))),
        }
    }

    /// Attempts in all, the first one included.
    fn max_attempts(&self) -> i64 {
        match self {
            Job::ConsentLinkEmail { .. } => MAX_ATTEMPTS,
            Job::WebhookDelivery { .. } => crate::webhooks::MAX_ATTEMPTS,
        }
    }

    /// How long after the n-th failed attempt the next one comes.
    fn retry_delay_ms(&self, failed_attempts: i64) -> i64 {
        match self {
            Job::ConsentLinkEmail { .. } => backoff_ms(failed_attempts),
            // Jitter spreads the retries of many deliveries that failed together (a receiver
            // that was down) so they do not all come back at the same moment.
            Job::WebhookDelivery { .. } => {
                crate::webhooks::retry_delay_ms(failed_attempts, rand::random::<f64>()).unwrap_or_else(|| backoff_ms(failed_attempts))
            }
        }
    }
}

/// How one attempt went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// Failed; the outbox tries again later.
    Retrying(String),
    /// Failed for good: retrying cannot help, or every attempt is used up.
    GaveUp(String),
}

/// Why an attempt failed, as the job that made it judges it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    pub reason: String,
    /// Retrying cannot help.
    pub permanent: bool,
    /// The other side asked for at least this long before the next attempt (`Retry-After`).
    pub not_before_ms: Option<i64>,
}

impl From<SendError> for Failure {
    fn from(e: SendError) -> Self {
        Failure { reason: e.reason, permanent: e.permanent, not_before_ms: None }
    }
}

/// 1, 2, 4, 8 … minutes after the n-th failure.
pub fn backoff_ms(attempts: i64) -> i64 {
    60_000 * (1i64 << (attempts - 1).clamp(0, 10))
}

/// What one attempt did, for the job's own record of it.
enum Attempt {
    Email { request_id: String, result: std::result::Result<(), Failure> },
    Webhook(webhooks::AttemptReport),
}

#[derive(Clone)]
pub struct Outbox {
    ctx: Context,
}

impl Outbox {
    pub(crate) fn new(ctx: Context) -> Self {
        Self { ctx }
    }

    /// Queues `job` in the caller's transaction. With `attempt_first`, the job is leased to the
    /// caller, who attempts it right after the commit ([`Outbox::attempt_now`]); should that
    /// never happen (a crash), the lease runs out and a worker takes it.
    pub(crate) async fn enqueue(tx: &mut Tx, org_id: &str, job: &Job, attempt_first: bool) -> Result<JobRow> {
        let lease_until = attempt_first.then(|| tx.now() + LEASE_MS);
        store::enqueue(tx, org_id, job.kind(), &job.payload(), lease_until).await
    }

    /// Runs a job the caller leased, waiting at most `wait` for it. `None` when the attempt is
    /// still going: it carries on in the background and records its outcome itself.
    pub(crate) async fn attempt_now(&self, job: JobRow, wait: Duration) -> Option<Outcome> {
        let this = self.clone();
        let attempt = tokio::spawn(async move { this.run(job).await });
        match tokio::time::timeout(wait, attempt).await {
            Ok(Ok(Ok(outcome))) => Some(outcome),
            Ok(Ok(Err(err))) => {
                tracing::error!(error = %err, "a job's first attempt could not be recorded; its lease will run out and a worker retries it");
                None
            }
            Ok(Err(join)) => {
                tracing::error!(error = %join, "a job's first attempt panicked");
                None
            }
            Err(_) => None,
        }
    }

    /// Starts a job the caller leased and does not wait for it: the attempt records its own
    /// outcome, and should the process die first, the lease runs out and a worker retries it.
    pub(crate) fn attempt_in_background(&self, job: JobRow) {
        let this = self.clone();
        tokio::spawn(async move {
            let id = job.id.clone();
            if let Err(e) = this.run(job).await {
                tracing::error!(job = %id, error = %e, "a job's first attempt could not be recorded; its lease will run out and a worker retries it");
            }
        });
    }

    /// Attempts every due job once (up to `limit`), all at the same time, so that one slow
    /// receiver does not hold up the others; returns how many were attempted.
    pub async fn run_due(&self, limit: i64) -> Result<usize> {
        let mut tx = self.ctx.store.begin().await?;
        let lease_until = tx.now() + LEASE_MS;
        let jobs = store::claim_due(&mut tx, self.ctx.store.db(), limit, lease_until).await?;
        tx.commit().await?;
        let n = jobs.len();
        let mut running = tokio::task::JoinSet::new();
        for job in jobs {
            let this = self.clone();
            running.spawn(async move {
                let id = job.id.clone();
                if let Err(e) = this.run(job).await {
                    tracing::error!(job = %id, error = %e, "job failed to run");
                }
            });
        }
        while running.join_next().await.is_some() {}
        Ok(n)
    }

    /// Performs one attempt and records its outcome, on the job and on whatever shows it.
    async fn run(&self, row: JobRow) -> Result<Outcome> {
        let job = match Job::parse(&row) {
            Ok(job) => job,
            Err(e) => {
                // A job nobody can read is given up, loudly, rather than retried forever.
                tracing::error!(job = %row.id, error = %e, "unreadable job given up");
                let mut tx = self.ctx.store.begin().await?;
                let now = tx.now();
                store::mark_failed(&mut tx, &row, &e.to_string(), now, Some(now)).await?;
                tx.commit().await?;
                return Ok(Outcome::GaveUp(e.to_string()));
            }
        };
        let attempt = match &job {
            Job::ConsentLinkEmail { request_id } => Attempt::Email {
                request_id: request_id.clone(),
                result: consent_links::send_link_email(&self.ctx, &row.org_id, request_id).await.map_err(Failure::from),
            },
            Job::WebhookDelivery { delivery_id } => Attempt::Webhook(webhooks::attempt(&self.ctx, delivery_id).await?),
        };
        let attempts = row.attempts + 1;
        let failure = match &attempt {
            Attempt::Email { result, .. } => result.as_ref().err().cloned(),
            Attempt::Webhook(report) => report.failure.clone(),
        };
        let outcome = match &failure {
            None => Outcome::Done,
            Some(f) if f.permanent || attempts >= job.max_attempts() => Outcome::GaveUp(f.reason.clone()),
            Some(f) => Outcome::Retrying(f.reason.clone()),
        };
        if let Outcome::Retrying(reason) | Outcome::GaveUp(reason) = &outcome {
            tracing::warn!(job = %row.id, kind = %row.kind, attempt = attempts, %reason, "job attempt failed");
        }
        let result = match &outcome {
            Outcome::Done => "done",
            Outcome::Retrying(_) => "retrying",
            Outcome::GaveUp(_) => "gave_up",
        };
        metrics::counter!("assent_outbox_attempts_total", "kind" => row.kind.clone(), "result" => result).increment(1);
        let mut tx = self.ctx.store.begin().await?;
        let now = tx.now();
        let retry_at = now + job.retry_delay_ms(attempts).max(failure.as_ref().and_then(|f| f.not_before_ms).unwrap_or(0));
        let recorded = match &outcome {
            Outcome::Done => store::mark_done(&mut tx, &row, now).await?,
            Outcome::Retrying(reason) => store::mark_failed(&mut tx, &row, reason, retry_at, None).await?,
            Outcome::GaveUp(reason) => store::mark_failed(&mut tx, &row, reason, now, Some(now)).await?,
        };
        if !recorded {
            // This attempt outlived its lease and another one finished first: its outcome stands.
            tracing::warn!(job = %row.id, "an attempt finished after its lease was taken over; its outcome is not recorded");
            return Ok(outcome);
        }
        match &attempt {
            Attempt::Email { request_id, .. } => consent_links::record_email_outcome(&mut tx, request_id, attempts, &outcome).await?,
            Attempt::Webhook(report) => {
                let next = matches!(outcome, Outcome::Retrying(_)).then_some(retry_at);
                webhooks::record_attempt(&mut tx, report, &outcome, next).await?
            }
        }
        tx.commit().await?;
        Ok(outcome)
    }

    /// Unfinished jobs per queue.
    pub async fn depths(&self) -> Result<Vec<(&'static str, i64)>> {
        let rows = store::depths(&mut *self.ctx.store.conn().await?).await?;
        let mut out: Vec<(&'static str, i64)> = vec![("email", 0), ("webhooks", 0)];
        for (kind, n) in rows {
            let queue = Job::queue_of(&kind);
            match out.iter_mut().find(|(q, _)| *q == queue) {
                Some((_, total)) => *total += n,
                None => out.push((queue, n)),
            }
        }
        Ok(out)
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

    #[test]
    fn jobs_round_trip_through_their_rows() {
        let job = Job::ConsentLinkEmail { request_id: "r-1".into() };
        let row = JobRow {
            id: "j".into(),
            org_id: "o".into(),
            kind: job.kind().into(),
            payload: job.payload(),
            attempts: 0,
            next_attempt_at: 0,
            last_error: None,
            lease_id: None,
            created_at: 0,
            done_at: None,
            given_up_at: None,
        };
        assert_eq!(Job::parse(&row).unwrap(), job);
        assert!(Job::parse(&JobRow { kind: "teleport".into(), ..row.clone() }).is_err());
        assert!(Job::parse(&JobRow { payload: "{}".into(), ..row }).is_err());
    }
}
