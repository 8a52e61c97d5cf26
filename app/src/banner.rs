//! The embeddable banner's server function: a visitor's choice, recorded by the same service
//! (`universal.record_via_integration`) as seed 003's integration endpoint
//! (`POST /api/universalconsent/integration/{id}`), which stays for every other client. One
//! rule, two doors.
//!
//! The banner's wasm posts it as a plain form (`application/x-www-form-urlencoded`): a CORS
//! "simple request" that needs no preflight and no JSON or server-function client in the
//! banner. A browser sends it from any site, so the origin check is the service's: only an
//! origin the integration allows records anything, and only such an origin may read the answer.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the banner keeps of a recorded choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BannerChoiceRecorded {
    /// The visitor's ClientId: the banner keeps it and sends it with their next choice.
    pub client_id: String,
    /// `All`, `Partial` or `None`, as recorded.
    pub consent_given: String,
    /// When it was recorded (RFC 3339, UTC).
    pub created: String,
}

/// Records a visitor's choice on the banner of integration `integration`: `consent` is `All`,
/// `Partial` (with `category[]`, the optional categories they allowed) or `None`; `client_id`
/// the ClientId an earlier choice gave them; `policy_version` the policy version the banner
/// showed. The service reads it against the integration's banner (its categories, its policy
/// version) and records the level with every category's answer.
#[server(prefix = "/_server", endpoint = "banner_choice")]
pub async fn record_banner_choice(
    integration: String,
    consent: String,
    category: Option<Vec<String>>,
    client_id: Option<String>,
    policy_version: Option<String>,
) -> Result<BannerChoiceRecorded, AppError> {
    choice::record(integration, consent, category.unwrap_or_default(), client_id, policy_version).await
}

#[cfg(feature = "ssr")]
mod choice {
    use super::BannerChoiceRecorded;
    use crate::error::AppError;
    use crate::public::PublicCall;
    use backend::services::universal::BannerChoiceForm;
    use backend::universal::Origin;
    use backend::Error;
    use leptos::prelude::use_context;

    pub(super) async fn record(
        integration: String,
        consent: String,
        categories: Vec<String>,
        client_id: Option<String>,
        policy_version: Option<String>,
    ) -> Result<BannerChoiceRecorded, AppError> {
        let services = crate::error::services()?;
        let call = PublicCall::current()?;
        // Refused before the integration is known (a limit, an unknown id): readable from any
        // page, so that the banner can tell. After, only by the integration's origins.
        let refuse = |err: Error, readable_by_any: bool| {
            let report = err.report();
            call.set_status(report.kind.http_status(), report.retry_after_secs);
            if readable_by_any {
                allow(&call, None);
            }
            AppError::from(report)
        };
        if let Some(retry_after_secs) = call.caller.throttled {
            return Err(refuse(Error::RateLimited { retry_after_secs }, true));
        }
        let integration = services.universal.public_integration(&integration).await.map_err(|e| refuse(e, true))?;
        // `null` (a sandboxed frame, a file) is no integration's origin.
        let origin = match call.header("origin").map(str::parse::<Origin>) {
            None => None,
            Some(Ok(o)) => Some(o),
            Some(Err(_)) => return Err(refuse(Error::Forbidden("this origin may not record consents for this integration"), false)),
        };
        if origin.as_ref().is_some_and(|o| integration.allowed_origins.contains(o)) {
            allow(&call, origin.as_ref());
        }
        let form = BannerChoiceForm {
            consent: &consent,
            categories: &categories,
            policy_version: policy_version.as_deref(),
            client_id: client_id.as_deref(),
        };
        let fingerprint = call.caller.fingerprint.clone();
        match services.universal.record_banner_choice(&integration, origin.as_ref(), form, fingerprint).await {
            Ok(row) => Ok(BannerChoiceRecorded {
                client_id: row.client_id,
                consent_given: row.consent_given.as_str().to_string(),
                created: backend::time::rfc3339(row.created_at),
            }),
            Err(e) => Err(refuse(e, false)),
        }
    }

    /// Lets `origin` (any page, for `None`) read the answer. Never with credentials.
    fn allow(call: &PublicCall, origin: Option<&Origin>) {
        let value = match origin {
            Some(o) => http::HeaderValue::from_str(o.as_str()).ok(),
            None => call.header("origin").and(Some(http::HeaderValue::from_static("*"))),
        };
        if let (Some(res), Some(v)) = (use_context::<leptos_axum::ResponseOptions>(), value) {
            res.insert_header(http::header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
        }
    }
}
