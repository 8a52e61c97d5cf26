//! `/api/v1/api-keys`: keys for the customer's backend. The secret is returned once.

use super::{ApiId, ApiJson, ApiQuery, ApiResult, Caller, PageParams};
use crate::state::AppState;
use app::dto::{ApiKeyDto, ApiKeyPage, CreateApiKey, CreatedApiKeyDto, ErrorBody};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use backend::rfc3339;
use backend::store::tenancy::ApiKeyRow;
use backend::types::{Name, Scope, Scopes};

pub fn api_key_dto(k: ApiKeyRow) -> ApiKeyDto {
    ApiKeyDto {
        scopes: k.scopes.to_strings(),
        id: k.id,
        name: k.name,
        prefix: k.prefix,
        created_at: rfc3339(k.created_at),
        last_used_at: k.last_used_at.map(rfc3339),
        revoked_at: k.revoked_at.map(rfc3339),
    }
}

/// Creates a key. The response holds the secret; it cannot be retrieved again.
#[utoipa::path(post, path = "/api/v1/api-keys", tag = "API keys", request_body = CreateApiKey,
    responses((status = 201, body = CreatedApiKeyDto), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("session" = []), ("api_key" = [])))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(req): ApiJson<CreateApiKey>,
) -> ApiResult<(StatusCode, Json<CreatedApiKeyDto>)> {
    let scopes = Scopes::new(req.scopes.iter().map(|s| s.parse::<Scope>()).collect::<Result<Vec<_>, _>>()?)?;
    let name = Name::parse("name", req.name.as_deref().filter(|n| !n.trim().is_empty()).unwrap_or("API key"), 200)?;
    let issued = state.services.tenancy.create_api_key(&caller, &name, &scopes).await?;
    Ok((StatusCode::CREATED, Json(CreatedApiKeyDto { api_key: api_key_dto(issued.row), key: issued.key })))
}

/// Lists keys (never their secrets), newest first.
#[utoipa::path(get, path = "/api/v1/api-keys", tag = "API keys", params(PageParams),
    responses((status = 200, body = ApiKeyPage), (status = 400, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn list(State(state): State<AppState>, caller: Caller, ApiQuery(params): ApiQuery<PageParams>) -> ApiResult<Json<ApiKeyPage>> {
    let page = params.page()?;
    let res = state.services.tenancy.list_api_keys(&caller, page).await?;
    Ok(Json(ApiKeyPage {
        items: res.items.into_iter().map(api_key_dto).collect(),
        total: res.total,
        limit: page.limit,
        offset: page.offset,
    }))
}

/// One key's metadata.
#[utoipa::path(get, path = "/api/v1/api-keys/{id}", tag = "API keys", params(("id" = uuid::Uuid, Path, description = "The key's id")),
    responses((status = 200, body = ApiKeyDto), (status = 404, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn get_one(State(state): State<AppState>, caller: Caller, ApiId(id): ApiId) -> ApiResult<Json<ApiKeyDto>> {
    Ok(Json(api_key_dto(state.services.tenancy.api_key(&caller, &id).await?)))
}

/// Revokes a key at once. Revoking twice is harmless.
#[utoipa::path(delete, path = "/api/v1/api-keys/{id}", tag = "API keys", params(("id" = uuid::Uuid, Path, description = "The key's id")),
    responses((status = 200, body = ApiKeyDto), (status = 404, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn revoke(State(state): State<AppState>, caller: Caller, ApiId(id): ApiId) -> ApiResult<Json<ApiKeyDto>> {
    Ok(Json(api_key_dto(state.services.tenancy.revoke_api_key(&caller, &id).await?)))
}
