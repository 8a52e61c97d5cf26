//! `/api/v1/collection-points`: purposes and notices, versioned.

use super::{ApiId, ApiJson, ApiPath, ApiQuery, ApiResult, Caller};
use crate::state::AppState;
use app::dto::{CollectionPointDto, CollectionPointPage, CreateCollectionPoint, ErrorBody, PatchCollectionPoint, PurposeDto, PurposeInput};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use backend::catalog::{CollectionPointPatch, NewCollectionPoint, Notices};
use backend::rfc3339;
use backend::store::catalog::CollectionPointRow;
use backend::types::{DisplayId, Name};
use serde::Deserialize;

pub fn collection_point_dto(c: CollectionPointRow) -> CollectionPointDto {
    CollectionPointDto {
        id: c.id,
        asset_id: c.asset_id,
        display_id: c.display_id,
        name: c.name,
        version: c.version,
        content_hash: c.content_hash,
        purposes: c
            .purposes
            .into_iter()
            .map(|p| PurposeDto {
                id: p.id,
                name: p.name,
                description: p.description,
                required: p.required,
                data_categories: p.data_categories,
            })
            .collect(),
        notices: c.notices,
        created_at: rfc3339(c.created_at),
        updated_at: rfc3339(c.updated_at),
    }
}

fn purposes(inputs: Vec<PurposeInput>) -> Result<Vec<backend::catalog::PurposeInput>, backend::Error> {
    inputs
        .into_iter()
        .map(|p| {
            if p.description.chars().count() > 2000 {
                return Err(backend::Error::invalid("purposes", "a description must be at most 2000 characters"));
            }
            Ok(backend::catalog::PurposeInput {
                id: p.id.as_deref().filter(|id| !id.trim().is_empty()).map(str::parse).transpose()?,
                name: Name::parse("purposes", &p.name, 200)?,
                description: p.description,
                required: p.required,
                data_categories: p.data_categories,
            })
        })
        .collect()
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    /// Only the collection points of this asset.
    pub asset_id: Option<String>,
    /// 1-200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// Default 0.
    #[param(minimum = 0)]
    pub offset: Option<i64>,
}

/// Creates a collection point (version 1).
#[utoipa::path(post, path = "/api/v1/collection-points", tag = "collection points", request_body = CreateCollectionPoint,
    responses((status = 201, body = CollectionPointDto), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("session" = []), ("api_key" = [])))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(req): ApiJson<CreateCollectionPoint>,
) -> ApiResult<(StatusCode, Json<CollectionPointDto>)> {
    let new = NewCollectionPoint {
        asset_id: backend::types::canonical_id(&req.asset_id),
        name: Name::parse("name", &req.name, 200)?,
        display_id: req.display_id.as_deref().filter(|d| !d.trim().is_empty()).map(str::parse::<DisplayId>).transpose()?,
        purposes: purposes(req.purposes)?,
        notices: Notices::parse(req.notices)?,
    };
    let row = state.services.catalog.create_collection_point(&caller, &new).await?;
    Ok((StatusCode::CREATED, Json(collection_point_dto(row))))
}

/// Lists collection points with their current version, newest first.
#[utoipa::path(get, path = "/api/v1/collection-points", tag = "collection points", params(ListParams),
    responses((status = 200, body = CollectionPointPage), (status = 400, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(params): ApiQuery<ListParams>,
) -> ApiResult<Json<CollectionPointPage>> {
    let page = backend::store::Page::parse(params.limit, params.offset)?;
    let asset_id = params.asset_id.as_deref().map(backend::types::canonical_id);
    let res = state.services.catalog.list_collection_points(&caller, asset_id.as_deref(), page).await?;
    Ok(Json(CollectionPointPage {
        items: res.items.into_iter().map(collection_point_dto).collect(),
        total: res.total,
        limit: page.limit,
        offset: page.offset,
    }))
}

/// One collection point, by UUID or display id (`CP001`).
#[utoipa::path(get, path = "/api/v1/collection-points/{id}", tag = "collection points", params(("id" = String, Path, description = "UUID or display id")),
    responses((status = 200, body = CollectionPointDto), (status = 404, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn get_one(State(state): State<AppState>, caller: Caller, ApiId(id): ApiId) -> ApiResult<Json<CollectionPointDto>> {
    Ok(Json(collection_point_dto(state.services.catalog.collection_point(&caller, &id).await?)))
}

/// The purposes and notices of an earlier version: what a consent given then was shown.
#[utoipa::path(get, path = "/api/v1/collection-points/{id}/versions/{version}", tag = "collection points",
    params(("id" = String, Path, description = "UUID or display id"), ("version" = i64, Path, minimum = 1)),
    responses((status = 200, body = CollectionPointDto), (status = 404, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn get_version(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, version)): ApiPath<(String, i64)>,
) -> ApiResult<Json<CollectionPointDto>> {
    let id = backend::types::canonical_id(&id);
    Ok(Json(collection_point_dto(state.services.catalog.collection_point_version(&caller, &id, version).await?)))
}

/// Changes a collection point. New purposes or notice text create a new version.
#[utoipa::path(patch, path = "/api/v1/collection-points/{id}", tag = "collection points", params(("id" = String, Path, description = "UUID or display id")),
    request_body = PatchCollectionPoint,
    responses((status = 200, body = CollectionPointDto), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("session" = []), ("api_key" = [])))]
pub async fn patch(
    State(state): State<AppState>,
    caller: Caller,
    ApiId(id): ApiId,
    ApiJson(req): ApiJson<PatchCollectionPoint>,
) -> ApiResult<Json<CollectionPointDto>> {
    let patch = CollectionPointPatch {
        asset_id: req.asset_id.as_deref().map(backend::types::canonical_id),
        name: req.name.as_deref().map(|n| Name::parse("name", n, 200)).transpose()?,
        purposes: req.purposes.map(purposes).transpose()?,
        notices: req.notices.map(Notices::parse).transpose()?,
    };
    Ok(Json(collection_point_dto(state.services.catalog.update_collection_point(&caller, &id, &patch).await?)))
}

/// Deletes a collection point through which no consent was recorded.
#[utoipa::path(delete, path = "/api/v1/collection-points/{id}", tag = "collection points", params(("id" = String, Path, description = "UUID or display id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn delete(State(state): State<AppState>, caller: Caller, ApiId(id): ApiId) -> ApiResult<StatusCode> {
    state.services.catalog.delete_collection_point(&caller, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
