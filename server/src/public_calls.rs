//! The caller pipeline of the public server functions, what `pipeline` is to the APIs:
//! `POST /_server/consent_decision` (the hosted page's decision) and
//! `POST /_server/banner_choice` (the banner's choice, from other sites).
//!
//! Before the function runs it reads the body within the form limit and deadline, counts the
//! request against the rate limits (per client address; for the banner, per integration too)
//! and leaves what it found for the function as [`PublicCaller`]. A limit does not answer by
//! itself: it tells the function to save nothing, and the function says so in the caller's
//! words, with the same status either way. After the function, a form whose fields do not
//! decode (which `server_fn` answers 500) becomes the 400 it is.

use crate::client_addr::ClientAddr;
use crate::error::RequestError;
use crate::state::AppState;
use app::banner::RecordBannerChoice;
use app::error::{AppError, AppErrorKind};
use app::public::consent_page::DecideConsent;
use app::public::PublicCaller;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use backend::i18n::{catalogue, Overrides};
use leptos::server_fn::ServerFn;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Function {
    ConsentDecision,
    BannerChoice,
}

impl Function {
    fn of(path: &str) -> Option<Self> {
        if path == DecideConsent::PATH {
            Some(Function::ConsentDecision)
        } else if path == RecordBannerChoice::PATH {
            Some(Function::BannerChoice)
        } else {
            None
        }
    }
}

/// Header `server_fn` marks its error answers with.
const SERVER_FN_ERROR: &str = "serverfnerror";

pub async fn gate(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(function) = Function::of(req.uri().path()) else {
        return next.run(req).await;
    };
    if function == Function::BannerChoice && req.method() == Method::OPTIONS {
        return preflight(req.headers());
    }
    if req.method() != Method::POST {
        return next.run(req).await;
    }
    let (mut parts, body) = req.into_parts();
    let bytes = match crate::body::read(body, crate::body::FORM_LIMIT, state.config.body_read_deadline).await {
        Ok(bytes) => bytes,
        Err(err) => return unreadable(&parts.headers, function, &err),
    };
    let address = parts.extensions.get::<ClientAddr>().map(|c| c.0.to_string()).unwrap_or_default();
    let throttled = match function {
        Function::ConsentDecision => state.decision_limiter.check(&format!("ip:{address}")).err(),
        Function::BannerChoice => {
            // The integration the form names, counted as the integration endpoint counts it.
            let integration = form_urlencoded::parse(&bytes).find(|(k, _)| k == "integration").map(|(_, v)| v.into_owned());
            crate::dialects::universal_consents::check_integration_limits(&state, &address, &integration.unwrap_or_default()).err()
        }
    };
    // A throttled request saves nothing: no evidence to gather (nor a GeoIP lookup to make).
    let fingerprint = match throttled {
        None => crate::dialects::universal_consents::fingerprint(&state, &parts),
        Some(_) => Default::default(),
    };
    parts.extensions.insert(PublicCaller { fingerprint, throttled });
    let origin_sent = parts.headers.contains_key(header::ORIGIN);
    let res = next.run(Request::from_parts(parts, Body::from(bytes))).await;
    let mut res = finish(function, res, origin_sent).await;
    if function == Function::BannerChoice {
        res.headers_mut().append(header::VARY, HeaderValue::from_static("Origin"));
    }
    res
}

