//! The consent-link dialect (seeds 000-002): create, regenerate, history and status.
//! Errors are `{"detail": "…"}` with the statuses the seeds list.

use crate::api::auth::{credential, Caller, CallerKind};
use crate::state::AppState;
use app::dto::{
    CollectionPointCounts, CollectionPointSnapshot, ConsentLinkCreated, ConsentLinkFilters, ConsentLinkHistory, ConsentLinkHistoryItem,
    ConsentLinkStatus, ConsentLinkSummary, ConsentLogEntry, CreateConsentLink, DetailError, PurposeConsent, RegenerateConsentLink,
};
use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::{header, request::Parts, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use backend::consent_links::{mask_phone, ConsentRequestRow, ExpiryHours, HistoryFilter, NewConsentLink, Phone};
use backend::email::ConsentLinkEmail;
use backend::store::{CollectionPointRow, OrgRow, Page};
use backend::types::{Email, Scope};
use backend::{human_utc, iso8601, now_ms, parse_iso8601, Error};
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap};

/// Mounted at the root.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/consent/consent-links", post(create))
        .route("/api/consent/consent-links/{request_id}/regenerate", post(regenerate))
}

/// Mounted under `/api/v1`, beside our management API.
pub fn v1_routes() -> Router<AppState> {
    Router::new()
        .route("/external/public/consent-link/history", get(history))
        .route("/external/public/consent-link/status/{request_id}", get(status))
}

/// An error of this dialect.
#[derive(Debug)]
pub struct LinkError {
    status: StatusCode,
    detail: String,
    retry_after: Option<u64>,
}

impl LinkError {
    fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        Self { status, detail: detail.into(), retry_after: None }
    }
    fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, detail)
    }
}

impl From<Error> for LinkError {
    fn from(err: Error) -> Self {
        match err {
            Error::Invalid { field, message } => Self::bad_request(format!("{field}: {message}")),
            Error::NotFound(what) => Self::new(StatusCode::NOT_FOUND, format!("{what} not found")),
            Error::Conflict(msg) => Self::bad_request(msg),
            Error::Unauthenticated => Self::new(StatusCode::UNAUTHORIZED, "invalid or missing credentials"),
            Error::Forbidden(msg) => Self::new(StatusCode::FORBIDDEN, msg),
            Error::RateLimited { retry_after_secs } => Self {
                status: StatusCode::TOO_MANY_REQUESTS,
                detail: "too many requests; retry later".into(),
                retry_after: Some(retry_after_secs),
            },
            other => {
                tracing::error!(error = ?other, "consent-link request failed");
                Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal server error")
            }
        }
    }
}

impl IntoResponse for LinkError {
    fn into_response(self) -> Response {
        let mut res = (self.status, Json(DetailError { detail: self.detail })).into_response();
        if let Some(secs) = self.retry_after {
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        res
    }
}

type LinkResult<T> = Result<T, LinkError>;

/// Who is calling, resolved the way the seeds describe: credentials first (401), then the
/// `X-Org-Id` header (400 when missing or unknown), then that the credentials belong to it (403).
pub struct LinkCaller(pub Caller);

impl FromRequestParts<AppState> for LinkCaller {
    type Rejection = LinkError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let headers = &parts.headers;
        if credential(headers).is_none() {
            return Err(LinkError::new(StatusCode::UNAUTHORIZED, "missing credentials: send X-API-Key or Authorization: Bearer"));
        }
        let slug = headers.get("x-org-id").and_then(|v| v.to_str().ok()).map(str::trim).filter(|s| !s.is_empty());
        let Some(slug) = slug else {
            return Err(LinkError::bad_request("X-Org-Id header is required"));
        };
        let org = match state.store.org_by_slug(slug).await {
            Ok(org) => org,
            Err(Error::NotFound(_)) => return Err(LinkError::bad_request("X-Org-Id could not be resolved")),
            Err(e) => return Err(e.into()),
        };
        let caller = Caller::from_credentials(state, headers).await?;
        if caller.org.id != org.id {
            return Err(LinkError::new(StatusCode::FORBIDDEN, "these credentials do not belong to the organisation in X-Org-Id"));
        }
        let key = match &caller.kind {
            CallerKind::User { user_id, .. } => format!("user:{user_id}"),
            CallerKind::ApiKey { key_id, .. } => format!("key:{key_id}"),
        };
        state.api_limiter.check(&key).map_err(|retry_after_secs| LinkError::from(Error::RateLimited { retry_after_secs }))?;
        Ok(LinkCaller(caller))
    }
}

