//! `/api/v1/consent-requests/{id}`: the dashboard's view of one consent-link request, with
//! what the dialect leaves out (the full link, the person's dp_id, why an email failed).

use super::{ApiId, ApiResult, Caller};
use crate::state::AppState;
use app::dto::{ConsentRequestDto, ErrorBody};
use axum::extract::State;
use axum::Json;
use backend::iso8601;
use backend::types::mask_phone;

/// One consent-link request.
#[utoipa::path(get, path = "/api/v1/consent-requests/{id}", tag = "consent links", params(("id" = uuid::Uuid, Path, description = "The request_id")),
    responses((status = 200, body = ConsentRequestDto), (status = 404, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn get_one(State(state): State<AppState>, caller: Caller, ApiId(id): ApiId) -> ApiResult<Json<ConsentRequestDto>> {
    let d = state.services.links.details(&caller, &id).await?;
    let now = state.services.store().now();
    let r = d.linked.request;
    Ok(Json(ConsentRequestDto {
        consent_link: d.linked.url,
        status: r.status(now).as_str().into(),
        dp_id: d.dp_id,
        phone: mask_phone(&r.phone),
        request_id: r.id,
        event_id: r.link_id,
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
