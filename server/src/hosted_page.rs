//! The hosted consent page: `GET /{subdomain}/{display_id}/{link_id}` loads the link's data
//! and renders the public app with it, and its form posts to
//! `POST /{subdomain}/{display_id}/{link_id}/decision` (plain `x-www-form-urlencoded`, so the
//! page works without JavaScript), which answers with a redirect back to the page: it then
//! shows the receipt, or explains why the link no longer takes decisions.

use crate::pipeline::ClientIp;
use crate::state::AppState;
use app::public::PublicPage;
use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use backend::links::{LinkChoice, LinkEvidence};
use backend::services::consent_links::LinkPath;
use backend::{Error, ErrorKind};
use leptos::prelude::provide_context;
use std::collections::{BTreeSet, HashMap};

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn page(state: &AppState, status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"stylesheet\" href=\"{css}\"></head><body><main class=\"consent\"><h1>{title}</h1><p>{body}</p></main></body></html>",
        title = escape(title),
        body = escape(body),
        css = state.assets.stylesheet_href(),
    );
    (status, Html(html)).into_response()
}

/// Renders the public app with `page` (the 404 fallback uses this too).
pub async fn render(state: &AppState, page: PublicPage, req: Request<Body>) -> Response {
    let options = state.public_leptos.clone();
    // The page is small and its data already loaded: render it whole, so its status is known
    // before the first byte goes out.
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(page.clone());
            crate::security::provide_nonce();
        },
        move || app::public_shell(options.clone()),
    );
    handler(req).await
}

pub async fn show(
    State(state): State<AppState>,
    Path((subdomain, display_id, link_id)): Path<(String, String, String)>,
    Query(query): Query<HashMap<String, String>>,
    req: Request<Body>,
) -> Response {
    let path = format!("/{subdomain}/{display_id}/{link_id}");
    let link = LinkPath { subdomain, display_id, link_id: backend::types::canonical_id(&link_id) };
    let data = app::public::consent_page::load(&state.services, &link, query.get("lang").map(String::as_str)).await.map(Box::new);
    render(&state, PublicPage::Consent { path, data }, req).await
}

/// A clear page for a flood of decisions, with when to try again.
fn too_many(state: &AppState, retry_after_secs: u64) -> Response {
    let minutes = retry_after_secs.div_ceil(60);
    let mut res = page(
        state,
        StatusCode::TOO_MANY_REQUESTS,
        "Too many changes",
        &format!("This link has taken many decisions in a short time. Your last choice was not saved; try again in {minutes} minute(s)."),
    );
    if let Ok(v) = axum::http::HeaderValue::from_str(&retry_after_secs.to_string()) {
        res.headers_mut().insert(header::RETRY_AFTER, v);
    }
    res
}

pub async fn submit(
    State(state): State<AppState>,
    Path((subdomain, display_id, link_id)): Path<(String, String, String)>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let body = match crate::body::read(body, crate::body::FORM_LIMIT, state.config.body_read_deadline).await {
        Ok(body) => body,
        Err(err) => {
            let public = err.public();
            let status = StatusCode::from_u16(public.status).unwrap_or(StatusCode::BAD_REQUEST);
            return page(&state, status, "Your choice did not arrive", "Please go back and try again.");
        }
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
    let back = {
        let query = if lang.is_empty() {
            String::new()
        } else {
            format!("?lang={}", form_urlencoded::byte_serialize(lang.as_bytes()).collect::<String>())
        };
        Redirect::to(&format!("/{subdomain}/{display_id}/{link_id}{query}")).into_response()
    };
    if let Err(retry_after) = state.decision_limiter.check(&format!("ip:{}", ip.map(|i| i.to_string()).unwrap_or_default())) {
        return too_many(&state, retry_after);
    }
    let choice = match decision.as_str() {
        "approve" => LinkChoice::ApproveAll,
        "decline" => LinkChoice::DeclineAll,
        "save" => LinkChoice::Choose(ticked),
        "withdraw" => LinkChoice::Withdraw,
        _ => return page(&state, StatusCode::BAD_REQUEST, "Choose an option", "Go back and press Approve, Save choices or Decline."),
    };
    let evidence = LinkEvidence {
        ip: ip.map(|i| i.to_string()),
        user_agent: headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(|s| s.chars().take(512).collect()),
        language: Some(lang.clone()).filter(|l| !l.is_empty()),
        shown_version: version,
    };
    let path = LinkPath { subdomain, display_id, link_id: backend::types::canonical_id(&link_id) };
    match state.services.links.decide(&path, &choice, &evidence).await {
        Ok(_) => back,
        Err(err) => {
            let public = err.report();
            match (public.kind, &err) {
                // Expired or replaced: the page says which.
                (ErrorKind::Forbidden, _) => back,
                (ErrorKind::RateLimited, _) => too_many(&state, public.retry_after_secs.unwrap_or(60)),
                (ErrorKind::NotFound, _) => page(&state, StatusCode::NOT_FOUND, "Link not found", "This consent link does not exist."),
                (ErrorKind::Invalid, Error::Invalid { message, .. }) => page(&state, StatusCode::BAD_REQUEST, "Nothing to do", message),
                _ => page(
                    &state,
                    StatusCode::from_u16(public.kind.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                    "Something went wrong",
                    "Your decision was not saved. Please try again.",
                ),
            }
        }
    }
}