impl LinkCaller {
    /// Creating links: keys with `consent` or `admin`, dashboard owners and admins.
    fn require_create(&self) -> LinkResult<()> {
        match &self.0.kind {
            CallerKind::ApiKey { scopes, .. } if scopes.allows(Scope::Consent) => Ok(()),
            CallerKind::User { role, .. } if role.can_write() => Ok(()),
            _ => Err(LinkError::new(StatusCode::FORBIDDEN, "these credentials may not create consent links")),
        }
    }

    /// History and status: keys with `admin`, or any dashboard user.
    fn require_admin(&self) -> LinkResult<()> {
        match &self.0.kind {
            CallerKind::ApiKey { scopes, .. } if scopes.allows(Scope::Admin) => Ok(()),
            CallerKind::User { .. } => Ok(()),
            _ => Err(LinkError::new(StatusCode::FORBIDDEN, "API key lacks the admin scope")),
        }
    }
}

/// A JSON body, or an empty one where the body is optional.
fn json_body<T: DeserializeOwned + Default>(headers: &HeaderMap, body: &Bytes, required: bool) -> LinkResult<T> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return if required { Err(LinkError::bad_request("a JSON body is required")) } else { Ok(T::default()) };
    }
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.split(';').next().is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json")));
    if !is_json {
        return Err(LinkError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "send the body as Content-Type: application/json"));
    }
    serde_json::from_slice(body).map_err(|e| LinkError::bad_request(format!("invalid JSON body: {e}")))
}

/// `{public URL}/{org subdomain}/{collection point display_id}/{event_id}`.
pub fn link_url(state: &AppState, subdomain: &str, display_id: &str, event_id: &str) -> String {
    format!("{}/{subdomain}/{display_id}/{event_id}", state.config.public_url)
}

/// Sends a request's consent-link email, records the outcome on the request, and queues a
/// retry when an SMTP server is configured but did not accept it.
pub async fn send_email(state: &AppState, org: &OrgRow, cp: &CollectionPointRow, request: &ConsentRequestRow) -> Result<(), String> {
    let Some(to) = &request.email else { return Ok(()) };
    let link = link_url(state, &org.subdomain, &cp.display_id, &request.event_id);
    let expires_at = human_utc(request.expires_at);
    let mail = ConsentLinkEmail {
        to,
        org_name: &org.brand_name,
        brand_color: &org.brand_color,
        logo_url: org.logo_url.as_deref(),
        collection_point_name: &cp.name,
        link: &link,
        expires_at: &expires_at,
    };
    state.mailer.send_consent_link(&mail).await
}

async fn send_first_email(state: &AppState, org: &OrgRow, cp: &CollectionPointRow, request: &ConsentRequestRow) -> &'static str {
    if request.email.is_none() {
        return "";
    }
    let (status, error) = match send_email(state, org, cp, request).await {
        Ok(()) => ("sent", None),
        Err(reason) => {
            tracing::warn!(request_id = %request.id, %reason, "consent-link email failed");
            if state.mailer.is_configured() {
                if let Err(e) = state.store.enqueue_email_retry(&org.id, &request.id, &reason).await {
                    tracing::error!(error = ?e, "could not queue the email for a retry");
                }
            }
            ("failed", Some(reason))
        }
    };
    if let Err(e) = state.store.set_email_delivery(&request.id, status, error.as_deref()).await {
        tracing::error!(error = ?e, "could not record the email delivery status");
    }
    status
}

fn created(state: &AppState, caller: &Caller, cp: &CollectionPointRow, request: &ConsentRequestRow, email: &str) -> ConsentLinkCreated {
    let mut delivery_status = BTreeMap::new();
    if !email.is_empty() {
        delivery_status.insert("email".to_string(), email.to_string());
    }
    ConsentLinkCreated {
        request_id: request.id.clone(),
        event_id: request.event_id.clone(),
        consent_link: link_url(state, &caller.org.subdomain, &cp.display_id, &request.event_id),
        expires_at: iso8601(request.expires_at),
        delivery_status,
        regeneration_count: None,
    }
}

