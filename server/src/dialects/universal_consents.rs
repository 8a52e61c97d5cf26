//! The universal-consent dialect (seed 003): record, update, get, check and search a person's
//! consent to a referenced object; the unauthenticated integration pair; and webhook
//! subscriptions.
//!
//! Where the seed is silent, this dialect chooses, and the README and the OpenAPI document say
//! so: fields are the seed's names matched without regard to case (as the vendor's ASP.NET
//! clients send them), from the query string and a JSON body alike; unknown fields are
//! ignored; errors are RFC 9457 problem details whose `errors` names the field at fault.

use crate::error::RequestError;
use crate::pipeline::{self, Authenticated, OrgHeader, Surface};
use crate::state::AppState;
use app::dto::{
    ConsentGivenAnswer, FingerprintDto, IntegrationConsentCheck, IntegrationConsentRecord, IntegrationConsentRecorded, ProblemDetails,
    SubscribeRequest, Subscribed, UniversalConsentDto, UniversalConsentRecord, UniversalConsentRecorded, UniversalConsentSearchItem,
    UniversalConsentUpdate,
};
use axum::body::Body;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use backend::rfc3339;
use backend::services::universal::{NewUniversalConsent, SearchQuery, UniversalUpdate};
use backend::services::webhooks::Criteria;
use backend::store::universal::{IntegrationRow, SearchCriteria, UniversalConsentRow};
use backend::universal::{ClientId, ConsentGiven, ConsentType, CustomUserId, Fingerprint, Metadata, Origin, Reference};
use serde_json::Value;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::str::FromStr;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The integration endpoints take small bodies: a choice and a few ids.
const INTEGRATION_BODY_LIMIT: usize = 16 * 1024;

/// The dialect as a surface of the caller pipeline. `X-Org-Id` is optional: a key belongs to
/// one organisation already.
pub struct UniversalConsentDialect;

impl Surface for UniversalConsentDialect {
    const ORG_HEADER: OrgHeader = OrgHeader::Optional;
    fn error_response(err: RequestError) -> Response {
        UniversalError(err).into_response()
    }
}

type Caller = Authenticated<UniversalConsentDialect>;

/// An error of this dialect, as problem details.
#[derive(Debug)]
pub struct UniversalError(pub RequestError);

impl From<RequestError> for UniversalError {
    fn from(err: RequestError) -> Self {
        UniversalError(err)
    }
}

impl From<backend::Error> for UniversalError {
    fn from(err: backend::Error) -> Self {
        UniversalError(err.into())
    }
}

impl IntoResponse for UniversalError {
    fn into_response(self) -> Response {
        let p = self.0.public();
        let status = StatusCode::from_u16(p.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let errors = p.field.map(|field| {
            let message = p.message.strip_prefix(&format!("{field}: ")).unwrap_or(&p.message).to_string();
            [(field.to_string(), vec![message])].into_iter().collect()
        });
        let body = ProblemDetails {
            kind: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail: p.message.clone(),
            errors,
        };
        let mut res = (status, Json(body)).into_response();
        res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        if let Some(secs) = p.retry_after_secs {
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        res
    }
}

type UcResult<T> = Result<T, UniversalError>;

/// The authenticated routes, behind the caller pipeline.
pub fn routes(state: &AppState) -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(record, update, search))
        .routes(routes!(consent_given))
        .routes(routes!(subscribe))
        .routes(routes!(get_one))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), pipeline::authenticate::<UniversalConsentDialect>))
}

/// The integration pair: no credentials; CORS for the integration's origins; limits per
/// client address and per integration.
pub fn integration_routes(state: &AppState) -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(integration_record, integration_check, integration_preflight))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), limit_integration_callers))
}

/// Splits the routes into their router, with this dialect's 405 answers, and their document.
pub fn finish(routes: OpenApiRouter<AppState>) -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, doc) = routes.split_for_parts();
    (router.method_not_allowed_fallback(|| async { UniversalError(RequestError::MethodNotAllowed) }), doc)
}

