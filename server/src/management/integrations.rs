//! `/api/v1/integrations`: the sites and channels that record universal consents without
//! credentials (the banner, email links), with their allowed origins and banner settings.

use super::{ApiId, ApiJson, ApiQuery, ApiResult, Caller, PageParams};
use crate::state::AppState;
use app::dto::{CreateIntegration, ErrorBody, IntegrationDto, IntegrationPage, PatchIntegration};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use backend::rfc3339;
use backend::services::universal::{IntegrationPatch, IntegrationSpec};
use backend::store::universal::IntegrationRow;
use backend::universal::{integration_name, BannerConfig, Origin};

pub fn integration_dto(row: IntegrationRow, public_url: &str) -> IntegrationDto {
    IntegrationDto {
        embed_snippet: format!("<script src=\"{public_url}/banner.js\" data-integration=\"{}\" async></script>", row.id),
        id: row.id,
        name: row.name,
        allowed_origins: row.allowed_origins.into_iter().map(String::from).collect(),
        banner: serde_json::to_value(&row.banner).unwrap_or_default(),
        created_at: rfc3339(row.created_at),
        updated_at: rfc3339(row.updated_at),
    }
}

fn origins(raw: &[String]) -> Result<Vec<Origin>, backend::Error> {
    if raw.len() > 100 {
        return Err(backend::Error::invalid("allowed_origins", "at most 100 origins"));
    }
    raw.iter().map(|o| o.parse::<Origin>()).collect()
}

fn banner(raw: serde_json::Value) -> Result<BannerConfig, backend::Error> {
    serde_json::from_value::<BannerConfig>(raw).map_err(|e| backend::Error::invalid("banner", e.to_string()))
}

/// Creates an integration. Without `banner`, a default one (necessary, analytics, marketing).
#[utoipa::path(post, path = "/api/v1/integrations", tag = "integrations", request_body = CreateIntegration,
    responses((status = 201, body = IntegrationDto), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("session" = []), ("api_key" = [])))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(req): ApiJson<CreateIntegration>,
) -> ApiResult<(StatusCode, Json<IntegrationDto>)> {
    let spec = IntegrationSpec {
        name: integration_name(&req.name)?,
        allowed_origins: origins(&req.allowed_origins)?,
        banner: req.banner.map(banner).transpose()?.unwrap_or_default(),
    };
    let row = state.services.universal.create_integration(&caller, &spec).await?;
    Ok((StatusCode::CREATED, Json(integration_dto(row, &state.config.public_url))))
}

/// Lists the organisation's integrations, newest first.
#[utoipa::path(get, path = "/api/v1/integrations", tag = "integrations", params(PageParams),
    responses((status = 200, body = IntegrationPage)), security(("session" = []), ("api_key" = [])))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(params): ApiQuery<PageParams>,
) -> ApiResult<Json<IntegrationPage>> {
    let page = params.page()?;
    let res = state.services.universal.integrations(&caller, page).await?;
    Ok(Json(IntegrationPage {
        items: res.items.into_iter().map(|r| integration_dto(r, &state.config.public_url)).collect(),
        total: res.total,
        limit: page.limit,
        offset: page.offset,
    }))
}

/// One integration.
#[utoipa::path(get, path = "/api/v1/integrations/{id}", tag = "integrations", params(("id" = uuid::Uuid, Path, description = "The integration's id")),
    responses((status = 200, body = IntegrationDto)), security(("session" = []), ("api_key" = [])))]
pub async fn get_one(State(state): State<AppState>, caller: Caller, ApiId(id): ApiId) -> ApiResult<Json<IntegrationDto>> {
    Ok(Json(integration_dto(state.services.universal.integration(&caller, &id).await?, &state.config.public_url)))
}

/// Changes an integration; omitted fields stay as they are.
#[utoipa::path(patch, path = "/api/v1/integrations/{id}", tag = "integrations", params(("id" = uuid::Uuid, Path, description = "The integration's id")),
    request_body = PatchIntegration, responses((status = 200, body = IntegrationDto), (status = 409, body = ErrorBody)),
    security(("session" = []), ("api_key" = [])))]
pub async fn patch(
    State(state): State<AppState>,
    caller: Caller,
    ApiId(id): ApiId,
    ApiJson(req): ApiJson<PatchIntegration>,
) -> ApiResult<Json<IntegrationDto>> {
    let patch = IntegrationPatch {
        name: req.name.as_deref().map(integration_name).transpose()?,
        allowed_origins: req.allowed_origins.as_deref().map(origins).transpose()?,
        banner: req.banner.map(banner).transpose()?,
    };
    let row = state.services.universal.update_integration(&caller, &id, &patch).await?;
    Ok(Json(integration_dto(row, &state.config.public_url)))
}

/// Deletes an integration that has recorded no consents (those it recorded keep it as evidence).
#[utoipa::path(delete, path = "/api/v1/integrations/{id}", tag = "integrations", params(("id" = uuid::Uuid, Path, description = "The integration's id")),
    responses((status = 204), (status = 409, body = ErrorBody)), security(("session" = []), ("api_key" = [])))]
pub async fn delete(State(state): State<AppState>, caller: Caller, ApiId(id): ApiId) -> ApiResult<StatusCode> {
    state.services.universal.delete_integration(&caller, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