/// `POST /api/consent/consent-links`
pub async fn create(
    State(state): State<AppState>,
    caller: LinkCaller,
    headers: HeaderMap,
    body: Bytes,
) -> LinkResult<Json<ConsentLinkCreated>> {
    caller.require_create()?;
    let LinkCaller(caller) = caller;
    let req: CreateConsentLink = json_body(&headers, &body, true)?;
    if req.collection_point_id.trim().is_empty() {
        return Err(LinkError::bad_request("collection_point_id is required"));
    }
    if req.asset_id.trim().is_empty() {
        return Err(LinkError::bad_request("asset_id is required"));
    }
    let new = NewConsentLink {
        collection_point: req.collection_point_id.trim().to_string(),
        asset_id: req.asset_id.trim().to_string(),
        phone: req.phone.parse::<Phone>()?,
        email: req.email.as_deref().filter(|e| !e.trim().is_empty()).map(str::parse::<Email>).transpose()?,
        expiry: req.expiry_hours.map(ExpiryHours::new).transpose()?.unwrap_or(ExpiryHours::DEFAULT),
        data_collected_at: match req.data_collection_timestamp.as_deref() {
            None => None,
            Some(ts) => {
                Some(parse_iso8601(ts).ok_or_else(|| LinkError::bad_request("data_collection_timestamp must be an ISO 8601 datetime"))?)
            }
        },
        actor: caller.actor(),
    };
    let request = state.store.create_consent_link(&caller.org.id, &new, state.config.link_limits).await?;
    let cp = state.store.collection_point(&caller.org.id, &request.collection_point_id).await?;
    let email = send_first_email(&state, &caller.org, &cp, &request).await;
    Ok(Json(created(&state, &caller, &cp, &request, email)))
}

