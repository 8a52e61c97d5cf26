//! Consent links: a request from the customer's backend for one person's consent through one
//! collection point, delivered as a link that opens the hosted consent page. The person's
//! decisions are ledger entries; the request keeps the dialect's view (status, action, logs).

use crate::ledger::{
    append_decision, resolve_principal, Action, Decision, EventRow, Identifier, PurposeDecision, SubjectKind, EVENT_COLUMNS,
};
use crate::store::{new_id, CollectionPointRow, OrgRow, Page, Store};
use crate::types::Email;
use crate::{now_ms, Error, Result};
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

/// A phone number in E.164 form. Ten bare digits are an Indian mobile number and get `+91`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Phone {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let s = s.trim();
        let all_digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
        if s.len() == 10 && all_digits(s) {
            return Ok(Self(format!("+91{s}")));
        }
        match s.strip_prefix('+') {
            Some(d) if all_digits(d) && (8..=15).contains(&d.len()) && !d.starts_with('0') => Ok(Self(s.to_string())),
            _ => Err(Error::invalid("phone", "must be in E.164 format (+919876543210) or a 10-digit number")),
        }
    }
}

/// `+*******4311`: every digit but the last four hidden (the last three for short numbers).
pub fn mask_phone(phone: &str) -> String {
    let digits: Vec<char> = phone.chars().filter(|c| c.is_ascii_digit()).collect();
    let keep = if digits.len() > 8 { 4 } else { 3 };
    let hidden = digits.len().saturating_sub(keep);
    let tail: String = digits[hidden..].iter().collect();
    format!("+{}{}", "*".repeat(hidden), tail)
}

/// How long a link stays valid: 1 to 24 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExpiryHours(i64);

impl ExpiryHours {
    pub const DEFAULT: ExpiryHours = ExpiryHours(24);

    pub fn new(hours: i64) -> Result<Self> {
        if (1..=24).contains(&hours) {
            Ok(Self(hours))
        } else {
            Err(Error::invalid("expiry_hours", "must be between 1 and 24"))
        }
    }

    pub fn millis(self) -> i64 {
        self.0 * 60 * 60 * 1000
    }
}

/// A link request's state, as of a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestStatus {
    Active,
    Complete,
    Expired,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Active => "active",
            RequestStatus::Complete => "complete",
            RequestStatus::Expired => "expired",
        }
    }
}

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
    pub event_id: String,
    pub regeneration_count: i64,
    pub completed_at: Option<i64>,
    pub consent_action: Option<String>,
    pub email_status: Option<String>,
    pub email_error: Option<String>,
    pub created_by: String,
}

const REQUEST_COLUMNS: &str = "r.id, r.org_id, r.asset_id, r.collection_point_id, r.principal_id, r.phone, r.email,
    r.data_collected_at, r.created_at, r.expires_at, r.event_id, r.regeneration_count, r.completed_at, r.consent_action,
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

#[derive(Debug, Clone)]
pub struct NewConsentLink {
    /// UUID or display id.
    pub collection_point: String,
    pub asset_id: String,
    pub phone: Phone,
    pub email: Option<Email>,
    pub expiry: ExpiryHours,
    pub data_collected_at: Option<i64>,
    pub actor: String,
}

/// Abuse limits on link creation, per person, over the last 24 hours.
#[derive(Debug, Clone, Copy)]
pub struct LinkLimits {
    pub per_phone_per_day: i64,
    pub per_email_per_day: i64,
}

impl Default for LinkLimits {
    fn default() -> Self {
        Self { per_phone_per_day: 10, per_email_per_day: 10 }
    }
}

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// What the person chose on the consent page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkChoice {
    ApproveAll,
    DeclineAll,
    /// The purposes the person ticked. Required purposes are granted regardless: declining
    /// them is what "Decline" is for.
    Choose(BTreeSet<String>),
    Withdraw,
}

/// The dialect's word for a decision: `approved`, `declined`, `partially_approved`, `withdrawn`.
pub fn consent_action_word(choice: &LinkChoice, decisions: &[PurposeDecision]) -> &'static str {
    match choice {
        LinkChoice::Withdraw => "withdrawn",
        _ if decisions.iter().all(|d| d.granted) => "approved",
        _ if decisions.iter().all(|d| !d.granted) => "declined",
        _ => "partially_approved",
    }
}