/// Paths of this dialect, for the OpenAPI document's error shapes.
pub fn is_dialect_path(path: &str) -> bool {
    path.starts_with("/api/universalconsent")
}

// ---- reading requests ----

/// A request's named values, from the query string and a JSON body alike (the vendor's
/// clients send GET parameters as a JSON body), looked up without regard to case. A name given
/// in both with different values is refused rather than guessed at.
struct Fields(HashMap<String, Value>);

impl Fields {
    async fn read(state: &AppState, uri: &Uri, headers: &HeaderMap, body: Body, limit: usize) -> Result<Self, RequestError> {
        let mut fields: HashMap<String, Value> = HashMap::new();
        for (k, v) in form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()) {
            fields.insert(k.to_ascii_lowercase(), Value::String(v.into_owned()));
        }
        let bytes = crate::body::read(body, limit, state.config.body_read_deadline).await?;
        if !bytes.iter().all(u8::is_ascii_whitespace) {
            if !crate::body::is_json(headers) {
                return Err(RequestError::UnsupportedMediaType("send the body as Content-Type: application/json".into()));
            }
            let Value::Object(object) = crate::body::parse_json::<Value>(&bytes)? else {
                return Err(RequestError::bad_request("the JSON body must be an object"));
            };
            for (k, v) in object {
                let key = k.to_ascii_lowercase();
                match fields.get(&key) {
                    Some(Value::String(q)) if !same_value(q, &v) => {
                        return Err(backend::Error::invalid(
                            field_name(&k),
                            "is given in the query string and the body with different values",
                        )
                        .into())
                    }
                    _ => {
                        fields.insert(key, v);
                    }
                }
            }
        }
        Ok(Fields(fields))
    }

    /// A text value; an empty one is "not given" (clients that fill every field send "").
    /// No value of this dialect holds control characters other than white space (and
    /// PostgreSQL refuses NUL outright).
    fn text(&self, name: &'static str) -> Result<Option<String>, RequestError> {
        match self.0.get(&name.to_ascii_lowercase()) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) if s.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) => {
                Err(backend::Error::invalid(name, "must not contain control characters").into())
            }
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(backend::Error::invalid(name, "must be a string").into()),
        }
    }

    fn required(&self, name: &'static str) -> Result<String, RequestError> {
        self.text(name)?.ok_or_else(|| backend::Error::invalid(name, "is required").into())
    }

    fn parsed<T: FromStr<Err = backend::Error>>(&self, name: &'static str) -> Result<Option<T>, RequestError> {
        Ok(self.text(name)?.map(|s| s.parse::<T>()).transpose()?)
    }

    fn boolean(&self, name: &'static str) -> Result<Option<bool>, RequestError> {
        match self.0.get(&name.to_ascii_lowercase()) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) if s.trim().eq_ignore_ascii_case("true") => Ok(Some(true)),
            Some(Value::String(s)) if s.trim().eq_ignore_ascii_case("false") => Ok(Some(false)),
            Some(_) => Err(backend::Error::invalid(name, "must be true or false").into()),
        }
    }

    /// An ISO 8601 date or date-time; an offset's `+` that a query string turned into a space
    /// is read as the `+` it was (see `consent_links::query_timestamp`).
    fn date(&self, name: &'static str) -> Result<Option<i64>, RequestError> {
        self.text(name)?
            .map(|s| {
                super::consent_links::query_timestamp(s.trim())
                    .ok_or_else(|| backend::Error::invalid(name, "must be an ISO 8601 date or date-time").into())
            })
            .transpose()
    }

    fn integer(&self, name: &'static str) -> Result<Option<i64>, RequestError> {
        match self.0.get(&name.to_ascii_lowercase()) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => n.as_i64().map(Some).ok_or_else(|| backend::Error::invalid(name, "must be an integer").into()),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => s.trim().parse().map(Some).map_err(|_| backend::Error::invalid(name, "must be an integer").into()),
            Some(_) => Err(backend::Error::invalid(name, "must be an integer").into()),
        }
    }
}

