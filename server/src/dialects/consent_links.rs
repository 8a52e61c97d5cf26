//! The consent-link dialect (seeds 000-002): create, regenerate, history and status. Errors
//! are `{"detail": "…"}` with the statuses the seeds list. The dialect calls a link instance
//! `event_id`; Assent calls it `link_id` everywhere else.

use crate::error::RequestError;
use crate::pipeline::{self, Authenticated, OrgHeader, Surface};
use crate::state::AppState;
use app::dto::{
    CollectionPointCounts, CollectionPointSnapshot, ConsentLinkCreated, ConsentLinkFilters, ConsentLinkHistory, ConsentLinkHistoryItem,
    ConsentLinkStatus, ConsentLinkSummary, ConsentLogEntry, CreateConsentLink, DetailError, PurposeConsent, RegenerateConsentLink,
};
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use backend::links::{EmailDelivery, ExpiryHours};
use backend::services::consent_links::{HistoryQuery, LinkedRequest, NewConsentLink};
use backend::store::Page;
use backend::types::{canonical_id, mask_phone, Email, Phone};
use backend::{iso8601, parse_iso8601, ErrorKind};
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The dialect as a surface of the caller pipeline: credentials first (401), then `X-Org-Id`
/// (400 when missing or unknown), then that the credentials belong to it (403).
pub struct ConsentLinkDialect;

impl Surface for ConsentLinkDialect {
    const ORG_HEADER: OrgHeader = OrgHeader::Required;
    fn error_response(err: RequestError) -> Response {
        LinkError(err).into_response()
    }
}

type Caller = Authenticated<ConsentLinkDialect>;

/// An error of this dialect.
#[derive(Debug)]
pub struct LinkError(pub RequestError);

impl From<RequestError> for LinkError {
    fn from(err: RequestError) -> Self {
        LinkError(err)
    }
}

impl From<backend::Error> for LinkError {
    fn from(err: backend::Error) -> Self {
        LinkError(err.into())
    }
}

impl IntoResponse for LinkError {
    fn into_response(self) -> Response {
        let p = self.0.public();
        // The seeds answer 400 for every request the server refuses to carry out.
        let status = if p.kind == ErrorKind::Conflict { 400 } else { p.status };
        let mut res = (StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR), Json(DetailError { detail: p.message }))
            .into_response();
        if let Some(secs) = p.retry_after_secs {
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        res
    }
}

type LinkResult<T> = Result<T, LinkError>;

/// The dialect's routes, behind the caller pipeline.
pub fn routes(state: &AppState) -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create))
        .routes(routes!(regenerate))
        .routes(routes!(history))
        .routes(routes!(status))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), pipeline::authenticate::<ConsentLinkDialect>))
}

/// Splits the routes into their router, with this dialect's 405 answers, and their document.
pub fn finish(routes: OpenApiRouter<AppState>) -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, doc) = routes.split_for_parts();
    (router.method_not_allowed_fallback(|| async { LinkError(RequestError::MethodNotAllowed) }), doc)
}

/// A JSON body, or an empty one where the body is optional.
async fn json_body<T: DeserializeOwned + Default>(state: &AppState, headers: &HeaderMap, body: Body, required: bool) -> LinkResult<T> {
    let body = crate::body::read(body, crate::body::API_LIMIT, state.config.body_read_deadline).await?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return if required { Err(RequestError::bad_request("a JSON body is required").into()) } else { Ok(T::default()) };
    }
    if !crate::body::is_json(headers) {
        return Err(RequestError::UnsupportedMediaType("send the body as Content-Type: application/json".into()).into());
    }
    Ok(crate::body::parse_json(&body)?)
}

fn created(linked: &LinkedRequest, email: Option<EmailDelivery>) -> ConsentLinkCreated {
    let mut delivery_status = BTreeMap::new();
    if let Some(email) = email {
        delivery_status.insert("email".to_string(), email.as_str().to_string());
    }
    ConsentLinkCreated {
        request_id: linked.request.id.clone(),
        event_id: linked.request.link_id.clone(),
        consent_link: linked.url.clone(),
        expires_at: iso8601(linked.request.expires_at),
        delivery_status,
        regeneration_count: None,
    }
}

/// Create a consent link (seed 000). With `email`, the branded email is queued in the same
/// commit and its first attempt bounded to 2 s: `delivery_status.email` is `sent`, `failed`
/// (the outbox retries), or `pending` (the attempt goes on; the outbox finishes it).
#[utoipa::path(post, path = "/api/consent/consent-links", tag = "consent links", request_body = CreateConsentLink,
    responses((status = 200, body = ConsentLinkCreated), (status = 400, body = DetailError), (status = 401, body = DetailError),
        (status = 403, body = DetailError), (status = 404, body = DetailError), (status = 415, body = DetailError), (status = 429, body = DetailError)),
    security(("api_key" = []), ("session" = [])))]
