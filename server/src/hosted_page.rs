//! The hosted consent page: `GET /{subdomain}/{display_id}/{link_id}` loads the link's data
//! and renders the public app with it. Its decisions go to the server function
//! `app::public::consent_page::decide_consent` (through `public_calls`, its pipeline), which
//! without JavaScript sends the browser back here: `?problem=` then says why a decision was not
//! saved, in the page's language. `GET …/receipt` downloads the signed receipt of the newest
//! decision made through the link, and `GET …/export` everything the organisation holds about
//! the person: the link itself is the person's credential.

use crate::state::AppState;
use app::public::consent_page::Problem;
use app::public::PublicPage;
use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderValue};
use axum::response::Response;
use backend::services::consent_links::{self as links, HostedPage, LinkPath};
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

/// The receipt of the newest decision on this link's request (through this link or an earlier
/// one of the same request), as a JSON file (`ReceiptDto`), signed by the organisation. A
/// request without a decision, or a link replaced by a newer one, has none.
pub async fn receipt(
    State(state): State<AppState>,
    Path((subdomain, display_id, link_id)): Path<(String, String, String)>,
    req: Request<Body>,
) -> Response {
    let link = LinkPath { subdomain, display_id, link_id: backend::types::canonical_id(&link_id) };
    let signed = match state.services.links.page(&link, None).await {
        Ok(HostedPage::Live(page)) => {
            let links::LivePage { org, receipt, .. } = *page;
            match receipt {
                Some(log) => state.services.proof.receipt(&org, &log.entry).await.map(Some),
                None => Ok(None),
            }
        }
        Ok(_) => Ok(None),
        Err(e) => Err(e),
    };
    match signed {
        Ok(Some(signed)) => {
            let name = format!("consent-receipt-{}.json", signed.claims.entry_id);
            download(&name, &crate::management::ledger::receipt_dto(signed))
        }
        Ok(None) | Err(backend::Error::NotFound(_)) => render(&state, PublicPage::NotFound, req).await,
        Err(e) => failed(&state, "signing a hosted page's receipt", e, req).await,
    }
}

/// Everything the organisation holds about the person this link was sent to, as a JSON file
/// (`PrincipalExportDto`). A replaced or unknown link has nothing.
pub async fn export(
    State(state): State<AppState>,
    Path((subdomain, display_id, link_id)): Path<(String, String, String)>,
    req: Request<Body>,
) -> Response {
    let link = LinkPath { subdomain, display_id, link_id: backend::types::canonical_id(&link_id) };
    let exported = match state.services.links.page(&link, None).await {
        Ok(HostedPage::Live(page)) => {
            let links::LivePage { org, request, .. } = *page;
            let now = state.services.store().now();
            match state.services.principals.export_for_link(&org, &request.principal_id).await {
                Ok(x) => crate::management::principals::export_dto(x, &org.slug, now).map(Some),
                Err(e) => Err(e),
            }
        }
        Ok(_) => Ok(None),
        Err(e) => Err(e),
    };
    match exported {
        Ok(Some(dto)) => download(&format!("consent-history-{}.json", dto.dp_id), &dto),
        Ok(None) | Err(backend::Error::NotFound(_)) => render(&state, PublicPage::NotFound, req).await,
        Err(e) => failed(&state, "exporting a person's history from a hosted page", e, req).await,
    }
}

/// A JSON file to save, never cached: it is the person's own data.
fn download(name: &str, value: &impl serde::Serialize) -> Response {
    let mut res = Response::new(Body::from(serde_json::to_string_pretty(value).expect("a DTO serialises")));
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// The public 404 page with status 500: the cause is logged, never shown.
async fn failed(state: &AppState, what: &str, e: backend::Error, req: Request<Body>) -> Response {
    tracing::error!(error = %e, "{what} failed");
    let mut res = render(state, PublicPage::NotFound, req).await;
    *res.status_mut() = axum::http::StatusCode::INTERNAL_SERVER_ERROR;
    res
}
