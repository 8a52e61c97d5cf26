//! Everything the server answers, in one router.

use crate::state::AppState;
use crate::{api, banner, consent_decision, dialects, metrics, ops};
use app::{shell, App};
use axum::http::{HeaderName, Request};
use axum::routing::get;
use axum::Router;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub fn build_router(state: AppState) -> Router {
    let store = state.store.clone();
    let context = move || provide_context(store.clone());
    let leptos_options = state.leptos.clone();
    let routes = generate_route_list(App);

    Router::new()
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(metrics::metrics_handler))
        .route("/api/openapi.json", get(api::openapi::openapi_json))
        .route("/banner.js", get(banner::loader))
        .route("/banner/{build}/{file}", get(banner::asset))
        .merge(dialects::consent_links::routes())
        .route("/{subdomain}/{display_id}/{event_id}/decision", axum::routing::post(consent_decision::submit))
        .nest("/api/v1", api::v1_routes())
        // Any other /api path is an API client's mistake: answer JSON, never a page.
        .route("/api/{*rest}", axum::routing::any(api::error::not_found))
        .leptos_routes_with_context(&state, routes, context.clone(), move || shell(leptos_options.clone()))
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell))
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::track))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    let id = req.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
                    tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .with_state(state)
}
