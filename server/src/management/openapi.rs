//! `/api/openapi.json`: OpenAPI 3.1, generated from the routes themselves (see `router`).

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Assent",
        description = "Self-hosted consent management: the management API (`/api/v1/…`, errors `{\"error\": {\"code\", \"message\", \"field\"}}`), \
            the consent-link dialect of seeds 000-002 (errors `{\"detail\"}`), and the universal-consent dialect of seed 003 \
            (`/api/universalconsent…`; fields matched without regard to case, from the query string or a JSON body alike; \
            errors are RFC 9457 problem details whose `errors` names the field at fault)."
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
    }
}

/// One OpenAPI link: `to`'s parameters, taken from `from`'s successful answer.
struct Link {
    from: &'static str,
    to: &'static str,
    parameters: &'static [(&'static str, &'static str)],
}

/// A link whose values go in the next operation's body (a form) rather than its parameters.
struct BodyLink {
    from: &'static str,
    to: &'static str,
    body: &'static [(&'static str, &'static str)],
}

/// The banner's choice takes the integration in its form.
const BODY_LINKS: &[BodyLink] =
    &[BodyLink { from: "integrations.create", to: "banner.choice", body: &[("integration", "$response.body#/id"), ("consent", "All")] }];

/// What each creating operation's answer lets a client call next, so a reader and a stateful
/// fuzzer both see that the `id` of a created collection point is the `{id}` of its other
/// operations.
const LINKS: &[Link] = &[
    Link { from: "assets.create", to: "assets.get_one", parameters: &[("id", "$response.body#/id")] },
    Link { from: "assets.create", to: "assets.patch", parameters: &[("id", "$response.body#/id")] },
    Link { from: "assets.create", to: "assets.delete", parameters: &[("id", "$response.body#/id")] },
    Link { from: "assets.create", to: "collection_points.list", parameters: &[("asset_id", "$response.body#/id")] },
    Link { from: "collection_points.create", to: "collection_points.get_one", parameters: &[("id", "$response.body#/id")] },
    Link { from: "collection_points.create", to: "collection_points.patch", parameters: &[("id", "$response.body#/id")] },
    Link { from: "collection_points.create", to: "collection_points.delete", parameters: &[("id", "$response.body#/id")] },
    Link {
        from: "collection_points.create",
        to: "collection_points.get_version",
        parameters: &[("id", "$response.body#/id"), ("version", "$response.body#/version")],
    },
    Link {
        from: "collection_points.patch",
        to: "collection_points.get_version",
        parameters: &[("id", "$response.body#/id"), ("version", "$response.body#/version")],
    },
    Link { from: "api_keys.create", to: "api_keys.get_one", parameters: &[("id", "$response.body#/id")] },
    Link { from: "consent_links.create", to: "consent_links.status", parameters: &[("request_id", "$response.body#/request_id")] },
    Link { from: "consent_links.create", to: "consent_links.regenerate", parameters: &[("request_id", "$response.body#/request_id")] },
    Link { from: "consent_links.create", to: "consent_links.get_one", parameters: &[("id", "$response.body#/request_id")] },
    Link { from: "consent_links.regenerate", to: "consent_links.status", parameters: &[("request_id", "$response.body#/request_id")] },
    Link { from: "integrations.create", to: "integrations.get_one", parameters: &[("id", "$response.body#/id")] },
    Link { from: "integrations.create", to: "integrations.patch", parameters: &[("id", "$response.body#/id")] },
    Link { from: "integrations.create", to: "integrations.delete", parameters: &[("id", "$response.body#/id")] },
    Link { from: "integrations.create", to: "universal_consents.integration_record", parameters: &[("id", "$response.body#/id")] },
    Link {
        from: "universal_consents.record",
        to: "universal_consents.get_one",
        parameters: &[("ClientId", "$response.body#/ClientId"), ("Reference", "$request.body#/Reference")],
    },
    Link {
        from: "universal_consents.record",
        to: "universal_consents.consent_given",
        parameters: &[("ClientId", "$response.body#/ClientId"), ("Reference", "$request.body#/Reference")],
    },
    Link { from: "universal_consents.subscribe", to: "webhooks.get_one", parameters: &[("id", "$response.body#/Id")] },
    Link { from: "universal_consents.subscribe", to: "webhooks.patch", parameters: &[("id", "$response.body#/Id")] },
    Link { from: "universal_consents.subscribe", to: "webhooks.delete", parameters: &[("id", "$response.body#/Id")] },
    Link { from: "universal_consents.subscribe", to: "webhooks.rotate_secret", parameters: &[("id", "$response.body#/Id")] },
    Link { from: "universal_consents.subscribe", to: "webhooks.deliveries", parameters: &[("id", "$response.body#/Id")] },
    Link { from: "webhooks.patch", to: "webhooks.get_one", parameters: &[("id", "$response.body#/id")] },
    Link { from: "webhooks.patch", to: "webhooks.rotate_secret", parameters: &[("id", "$response.body#/id")] },
    Link { from: "webhooks.patch", to: "webhooks.deliveries", parameters: &[("id", "$response.body#/id")] },
    Link { from: "webhooks.patch", to: "webhooks.delete", parameters: &[("id", "$response.body#/id")] },
    Link { from: "webhooks.redeliver", to: "webhooks.delivery", parameters: &[("id", "$response.body#/id")] },
    Link {
        from: "integrations.create",
        to: "universal_consents.integration_check",
        parameters: &[("IntegrationId", "$response.body#/id")],
    },
];

