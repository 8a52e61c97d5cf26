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
/// `Partial` or `None`; `category[]` the categories they allowed; `client_id` the ClientId an
/// earlier choice gave them; `policy_version` the banner's policy version.
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
    use backend::services::universal::NewUniversalConsent;
    use backend::universal::{ClientId, ConsentGiven, Metadata, Origin};
    use backend::Error;

    /// At most this many categories, each at most this long: a banner has a handful.
    const MAX_CATEGORIES: usize = 32;
    const MAX_CATEGORY_CHARS: usize = 64;

    pub(super) async fn record(
        integration: String,
        consent: String,
        categories: Vec<String>,
        client_id: Option<String>,
        policy_version: Option<String>,
    ) -> Result<BannerChoiceRecorded, AppError> {
        let services = crate::error::services()?;
        let call = PublicCall::current()?;
        // `null` (a sandboxed frame, a file) is no integration's origin.
        let origin = call.header("origin").map(|o| o.parse::<Origin>().map_err(|_| ()));
        let answer = |call: &PublicCall, err: Error, readable_by_any: bool| {
            let report = err.report();
            call.set_status(report.kind.http_status(), report.retry_after_secs);
            if readable_by_any {
                allow(call, None);
            }
            AppError::from(report)
        };
        if let Some(retry_after_secs) = call.caller.throttled {
            // Readable from any page, so that the banner sees it must wait.
            return Err(answer(&call, Error::RateLimited { retry_after_secs }, true));
        }
        let integration = match services.universal.public_integration(&integration).await {
            Ok(i) => i,
            Err(e) => return Err(answer(&call, e, true)),
        };
        let origin = match origin {
            None => None,
            Some(Ok(o)) => Some(o),
            Some(Err(())) => {
                return Err(answer(&call, Error::Forbidden("this origin may not record consents for this integration"), false))
            }
        };
        let allowed = origin.as_ref().is_some_and(|o| integration.allowed_origins.contains(o));
        if allowed {
            allow(&call, origin.as_ref());
        }
        let new = match choice(&integration.name, &consent, categories, client_id, policy_version, &call) {
            Ok(new) => new,
            Err(e) => return Err(answer(&call, e, false)),
        };
        match services.universal.record_via_integration(&integration, origin.as_ref(), new).await {
            Ok(row) => Ok(BannerChoiceRecorded {
                client_id: row.client_id,
                consent_given: row.consent_given.as_str().to_string(),
                created: backend::time::rfc3339(row.created_at),
            }),
            Err(e) => Err(answer(&call, e, false)),
        }
    }

    /// The choice as the integration endpoint's service takes it; the categories and policy
    /// version become its Metadata.
    fn choice(
        integration_name: &str,
        consent: &str,
        categories: Vec<String>,
        client_id: Option<String>,
        policy_version: Option<String>,
        call: &PublicCall,
    ) -> Result<NewUniversalConsent, Error> {
        if categories.len() > MAX_CATEGORIES || categories.iter().any(|c| c.is_empty() || c.chars().count() > MAX_CATEGORY_CHARS) {
            return Err(Error::invalid("category", format!("at most {MAX_CATEGORIES} categories of 1 to {MAX_CATEGORY_CHARS} characters")));
        }
        if policy_version.as_ref().is_some_and(|v| v.chars().count() > MAX_CATEGORY_CHARS) {
            return Err(Error::invalid("policy_version", format!("at most {MAX_CATEGORY_CHARS} characters")));
        }
        let metadata = serde_json::json!({ "categories": categories, "policyVersion": policy_version }).to_string();
        Ok(NewUniversalConsent {
            // The form's own field names in the messages, not the seed's.
            consent_given: consent.parse::<ConsentGiven>().map_err(|_| Error::invalid("consent", "must be one of All, Partial or None"))?,
            custom_user_id: None,
            client_id: client_id
                .filter(|c| !c.trim().is_empty())
                .map(|c| c.parse::<ClientId>().map_err(|_| Error::invalid("client_id", "must be a ClientId that Assent issued (a UUID)")))
                .transpose()?,
            reference: integration_name.parse()?,
            consent_type: None,
            uri: None,
            metadata: Some(metadata.parse::<Metadata>()?),
            fingerprint: call.caller.fingerprint.clone(),
        })
    }

    /// Lets `origin` (any origin, for `None`) read the answer. Never with credentials.
    fn allow(call: &PublicCall, origin: Option<&Origin>) {
        let value = match origin {
            Some(o) => http::HeaderValue::from_str(o.as_str()).ok(),
            None => call.header("origin").and(Some(http::HeaderValue::from_static("*"))),
        };
        if let (Some(res), Some(v)) = (use_context::<leptos_axum::ResponseOptions>(), value) {
            res.insert_header(http::header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
        }
    }

    use leptos::prelude::use_context;
}
