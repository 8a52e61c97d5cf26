//! `/api/openapi.json`: OpenAPI 3.1, generated from the handlers' annotations and the DTOs.

use super::{api_keys, assets, audit, collection_points, consent_requests, session};
use app::dto::*;
use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "Assent", description = "Self-hosted consent management. This document covers the management API; the consent-link, universal-consent and agreement dialects follow their own published contracts."),
    paths(
        session::login, session::logout, session::setup, session::me, session::get_org, session::patch_org,
        assets::create, assets::list, assets::get_one, assets::patch, assets::delete,
        collection_points::create, collection_points::list, collection_points::get_one, collection_points::get_version,
        collection_points::patch, collection_points::delete,
        api_keys::create, api_keys::list, api_keys::get_one, api_keys::revoke,
        consent_requests::get_one,
        audit::events, audit::verify,
    ),
    components(schemas(
        ErrorBody, ErrorDetail, LoginRequest, SessionDto, MeDto, UserDto, SetupRequest, OrgDto, BrandingDto, OrgPatch,
        AssetDto, AssetPage, CreateAsset, PatchAsset,
        CollectionPointDto, CollectionPointPage, CreateCollectionPoint, PatchCollectionPoint, PurposeDto, PurposeInput,
        ApiKeyDto, ApiKeyPage, CreateApiKey, CreatedApiKeyDto,
        AuditEventDto, AuditEventPage, PurposeDecisionDto, LedgerVerificationDto, BrokenEntryDto, ConsentRequestDto,
    )),
    modifiers(&Security)
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("session", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()));
        components.add_security_scheme("api_key", SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-API-Key"))));
    }
}

pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