/// What a link path leads to.
#[derive(Debug, Clone)]
pub enum LinkTarget {
    /// The live instance of a request. `expired` is set when it can no longer be answered
    /// for the first time (a completed request can still be changed or withdrawn).
    Live {
        org: OrgRow,
        request: ConsentRequestRow,
        collection_point: CollectionPointRow,
        expired: bool,
    },
    /// A newer link replaced this one.
    Replaced {
        org: OrgRow,
    },
    Unknown,
}

/// Proof of where a decision came from.
#[derive(Debug, Clone, Default)]
pub struct LinkEvidence {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub language: Option<String>,
    /// The collection point version the page showed (defaults to the current one).
    pub shown_version: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct RequestLog {
    pub event: EventRow,
    pub action: String,
    pub link_event_id: String,
}

#[derive(Debug, Clone, Default)]
pub struct HistoryFilter {
    pub asset_id: String,
    pub collection_point: Option<String>,
    pub event_id: Option<String>,
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

impl Store {
    /// Creates a request and its first link instance. The person is resolved (or created) from
    /// the phone and email, so their consents through any surface share one history.
    pub async fn create_consent_link(&self, org_id: &str, new: &NewConsentLink, limits: LinkLimits) -> Result<ConsentRequestRow> {
        let cp = self.collection_point(org_id, &new.collection_point).await?;
        if cp.asset_id != new.asset_id {
            return Err(Error::invalid("asset_id", "does not match the collection point's asset"));
        }
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        check_link_limit(&mut tx, org_id, "phone", new.phone.as_str(), limits.per_phone_per_day, now).await?;
        if let Some(email) = &new.email {
            check_link_limit(&mut tx, org_id, "email", email.as_str(), limits.per_email_per_day, now).await?;
        }
        let mut identifiers = vec![Identifier::Phone(new.phone.as_str().to_string())];
        if let Some(email) = &new.email {
            identifiers.push(Identifier::Email(email.as_str().to_string()));
        }
        let principal = resolve_principal(&mut tx, org_id, &identifiers).await?;
        let id = new_id();
        let event_id = new_id();
        let expires_at = now + new.expiry.millis();
        sqlx::query(
            "INSERT INTO consent_requests (id, org_id, asset_id, collection_point_id, principal_id, phone, email, data_collected_at,
                created_at, expires_at, event_id, regeneration_count, completed_at, consent_action, email_status, email_error, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, NULL, NULL, NULL, NULL, $12)",
        )
        .bind(&id)
        .bind(org_id)
        .bind(&cp.asset_id)
        .bind(&cp.id)
        .bind(&principal.id)
        .bind(new.phone.as_str())
        .bind(new.email.as_ref().map(|e| e.as_str().to_string()))
        .bind(new.data_collected_at.unwrap_or(now))
        .bind(now)
        .bind(expires_at)
        .bind(&event_id)
        .bind(&new.actor)
        .execute(&mut *tx)
        .await?;
        insert_instance(&mut tx, &event_id, &id, now, expires_at).await?;
        tx.commit().await?;
        self.consent_request(org_id, &id).await
    }

    pub async fn consent_request(&self, org_id: &str, request_id: &str) -> Result<ConsentRequestRow> {
        sqlx::query_as::<_, ConsentRequestRow>(&format!(
            "SELECT {REQUEST_COLUMNS} FROM consent_requests r WHERE r.id = $1 AND r.org_id = $2"
        ))
        .bind(request_id)
        .bind(org_id)
        .fetch_optional(self.pool())
        .await?
        .ok_or(Error::NotFound("consent request"))
    }

