//! Webhook subscriptions, their deliveries (one message to one subscription) and every
//! attempt at a delivery.

use super::{Page, Paged, Tx};
use crate::{Error, Result};
use sqlx::AnyConnection;

/// A subscription. Not `Serialize`: it holds the signing secrets.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SubscriptionRow {
    pub id: String,
    pub org_id: String,
    pub url: String,
    pub custom_user_id: Option<String>,
    pub reference: Option<String>,
    pub consent_type: Option<String>,
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_secret_until: Option<i64>,
    pub paused_at: Option<i64>,
    pub disabled_at: Option<i64>,
    pub disabled_reason: Option<String>,
    pub created_by: String,
    pub created_at: i64,
}

const SUBSCRIPTION_COLUMNS: &str = "id, org_id, url, custom_user_id, reference, consent_type, secret, previous_secret,
    previous_secret_until, paused_at, disabled_at, disabled_reason, created_by, created_at";

pub async fn insert_subscription(tx: &mut Tx, s: &SubscriptionRow) -> Result<()> {
    sqlx::query(&format!(
        "INSERT INTO webhook_subscriptions ({SUBSCRIPTION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
    ))
    .bind(&s.id)
    .bind(&s.org_id)
    .bind(&s.url)
    .bind(&s.custom_user_id)
    .bind(&s.reference)
    .bind(&s.consent_type)
    .bind(&s.secret)
    .bind(&s.previous_secret)
    .bind(s.previous_secret_until)
    .bind(s.paused_at)
    .bind(s.disabled_at)
    .bind(&s.disabled_reason)
    .bind(&s.created_by)
    .bind(s.created_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One of the organisation's subscriptions (deleted ones are gone).
pub async fn subscription(c: &mut AnyConnection, org_id: &str, id: &str) -> Result<SubscriptionRow> {
    sqlx::query_as::<_, SubscriptionRow>(&format!(
        "SELECT {SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE id = $1 AND org_id = $2 AND deleted_at IS NULL"
    ))
    .bind(id)
    .bind(org_id)
    .fetch_optional(&mut *c)
    .await?
    .ok_or(Error::NotFound("webhook subscription"))
}

pub async fn list_subscriptions(c: &mut AnyConnection, org_id: &str, page: Page) -> Result<Paged<SubscriptionRow>> {
    let items = sqlx::query_as::<_, SubscriptionRow>(&format!(
        "SELECT {SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE org_id = $1 AND deleted_at IS NULL
          ORDER BY created_at DESC, id LIMIT $2 OFFSET $3"
    ))
    .bind(org_id)
    .bind(page.limit)
    .bind(page.offset)
    .fetch_all(&mut *c)
    .await?;
    let total = sqlx::query_scalar("SELECT COUNT(*) FROM webhook_subscriptions WHERE org_id = $1 AND deleted_at IS NULL")
        .bind(org_id)
        .fetch_one(&mut *c)
        .await?;
    Ok(Paged { items, total })
}

/// Live subscriptions whose criteria match a consent (a criterion that is NULL matches anything).
pub async fn matching(
    c: &mut AnyConnection,
    org_id: &str,
    custom_user_id: Option<&str>,
    reference: &str,
    consent_type: Option<&str>,
) -> Result<Vec<SubscriptionRow>> {
    Ok(sqlx::query_as::<_, SubscriptionRow>(&format!(
        "SELECT {SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions
          WHERE org_id = $1 AND deleted_at IS NULL AND paused_at IS NULL AND disabled_at IS NULL
            AND (custom_user_id IS NULL OR custom_user_id = $2)
            AND (reference IS NULL OR reference = $3)
            AND (consent_type IS NULL OR consent_type = $4)
          ORDER BY created_at, id"
    ))
    .bind(org_id)
    .bind(custom_user_id)
    .bind(reference)
    .bind(consent_type)
    .fetch_all(&mut *c)
    .await?)
}

/// Pause (or resume), disable with a reason, delete, or rotate: the mutable part of a subscription.
pub async fn update_state(tx: &mut Tx, s: &SubscriptionRow, deleted_at: Option<i64>) -> Result<()> {
    sqlx::query(
        "UPDATE webhook_subscriptions SET secret = $1, previous_secret = $2, previous_secret_until = $3, paused_at = $4,
                disabled_at = $5, disabled_reason = $6, deleted_at = $7
          WHERE id = $8 AND org_id = $9",
    )
    .bind(&s.secret)
    .bind(&s.previous_secret)
    .bind(s.previous_secret_until)
    .bind(s.paused_at)
    .bind(s.disabled_at)
    .bind(&s.disabled_reason)
    .bind(deleted_at)
    .bind(&s.id)
    .bind(&s.org_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Disables a subscription whose receiver said it is gone (410), unless it already is.
pub async fn disable(c: &mut AnyConnection, id: &str, reason: &str, now: i64) -> Result<()> {
    sqlx::query("UPDATE webhook_subscriptions SET disabled_at = $1, disabled_reason = $2 WHERE id = $3 AND disabled_at IS NULL")
        .bind(now)
        .bind(reason)
        .bind(id)
        .execute(&mut *c)
        .await?;
    Ok(())
}

// ---- deliveries ----

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryStatus {
    /// Not attempted yet, or failed and due again.
    Pending,
    Delivered,
    /// Every attempt failed, the receiver is gone (410), or the subscription was removed.
    Failed,
}

impl DeliveryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Pending => "pending",
            DeliveryStatus::Delivered => "delivered",
            DeliveryStatus::Failed => "failed",
        }
    }
}

impl TryFrom<String> for DeliveryStatus {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        match s.as_str() {
            "pending" => Ok(DeliveryStatus::Pending),
            "delivered" => Ok(DeliveryStatus::Delivered),
            "failed" => Ok(DeliveryStatus::Failed),
            other => Err(Error::corrupt("webhook delivery status", format!("unknown status '{other}'"))),
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeliveryRow {
    pub id: String,
    pub org_id: String,
    pub subscription_id: String,
    pub event_type: String,
    /// The exact bytes signed and sent.
    pub body: String,
    #[sqlx(try_from = "String")]
    pub status: DeliveryStatus,
    pub attempts: i64,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub next_attempt_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub created_at: i64,
}

const DELIVERY_COLUMNS: &str =
    "id, org_id, subscription_id, event_type, body, status, attempts, last_status, last_error, next_attempt_at, delivered_at, created_at";

pub async fn insert_delivery(tx: &mut Tx, d: &DeliveryRow) -> Result<()> {
    sqlx::query(&format!("INSERT INTO webhook_deliveries ({DELIVERY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"))
        .bind(&d.id)
        .bind(&d.org_id)
        .bind(&d.subscription_id)
        .bind(&d.event_type)
        .bind(&d.body)
        .bind(d.status.as_str())
        .bind(d.attempts)
        .bind(d.last_status)
        .bind(&d.last_error)
        .bind(d.next_attempt_at)
        .bind(d.delivered_at)
        .bind(d.created_at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A delivery; with `org_id`, only if it is that organisation's.
pub async fn delivery(c: &mut AnyConnection, org_id: Option<&str>, id: &str) -> Result<DeliveryRow> {
    sqlx::query_as::<_, DeliveryRow>(&format!(
        "SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries WHERE id = $1 AND ($2 IS NULL OR org_id = $2)"
    ))
    .bind(id)
    .bind(org_id)
    .fetch_optional(&mut *c)
    .await?
    .ok_or(Error::NotFound("webhook delivery"))
}

pub async fn list_deliveries(c: &mut AnyConnection, org_id: &str, subscription_id: &str, page: Page) -> Result<Paged<DeliveryRow>> {
    let items = sqlx::query_as::<_, DeliveryRow>(&format!(
        "SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries WHERE org_id = $1 AND subscription_id = $2
          ORDER BY created_at DESC, id LIMIT $3 OFFSET $4"
    ))
    .bind(org_id)
    .bind(subscription_id)
    .bind(page.limit)
    .bind(page.offset)
    .fetch_all(&mut *c)
    .await?;
    let total = sqlx::query_scalar("SELECT COUNT(*) FROM webhook_deliveries WHERE org_id = $1 AND subscription_id = $2")
        .bind(org_id)
        .bind(subscription_id)
        .fetch_one(&mut *c)
        .await?;
    Ok(Paged { items, total })
}

/// Records where a delivery stands after an attempt (or a redelivery request).
pub async fn update_delivery(c: &mut AnyConnection, d: &DeliveryRow) -> Result<()> {
    sqlx::query(
        "UPDATE webhook_deliveries SET status = $1, attempts = $2, last_status = $3, last_error = $4, next_attempt_at = $5,
                delivered_at = $6 WHERE id = $7",
    )
    .bind(d.status.as_str())
    .bind(d.attempts)
    .bind(d.last_status)
    .bind(&d.last_error)
    .bind(d.next_attempt_at)
    .bind(d.delivered_at)
    .bind(&d.id)
    .execute(&mut *c)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AttemptRow {
    pub delivery_id: String,
    pub attempt: i64,
    pub started_at: i64,
    pub duration_ms: i64,
    pub response_status: Option<i64>,
    pub error: Option<String>,
    pub response_body: Option<String>,
}

pub async fn insert_attempt(c: &mut AnyConnection, a: &AttemptRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO webhook_attempts (delivery_id, attempt, started_at, duration_ms, response_status, error, response_body)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&a.delivery_id)
    .bind(a.attempt)
    .bind(a.started_at)
    .bind(a.duration_ms)
    .bind(a.response_status)
    .bind(&a.error)
    .bind(&a.response_body)
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// A delivery's attempts, oldest first.
pub async fn attempts(c: &mut AnyConnection, delivery_id: &str) -> Result<Vec<AttemptRow>> {
    Ok(sqlx::query_as::<_, AttemptRow>(
        "SELECT delivery_id, attempt, started_at, duration_ms, response_status, error, response_body
           FROM webhook_attempts WHERE delivery_id = $1 ORDER BY attempt",
    )
    .bind(delivery_id)
    .fetch_all(&mut *c)
    .await?)
}

/// Blanks the organisation's webhook deliveries that mention any of `values` (an erased
/// person's identifiers): their bodies, and what receivers answered to them.
pub async fn erase_deliveries_mentioning(c: &mut AnyConnection, org_id: &str, values: &[String]) -> Result<u64> {
    let mut erased = 0;
    for value in values.iter().filter(|v| !v.is_empty()) {
        let pattern = format!("%{}%", value.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        sqlx::query(
            "UPDATE webhook_attempts SET response_body = NULL
              WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE org_id = $1 AND body LIKE $2 ESCAPE '\\')",
        )
        .bind(org_id)
        .bind(&pattern)
        .execute(&mut *c)
        .await?;
        erased += sqlx::query("UPDATE webhook_deliveries SET body = '{\"erased\":true}' WHERE org_id = $1 AND body LIKE $2 ESCAPE '\\'")
            .bind(org_id)
            .bind(&pattern)
            .execute(&mut *c)
            .await?
            .rows_affected();
    }
    Ok(erased)
}
