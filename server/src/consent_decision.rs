//! The hosted consent page's form post: `POST /{subdomain}/{display_id}/{event_id}/decision`.
//! A plain `application/x-www-form-urlencoded` post, so the page works without JavaScript;
//! it answers with a redirect back to the page, which then shows the receipt.

use crate::api::extract::ClientIp;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use backend::consent_links::{LinkChoice, LinkEvidence, LinkTarget};
use backend::Error;
use std::collections::BTreeSet;

fn page(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"stylesheet\" href=\"/pkg/assent.css\"></head><body><main class=\"consent\"><h1>{title}</h1><p>{body}</p></main></body></html>"
    );
    (status, Html(html)).into_response()
}

pub async fn submit(
    State(state): State<AppState>,
    Path((subdomain, display_id, event_id)): Path<(String, String, String)>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let back = |lang: &str| {
        let lang = if lang.is_empty() {
            String::new()
        } else {
            format!("?lang={}", form_urlencoded::byte_serialize(lang.as_bytes()).collect::<String>())
        };
        Redirect::to(&format!("/{subdomain}/{display_id}/{event_id}{lang}")).into_response()
    };
    let mut decision = String::new();
    let mut lang = String::new();
    let mut version = None;
    let mut ticked = BTreeSet::new();
    for (k, v) in form_urlencoded::parse(&body) {
        match &*k {
            "decision" => decision = v.into_owned(),
            "purpose" => {
                ticked.insert(v.into_owned());
            }
            "lang" => lang = v.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(16).collect(),
            "version" => version = v.parse::<i64>().ok(),
            _ => {}
        }
    }
    let choice = match decision.as_str() {
        "approve" => LinkChoice::ApproveAll,
        "decline" => LinkChoice::DeclineAll,
        "save" => LinkChoice::Choose(ticked),
        "withdraw" => LinkChoice::Withdraw,
        _ => return page(StatusCode::BAD_REQUEST, "Choose an option", "Go back and press Approve, Save choices or Decline."),
    };
    match state.store.consent_link_target(&subdomain, &display_id, &event_id).await {
        Ok(LinkTarget::Live { .. }) => {}
        // The page itself explains replaced links (410).
        Ok(LinkTarget::Replaced { .. }) => return back(&lang),
        Ok(LinkTarget::Unknown) => return page(StatusCode::NOT_FOUND, "Link not found", "This consent link does not exist."),
        Err(err) => {
            tracing::error!(error = ?err, "consent decision failed");
            return page(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong", "Your decision was not saved. Please try again.");
        }
    }
    let evidence = LinkEvidence {
        ip: ip.map(|i| i.to_string()),
        user_agent: headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(|s| s.chars().take(512).collect()),
        language: Some(lang.clone()).filter(|l| !l.is_empty()),
        shown_version: version,
    };
    match state.store.record_link_decision(&event_id, &choice, &evidence).await {
        Ok(_) => back(&lang),
        // Expired or replaced meanwhile: the page says which.
        Err(Error::Forbidden(_)) => back(&lang),
        Err(Error::Invalid { message, .. }) => page(StatusCode::BAD_REQUEST, "Nothing to do", &message),
        Err(err) => {
            tracing::error!(error = ?err, "consent decision failed");
            page(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong", "Your decision was not saved. Please try again.")
        }
    }
}