pub async fn create(State(state): State<AppState>, caller: Caller, headers: HeaderMap, body: Body) -> LinkResult<Json<ConsentLinkCreated>> {
    let req: CreateConsentLink = json_body(&state, &headers, body, true).await?;
    if req.collection_point_id.trim().is_empty() {
        return Err(RequestError::bad_request("collection_point_id is required").into());
    }
    if req.asset_id.trim().is_empty() {
        return Err(RequestError::bad_request("asset_id is required").into());
    }
    let new = NewConsentLink {
        collection_point: canonical_id(&req.collection_point_id),
        asset_id: canonical_id(&req.asset_id),
        phone: req.phone.parse::<Phone>()?,
        email: req.email.as_deref().filter(|e| !e.trim().is_empty()).map(str::parse::<Email>).transpose()?,
        expiry: req.expiry_hours.map(ExpiryHours::new).transpose()?.unwrap_or(ExpiryHours::DEFAULT),
        // Clients that fill every field send an empty string for "not known": that is "now".
        data_collected_at: match req.data_collection_timestamp.as_deref().map(str::trim).filter(|ts| !ts.is_empty()) {
            None => None,
            Some(ts) => {
                Some(parse_iso8601(ts).ok_or_else(|| RequestError::bad_request("data_collection_timestamp must be an ISO 8601 datetime"))?)
            }
        },
    };
    let done = state.services.links.create(&caller, &new).await?;
    Ok(Json(created(&done.linked, done.email)))
}

/// Issue a new link for a request (implied by seed 001's `regeneration_count`); the previous
/// link stops working at once. Optional body `{"expiry_hours": n}`.
#[utoipa::path(post, path = "/api/consent/consent-links/{request_id}/regenerate", tag = "consent links",
    params(("request_id" = uuid::Uuid, Path)), request_body(content = Option<RegenerateConsentLink>),
    responses((status = 200, body = ConsentLinkCreated), (status = 400, body = DetailError), (status = 401, body = DetailError),
        (status = 403, body = DetailError), (status = 404, body = DetailError)),
    security(("api_key" = []), ("session" = [])))]
pub async fn regenerate(
    State(state): State<AppState>,
    caller: Caller,
    Path(request_id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> LinkResult<Json<ConsentLinkCreated>> {
    let request_id = parse_request_id(&request_id)?;
    // The body is optional, and `null` says the same as no body.
    let req: RegenerateConsentLink = json_body::<Option<RegenerateConsentLink>>(&state, &headers, body, false).await?.unwrap_or_default();
    let expiry = req.expiry_hours.map(ExpiryHours::new).transpose()?.unwrap_or(ExpiryHours::DEFAULT);
    let linked = state.services.links.regenerate(&caller, &request_id, expiry).await?;
    let mut out = created(&linked, None);
    out.regeneration_count = Some(linked.request.regeneration_count);
    Ok(Json(out))
}

/// A timestamp from the query string. Clients that build URLs by concatenation send the seeds'
/// own format (`2026-11-20T00:00:00+00:00`) unencoded, and a query string reads its `+` as a
/// space: a space followed by `HH:MM` where an offset belongs is taken as that `+`.
pub(crate) fn query_timestamp(raw: &str) -> Option<i64> {
    parse_iso8601(raw).or_else(|| {
        let (time, offset) = raw.rsplit_once(' ')?;
        let offset_like = offset.len() == 5 && offset.as_bytes()[2] == b':' && offset.bytes().filter(u8::is_ascii_digit).count() == 4;
        (offset_like && time.contains('T')).then(|| parse_iso8601(&format!("{time}+{offset}"))).flatten()
    })
}

fn parse_request_id(raw: &str) -> Result<String, RequestError> {
    uuid::Uuid::parse_str(raw.trim()).map(|u| u.to_string()).map_err(|_| RequestError::bad_request("request_id is invalid"))
}

/// The query parameters of seed 001, for the document (they are read leniently, below).
#[allow(dead_code)]
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct HistoryParams {
    /// Required.
    asset_id: String,
    /// UUID or display id.
    collection_point_id: Option<String>,
    event_id: Option<String>,
    dp_id: Option<String>,
    /// ISO 8601, in the past.
    from: Option<String>,
    /// ISO 8601; defaults to now.
    to: Option<String>,
    /// Default 50.
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// Default 0.
    #[param(minimum = 0)]
    offset: Option<i64>,
}

/// Consent link history (seed 001).
#[utoipa::path(get, path = "/api/v1/external/public/consent-link/history", tag = "consent links", params(HistoryParams),
    responses((status = 200, body = ConsentLinkHistory), (status = 400, body = DetailError), (status = 401, body = DetailError), (status = 403, body = DetailError)),
    security(("api_key" = []), ("session" = [])))]
