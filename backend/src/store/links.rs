//! Consent-link requests, their link instances, and which ledger entries each request produced.

use super::ledger::ENTRY_FIELDS;
use super::Page;
use crate::ledger::LedgerEntry;
use crate::links::RequestStatus;
use crate::{Error, Result};
use sqlx::AnyConnection;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ConsentRequestRow {
    pub id: String,
    pub org_id: String,
    pub asset_id: String,
    pub collection_point_id: String,
    pub principal_id: String,
    pub phone: String,
    pub email: Option<String>,
    pub data_collected_at: i64,
    pub created_at: i64,
    pub expires_at: i64,
    /// The current link instance.
    pub link_id: String,
    pub regeneration_count: i64,
    pub completed_at: Option<i64>,
    pub consent_action: Option<String>,
    /// `pending`, `sent` or `failed` (see `links::EmailDelivery`); null without email.
    pub email_status: Option<String>,
    pub email_error: Option<String>,
    pub created_by: String,
}

const REQUEST_COLUMNS: &str = "r.id, r.org_id, r.asset_id, r.collection_point_id, r.principal_id, r.phone, r.email,
    r.data_collected_at, r.created_at, r.expires_at, r.link_id, r.regeneration_count, r.completed_at, r.consent_action,
    r.email_status, r.email_error, r.created_by";

impl ConsentRequestRow {
    pub fn status(&self, now: i64) -> RequestStatus {
        if self.completed_at.is_some() {
            RequestStatus::Complete
        } else if now >= self.expires_at {
            RequestStatus::Expired
        } else {
            RequestStatus::Active
        }
    }
}

/// A link instance, with the request it belongs to.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InstanceRow {
    pub link_id: String,
    pub request_id: String,
    pub org_id: String,
    pub superseded_at: Option<i64>,
}

/// A ledger entry a request produced, with the dialect's word for it.
#[derive(Debug, Clone)]
pub struct RequestLog {
    pub entry: LedgerEntry,
    pub action: String,
    pub link_id: String,
}

#[derive(Debug, Clone, Default)]
pub struct HistoryFilter {
    pub asset_id: String,
    /// The collection point's UUID (a display id is resolved before).
    pub collection_point_id: Option<String>,
    /// Any of a request's link instances.
    pub link_id: Option<String>,
    pub dp_id: Option<String>,
    pub from: Option<i64>,
    pub to: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub total: i64,
    pub active: i64,
    pub completed: i64,
    pub expired: i64,
}

#[derive(Debug, Clone)]
pub struct History {
    pub rows: Vec<ConsentRequestRow>,
    pub count: i64,
    pub summary: StatusCounts,
    /// Per collection point id, in id order.
    pub per_collection_point: Vec<(String, StatusCounts)>,
}

pub async fn insert_request(c: &mut AnyConnection, r: &ConsentRequestRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO consent_requests (id, org_id, asset_id, collection_point_id, principal_id, phone, email, data_collected_at,
            created_at, expires_at, link_id, regeneration_count, completed_at, consent_action, email_status, email_error, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
    )
    .bind(&r.id)
    .bind(&r.org_id)
    .bind(&r.asset_id)
    .bind(&r.collection_point_id)
    .bind(&r.principal_id)
    .bind(&r.phone)
    .bind(&r.email)
    .bind(r.data_collected_at)
    .bind(r.created_at)
    .bind(r.expires_at)
    .bind(&r.link_id)
    .bind(r.regeneration_count)
    .bind(r.completed_at)
    .bind(&r.consent_action)
    .bind(&r.email_status)
    .bind(&r.email_error)
    .bind(&r.created_by)
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// How many requests were made through a collection point.
pub async fn count_for_collection_point(c: &mut AnyConnection, org_id: &str, collection_point_id: &str) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM consent_requests WHERE org_id = $1 AND collection_point_id = $2")
        .bind(org_id)
        .bind(collection_point_id)
        .fetch_one(&mut *c)
        .await?)
}

pub async fn insert_instance(c: &mut AnyConnection, link_id: &str, request_id: &str, now: i64, expires_at: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO consent_link_instances (link_id, request_id, created_at, expires_at, superseded_at) VALUES ($1, $2, $3, $4, NULL)",
    )
    .bind(link_id)
    .bind(request_id)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *c)
    .await?;
    Ok(())
}

