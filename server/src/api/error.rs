//! The management API's error format: `{"error": {"code", "message", "field"?}}`, mapped once
//! from the backend's error type.

use app::dto::{ErrorBody, ErrorDetail};
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    Backend(#[from] backend::Error),
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("no such endpoint")]
    NoRoute,
    #[error("method not allowed")]
    MethodNotAllowed,
}

impl ApiError {
    fn parts(&self) -> (StatusCode, &'static str, String, Option<String>) {
        use backend::Error as E;
        match self {
            ApiError::Backend(err) => match err {
                E::Invalid { field, message } => {
                    (StatusCode::BAD_REQUEST, "invalid_request", format!("{field}: {message}"), Some(field.to_string()))
                }
                E::NotFound(what) => (StatusCode::NOT_FOUND, "not_found", format!("{what} not found"), None),
                E::Conflict(msg) => (StatusCode::CONFLICT, "conflict", msg.clone(), None),
                E::Unauthenticated => (StatusCode::UNAUTHORIZED, "unauthorized", "missing or invalid credentials".into(), None),
                E::Forbidden(msg) => (StatusCode::FORBIDDEN, "forbidden", msg.to_string(), None),
                E::RateLimited { .. } => (StatusCode::TOO_MANY_REQUESTS, "rate_limited", "too many requests; retry later".into(), None),
                E::Database(_) | E::Migrate(_) | E::Internal(_) => {
                    (StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal error; the server log has details".into(), None)
                }
            },
            ApiError::BadRequest(msg) => (StatusCode::BAD_REQUEST, "invalid_request", msg.clone(), None),
            ApiError::UnsupportedMediaType(msg) => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", msg.clone(), None),
            ApiError::NoRoute => (StatusCode::NOT_FOUND, "not_found", "no such endpoint".into(), None),
            ApiError::MethodNotAllowed => {
                (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "this endpoint does not accept that method".into(), None)
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, message, field) = self.parts();
        if status.is_server_error() {
            tracing::error!(error = ?self, "request failed");
        }
        let mut res = (status, Json(ErrorBody { error: ErrorDetail { code: code.into(), message, field } })).into_response();
        if let ApiError::Backend(backend::Error::RateLimited { retry_after_secs }) = self {
            if let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        res
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rej: JsonRejection) -> Self {
        match rej {
            JsonRejection::MissingJsonContentType(_) => {
                ApiError::UnsupportedMediaType("expected a JSON body with Content-Type: application/json".into())
            }
            other => ApiError::BadRequest(format!("invalid JSON body: {}", other.body_text())),
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rej: QueryRejection) -> Self {
        ApiError::BadRequest(format!("invalid query string: {}", rej.body_text()))
    }
}

impl From<PathRejection> for ApiError {
    fn from(rej: PathRejection) -> Self {
        ApiError::BadRequest(format!("invalid path: {}", rej.body_text()))
    }
}

pub async fn not_found() -> ApiError {
    ApiError::NoRoute
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

pub type ApiResult<T> = Result<T, ApiError>;