/// `POST /api/consent/consent-links/{request_id}/regenerate`
pub async fn regenerate(
    State(state): State<AppState>,
    caller: LinkCaller,
    Path(request_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> LinkResult<Json<ConsentLinkCreated>> {
    caller.require_create()?;
    let LinkCaller(caller) = caller;
    let request_id = parse_request_id(&request_id)?;
    let req: RegenerateConsentLink = json_body(&headers, &body, false)?;
    let expiry = req.expiry_hours.map(ExpiryHours::new).transpose()?.unwrap_or(ExpiryHours::DEFAULT);
    let request = state.store.regenerate_consent_link(&caller.org.id, &request_id, expiry).await?;
    let cp = state.store.collection_point(&caller.org.id, &request.collection_point_id).await?;
    let mut out = created(&state, &caller, &cp, &request, "");
    out.regeneration_count = Some(request.regeneration_count);
    Ok(Json(out))
}

fn parse_request_id(raw: &str) -> LinkResult<String> {
    uuid::Uuid::parse_str(raw.trim()).map(|u| u.to_string()).map_err(|_| LinkError::bad_request("request_id is invalid"))
}

/// `GET /api/v1/external/public/consent-link/history`
pub async fn history(
    State(state): State<AppState>,
    caller: LinkCaller,
    Query(params): Query<HashMap<String, String>>,
) -> LinkResult<Json<ConsentLinkHistory>> {
    caller.require_admin()?;
    let org_id = caller.0.org.id.clone();
    let param = |name: &str| params.get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let asset_id = param("asset_id").ok_or_else(|| LinkError::bad_request("asset_id is required"))?;
    let now = now_ms();
    let timestamp = |name: &str| -> LinkResult<Option<i64>> {
        match param(name) {
            None => Ok(None),
            Some(v) => parse_iso8601(&v)
                .map(Some)
                .ok_or_else(|| LinkError::bad_request(format!("{name}: timestamp format is invalid (use ISO 8601)"))),
        }
    };
    let from = timestamp("from")?;
    if from.is_some_and(|f| f > now) {
        return Err(LinkError::bad_request("from must be in the past"));
    }
    let to = timestamp("to")?.unwrap_or(now);
    let number = |name: &str| -> LinkResult<Option<i64>> {
        param(name).map(|v| v.parse::<i64>().map_err(|_| LinkError::bad_request(format!("{name} must be an integer")))).transpose()
    };
    let page = Page::parse(number("limit")?, number("offset")?)?;
    let filter = HistoryFilter {
        asset_id: asset_id.clone(),
        collection_point: param("collection_point_id"),
        event_id: param("event_id"),
        dp_id: param("dp_id"),
        from,
        to,
    };
    let h = state.store.consent_link_history(&org_id, &filter, page, now).await?;
    Ok(Json(ConsentLinkHistory {
        data: h
            .rows
            .iter()
            .map(|r| ConsentLinkHistoryItem {
                request_id: r.id.clone(),
                event_id: r.event_id.clone(),
                collection_point_id: r.collection_point_id.clone(),
                asset_id: r.asset_id.clone(),
                phone: mask_phone(&r.phone),
                status: r.status(now).as_str().into(),
                created_at: iso8601(r.created_at),
                expires_at: iso8601(r.expires_at),
                completed_at: r.completed_at.map(iso8601),
                consent_action: r.consent_action.clone(),
                regeneration_count: r.regeneration_count,
            })
            .collect(),
        count: h.count,
        summary: ConsentLinkSummary {
            total_links: h.summary.total,
            active: h.summary.active,
            completed: h.summary.completed,
            expired: h.summary.expired,
        },
        collection_point_summary: h
            .per_collection_point
            .into_iter()
            .map(|(id, c)| (id, CollectionPointCounts { total: c.total, active: c.active, completed: c.completed, expired: c.expired }))
            .collect(),
        filters: ConsentLinkFilters {
            asset_id,
            collection_point_id: filter.collection_point,
            event_id: filter.event_id,
            dp_id: filter.dp_id,
            from: from.map(iso8601),
            to: iso8601(to),
            limit: page.limit,
            offset: page.offset,
        },
    }))
}

/// `GET /api/v1/external/public/consent-link/status/{request_id}`
pub async fn status(
    State(state): State<AppState>,
    caller: LinkCaller,
    Path(request_id): Path<String>,
) -> LinkResult<Json<ConsentLinkStatus>> {
    caller.require_admin()?;
    let org_id = caller.0.org.id.clone();
    let request_id = parse_request_id(&request_id)?;
    let request = state.store.consent_request(&org_id, &request_id).await?;
    let cp = state.store.collection_point(&org_id, &request.collection_point_id).await.ok();
    let mut versions: HashMap<i64, CollectionPointRow> = HashMap::new();
    let mut consent_logs = Vec::new();
    for log in state.store.consent_request_logs(&org_id, &request_id).await? {
        let version = log.event.notice_version.unwrap_or(1);
        if !versions.contains_key(&version) {
            if let Ok(v) = state.store.collection_point_version(&org_id, &log.event.subject_id, version).await {
                versions.insert(version, v);
            }
        }
        let names = versions.get(&version);
        consent_logs.push(ConsentLogEntry {
            id: log.event.id.clone(),
            action: log.action.clone(),
            timestamp: iso8601(log.event.occurred_at),
            source: "consent_link".into(),
            request_id: request.id.clone(),
            purpose_consents: log
                .event
                .purposes()
                .into_iter()
                .map(|p| PurposeConsent {
                    name: names.and_then(|v| v.purposes.iter().find(|x| x.id == p.purpose_id)).map(|x| x.name.clone()).unwrap_or_default(),
                    id: p.purpose_id,
                    granted: p.granted,
                })
                .collect(),
        });
    }
    Ok(Json(ConsentLinkStatus {
        request_id: request.id.clone(),
        status: request.status(now_ms()).as_str().into(),
        collection_point: CollectionPointSnapshot {
            id: cp.as_ref().map(|c| c.id.clone()),
            name: cp.as_ref().map(|c| c.name.clone()),
            display_id: cp.as_ref().map(|c| c.display_id.clone()),
        },
        completed_at: request.completed_at.map(iso8601),
        consent_action: request.consent_action.clone(),
        consent_logs,
    }))
}
