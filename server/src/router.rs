//! Everything the server answers, in one router.
//!
//! - `/api/…`: the management API and the consent-link dialect, each group behind its caller
//!   pipeline; every route is registered with its OpenAPI entry, and `/api/openapi.json` is
//!   the document those registrations produce.
//! - pages: the dashboard (`/`, `/admin/…`) is the `AdminApp` with the dashboard bundle; the
//!   hosted consent page (`/{subdomain}/{display_id}/{link_id}`) and every other page (the 404
//!   page) is the `PublicApp`, whose bundle does not carry the dashboard.
//! - `/_server/…`: the server functions; the public ones (the hosted page's decision, the
//!   banner's choice) behind their pipeline (`public_calls`).
//! - `/pkg/{build}/…` static files, the banner, operations endpoints.

use crate::dialects::{consent_links, universal_consents};
use crate::management::{self, openapi::ApiDoc};
use crate::state::AppState;
use crate::{banner, hosted_page, jwks, metrics, ops, public_calls};
use axum::extract::State;
use axum::http::{header, HeaderName, HeaderValue, Request};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::sync::{Arc, OnceLock};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use utoipa::OpenApi;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The API routes and the OpenAPI document they make.
pub fn api(state: &AppState) -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (open, open_doc) = management::finish(management::open_routes(state));
    let (managed, managed_doc) = management::finish(management::routes(state));
    let (links, links_doc) = consent_links::finish(consent_links::routes(state));
    let (universal, universal_doc) = universal_consents::finish(universal_consents::routes(state));
    let (integration, integration_doc) = universal_consents::finish(universal_consents::integration_routes(state));
    let mut doc = ApiDoc::openapi();
    doc.merge(open_doc);
    doc.merge(managed_doc);
    doc.merge(links_doc);
    doc.merge(universal_doc);
    doc.merge(integration_doc);
    doc.merge(crate::public_calls::PublicFunctionsDoc::openapi());
    crate::management::openapi::complete(&mut doc);
    let router = Router::new()
        .merge(open)
        .merge(managed)
        .merge(links)
        .merge(universal)
        .merge(integration)
        // Any other /api path is an API client's mistake: answer JSON, never a page.
        .route("/api/{*rest}", axum::routing::any(management::not_found));
    (router, doc)
}

/// The dashboard's route list, generated once per process.
///
/// Generating a route list renders the app with resources suspended through a process-global
/// flag (`leptos_server`'s `IS_SUPPRESSING_RESOURCE_LOAD`): a resource that first polls while
/// any thread generates one waits forever (leptos-rs/leptos#4773). `assent serve` builds one
/// router before it serves, so it never overlapped; but a process that builds routers while
/// another server renders (the test suite, several servers in one process) froze page renders
/// now and then. Generated once, before the first router exists, no render can overlap it.
fn admin_routes() -> &'static Vec<AxumRouteListing> {
    static LIST: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    LIST.get_or_init(|| generate_route_list(app::AdminApp))
}

pub fn build_router(state: AppState) -> Router {
    let services = state.services.clone();
    let context = move || {
        provide_context(services.clone());
        crate::security::provide_nonce();
    };
    // Installed before the first request, so that nothing recorded before a scrape is lost.
    metrics::recorder();
    let (api, doc) = api(&state);
    let doc = Arc::new(management::openapi::to_json(&doc));

    let admin_options = state.leptos.clone();
    let admin_shell = move || app::admin_shell(admin_options.clone());
    let dashboard = Router::new().leptos_routes_with_context(&state, admin_routes().clone(), context, admin_shell);

    Router::new()
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(metrics::metrics_handler))
        .route(
            "/api/openapi.json",
            get(move || {
                let doc = doc.clone();
                async move { ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], doc.as_str().to_owned()).into_response() }
            }),
        )
        .route("/banner.js", get(banner::loader))
        .route("/banner/{build}/{file}", get(banner::asset))
        .merge(state.assets.routes())
        .merge(api)
        .route("/.well-known/assent/{org}/jwks.json", get(jwks::jwks))
        .route("/{subdomain}/{display_id}/{link_id}", get(hosted_page::show))
        .route("/{subdomain}/{display_id}/{link_id}/receipt", get(hosted_page::receipt))
        .route("/{subdomain}/{display_id}/{link_id}/export", get(hosted_page::export))
        .merge(dashboard)
        .fallback(not_found)
        // Inside `client_addr::resolve`, whose client address it counts.
        .layer(axum::middleware::from_fn_with_state(state.clone(), public_calls::gate))
        .layer(axum::middleware::from_fn(metrics::track))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    let id = req.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
                    let client = req.extensions().get::<crate::client_addr::ClientAddr>().map(|c| c.0.to_string()).unwrap_or_default();
                    tracing::info_span!("request", request_id = %id, %client, method = %req.method(), path = %req.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::client_addr::resolve))
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::security::headers))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .with_state(state)
}

/// Static files under the site root (the favicon), else the public app's 404 page.
async fn not_found(State(state): State<AppState>, req: axum::extract::Request) -> axum::response::Response {
    let files = tower_http::services::ServeDir::new(&state.config.site_root);
    let (parts, body) = req.into_parts();
    let probe = axum::http::Request::from_parts(parts.clone(), axum::body::Body::empty());
    if matches!(parts.method, axum::http::Method::GET | axum::http::Method::HEAD) && !parts.uri.path().ends_with('/') {
        let res = tower::ServiceExt::oneshot(files, probe).await.unwrap_or_else(|never| match never {});
        if res.status().is_success() {
            return res.map(axum::body::Body::new);
        }
    }
    hosted_page::render(&state, app::public::PublicPage::NotFound, axum::http::Request::from_parts(parts, body)).await
}