    /// The data principal id of a request's person.
    pub async fn dp_id(&self, principal_id: &str) -> Result<String> {
        sqlx::query_scalar("SELECT dp_id FROM principals WHERE id = $1")
            .bind(principal_id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(Error::NotFound("data principal"))
    }

    /// Issues a new link instance for the same request; the previous link stops working at once.
    pub async fn regenerate_consent_link(&self, org_id: &str, request_id: &str, expiry: ExpiryHours) -> Result<ConsentRequestRow> {
        let mut tx = self.begin_write().await?;
        let current = sqlx::query_as::<_, ConsentRequestRow>(&format!(
            "SELECT {REQUEST_COLUMNS} FROM consent_requests r WHERE r.id = $1 AND r.org_id = $2"
        ))
        .bind(request_id)
        .bind(org_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(Error::NotFound("consent request"))?;
        if current.completed_at.is_some() {
            return Err(Error::invalid("request_id", "consent was already given through this request; it cannot be regenerated"));
        }
        let now = now_ms();
        let event_id = new_id();
        let expires_at = now + expiry.millis();
        sqlx::query("UPDATE consent_link_instances SET superseded_at = $1 WHERE request_id = $2 AND superseded_at IS NULL")
            .bind(now)
            .bind(request_id)
            .execute(&mut *tx)
            .await?;
        insert_instance(&mut tx, &event_id, request_id, now, expires_at).await?;
        sqlx::query(
            "UPDATE consent_requests SET event_id = $1, expires_at = $2, regeneration_count = regeneration_count + 1 WHERE id = $3 AND org_id = $4",
        )
        .bind(&event_id)
        .bind(expires_at)
        .bind(request_id)
        .bind(org_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.consent_request(org_id, request_id).await
    }

    pub async fn set_email_delivery(&self, request_id: &str, status: &str, error: Option<&str>) -> Result<()> {
        sqlx::query("UPDATE consent_requests SET email_status = $1, email_error = $2 WHERE id = $3")
            .bind(status)
            .bind(error)
            .bind(request_id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Resolves `/{subdomain}/{display_id}/{event_id}`.
    pub async fn consent_link_target(&self, subdomain: &str, display_id: &str, event_id: &str) -> Result<LinkTarget> {
        let Ok(org) = self.org_by_subdomain(subdomain).await else {
            return Ok(LinkTarget::Unknown);
        };
        let instance: Option<(String, Option<i64>)> =
            sqlx::query_as("SELECT i.request_id, i.superseded_at FROM consent_link_instances i JOIN consent_requests r ON r.id = i.request_id WHERE i.event_id = $1 AND r.org_id = $2")
                .bind(event_id)
                .bind(&org.id)
                .fetch_optional(self.pool())
                .await?;
        let Some((request_id, superseded_at)) = instance else {
            return Ok(LinkTarget::Unknown);
        };
        let request = self.consent_request(&org.id, &request_id).await?;
        let Ok(collection_point) = self.collection_point(&org.id, &request.collection_point_id).await else {
            return Ok(LinkTarget::Unknown);
        };
        if collection_point.display_id != display_id {
            return Ok(LinkTarget::Unknown);
        }
        if superseded_at.is_some() {
            return Ok(LinkTarget::Replaced { org });
        }
        let expired = request.status(now_ms()) == RequestStatus::Expired;
        Ok(LinkTarget::Live { org, request, collection_point, expired })
    }

    /// Records the person's choice made through a link instance: a ledger entry, the
    /// per-purpose state and the request's status, in one transaction.
    pub async fn record_link_decision(
        &self,
        event_id: &str,
        choice: &LinkChoice,
        evidence: &LinkEvidence,
    ) -> Result<(ConsentRequestRow, EventRow)> {
        let (request_id, org_id): (String, String) =
            sqlx::query_as("SELECT i.request_id, r.org_id FROM consent_link_instances i JOIN consent_requests r ON r.id = i.request_id WHERE i.event_id = $1")
                .bind(event_id)
                .fetch_optional(self.pool())
                .await?
                .ok_or(Error::NotFound("consent link"))?;
        let request = self.consent_request(&org_id, &request_id).await?;
        let now = now_ms();
        if request.completed_at.is_none() && now >= request.expires_at {
            return Err(Error::Forbidden("this consent link has expired"));
        }
        if matches!(choice, LinkChoice::Withdraw) && request.completed_at.is_none() {
            return Err(Error::invalid("decision", "there is no consent to withdraw yet"));
        }
        let current = self.collection_point(&org_id, &request.collection_point_id).await?;
        let shown = match evidence.shown_version {
            Some(v) if v != current.version => self.collection_point_version(&org_id, &current.id, v).await.unwrap_or(current),
            _ => current,
        };
        let decisions: Vec<PurposeDecision> = shown
            .purposes
            .iter()
            .map(|p| PurposeDecision {
                purpose_id: p.id.clone(),
                granted: match choice {
                    LinkChoice::ApproveAll => true,
                    LinkChoice::DeclineAll | LinkChoice::Withdraw => false,
                    LinkChoice::Choose(ticked) => p.required || ticked.contains(&p.id),
                },
            })
            .collect();
        let word = consent_action_word(choice, &decisions);
        let action = match choice {
            LinkChoice::Withdraw => Action::Withdrawn,
            _ if decisions.iter().all(|d| d.granted) => Action::Granted,
            _ => Action::Denied,
        };
        let mut identifiers = vec![Identifier::Phone(request.phone.clone())];
        if let Some(email) = &request.email {
            identifiers.push(Identifier::Email(email.clone()));
        }
        let decision = Decision {
            org_id: org_id.clone(),
            identifiers,
            subject_kind: SubjectKind::CollectionPoint,
            subject_id: shown.id.clone(),
            action,
            purposes: decisions,
            collected_via: "consent_link".into(),
            notice_version: Some(shown.version),
            notice_hash: Some(shown.content_hash.clone()),
            evidence: serde_json::json!({
                "ip": evidence.ip,
                "user_agent": evidence.user_agent,
                "language": evidence.language,
                "request_id": request.id,
                "link_event_id": event_id,
                "consent_action": word,
            }),
            actor: "principal".into(),
        };
        let mut tx = self.pool().begin().await?;
        let event = append_decision(&mut tx, &decision).await?;
        // Re-checked under the chain lock: a regeneration that committed meanwhile wins.
        let superseded: Option<i64> = sqlx::query_scalar("SELECT superseded_at FROM consent_link_instances WHERE event_id = $1")
            .bind(event_id)
            .fetch_one(&mut *tx)
            .await?;
        if superseded.is_some() {
            return Err(Error::Forbidden("this consent link was replaced by a newer one"));
        }
        sqlx::query("UPDATE consent_requests SET completed_at = COALESCE(completed_at, $1), consent_action = $2 WHERE id = $3")
            .bind(event.occurred_at)
            .bind(word)
            .bind(&request.id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO consent_request_logs (ledger_event_id, request_id, link_event_id, action, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&event.id)
        .bind(&request.id)
        .bind(event_id)
        .bind(word)
        .bind(event.occurred_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok((self.consent_request(&org_id, &request.id).await?, event))
    }

    /// The ledger entries a request produced, oldest first.
    pub async fn consent_request_logs(&self, org_id: &str, request_id: &str) -> Result<Vec<RequestLog>> {
        #[derive(sqlx::FromRow)]
        struct Joined {
            #[sqlx(flatten)]
            event: EventRow,
            log_action: String,
            link_event_id: String,
        }
        let event_columns: Vec<String> = EVENT_COLUMNS.split(',').map(|c| format!("e.{}", c.trim())).collect();
        let rows = sqlx::query_as::<_, Joined>(&format!(
            "SELECT {}, l.action AS log_action, l.link_event_id FROM consent_request_logs l
               JOIN consent_events e ON e.id = l.ledger_event_id
              WHERE l.request_id = $1 AND e.org_id = $2 ORDER BY e.seq",
            event_columns.join(", ")
        ))
        .bind(request_id)
        .bind(org_id)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(|j| RequestLog { event: j.event, action: j.log_action, link_event_id: j.link_event_id }).collect())
    }

    /// History of requests for one asset, newest first, with status counts as of `now`.
    pub async fn consent_link_history(&self, org_id: &str, filter: &HistoryFilter, page: Page, now: i64) -> Result<History> {
        // A collection point filter is a UUID or a display id; an unknown one matches nothing.
        let cp_id = match &filter.collection_point {
            Some(c) => Some(self.collection_point(org_id, c).await.map(|cp| cp.id).unwrap_or_else(|_| format!("unknown:{c}"))),
            None => None,
        };
        let conditions = "r.org_id = $1 AND r.asset_id = $2 AND ($3 IS NULL OR r.collection_point_id = $3)
            AND ($4 IS NULL OR EXISTS (SELECT 1 FROM consent_link_instances i WHERE i.request_id = r.id AND i.event_id = $4))
            AND ($5 IS NULL OR p.dp_id = $5) AND ($6 IS NULL OR r.created_at >= $6) AND r.created_at <= $7";
        let from = "consent_requests r JOIN principals p ON p.id = r.principal_id";
        let rows_sql =
            format!("SELECT {REQUEST_COLUMNS} FROM {from} WHERE {conditions} ORDER BY r.created_at DESC, r.id LIMIT $8 OFFSET $9");
        let rows = bind_history_filter(sqlx::query_as::<_, ConsentRequestRow>(&rows_sql), org_id, filter, &cp_id)
            .bind(page.limit)
            .bind(page.offset)
            .fetch_all(self.pool())
            .await?;
        let counts = "COUNT(*),
            COUNT(*) FILTER (WHERE r.completed_at IS NULL AND r.expires_at > $8),
            COUNT(*) FILTER (WHERE r.completed_at IS NOT NULL),
            COUNT(*) FILTER (WHERE r.completed_at IS NULL AND r.expires_at <= $8)";
        let per_cp_sql = format!(
            "SELECT r.collection_point_id, {counts} FROM {from} WHERE {conditions} GROUP BY r.collection_point_id ORDER BY r.collection_point_id"
        );
        let per_cp: Vec<(String, i64, i64, i64, i64)> =
            bind_history_filter(sqlx::query_as(&per_cp_sql), org_id, filter, &cp_id).bind(now).fetch_all(self.pool()).await?;
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
}

/// Binds `$1`-`$7` of the history conditions; the page or the counts' moment follow.
fn bind_history_filter<'q, O>(
    query: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>,
    org_id: &'q str,
    filter: &'q HistoryFilter,
    cp_id: &'q Option<String>,
) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
    query.bind(org_id).bind(&filter.asset_id).bind(cp_id).bind(&filter.event_id).bind(&filter.dp_id).bind(filter.from).bind(filter.to)
}

/// At most `limit` requests per phone (or email) in 24 hours.
async fn check_link_limit(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    org_id: &str,
    column: &'static str,
    value: &str,
    limit: i64,
    now: i64,
) -> Result<()> {
    let (count, oldest): (i64, Option<i64>) = sqlx::query_as(&format!(
        "SELECT COUNT(*), MIN(created_at) FROM consent_requests WHERE org_id = $1 AND {column} = $2 AND created_at > $3"
    ))
    .bind(org_id)
    .bind(value)
    .bind(now - DAY_MS)
    .fetch_one(&mut **tx)
    .await?;
    if count >= limit {
        let retry_after_secs = ((oldest.unwrap_or(now) + DAY_MS - now) / 1000).max(1) as u64;
        return Err(Error::RateLimited { retry_after_secs });
    }
    Ok(())
}

async fn insert_instance(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    event_id: &str,
    request_id: &str,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO consent_link_instances (event_id, request_id, created_at, expires_at, superseded_at) VALUES ($1, $2, $3, $4, NULL)",
    )
    .bind(event_id)
    .bind(request_id)
    .bind(now)
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        assert_eq!("9876543210".parse::<Phone>().unwrap().as_str(), "+919876543210");
        assert_eq!("+14155550123".parse::<Phone>().unwrap().as_str(), "+14155550123");
        for bad in ["98765", "+0123456789", "919876543210", "+91 98765 43210", "abc", "+1234567", "", "+1234567890123456"] {
            assert!(bad.parse::<Phone>().is_err(), "{bad}");
        }
    }

    #[test]
    fn masking_keeps_the_last_digits() {
        assert_eq!(mask_phone("+19876544311"), "+*******4311");
        assert_eq!(mask_phone("+919876543210"), "+********3210");
        assert_eq!(mask_phone("+12345678"), "+*****678");
    }

    #[test]
    fn expiry_is_capped_at_a_day() {
        assert!(ExpiryHours::new(24).is_ok());
        assert!(ExpiryHours::new(25).is_err());
        assert!(ExpiryHours::new(0).is_err());
        assert_eq!(ExpiryHours::DEFAULT.millis(), 86_400_000);
    }

    #[test]
    fn action_words() {
        let d = |g: &[bool]| g.iter().map(|g| PurposeDecision { purpose_id: "p".into(), granted: *g }).collect::<Vec<_>>();
        assert_eq!(consent_action_word(&LinkChoice::ApproveAll, &d(&[true, true])), "approved");
        assert_eq!(consent_action_word(&LinkChoice::DeclineAll, &d(&[false, false])), "declined");
        assert_eq!(consent_action_word(&LinkChoice::Choose(BTreeSet::new()), &d(&[true, false])), "partially_approved");
        assert_eq!(consent_action_word(&LinkChoice::Withdraw, &d(&[false])), "withdrawn");
    }
}