fn same_value(query: &str, body: &Value) -> bool {
    match body {
        Value::String(s) => s == query,
        Value::Bool(b) => query.trim().eq_ignore_ascii_case(&b.to_string()),
        Value::Number(n) => query.trim() == n.to_string(),
        _ => false,
    }
}

/// The seed's spelling of a field a client sent in another case, for error messages.
fn field_name(sent: &str) -> &'static str {
    const NAMES: &[&str] = &[
        "ConsentGiven",
        "CustomUserId",
        "URI",
        "Metadata",
        "Reference",
        "ConsentType",
        "ClientId",
        "FromDate",
        "ToDate",
        "IP",
        "UserAgent",
        "City",
        "State",
        "Country",
        "WebhookUrl",
        "IntegrationId",
        "Limit",
        "Offset",
    ];
    NAMES.iter().find(|n| n.eq_ignore_ascii_case(sent)).copied().unwrap_or("body")
}

/// The request's fingerprint: the client address as `client_addr` decided it, the proxy it
/// came through (when the socket's peer is not the client), the user agent, and the address's
/// place when a GeoIP database is configured.
pub(crate) fn fingerprint(state: &AppState, req: &axum::http::request::Parts) -> Fingerprint {
    let client = req.extensions.get::<crate::client_addr::ClientAddr>().map(|c| c.0);
    let peer = req.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let proxified = match (client, peer) {
        (Some(c), Some(p)) if c != p && p.to_canonical() != c => Some(p.to_canonical().to_string()),
        _ => None,
    };
    let user_agent = req.headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(|s| s.chars().take(512).collect::<String>());
    let place = match (&state.geoip, client) {
        (Some(geoip), Some(ip)) => geoip.place(ip),
        _ => crate::geoip::Place::default(),
    };
    Fingerprint {
        ip: client.map(|c| c.to_string()),
        proxified_ip: proxified,
        user_agent,
        city: place.city,
        region: place.region,
        country: place.country,
    }
}

/// The request's `Origin`, when it sends one that reads as an origin. `null` (a sandboxed or
/// file page) is treated as no origin of any integration's list.
fn origin(headers: &HeaderMap) -> Result<Option<Origin>, RequestError> {
    match headers.get(header::ORIGIN).map(|v| v.to_str().unwrap_or("null")) {
        None => Ok(None),
        Some(raw) => match raw.parse::<Origin>() {
            Ok(o) => Ok(Some(o)),
            Err(_) => Err(backend::Error::Forbidden("this origin may not record consents for this integration").into()),
        },
    }
}

fn record_dto(row: &UniversalConsentRow) -> UniversalConsentDto {
    UniversalConsentDto {
        id: row.id.clone(),
        created: rfc3339(row.created_at),
        last_updated: rfc3339(row.updated_at),
        uri: row.uri.clone(),
        consent_given: row.consent_given.as_str().into(),
        consent_type: row.consent_type.clone(),
        metadata: row.metadata.clone(),
        reference: row.reference.clone(),
        custom_user_id: row.custom_user_id.clone(),
        client_id: row.client_id.clone(),
    }
}

fn search_item(row: UniversalConsentRow) -> UniversalConsentSearchItem {
    UniversalConsentSearchItem {
        id: row.id,
        created: rfc3339(row.created_at),
        last_updated: rfc3339(row.updated_at),
        consent_given: row.consent_given.given(),
        uri: row.uri,
        consent_type: row.consent_type,
        metadata: row.metadata,
        reference: row.reference,
        client_id: row.client_id,
        fingerprint: FingerprintDto {
            custom_user_id: row.custom_user_id,
            ip: row.ip,
            proxified_ip: row.proxified_ip,
            user_agent: row.user_agent,
            city: row.city,
            state: row.region,
            country: row.country,
        },
    }
}

