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
use backend::i18n::{catalogue, Locale, Overrides};
use backend::links::{LinkChoice, LinkEvidence};
use backend::services::consent_links::LinkPath;
use backend::ErrorKind;
use leptos::prelude::provide_context;
use std::collections::{BTreeSet, HashMap};

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A page answering a decision that was not saved, in the reader's language.
fn page(state: &AppState, status: StatusCode, locale: &Locale, title_key: &str, body: &str) -> Response {
    let title = catalogue().format(locale, &Overrides::default(), title_key, &[]);
    let html = format!(
        "<!doctype html><html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"stylesheet\" href=\"{css}\"></head><body><main class=\"consent\"><h1>{title}</h1><p>{body}</p></main></body></html>",
        lang = locale.code(),
        dir = locale.dir(),
        title = escape(&title),
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
    let preferred: Vec<&str> = query.get("lang").map(String::as_str).into_iter().collect();
    let accept_language = req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map(str::to_string);
    let (texts, data) = app::public::consent_page::load(&state.services, &link, &preferred, accept_language.as_deref()).await;
    render(&state, PublicPage::Consent { path, texts, data: data.map(Box::new) }, req).await
}

/// A clear page for a flood of decisions, with when to try again.
fn too_many(state: &AppState, locale: &Locale, retry_after_secs: u64) -> Response {
    let minutes = retry_after_secs.div_ceil(60);
    let body = catalogue().format(locale, &Overrides::default(), "decision-too-many-body", &[("minutes", minutes.into())]);
    let mut res = page(state, StatusCode::TOO_MANY_REQUESTS, locale, "decision-too-many-title", &body);
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
    let accept_language = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    let text = |locale: &Locale, key: &str| catalogue().format(locale, &Overrides::default(), key, &[]);
    let body = match crate::body::read(body, crate::body::FORM_LIMIT, state.config.body_read_deadline).await {
        Ok(body) => body,
        Err(err) => {
            let public = err.public();
            let status = StatusCode::from_u16(public.status).unwrap_or(StatusCode::BAD_REQUEST);
            let locale = catalogue().negotiate(&[], accept_language);
            return page(&state, status, locale, "decision-unreadable-title", &text(locale, "decision-unreadable-body"));
        }
    };
    let mut decision = String::new();
    let mut lang = String::new();
    let mut notice_lang = String::new();
    let mut version = None;
    let mut ticked = BTreeSet::new();
    for (k, v) in form_urlencoded::parse(&body) {
        match &*k {
            "decision" => decision = v.into_owned(),
            "purpose" => {
                ticked.insert(v.into_owned());
            }
            "lang" => lang = language_code(&v),
            "notice_lang" => notice_lang = language_code(&v),
            "version" => version = v.parse::<i64>().ok(),
            _ => {}
        }
    }
    let locale = catalogue().negotiate(&[lang.as_str()], accept_language);
    let back = {
        let query = if lang.is_empty() {
            String::new()
        } else {
            format!("?lang={}", form_urlencoded::byte_serialize(lang.as_bytes()).collect::<String>())
        };
        Redirect::to(&format!("/{subdomain}/{display_id}/{link_id}{query}")).into_response()
    };
    if let Err(retry_after) = state.decision_limiter.check(&format!("ip:{}", ip.map(|i| i.to_string()).unwrap_or_default())) {
        return too_many(&state, locale, retry_after);
    }
    let choice = match decision.as_str() {
        "approve" => LinkChoice::ApproveAll,
        "decline" => LinkChoice::DeclineAll,
        "save" => LinkChoice::Choose(ticked),
        "withdraw" => LinkChoice::Withdraw,
        _ => return page(&state, StatusCode::BAD_REQUEST, locale, "decision-missing-title", &text(locale, "decision-missing-body")),
    };
    let evidence = LinkEvidence {
        ip: ip.map(|i| i.to_string()),
        user_agent: headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(|s| s.chars().take(512).collect()),
        // The language of the notice the person read.
        language: [notice_lang, lang].into_iter().find(|l| !l.is_empty()),
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
                (ErrorKind::RateLimited, _) => too_many(&state, locale, public.retry_after_secs.unwrap_or(60)),
                (ErrorKind::NotFound, _) => {
                    page(&state, StatusCode::NOT_FOUND, locale, "page-unknown-title", &text(locale, "page-unknown-body"))
                }
                (ErrorKind::Invalid, _) => {
                    page(&state, StatusCode::BAD_REQUEST, locale, "decision-invalid-title", &text(locale, "decision-invalid-body"))
                }
                _ => page(
                    &state,
                    StatusCode::from_u16(public.kind.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                    locale,
                    "page-error-title",
                    &text(locale, "decision-failed-body"),
                ),
            }
        }
    }
}

/// A language code from a form field: letters, digits and hyphens, at most 16.
fn language_code(v: &str) -> String {
    v.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(16).collect()
}