/// The function's error, as its client reads it: the status and the JSON of [`AppError`].
fn app_error(status: StatusCode, error: &AppError) -> Response {
    let body = serde_json::to_string(error).unwrap_or_default();
    let mut res = (status, [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response();
    res.headers_mut().insert(SERVER_FN_ERROR, HeaderValue::from_static("true"));
    res
}

/// A body too large, too slow or unreadable: no function runs, and the caller is told in their
/// language (the hosted page's words; the banner reads only the status).
fn unreadable(headers: &HeaderMap, function: Function, err: &RequestError) -> Response {
    let public = err.public();
    let status = StatusCode::from_u16(public.status).unwrap_or(StatusCode::BAD_REQUEST);
    let message = match function {
        Function::ConsentDecision => {
            let accept_language = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
            let locale = catalogue().negotiate(&[], accept_language);
            catalogue().format(locale, &Overrides::default(), "decision-unreadable", &[])
        }
        Function::BannerChoice => public.message,
    };
    let mut res = app_error(status, &AppError::new(AppErrorKind::Invalid, message));
    if function == Function::BannerChoice {
        res.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    }
    res
}

/// `server_fn` answers 500 when a form's fields do not decode into the function's arguments
/// (`AppError::from_server_fn_error` makes that error `Invalid`): the caller's mistake, a 400.
/// The banner's (sent from other sites) is readable by any page, as its other refusals before
/// the integration is known are.
async fn finish(function: Function, res: Response, origin_sent: bool) -> Response {
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR || !res.headers().contains_key(SERVER_FN_ERROR) {
        return res;
    }
    let (parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    match serde_json::from_slice::<AppError>(&bytes) {
        Ok(err) if err.kind == AppErrorKind::Invalid => {
            let mut res = app_error(
                StatusCode::BAD_REQUEST,
                &AppError::new(AppErrorKind::Invalid, format!("the form's fields could not be read: {}", err.message)),
            );
            if function == Function::BannerChoice && origin_sent {
                res.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
            }
            res
        }
        _ => Response::from_parts(parts, Body::from(bytes)),
    }
}

/// The banner's choice is a CORS simple request (a form post), so browsers do not preflight
/// it; a client that adds a header of its own does. The preflight names no integration, so it
/// lets any origin ask: the post itself records only from the integration's allowed origins,
/// and only they may read its answer.
fn preflight(headers: &HeaderMap) -> Response {
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()).and_then(|o| o.parse::<backend::universal::Origin>().ok());
    let Some(origin) = origin else {
        let mut res =
            app_error(StatusCode::FORBIDDEN, &AppError::new(AppErrorKind::Forbidden, "a preflight needs the page's Origin".to_string()));
        res.headers_mut().append(header::VARY, HeaderValue::from_static("Origin"));
        return res;
    };
    crate::dialects::universal_consents::preflight_answer(&origin, "POST")
}

// ---- the functions' wire shapes, for the OpenAPI document (leptos_axum serves the routes) ----

/// The hosted page's form, as `decide_consent` takes it.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct ConsentDecisionFields {
    /// The page's path, `/{subdomain}/{display_id}/{link_id}`.
    #[schema(example = "/acme/CP001/6f1c2f8e-0d3b-4c55-9d43-2a1d3c4b5e6f")]
    link: String,
    /// `approve`, `decline`, `save` (with `purpose[]`) or `withdraw`.
    #[schema(example = "save")]
    decision: String,
    /// The purposes ticked, for `save`.
    #[schema(rename = "purpose[]")]
    purpose: Option<Vec<String>>,
    /// The notice version the page showed.
    version: Option<i64>,
    /// The page's language.
    lang: Option<String>,
    /// The notice's language.
    notice_lang: Option<String>,
}

/// A visitor's choice, as `record_banner_choice` takes it.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct BannerChoiceFields {
    /// The IntegrationId.
    integration: String,
    /// `All`, `Partial` or `None`.
    #[schema(example = "Partial")]
    consent: String,
    /// For `Partial`, the optional categories the visitor allowed (the banner's category ids).
    #[schema(rename = "category[]")]
    category: Option<Vec<String>>,
    /// The ClientId an earlier choice gave this browser.
    client_id: Option<String>,
    /// The policy version the banner showed; a choice on an older one is refused (409).
    policy_version: Option<String>,
}

/// The person's decision on the hosted consent page, as its form posts it. With JavaScript the
/// page's own client asks for JSON and gets the page as it now stands (or the error, in the
/// page's language); a browser without JavaScript (`Accept: text/html`) is sent back to the
/// page with `303`, and `?problem=` there says why a decision was not saved. Rate limited per
/// client address.
#[utoipa::path(post, path = "/_server/consent_decision", tag = "hosted page", operation_id = "hosted_page.decide",
    request_body(content = ConsentDecisionFields, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "Saved: what the decision changed on the page", body = app::public::consent_page::Decided),
        (status = 303, description = "Without JavaScript: back to the page", headers(("Location" = String, description = "The page"))),
        (status = 400, description = "No choice, or one the notice does not allow", body = AppError),
        (status = 404, description = "No such consent link", body = AppError),
        (status = 410, description = "The link expired or was replaced", body = AppError),
        (status = 429, description = "Too many decisions from this client or through this link", body = AppError,
            headers(("Retry-After" = String, description = "Seconds to wait")))))]
#[allow(dead_code)]
fn consent_decision() {}

/// A visitor's choice on the embeddable banner, recorded like seed 003's integration endpoint
/// (the same service): only from the integration's allowed origins, which alone may read the
/// answer (`Access-Control-Allow-Origin`). A form post, so browsers send it without a
/// preflight. Rate limited per client address and per integration.
#[utoipa::path(post, path = "/_server/banner_choice", tag = "banner", operation_id = "banner.choice",
    request_body(content = BannerChoiceFields, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "Recorded", body = app::banner::BannerChoiceRecorded),
        (status = 403, description = "The page's origin is not one the integration allows", body = AppError),
        (status = 404, description = "No such integration", body = AppError),
        (status = 409, description = "The banner's policy changed since the visitor saw it: show it again", body = AppError),
        (status = 429, description = "Too many choices from this client or for this integration", body = AppError,
            headers(("Retry-After" = String, description = "Seconds to wait")))))]
#[allow(dead_code)]
fn banner_choice() {}

/// The CORS preflight of the banner's choice (browsers send none for the form post itself).
#[utoipa::path(options, path = "/_server/banner_choice", tag = "banner", operation_id = "banner.choice_preflight",
    responses(
        (status = 204, description = "Any page may ask; the post itself records only from the integration's origins"),
        (status = 403, description = "No Origin in the preflight", body = AppError)))]
#[allow(dead_code)]
fn banner_choice_preflight() {}

#[derive(utoipa::OpenApi)]
#[openapi(paths(consent_decision, banner_choice, banner_choice_preflight), components(schemas(AppError, AppErrorKind)))]
pub struct PublicFunctionsDoc;
