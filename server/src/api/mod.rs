//! Our management API under `/api/v1/` (the seeds leave these to "the dashboard"), its
//! authentication, and its OpenAPI document.

pub mod api_keys;
pub mod assets;
pub mod audit;
pub mod auth;
pub mod collection_points;
pub mod consent_requests;
pub mod error;
pub mod extract;
pub mod openapi;
pub mod session;

use crate::state::AppState;
use axum::routing::{get, post};
use axum::Router;

pub fn v1_routes() -> Router<AppState> {
    Router::new()
        .route("/auth/login", post(session::login))
        .route("/auth/logout", post(session::logout))
        .route("/setup", post(session::setup))
        .route("/me", get(session::me))
        .route("/org", get(session::get_org).patch(session::patch_org))
        .route("/assets", post(assets::create).get(assets::list))
        .route("/assets/{id}", get(assets::get_one).patch(assets::patch).delete(assets::delete))
        .route("/collection-points", post(collection_points::create).get(collection_points::list))
        .route("/collection-points/{id}", get(collection_points::get_one).patch(collection_points::patch).delete(collection_points::delete))
        .route("/collection-points/{id}/versions/{version}", get(collection_points::get_version))
        .route("/api-keys", post(api_keys::create).get(api_keys::list))
        .route("/api-keys/{id}", get(api_keys::get_one).delete(api_keys::revoke))
        .route("/consent-requests/{id}", get(consent_requests::get_one))
        .route("/audit/events", get(audit::events))
        .route("/audit/verify", get(audit::verify))
        .merge(crate::dialects::consent_links::v1_routes())
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
}
