//! Reading request bodies, the one way every surface does: at most `limit` bytes (413
//! beyond), within a deadline (408 for a client that trickles its body), so neither a huge
//! nor a slow body ties up the server.

use crate::error::RequestError;
use axum::body::{Body, Bytes};
use http_body_util::BodyExt;
use std::time::Duration;

/// JSON bodies of the APIs: generous for notices in many languages.
pub const API_LIMIT: usize = 2 * 1024 * 1024;
/// The hosted page's form posts: a decision and the purposes ticked.
pub const FORM_LIMIT: usize = 64 * 1024;
/// How long a client may take to send its body, unless configured (`ServerConfig`).
pub const READ_DEADLINE: Duration = Duration::from_secs(10);

/// An oversized body is still read, and thrown away, up to this much: a server that answers
/// 413 and closes while the client is still sending makes the client see a reset instead of
/// the answer. Beyond it, the connection is closed.
const DRAIN_LIMIT: usize = 16 * 1024 * 1024;

pub async fn read(mut body: Body, limit: usize, deadline: Duration) -> Result<Bytes, RequestError> {
    let reading = async move {
        let mut kept = Vec::new();
        let mut seen = 0usize;
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|e| RequestError::bad_request(format!("the request body could not be read: {e}")))?;
            if let Ok(data) = frame.into_data() {
                seen += data.len();
                if seen <= limit {
                    kept.extend_from_slice(&data);
                } else if seen > DRAIN_LIMIT {
                    break;
                }
            }
        }
        if seen > limit {
            return Err(RequestError::PayloadTooLarge(format!("the request body is larger than {} KB", limit / 1024)));
        }
        Ok(Bytes::from(kept))
    };
    match tokio::time::timeout(deadline, reading).await {
        Err(_) => Err(RequestError::Timeout(format!("the request body did not arrive within {:.1} s", deadline.as_secs_f64()))),
        Ok(result) => result,
    }
}

/// Whether the request says its body is JSON.
pub fn is_json(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.split(';').next().is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json")))
}

/// A JSON body, or the 400 that says where it does not parse.
pub fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, RequestError> {
    serde_json::from_slice(bytes).map_err(|e| RequestError::bad_request(format!("invalid JSON body: {e}")))
}