/// Links are added to the serialised document: utoipa 5.5 writes a link's `operationId` as
/// `operation_id`, which no OpenAPI reader understands.
fn add_links(doc: &mut serde_json::Value) {
    let Some(paths) = doc.get_mut("paths").and_then(|p| p.as_object_mut()) else { return };
    for operation in paths.values_mut().filter_map(|item| item.as_object_mut()).flat_map(|item| item.values_mut()) {
        let Some(source) = operation.get("operationId").and_then(|id| id.as_str()).map(str::to_owned) else { continue };
        let Some(responses) = operation.get_mut("responses").and_then(|r| r.as_object_mut()) else { continue };
        for (_, response) in responses.iter_mut().filter(|(status, _)| status.starts_with('2')) {
            for link in LINKS.iter().filter(|link| link.from == source) {
                let parameters: serde_json::Map<String, serde_json::Value> =
                    link.parameters.iter().map(|(name, value)| (name.to_string(), (*value).into())).collect();
                response["links"][link.to.replace('.', "_")] = serde_json::json!({"operationId": link.to, "parameters": parameters});
            }
            for link in BODY_LINKS.iter().filter(|link| link.from == source) {
                let body: serde_json::Map<String, serde_json::Value> =
                    link.body.iter().map(|(name, value)| (name.to_string(), (*value).into())).collect();
                response["links"][link.to.replace('.', "_")] = serde_json::json!({"operationId": link.to, "requestBody": body});
            }
        }
    }
}

/// The document as `/api/openapi.json` serves it.
pub fn to_json(doc: &utoipa::openapi::OpenApi) -> String {
    let mut value = serde_json::to_value(doc).expect("the OpenAPI document serialises");
    add_links(&mut value);
    value.to_string()
}