pub async fn request(c: &mut AnyConnection, org_id: &str, request_id: &str) -> Result<ConsentRequestRow> {
    sqlx::query_as::<_, ConsentRequestRow>(&format!("SELECT {REQUEST_COLUMNS} FROM consent_requests r WHERE r.id = $1 AND r.org_id = $2"))
        .bind(request_id)
        .bind(org_id)
        .fetch_optional(&mut *c)
        .await?
        .ok_or(Error::NotFound("consent request"))
}

/// How many requests went to this phone (`column` = `phone`) or email since `since`, and when
/// the oldest of them was made.
pub async fn recent_requests(
    c: &mut AnyConnection,
    org_id: &str,
    column: &'static str,
    value: &str,
    since: i64,
) -> Result<(i64, Option<i64>)> {
    debug_assert!(matches!(column, "phone" | "email"));
    Ok(sqlx::query_as(&format!(
        "SELECT COUNT(*), MIN(created_at) FROM consent_requests WHERE org_id = $1 AND {column} = $2 AND created_at > $3"
    ))
    .bind(org_id)
    .bind(value)
    .bind(since)
    .fetch_one(&mut *c)
    .await?)
}

/// Makes `link_id` the request's only working instance.
pub async fn replace_instance(
    c: &mut AnyConnection,
    org_id: &str,
    request_id: &str,
    link_id: &str,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    sqlx::query("UPDATE consent_link_instances SET superseded_at = $1 WHERE request_id = $2 AND superseded_at IS NULL")
        .bind(now)
        .bind(request_id)
        .execute(&mut *c)
        .await?;
    insert_instance(c, link_id, request_id, now, expires_at).await?;
    sqlx::query(
        "UPDATE consent_requests SET link_id = $1, expires_at = $2, regeneration_count = regeneration_count + 1 WHERE id = $3 AND org_id = $4",
    )
    .bind(link_id)
    .bind(expires_at)
    .bind(request_id)
    .bind(org_id)
    .execute(&mut *c)
    .await?;
    Ok(())
}

pub async fn set_email_delivery(c: &mut AnyConnection, request_id: &str, status: &str, error: Option<&str>) -> Result<()> {
    sqlx::query("UPDATE consent_requests SET email_status = $1, email_error = $2 WHERE id = $3")
        .bind(status)
        .bind(error)
        .bind(request_id)
        .execute(&mut *c)
        .await?;
    Ok(())
}

pub async fn instance(c: &mut AnyConnection, link_id: &str) -> Result<Option<InstanceRow>> {
    Ok(sqlx::query_as::<_, InstanceRow>(
        "SELECT i.link_id, i.request_id, r.org_id, i.superseded_at
           FROM consent_link_instances i JOIN consent_requests r ON r.id = i.request_id WHERE i.link_id = $1",
    )
    .bind(link_id)
    .fetch_optional(&mut *c)
    .await?)
}

/// Records that a decision was made through a request (the first one completes it).
pub async fn record_decision(c: &mut AnyConnection, request_id: &str, entry: &LedgerEntry, link_id: &str, action: &str) -> Result<()> {
    sqlx::query("UPDATE consent_requests SET completed_at = COALESCE(completed_at, $1), consent_action = $2 WHERE id = $3")
        .bind(entry.occurred_at)
        .bind(action)
        .bind(request_id)
        .execute(&mut *c)
        .await?;
    sqlx::query("INSERT INTO consent_request_logs (ledger_entry_id, request_id, link_id, action, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(&entry.id)
        .bind(request_id)
        .bind(link_id)
        .bind(action)
        .bind(entry.occurred_at)
        .execute(&mut *c)
        .await?;
    Ok(())
}

/// The newest `limit` ledger entries a request produced, oldest first.
pub async fn logs(c: &mut AnyConnection, org_id: &str, request_id: &str, limit: i64) -> Result<Vec<RequestLog>> {
    #[derive(sqlx::FromRow)]
    struct Joined {
        #[sqlx(flatten)]
        entry: LedgerEntry,
        log_action: String,
        log_link_id: String,
    }
    let rows = sqlx::query_as::<_, Joined>(&format!(
        "SELECT {ENTRY_FIELDS}, l.action AS log_action, l.link_id AS log_link_id FROM consent_request_logs l
           JOIN ledger_entries e ON e.id = l.ledger_entry_id LEFT JOIN ledger_personal p ON p.entry_id = e.id
          WHERE l.request_id = $1 AND e.org_id = $2 ORDER BY e.seq DESC LIMIT $3"
    ))
    .bind(request_id)
    .bind(org_id)
    .bind(limit)
    .fetch_all(&mut *c)
    .await?;
    Ok(rows.into_iter().rev().map(|j| RequestLog { entry: j.entry, action: j.log_action, link_id: j.log_link_id }).collect())
}

/// How many decisions were made through a link instance since `since`.
pub async fn decisions_since(c: &mut AnyConnection, link_id: &str, since: i64) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM consent_request_logs WHERE link_id = $1 AND created_at > $2")
        .bind(link_id)
        .bind(since)
        .fetch_one(&mut *c)
        .await?)
}