pub async fn history(
    State(state): State<AppState>,
    caller: Caller,
    Query(params): Query<HashMap<String, String>>,
) -> LinkResult<Json<ConsentLinkHistory>> {
    let param = |name: &str| params.get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let asset_id = param("asset_id").ok_or_else(|| RequestError::bad_request("asset_id is required"))?;
    let timestamp = |name: &str| -> Result<Option<i64>, RequestError> {
        match param(name) {
            None => Ok(None),
            Some(v) => query_timestamp(&v)
                .map(Some)
                .ok_or_else(|| RequestError::bad_request(format!("{name}: timestamp format is invalid (use ISO 8601)"))),
        }
    };
    let number = |name: &str| -> Result<Option<i64>, RequestError> {
        param(name).map(|v| v.parse::<i64>().map_err(|_| RequestError::bad_request(format!("{name} must be an integer")))).transpose()
    };
    let query = HistoryQuery {
        asset_id: canonical_id(&asset_id),
        collection_point: param("collection_point_id").map(|c| canonical_id(&c)),
        link_id: param("event_id").map(|e| canonical_id(&e)),
        dp_id: param("dp_id"),
        from: timestamp("from")?,
        to: timestamp("to")?,
    };
    let page = Page::parse(number("limit")?, number("offset")?)?;
    let view = state.services.links.history(&caller, &query, page).await?;
    let h = view.history;
    Ok(Json(ConsentLinkHistory {
        data: h
            .rows
            .iter()
            .map(|r| ConsentLinkHistoryItem {
                request_id: r.id.clone(),
                event_id: r.link_id.clone(),
                collection_point_id: r.collection_point_id.clone(),
                asset_id: r.asset_id.clone(),
                phone: mask_phone(&r.phone),
                status: r.status(view.now).as_str().into(),
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
            collection_point_id: query.collection_point,
            event_id: query.link_id,
            dp_id: query.dp_id,
            from: view.from.map(iso8601),
            to: iso8601(view.to),
            limit: page.limit,
            offset: page.offset,
        },
    }))
}

/// Consent link status, with the consent log and per-purpose consents (seed 002). With
/// `include_receipts=true`, each log entry carries its signed receipt.
#[utoipa::path(get, path = "/api/v1/external/public/consent-link/status/{request_id}", tag = "consent links",
    params(("request_id" = uuid::Uuid, Path),
        ("include_receipts" = Option<bool>, Query, description = "Add each log entry's signed receipt (`receipt`, a compact JWS). Not in the seed; default false.")),
    responses((status = 200, body = ConsentLinkStatus), (status = 400, body = DetailError), (status = 401, body = DetailError),
        (status = 403, body = DetailError), (status = 404, body = DetailError)),
    security(("api_key" = []), ("session" = [])))]
pub async fn status(
    State(state): State<AppState>,
    caller: Caller,
    Path(request_id): Path<String>,
    Query(params): Query<HashMap<String, String>>,
) -> LinkResult<Json<ConsentLinkStatus>> {
    let request_id = parse_request_id(&request_id)?;
    let with_receipts = match params.get("include_receipts").map(|v| v.trim()) {
        None | Some("" | "false" | "0") => false,
        Some("true" | "1") => true,
        Some(_) => return Err(RequestError::bad_request("include_receipts must be true or false").into()),
    };
    let view = state.services.links.status(&caller, &request_id).await?;
    let request = view.request;
    let cp = view.collection_point;
    let receipts = if with_receipts {
        let entries: Vec<_> = view.logs.iter().map(|l| l.log.entry.clone()).collect();
        state.services.proof.receipts(&caller.org, &entries).await?.into_iter().map(|r| r.jws).collect()
    } else {
        Vec::new()
    };
    let mut receipts = receipts.into_iter();
    Ok(Json(ConsentLinkStatus {
        status: request.status(view.now).as_str().into(),
        collection_point: CollectionPointSnapshot {
            id: cp.as_ref().map(|c| c.id.clone()),
            name: cp.as_ref().map(|c| c.name.clone()),
            display_id: cp.as_ref().map(|c| c.display_id.clone()),
        },
        completed_at: request.completed_at.map(iso8601),
        consent_action: request.consent_action.clone(),
        consent_logs: view
            .logs
            .into_iter()
            .map(|l| ConsentLogEntry {
                id: l.log.entry.id.clone(),
                action: l.log.action.clone(),
                timestamp: iso8601(l.log.entry.occurred_at),
                source: "consent_link".into(),
                request_id: request.id.clone(),
                purpose_consents: l
                    .purposes
                    .into_iter()
                    .map(|(p, name)| PurposeConsent { name: name.unwrap_or_default(), id: p.purpose_id, granted: p.granted })
                    .collect(),
                receipt: receipts.next(),
            })
            .collect(),
        request_id: request.id,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plus_that_arrived_as_a_space_is_a_plus() {
        let utc = parse_iso8601("2026-11-20T00:00:00+00:00").unwrap();
        assert_eq!(query_timestamp("2026-11-20T00:00:00 00:00"), Some(utc));
        assert_eq!(query_timestamp("2026-11-20T05:30:00 05:30"), Some(utc));
        assert_eq!(query_timestamp("2026-11-20T00:00:00+00:00"), Some(utc));
        assert_eq!(query_timestamp("2026-11-20T00:00:00Z"), Some(utc));
        for bad in ["2026-11-20 00:00", "yesterday 00:00", "2026-11-20T00:00:00 0000", "2026-11-20T00:00:00 aa:bb"] {
            assert_eq!(query_timestamp(bad), None, "{bad}");
        }
    }
}