/// `URI`, or else the request's `Origin` (the seed's default).
fn uri_of(fields: &Fields, origin: Option<&Origin>) -> Result<Option<String>, RequestError> {
    match fields.text("URI")? {
        Some(u) => {
            let u = u.trim();
            if u.chars().count() > 2048 || u.chars().any(char::is_control) {
                return Err(backend::Error::invalid("URI", "must be at most 2048 characters, without control characters").into());
            }
            Ok(Some(u.to_string()))
        }
        None => Ok(origin.map(|o| o.as_str().to_string())),
    }
}

// ---- the authenticated endpoints ----

/// Record the consent of a user to an object (seed 003). Recording again for the same
/// ClientId and Reference changes that record; every record is a ledger entry.
#[utoipa::path(post, path = "/api/universalconsent", tag = "universal consents", request_body = UniversalConsentRecord,
    responses((status = 200, body = UniversalConsentRecorded), (status = 400, body = ProblemDetails)),
    security(("api_key" = []), ("session" = [])))]
pub async fn record(
    State(state): State<AppState>,
    caller: Caller,
    req: axum::extract::Request,
) -> UcResult<Json<UniversalConsentRecorded>> {
    let (parts, body) = req.into_parts();
    let fields = Fields::read(&state, &parts.uri, &parts.headers, body, crate::body::API_LIMIT).await?;
    let origin = origin(&parts.headers).unwrap_or(None);
    let new = NewUniversalConsent {
        consent_given: fields.required("ConsentGiven")?.parse::<ConsentGiven>()?,
        custom_user_id: fields.parsed::<CustomUserId>("CustomUserId")?,
        client_id: None,
        reference: fields.required("Reference")?.parse::<Reference>()?,
        consent_type: fields.parsed::<ConsentType>("ConsentType")?,
        uri: uri_of(&fields, origin.as_ref())?,
        metadata: fields.text("Metadata")?.map(|m| m.parse::<Metadata>()).transpose()?,
        fingerprint: fingerprint(&state, &parts),
    };
    let row = state.services.universal.record(&caller, &new).await?;
    Ok(Json(UniversalConsentRecorded { created: rfc3339(row.created_at), client_id: row.client_id }))
}

/// Update the consent of a ClientId to a Reference: ConsentGiven, Metadata or both (seed 003
/// answers 200; Assent's answer carries the record as it now is).
#[utoipa::path(patch, path = "/api/universalconsent", tag = "universal consents", request_body = UniversalConsentUpdate,
    responses((status = 200, body = UniversalConsentDto), (status = 400, body = ProblemDetails), (status = 404, body = ProblemDetails)),
    security(("api_key" = []), ("session" = [])))]
pub async fn update(State(state): State<AppState>, caller: Caller, req: axum::extract::Request) -> UcResult<Json<UniversalConsentDto>> {
    let (parts, body) = req.into_parts();
    let fields = Fields::read(&state, &parts.uri, &parts.headers, body, crate::body::API_LIMIT).await?;
    let update = UniversalUpdate {
        client_id: fields.required("ClientId")?.parse::<ClientId>()?,
        reference: fields.required("Reference")?.parse::<Reference>()?,
        consent_given: fields.parsed::<ConsentGiven>("ConsentGiven")?,
        metadata: fields.text("Metadata")?.map(|m| m.parse::<Metadata>()).transpose()?,
        fingerprint: fingerprint(&state, &parts),
    };
    let row = state.services.universal.update(&caller, &update).await?;
    Ok(Json(record_dto(&row)))
}

