//! The hosted consent page: `GET /{subdomain}/{display_id}/{link_id}` loads the link's data
//! and renders the public app with it. Its decisions go to the server function
//! `app::public::consent_page::decide_consent` (through `public_calls`, its pipeline), which
//! without JavaScript sends the browser back here: `?problem=` then says why a decision was not
//! saved, in the page's language.

use crate::state::AppState;
use app::public::consent_page::Problem;
use app::public::PublicPage;
use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::header;
use axum::response::Response;
use backend::services::consent_links::LinkPath;
use leptos::prelude::provide_context;
use std::collections::HashMap;

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
    let problem = query.get("problem").and_then(|p| Problem::from_query(p, query.get("retry").map(String::as_str)));
    let (texts, data) = app::public::consent_page::load(&state.services, &link, &preferred, accept_language.as_deref(), problem).await;
    render(&state, PublicPage::Consent { path, texts, data: data.map(Box::new) }, req).await
}
