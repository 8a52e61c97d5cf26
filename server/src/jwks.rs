//! `GET /.well-known/assent/{org}/jwks.json`: an organisation's public signing keys, current and
//! retired, for anyone who verifies its receipts and checkpoints. No credentials: public keys
//! are public, and an organisation's slug is in every receipt it signs.

use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

pub async fn jwks(State(state): State<AppState>, Path(org): Path<String>) -> Response {
    match state.services.proof.jwks(&org).await {
        Ok(set) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("application/jwk-set+json")),
                // A rotation shows within minutes; verifiers may keep a copy that long.
                (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300")),
                (header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*")),
            ],
            serde_json::to_string(&set).expect("a key set serialises"),
        )
            .into_response(),
        Err(backend::Error::NotFound(_)) => (StatusCode::NOT_FOUND, "no such organisation\n").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "reading a key set failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error\n").into_response()
        }
    }
}