/// The full record of a ClientId for a Reference (`Reference` in the query string or a JSON body).
#[utoipa::path(get, path = "/api/universalconsent/{ClientId}", tag = "universal consents",
    params(("ClientId" = uuid::Uuid, Path), ("Reference" = String, Query, description = "What the consent is about")),
    responses((status = 200, body = UniversalConsentDto), (status = 400, body = ProblemDetails), (status = 404, body = ProblemDetails)),
    security(("api_key" = []), ("session" = [])))]
pub async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(client_id): Path<String>,
    req: axum::extract::Request,
) -> UcResult<Json<UniversalConsentDto>> {
    let (parts, body) = req.into_parts();
    let fields = Fields::read(&state, &parts.uri, &parts.headers, body, crate::body::API_LIMIT).await?;
    let client_id = client_id.parse::<ClientId>()?;
    let reference = fields.required("Reference")?.parse::<Reference>()?;
    let row = state.services.universal.get(&caller, &client_id, &reference).await?;
    Ok(Json(record_dto(&row)))
}

/// Whether a ClientId consented to a Reference: `All`, `Partial`, or `None` (also when nothing
/// was ever recorded for the pair: no record is no consent).
#[utoipa::path(get, path = "/api/universalconsent/consent-given", tag = "universal consents",
    params(("ClientId" = uuid::Uuid, Query), ("Reference" = String, Query)),
    responses((status = 200, body = ConsentGivenAnswer), (status = 400, body = ProblemDetails)),
    security(("api_key" = []), ("session" = [])))]
pub async fn consent_given(
    State(state): State<AppState>,
    caller: Caller,
    req: axum::extract::Request,
) -> UcResult<Json<ConsentGivenAnswer>> {
    let (parts, body) = req.into_parts();
    let fields = Fields::read(&state, &parts.uri, &parts.headers, body, crate::body::API_LIMIT).await?;
    let client_id = fields.required("ClientId")?.parse::<ClientId>()?;
    let reference = fields.required("Reference")?.parse::<Reference>()?;
    let level = match state.services.universal.get(&caller, &client_id, &reference).await {
        Ok(row) => row.consent_given,
        Err(backend::Error::NotFound(_)) => ConsentGiven::None,
        Err(e) => return Err(e.into()),
    };
    Ok(Json(ConsentGivenAnswer { consent_given: level.as_str().into() }))
}

/// The search's parameters, for the document (they are read from the query string or a JSON
/// body, without regard to case).
#[allow(dead_code)]
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct SearchParams {
    #[param(rename = "CustomUserId")]
    custom_user_id: Option<String>,
    #[param(rename = "Reference")]
    reference: Option<String>,
    #[param(rename = "ConsentType")]
    consent_type: Option<String>,
    /// ISO 8601; on LastUpdated. Default: a week before ToDate.
    #[param(rename = "FromDate")]
    from_date: Option<String>,
    /// ISO 8601; on LastUpdated. Default: now.
    #[param(rename = "ToDate")]
    to_date: Option<String>,
    /// `true`: All or Partial; `false`: None.
    #[param(rename = "ConsentGiven")]
    consent_given: Option<bool>,
    #[param(rename = "IP")]
    ip: Option<String>,
    #[param(rename = "UserAgent")]
    user_agent: Option<String>,
    #[param(rename = "City")]
    city: Option<String>,
    #[param(rename = "State")]
    state: Option<String>,
    #[param(rename = "Country")]
    country: Option<String>,
    /// 1-1000, default 100.
    #[param(rename = "Limit", minimum = 1, maximum = 1000)]
    limit: Option<i64>,
    /// Default 0.
    #[param(rename = "Offset", minimum = 0)]
    offset: Option<i64>,
}

/// Consents by filters, newest change first; by default those of the last week. The answer is
/// the seed's list; `X-Total-Count` says how many match in all (page with `Limit`/`Offset`).
#[utoipa::path(get, path = "/api/universalconsent", tag = "universal consents", params(SearchParams),
    responses((status = 200, body = Vec<UniversalConsentSearchItem>,
        headers(("X-Total-Count" = i64, description = "Matching records in all, not just this page"))), (status = 400, body = ProblemDetails)),
    security(("api_key" = []), ("session" = [])))]
