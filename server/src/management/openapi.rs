//! `/api/openapi.json`: OpenAPI 3.1, generated from the routes themselves (see `router`).

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Assent",
        description = "Self-hosted consent management: the management API (`/api/v1/…`, errors `{\"error\": {\"code\", \"message\", \"field\"}}`) \
            and the consent-link dialect of seeds 000-002 (errors `{\"detail\"}`)."
    ),
    modifiers(&Security)
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("session", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()));
        components.add_security_scheme("api_key", SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-API-Key"))));
        components.add_security_scheme("org", SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-Org-Id"))));
    }
}