/// History of requests for one asset, newest first, with status counts as of `now`.
pub async fn history(c: &mut AnyConnection, org_id: &str, filter: &HistoryFilter, page: Page, now: i64) -> Result<History> {
    let conditions = "r.org_id = $1 AND r.asset_id = $2 AND ($3 IS NULL OR r.collection_point_id = $3)
        AND ($4 IS NULL OR EXISTS (SELECT 1 FROM consent_link_instances i WHERE i.request_id = r.id AND i.link_id = $4))
        AND ($5 IS NULL OR p.dp_id = $5) AND ($6 IS NULL OR r.created_at >= $6) AND r.created_at <= $7";
    let from = "consent_requests r JOIN principals p ON p.id = r.principal_id";
    let rows_sql = format!("SELECT {REQUEST_COLUMNS} FROM {from} WHERE {conditions} ORDER BY r.created_at DESC, r.id LIMIT $8 OFFSET $9");
    let rows = bind_history_filter(sqlx::query_as::<_, ConsentRequestRow>(&rows_sql), org_id, filter)
        .bind(page.limit)
        .bind(page.offset)
        .fetch_all(&mut *c)
        .await?;
    let counts = "COUNT(*),
        COUNT(*) FILTER (WHERE r.completed_at IS NULL AND r.expires_at > $8),
        COUNT(*) FILTER (WHERE r.completed_at IS NOT NULL),
        COUNT(*) FILTER (WHERE r.completed_at IS NULL AND r.expires_at <= $8)";
    let per_cp_sql = format!(
        "SELECT r.collection_point_id, {counts} FROM {from} WHERE {conditions} GROUP BY r.collection_point_id ORDER BY r.collection_point_id"
    );
    let per_cp: Vec<(String, i64, i64, i64, i64)> =
        bind_history_filter(sqlx::query_as(&per_cp_sql), org_id, filter).bind(now).fetch_all(&mut *c).await?;
    let per_collection_point: Vec<(String, StatusCounts)> = per_cp
        .into_iter()
        .map(|(id, total, active, completed, expired)| (id, StatusCounts { total, active, completed, expired }))
        .collect();
    let summary = per_collection_point.iter().fold(StatusCounts::default(), |acc, (_, c)| StatusCounts {
        total: acc.total + c.total,
        active: acc.active + c.active,
        completed: acc.completed + c.completed,
        expired: acc.expired + c.expired,
    });
    Ok(History { rows, count: summary.total, summary, per_collection_point })
}

/// Binds `$1`-`$7` of the history conditions; the page or the counts' moment follow.
fn bind_history_filter<'q, O>(
    query: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>,
    org_id: &'q str,
    filter: &'q HistoryFilter,
) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
    query
        .bind(org_id)
        .bind(&filter.asset_id)
        .bind(&filter.collection_point_id)
        .bind(&filter.link_id)
        .bind(&filter.dp_id)
        .bind(filter.from)
        .bind(filter.to)
}

/// Erases a person's contact details from their consent-link requests: the phone number (left
/// empty: the column is required), the email and any email error, which may quote it.
pub async fn erase_principal(c: &mut AnyConnection, org_id: &str, principal_id: &str) -> Result<u64> {
    Ok(sqlx::query("UPDATE consent_requests SET phone = '', email = NULL, email_error = NULL WHERE org_id = $1 AND principal_id = $2")
        .bind(org_id)
        .bind(principal_id)
        .execute(&mut *c)
        .await?
        .rows_affected())
}