pub async fn search(State(state): State<AppState>, caller: Caller, req: axum::extract::Request) -> UcResult<Response> {
    let (parts, body) = req.into_parts();
    let fields = Fields::read(&state, &parts.uri, &parts.headers, body, crate::body::API_LIMIT).await?;
    let query = SearchQuery {
        criteria: SearchCriteria {
            custom_user_id: fields.text("CustomUserId")?,
            reference: fields.text("Reference")?,
            consent_type: fields.text("ConsentType")?,
            given: fields.boolean("ConsentGiven")?,
            ip: fields.text("IP")?,
            user_agent: fields.text("UserAgent")?,
            city: fields.text("City")?,
            region: fields.text("State")?,
            country: fields.text("Country")?,
        },
        from: fields.date("FromDate")?,
        to: fields.date("ToDate")?,
    };
    let limit = fields.integer("Limit")?.unwrap_or(100);
    let offset = fields.integer("Offset")?.unwrap_or(0);
    let page = state.services.universal.search(&caller, &query, limit, offset).await?;
    let items: Vec<UniversalConsentSearchItem> = page.items.into_iter().map(search_item).collect();
    let mut res = Json(items).into_response();
    res.headers_mut().insert("x-total-count", HeaderValue::from(page.total));
    Ok(res)
}

/// Subscribe a URL to consent updates matching the criteria (the seed gives no path; this is
/// Assent's). Deliveries are signed per Standard Webhooks with the `Secret` in the answer,
/// which is shown this once. List, pause, rotate and delete under `/api/v1/webhooks`.
#[utoipa::path(post, path = "/api/universalconsent/subscribe", tag = "universal consents", request_body = SubscribeRequest,
    responses((status = 200, body = Subscribed), (status = 400, body = ProblemDetails)),
    security(("api_key" = []), ("session" = [])))]
pub async fn subscribe(State(state): State<AppState>, caller: Caller, req: axum::extract::Request) -> UcResult<Json<Subscribed>> {
    let (parts, body) = req.into_parts();
    let fields = Fields::read(&state, &parts.uri, &parts.headers, body, crate::body::API_LIMIT).await?;
    let url = fields.required("WebhookUrl")?;
    let criteria = Criteria {
        custom_user_id: fields.parsed::<CustomUserId>("CustomUserId")?,
        reference: fields.parsed::<Reference>("Reference")?,
        consent_type: fields.parsed::<ConsentType>("ConsentType")?,
    };
    let done = state.services.webhooks.subscribe(&caller, &url, &criteria).await?;
    let s = done.subscription;
    Ok(Json(Subscribed {
        id: s.id,
        secret: done.secret.to_whsec(),
        webhook_url: s.url,
        custom_user_id: s.custom_user_id,
        reference: s.reference,
        consent_type: s.consent_type,
        created: rfc3339(s.created_at),
    }))
}

// ---- the integration pair ----

/// Per client address, then per integration (the path's id, whichever it is).
async fn limit_integration_callers(State(state): State<AppState>, req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    if req.method() == Method::OPTIONS {
        return next.run(req).await;
    }
    let ip = req.extensions().get::<crate::client_addr::ClientAddr>().map(|c| c.0.to_string()).unwrap_or_default();
    // A record names its integration in the path; a check names a ClientId there and its
    // integration in the query (a record's query cannot move it to another integration's count).
    let named = (req.method() == Method::GET)
        .then(|| {
            form_urlencoded::parse(req.uri().query().unwrap_or_default().as_bytes())
                .find(|(k, _)| k.eq_ignore_ascii_case("IntegrationId"))
                .map(|(_, v)| v.into_owned())
        })
        .flatten();
    let integration = named.unwrap_or_else(|| req.uri().path().rsplit('/').next().unwrap_or_default().to_string());
    match check_integration_limits(&state, &ip, &integration) {
        Ok(()) => next.run(req).await,
        Err(retry_after_secs) => {
            let mut res = UniversalError(backend::Error::RateLimited { retry_after_secs }.into()).into_response();
            allow_origin(&mut res, req.headers(), None);
            res
        }
    }
}

