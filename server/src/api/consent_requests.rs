//! `/api/v1/consent-requests/{id}`: the dashboard's view of one consent-link request, with
//! what the dialect leaves out (the full link, the person's dp_id, why an email failed).

use super::auth::Caller;
use super::error::ApiResult;
use super::extract::ApiPath;
use crate::dialects::consent_links::link_url;
use crate::state::AppState;
use app::dto::{ConsentRequestDto, ErrorBody};
use axum::extract::State;
use axum::Json;
use backend::consent_links::mask_phone;
use backend::{iso8601, now_ms};

/// One consent-link request.
#[utoipa::path(get, path = "/api/v1/consent-requests/{id}", tag = "consent links", params(("id" = String, Path, description = "request_id")),
    responses((status = 200, body = ConsentRequestDto), (status = 404, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn get_one(State(state): State<AppState>, caller: Caller, ApiPath(id): ApiPath<String>) -> ApiResult<Json<ConsentRequestDto>> {
    caller.require_read()?;
    let r = state.store.consent_request(&caller.org.id, &id).await?;
    let cp = state.store.collection_point(&caller.org.id, &r.collection_point_id).await?;
    Ok(Json(ConsentRequestDto {
        consent_link: link_url(&state, &caller.org.subdomain, &cp.display_id, &r.event_id),
        status: r.status(now_ms()).as_str().into(),
        dp_id: state.store.dp_id(&r.principal_id).await?,
        phone: mask_phone(&r.phone),
        request_id: r.id,
        event_id: r.event_id,
        collection_point_id: r.collection_point_id,
        asset_id: r.asset_id,
        email: r.email,
        email_status: r.email_status,
        email_error: r.email_error,
        created_at: iso8601(r.created_at),
        expires_at: iso8601(r.expires_at),
        completed_at: r.completed_at.map(iso8601),
        consent_action: r.consent_action,
        regeneration_count: r.regeneration_count,
    }))
}
