//! Assent's own management API under `/api/v1/` (the seeds leave these to "the dashboard"):
//! its routes, its error format `{"error": {"code", "message", "field"?}}`, and its extractors.
//! Every route is registered through `utoipa_axum::routes!`, so none exists without its entry
//! in the OpenAPI document.

pub mod api_keys;
pub mod assets;
pub mod collection_points;
pub mod consent_requests;
pub mod integrations;
pub mod ledger;
pub mod openapi;
pub mod principals;
pub mod session;
pub mod translations;
pub mod webhooks;

use crate::error::RequestError;
use crate::pipeline::{self, Authenticated, OrgHeader, Surface};
use crate::state::AppState;
use app::dto::{ErrorBody, ErrorDetail};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The management API as a surface of the caller pipeline.
pub struct Management;

impl Surface for Management {
    const ORG_HEADER: OrgHeader = OrgHeader::Optional;
    fn error_response(err: RequestError) -> Response {
        ManagementError(err).into_response()
    }
}

/// The caller of a management route.
pub type Caller = Authenticated<Management>;

/// An error, in the management API's format.
#[derive(Debug)]
pub struct ManagementError(pub RequestError);

impl From<RequestError> for ManagementError {
    fn from(err: RequestError) -> Self {
        ManagementError(err)
    }
}

impl From<backend::Error> for ManagementError {
    fn from(err: backend::Error) -> Self {
        ManagementError(err.into())
    }
}

impl IntoResponse for ManagementError {
    fn into_response(self) -> Response {
        let p = self.0.public();
        let status = StatusCode::from_u16(p.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = ErrorBody { error: ErrorDetail { code: p.code.into(), message: p.message, field: p.field.map(str::to_string) } };
        let mut res = (status, Json(body)).into_response();
        if let Some(secs) = p.retry_after_secs {
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        res
    }
}

pub type ApiResult<T> = Result<T, ManagementError>;

impl From<QueryRejection> for ManagementError {
    fn from(rej: QueryRejection) -> Self {
        ManagementError(RequestError::bad_request(format!("invalid query string: {}", rej.body_text())))
    }
}

impl From<PathRejection> for ManagementError {
    fn from(rej: PathRejection) -> Self {
        ManagementError(RequestError::bad_request(format!("invalid path: {}", rej.body_text())))
    }
}

/// A JSON body, read by [`crate::body::read`]; unknown fields are refused where the type says so.
pub struct ApiJson<T>(pub T);

impl<T: serde::de::DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ManagementError;

    async fn from_request(req: axum::extract::Request, state: &AppState) -> Result<Self, Self::Rejection> {
        if !crate::body::is_json(req.headers()) {
            return Err(ManagementError(RequestError::UnsupportedMediaType(
                "expected a JSON body with Content-Type: application/json".into(),
            )));
        }
        let bytes = crate::body::read(req.into_body(), crate::body::API_LIMIT, state.config.body_read_deadline).await?;
        Ok(ApiJson(crate::body::parse_json(&bytes)?))
    }
}

#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ManagementError))]
pub struct ApiQuery<T>(pub T);

#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ManagementError))]
pub struct ApiPath<T>(pub T);

/// An id from the path, in its canonical form: a UUID matches in any case.
pub struct ApiId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ApiId {
    type Rejection = ManagementError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ApiPath(raw) = ApiPath::<String>::from_request_parts(parts, state).await?;
        Ok(ApiId(backend::types::canonical_id(&raw)))
    }
}

/// `?limit=&offset=` of every list.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PageParams {
    /// 1-200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// Default 0.
    #[param(minimum = 0)]
    pub offset: Option<i64>,
}

impl PageParams {
    pub fn page(&self) -> Result<backend::store::Page, ManagementError> {
        Ok(backend::store::Page::parse(self.limit, self.offset)?)
    }
}

/// Routes without credentials: sign-in and first-run setup, limited per client address.
pub fn open_routes(state: &AppState) -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(session::login))
        .routes(routes!(session::setup))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), pipeline::limit_by_address::<Management>))
}

/// Everything else, behind the caller pipeline.
pub fn routes(state: &AppState) -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(session::logout))
        .routes(routes!(session::me))
        .routes(routes!(session::get_org, session::patch_org))
        .routes(routes!(assets::create, assets::list))
        .routes(routes!(assets::get_one, assets::patch, assets::delete))
        .routes(routes!(collection_points::create, collection_points::list))
        .routes(routes!(collection_points::get_one, collection_points::patch, collection_points::delete))
        .routes(routes!(collection_points::get_version))
        .routes(routes!(api_keys::create, api_keys::list))
        .routes(routes!(api_keys::get_one, api_keys::revoke))
        .routes(routes!(consent_requests::get_one))
        .routes(routes!(ledger::entries))
        .routes(routes!(ledger::verify))
        .routes(routes!(ledger::receipt))
        .routes(routes!(ledger::export_events))
        .routes(routes!(ledger::check_receipt))
        .routes(routes!(ledger::checkpoint))
        .routes(routes!(ledger::signing_keys))
        .routes(routes!(ledger::rotate_signing_key))
        .routes(routes!(principals::export_principal))
        .routes(routes!(principals::erase_principal))
        .routes(routes!(integrations::create, integrations::list))
        .routes(routes!(integrations::get_one, integrations::patch, integrations::delete))
        .routes(routes!(webhooks::list))
        .routes(routes!(webhooks::get_one, webhooks::patch, webhooks::delete))
        .routes(routes!(webhooks::rotate_secret))
        .routes(routes!(webhooks::deliveries))
        .routes(routes!(webhooks::delivery))
        .routes(routes!(webhooks::redeliver))
        .routes(routes!(translations::list))
        .routes(routes!(translations::get_one, translations::put))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), pipeline::authenticate::<Management>))
}

/// Answers unknown API paths in this API's format, never with a page.
pub async fn not_found() -> ManagementError {
    ManagementError(RequestError::NoRoute)
}

pub async fn method_not_allowed() -> ManagementError {
    ManagementError(RequestError::MethodNotAllowed)
}

/// Splits a group of routes into its router, with this API's 405 answers, and its document.
pub fn finish(routes: OpenApiRouter<AppState>) -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, doc) = routes.split_for_parts();
    (router.method_not_allowed_fallback(method_not_allowed), doc)
}
