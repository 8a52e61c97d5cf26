//! `/api/v1/assets`: websites, apps and other places where consent is collected.

use super::{ApiId, ApiJson, ApiQuery, ApiResult, Caller, PageParams};
use crate::state::AppState;
use app::dto::{AssetDto, AssetPage, CreateAsset, ErrorBody, PatchAsset};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use backend::catalog::{description, AssetKind, AssetPatch, NewAsset};
use backend::rfc3339;
use backend::store::catalog::AssetRow;
use backend::types::{HttpUrl, Name};

pub fn asset_dto(a: AssetRow) -> AssetDto {
    AssetDto {
        id: a.id,
        name: a.name,
        kind: a.kind.as_str().to_string(),
        url: a.url,
        description: a.description,
        created_at: rfc3339(a.created_at),
        updated_at: rfc3339(a.updated_at),
    }
}

/// Creates an asset.
#[utoipa::path(post, path = "/api/v1/assets", tag = "assets", request_body = CreateAsset,
    responses((status = 201, body = AssetDto), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("session" = []), ("api_key" = [])))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(req): ApiJson<CreateAsset>,
) -> ApiResult<(StatusCode, Json<AssetDto>)> {
    let new = NewAsset {
        name: Name::parse("name", &req.name, 200)?,
        kind: req.kind.as_deref().unwrap_or("website").parse::<AssetKind>()?,
        url: req.url.as_deref().filter(|u| !u.trim().is_empty()).map(|u| HttpUrl::parse("url", u)).transpose()?,
        description: description(req.description.as_deref())?,
    };
    let row = state.services.catalog.create_asset(&caller, &new).await?;
    Ok((StatusCode::CREATED, Json(asset_dto(row))))
}

/// Lists the organisation's assets, newest first.
#[utoipa::path(get, path = "/api/v1/assets", tag = "assets", params(PageParams),
    responses((status = 200, body = AssetPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("session" = []), ("api_key" = [])))]
pub async fn list(State(state): State<AppState>, caller: Caller, ApiQuery(params): ApiQuery<PageParams>) -> ApiResult<Json<AssetPage>> {
    let page = params.page()?;
    let res = state.services.catalog.list_assets(&caller, page).await?;
    Ok(Json(AssetPage { items: res.items.into_iter().map(asset_dto).collect(), total: res.total, limit: page.limit, offset: page.offset }))
}

/// One asset.
#[utoipa::path(get, path = "/api/v1/assets/{id}", tag = "assets", params(("id" = uuid::Uuid, Path, description = "The asset's id")),
    responses((status = 200, body = AssetDto), (status = 404, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn get_one(State(state): State<AppState>, caller: Caller, ApiId(id): ApiId) -> ApiResult<Json<AssetDto>> {
    Ok(Json(asset_dto(state.services.catalog.asset(&caller, &id).await?)))
}

/// Changes an asset; omitted fields stay as they are.
#[utoipa::path(patch, path = "/api/v1/assets/{id}", tag = "assets", params(("id" = uuid::Uuid, Path, description = "The asset's id")), request_body = PatchAsset,
    responses((status = 200, body = AssetDto), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("api_key" = [])))]
pub async fn patch(
    State(state): State<AppState>,
    caller: Caller,
    ApiId(id): ApiId,
    ApiJson(req): ApiJson<PatchAsset>,
) -> ApiResult<Json<AssetDto>> {
    let patch = AssetPatch {
        name: req.name.as_deref().map(|n| Name::parse("name", n, 200)).transpose()?,
        kind: req.kind.as_deref().map(str::parse::<AssetKind>).transpose()?,
        url: match req.url.as_deref().map(str::trim) {
            None => None,
            Some("") => Some(None),
            Some(u) => Some(Some(HttpUrl::parse("url", u)?)),
        },
        description: req.description.as_deref().map(|d| description(Some(d))).transpose()?,
    };
    Ok(Json(asset_dto(state.services.catalog.update_asset(&caller, &id, &patch).await?)))
}

/// Deletes an asset that has no collection points.
#[utoipa::path(delete, path = "/api/v1/assets/{id}", tag = "assets", params(("id" = uuid::Uuid, Path, description = "The asset's id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("session" = []), ("api_key" = [])))]
pub async fn delete(State(state): State<AppState>, caller: Caller, ApiId(id): ApiId) -> ApiResult<StatusCode> {
    state.services.catalog.delete_asset(&caller, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