/// Counts one unauthenticated call for `integration` from client address `ip`: the limits
/// the integration endpoint and the banner's server function share. `Err(seconds)` to wait.
pub(crate) fn check_integration_limits(state: &AppState, ip: &str, integration: &str) -> Result<(), u64> {
    let integration = integration.trim().to_ascii_lowercase();
    state
        .integration_address_limiter
        .check(&format!("ip:{ip}"))
        .and_then(|()| state.integration_limiter.check(&format!("integration:{integration}")))
}

/// CORS for an integration's answer: the browser may read it when the page's origin is one the
/// integration allows (or, for a rate-limited answer before the integration is known, any
/// origin, so the page can see the 429). Never with credentials.
fn allow_origin(res: &mut Response, headers: &HeaderMap, integration: Option<&IntegrationRow>) {
    let Some(Ok(origin)) = headers.get(header::ORIGIN).map(|v| v.to_str().map(str::parse::<Origin>)) else { return };
    let Ok(origin) = origin else { return };
    if integration.is_none_or(|i| i.allowed_origins.contains(&origin)) {
        if let Ok(v) = HeaderValue::from_str(origin.as_str()) {
            res.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
        }
    }
    res.headers_mut().append(header::VARY, HeaderValue::from_static("Origin"));
}

/// An integration answer with its CORS headers, success or error alike.
fn with_cors(result: UcResult<Response>, headers: &HeaderMap, integration: Option<&IntegrationRow>) -> Response {
    let mut res = result.unwrap_or_else(IntoResponse::into_response);
    allow_origin(&mut res, headers, integration);
    res
}

/// Record (or change) a consent through an integration, without credentials (seed 003). The
/// Reference is the integration's name; a browser's `Origin` must be one the integration
/// allows (403 otherwise), and is the default `URI`. A request with no `Origin` is a server's.
#[utoipa::path(post, path = "/api/universalconsent/integration/{id}", tag = "universal consents", request_body = IntegrationConsentRecord,
    params(("id" = uuid::Uuid, Path, description = "The IntegrationId")),
    responses((status = 200, body = IntegrationConsentRecorded), (status = 400, body = ProblemDetails), (status = 403, body = ProblemDetails),
        (status = 404, body = ProblemDetails), (status = 429, body = ProblemDetails)))]
pub async fn integration_record(State(state): State<AppState>, Path(id): Path<String>, req: axum::extract::Request) -> Response {
    let (parts, body) = req.into_parts();
    let mut found: Option<IntegrationRow> = None;
    let result = async {
        let integration = state.services.universal.public_integration(&id).await?;
        found = Some(integration.clone());
        let fields = Fields::read(&state, &parts.uri, &parts.headers, body, INTEGRATION_BODY_LIMIT).await?;
        let origin = origin(&parts.headers)?;
        let new = NewUniversalConsent {
            consent_given: fields.required("ConsentGiven")?.parse::<ConsentGiven>()?,
            custom_user_id: fields.parsed::<CustomUserId>("CustomUserId")?,
            client_id: fields.parsed::<ClientId>("ClientId")?,
            reference: integration.name.parse::<Reference>()?,
            consent_type: fields.parsed::<ConsentType>("ConsentType")?,
            uri: uri_of(&fields, origin.as_ref())?,
            metadata: fields.text("Metadata")?.map(|m| m.parse::<Metadata>()).transpose()?,
            fingerprint: fingerprint(&state, &parts),
        };
        let row = state.services.universal.record_via_integration(&integration, origin.as_ref(), new).await?;
        Ok::<Response, UniversalError>(
            Json(IntegrationConsentRecorded {
                created: rfc3339(row.created_at),
                client_id: row.client_id,
                reference: row.reference,
                custom_user_id: row.custom_user_id,
            })
            .into_response(),
        )
    }
    .await;
    with_cors(result, &parts.headers, found.as_ref())
}