/// Completes every operation's responses and headers from the rules every route follows, so
/// the document states what the router does rather than what each annotation remembered:
///
/// - the error body is the surface's: `ErrorBody` (management API), `DetailError` (the
///   consent-link dialect), `ProblemDetails` (the universal-consent dialect) or `AppError` (the
///   public server functions);
/// - every operation can answer 400 (the request does not parse) and 500;
/// - behind the caller pipeline (it has `security`): 401, 403 and 429 with `Retry-After`, and the
///   `X-Org-Id` header, required by the dialect and optional elsewhere;
/// - with a path id: 404; with a body: 408 (too slow), 413 (too large) and 415 (not JSON);
/// - every response carries `X-Request-Id`;
/// - a created object's answer links to the operations that take its id (`LINKS`, added by
///   `to_json`).
pub fn complete(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::header::HeaderBuilder;
    use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
    use utoipa::openapi::{ContentBuilder, Ref, RefOr, Required, ResponseBuilder};

    let string = || utoipa::openapi::ObjectBuilder::new().schema_type(utoipa::openapi::schema::Type::String).build();
    for (path, item) in doc.paths.paths.iter_mut() {
        let dialect = path.starts_with("/api/consent/consent-links") || path.starts_with("/api/v1/external/public/consent-link/");
        let universal = crate::dialects::universal_consents::is_dialect_path(path);
        // The public server functions answer their errors as `AppError`, and take forms.
        let server_fn = path.starts_with("/_server/");
        let error_schema = if server_fn {
            "AppError"
        } else if dialect {
            "DetailError"
        } else if universal {
            "ProblemDetails"
        } else {
            "ErrorBody"
        };
        let has_id = path.contains('{');
        for op in [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch, &mut item.options].into_iter().flatten()
        {
            // Handler names repeat across resources (`create`, `list`): the id is `area.handler`.
            if let (Some(tag), Some(id)) = (op.tags.as_ref().and_then(|t| t.first()), op.operation_id.as_mut()) {
                if !id.contains('.') {
                    *id = format!("{}.{id}", tag.to_lowercase().replace(' ', "_"));
                }
            }
            let authed = op.security.as_ref().is_some_and(|s| !s.is_empty());
            let has_body = op.request_body.is_some();
            let error = |description: &str, retry_after: bool| {
                let mut response = ResponseBuilder::new()
                    .description(description)
                    .content("application/json", ContentBuilder::new().schema(Some(Ref::from_schema_name(error_schema))).build());
                if retry_after {
                    response = response.header(
                        "Retry-After",
                        HeaderBuilder::new()
                            .schema(string())
                            .description(Some("Seconds until the limit lets requests through again"))
                            .build(),
                    );
                }
                RefOr::T(response.build())
            };
            let mut wanted = vec![
                ("400", error("The request does not parse, or a value in it is invalid", false)),
                ("500", error("Internal error; the server log has the details", false)),
            ];
            if authed {
                wanted.push(("401", error("Missing or invalid credentials", false)));
                wanted.push(("403", error("The credentials may not do this, or belong to another organisation", false)));
                wanted.push(("429", error("Too many requests from this caller", true)));
            }
            if has_id {
                wanted.push(("404", error("No such object in the caller's organisation", false)));
            }
            if has_body {
                wanted.push(("408", error("The request body did not arrive in time", false)));
                wanted.push(("413", error("The request body is too large", false)));
                if !server_fn {
                    wanted.push(("415", error("The body is not sent as application/json", false)));
                }
            }
            for (status, response) in wanted {
                op.responses.responses.entry(status.to_string()).or_insert(response);
            }
            for (status, response) in op.responses.responses.iter_mut() {
                if let RefOr::T(response) = response {
                    // The universal-consent dialect's errors are problem details (RFC 9457).
                    if universal && !status.starts_with('2') {
                        if let Some(content) = response.content.shift_remove("application/json") {
                            response.content.insert("application/problem+json".into(), content);
                        }
                    }
                    response.headers.entry("X-Request-Id".into()).or_insert_with(|| {
                        HeaderBuilder::new().schema(string()).description(Some("This request's id, as the server log names it")).build()
                    });
                }
            }
            if authed {
                let parameters = op.parameters.get_or_insert_with(Vec::new);
                if !parameters.iter().any(|p| p.name.eq_ignore_ascii_case("X-Org-Id")) {
                    parameters.push(
                        ParameterBuilder::new()
                            .name("X-Org-Id")
                            .parameter_in(ParameterIn::Header)
                            .required(if dialect { Required::True } else { Required::False })
                            .description(Some(if dialect {
                                "The organisation's slug; checked before the credentials (400 when missing or unknown)"
                            } else {
                                "The organisation's slug; when sent, it must be the credentials' own (403 otherwise)"
                            }))
                            .schema(Some(string()))
                            .build(),
                    );
                }
            }
        }
    }
}