/// Whether a consent exists for a ClientId through an integration (seed 003): here the path's
/// id is the ClientId and `IntegrationId` is a query parameter.
#[utoipa::path(get, path = "/api/universalconsent/integration/{id}", tag = "universal consents",
    params(("id" = uuid::Uuid, Path, description = "The ClientId"), ("IntegrationId" = uuid::Uuid, Query)),
    responses((status = 200, body = IntegrationConsentCheck), (status = 400, body = ProblemDetails), (status = 404, body = ProblemDetails),
        (status = 429, body = ProblemDetails)))]
pub async fn integration_check(State(state): State<AppState>, Path(id): Path<String>, req: axum::extract::Request) -> Response {
    let (parts, body) = req.into_parts();
    let mut found: Option<IntegrationRow> = None;
    let result = async {
        let fields = Fields::read(&state, &parts.uri, &parts.headers, body, INTEGRATION_BODY_LIMIT).await?;
        let integration_id = fields.required("IntegrationId")?;
        let client_id = id.parse::<ClientId>()?;
        let (row, integration) = state.services.universal.check_via_integration(&integration_id, &client_id).await?;
        found = Some(integration);
        Ok::<Response, UniversalError>(
            Json(IntegrationConsentCheck {
                client_id: row.client_id,
                reference: row.reference,
                consent_given: row.consent_given.as_str().into(),
                created: rfc3339(row.created_at),
                metadata: row.metadata,
            })
            .into_response(),
        )
    }
    .await;
    with_cors(result, &parts.headers, found.as_ref())
}

/// The CORS preflight of the integration endpoints: 204 with the allowed method and headers
/// for an origin the integration allows; 403 without them otherwise.
#[utoipa::path(options, path = "/api/universalconsent/integration/{id}", tag = "universal consents",
    params(("id" = uuid::Uuid, Path, description = "The IntegrationId (or, for the check, the ClientId)")),
    responses((status = 204, description = "The origin may call this endpoint"), (status = 403, body = ProblemDetails)))]
pub async fn integration_preflight(State(state): State<AppState>, Path(id): Path<String>, uri: Uri, headers: HeaderMap) -> Response {
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()).and_then(|o| o.parse::<Origin>().ok());
    // A preflight carries the request's query: a check names its integration there, a record
    // in the path.
    let named = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(k, _)| k.eq_ignore_ascii_case("IntegrationId"))
        .map(|(_, v)| v.into_owned())
        .unwrap_or(id);
    let allowed = match &origin {
        Some(o) => state.services.universal.public_integration(&named).await.is_ok_and(|i| i.allowed_origins.contains(o)),
        None => false,
    };
    let Some(origin) = origin.filter(|_| allowed) else {
        let mut res = UniversalError(backend::Error::Forbidden("this origin may not call this endpoint").into()).into_response();
        res.headers_mut().append(header::VARY, HeaderValue::from_static("Origin"));
        return res;
    };
    preflight_answer(&origin, "GET, POST")
}

/// A preflight's `204` letting `origin` send `methods` with a `content-type`, without
/// credentials, for ten minutes (the banner's server function answers the same way).
pub(crate) fn preflight_answer(origin: &Origin, methods: &'static str) -> Response {
    let mut res = StatusCode::NO_CONTENT.into_response();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(origin.as_str()) {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
    }
    h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static(methods));
    h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("content-type"));
    h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
    h.append(header::VARY, HeaderValue::from_static("Origin"));
    res
}
