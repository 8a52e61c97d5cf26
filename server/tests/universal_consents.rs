//! The universal-consent dialect (seed 003) over HTTP: every example of the seed, its
//! validation errors, the unauthenticated integration pair with CORS and limits, tenant
//! isolation, one principal across surfaces, and webhooks delivered to a real receiver on
//! loopback: signed per Standard Webhooks, retried until the receiver is back, never twice,
//! never to an address the guard refuses, once across two servers on one PostgreSQL.

#[macro_use]
mod common;

use backend::testing::Backend;
use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;

on_both!(
    the_seed_examples_replayed,
    bad_input_is_refused_naming_the_field_and_changes_nothing,
    integrations_record_without_credentials_for_their_origins_only,
    another_organisations_consents_are_never_visible,
    webhooks_arrive_signed_and_survive_a_receiver_outage,
);

const UA: &str = "Mozilla/5.0 (X11; Linux x86_64) AssentTest/1";

fn allow_loopback(c: &mut server::ServerConfig) {
    c.webhook_policy = "127.0.0.0/8".parse().unwrap();
}

async fn record(app: &App, t: &Tenant, payload: Value) -> (StatusCode, Value) {
    body(
        app.req(Method::POST, "/api/universalconsent")
            .header("X-API-Key", &t.consent_key)
            .header("User-Agent", UA)
            .json(&payload)
            .send()
            .await
            .unwrap(),
    )
    .await
}

async fn ledger_length(app: &App) -> i64 {
    app.state.services.ledger.length().await.unwrap()
}

async fn the_seed_examples_replayed(backend: Backend) {
    let app = App::start_with(backend, |_| {}).await;
    let t = app.tenant("acme").await;

    // Record: the response is Created and ClientId; the same CustomUserId, the same ClientId.
    let (s, first) = record(
        &app,
        &t,
        json!({"ConsentGiven": "All", "CustomUserId": "ada@example.com", "URI": "https://acme.test/terms", "Metadata": "{\"title\":\"Terms v2\"}",
               "Reference": "terms-v2", "ConsentType": "Dealership"}),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{first}");
    let client_id = first["ClientId"].as_str().unwrap().to_string();
    assert!(backend::parse_iso8601(first["Created"].as_str().unwrap()).is_some(), "{first}");
    let (_, again) =
        record(&app, &t, json!({"ConsentGiven": "Partial", "CustomUserId": "ada@example.com", "Reference": "newsletter"})).await;
    assert_eq!(again["ClientId"], client_id.as_str(), "the same CustomUserId always leads to the same ClientId");
    let (_, anon1) = record(&app, &t, json!({"ConsentGiven": "All", "Reference": "terms-v2"})).await;
    let (_, anon2) = record(&app, &t, json!({"ConsentGiven": "All", "Reference": "terms-v2"})).await;
    assert_ne!(anon1["ClientId"], anon2["ClientId"], "without a CustomUserId each record gets a fresh ClientId");

    // URI defaults to the request's Origin; lower-case field names mean the same.
    let (s, o) = body(
        app.req(Method::POST, "/api/universalconsent")
            .header("X-API-Key", &t.consent_key)
            .header("Origin", "https://shop.acme.test")
            .json(&json!({"consentgiven": "None", "reference": "cookies", "customUserId": "bob@example.com"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{o}");
    let bob = o["ClientId"].as_str().unwrap().to_string();

    // Full record: Reference from the query string, or from a JSON body on the GET.
    let path = format!("/api/universalconsent/{client_id}");
    let (s, full) =
        body(app.req(Method::GET, &format!("{path}?Reference=terms-v2")).header("X-API-Key", &t.consent_key).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{full}");
    assert_eq!(full["ConsentGiven"], "All");
    assert_eq!(full["ConsentType"], "Dealership");
    assert_eq!(full["URI"], "https://acme.test/terms");
    assert_eq!(full["Metadata"], "{\"title\":\"Terms v2\"}");
    assert_eq!(full["CustomUserId"], "ada@example.com");
    assert_eq!(full["ClientId"], client_id.as_str());
    for key in ["Id", "Created", "LastUpdated", "Reference"] {
        assert!(full.get(key).is_some(), "{key} in {full}");
    }
    let (_, via_body) =
        body(app.req(Method::GET, &path).header("X-API-Key", &t.consent_key).json(&json!({"Reference": "terms-v2"})).send().await.unwrap())
            .await;
    assert_eq!(via_body, full);
    let (_, bob_full) = body(
        app.req(Method::GET, &format!("/api/universalconsent/{bob}?Reference=cookies"))
            .header("X-API-Key", &t.consent_key)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(bob_full["URI"], "https://shop.acme.test", "URI is derived from Origin when not passed");

    // Update: ConsentGiven and Metadata; a ledger entry each.
    let before = ledger_length(&app).await;
    let (s, updated) = body(
        app.req(Method::PATCH, "/api/universalconsent")
            .header("X-API-Key", &t.consent_key)
            .json(&json!({"ClientId": client_id, "Reference": "terms-v2", "ConsentGiven": "None", "Metadata": "{\"title\":\"Terms v3\"}"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{updated}");
    assert_eq!(updated["ConsentGiven"], "None");
    assert_eq!(updated["Created"], full["Created"], "an update keeps the record");
    assert_eq!(updated["Id"], full["Id"]);
    assert_eq!(ledger_length(&app).await, before + 1);

    // Check, by query string and by JSON body.
    let check = |q: &str| app.req(Method::GET, &format!("/api/universalconsent/consent-given{q}")).header("X-API-Key", &t.consent_key);
    let (s, c) = body(check(&format!("?ClientId={client_id}&Reference=terms-v2")).send().await.unwrap()).await;
    assert_eq!((s, c), (StatusCode::OK, json!({"ConsentGiven": "None"})));
    let (_, c) = body(check("").json(&json!({"ClientId": client_id, "Reference": "newsletter"})).send().await.unwrap()).await;
    assert_eq!(c, json!({"ConsentGiven": "Partial"}));
    let (_, c) = body(check(&format!("?ClientId={client_id}&Reference=never-asked")).send().await.unwrap()).await;
    assert_eq!(c, json!({"ConsentGiven": "None"}), "no record is no consent");

    // Search: the last week by default, with fingerprints, the seed's filters, a boolean ConsentGiven.
    let search = |q: &str| app.admin(&t, Method::GET, &format!("/api/universalconsent{q}"));
    let res = search("").send().await.unwrap();
    assert_eq!(res.headers()["x-total-count"], "5");
    let (s, all) = body(res).await;
    assert_eq!(s, StatusCode::OK);
    let items = all.as_array().unwrap();
    assert_eq!(items.len(), 5);
    let terms = items.iter().find(|i| i["Reference"] == "terms-v2" && i["ClientId"] == client_id.as_str()).unwrap();
    assert_eq!(terms["ConsentGiven"], false, "the search types ConsentGiven as a boolean");
    // The fingerprint is of the record's latest change: the newsletter one came from `record`.
    let ada = items.iter().find(|i| i["Reference"] == "newsletter").unwrap();
    assert_eq!(ada["ConsentGiven"], true);
    assert_eq!(ada["Fingerprint"]["CustomUserId"], "ada@example.com");
    assert_eq!(ada["Fingerprint"]["IP"], "127.0.0.1");
    assert_eq!(ada["Fingerprint"]["UserAgent"], UA);
    assert!(ada["Fingerprint"]["ProxifiedIP"].is_null(), "no proxy in between");
    for key in ["City", "State", "Country"] {
        assert!(ada["Fingerprint"].get(key).is_some(), "{key}");
    }
    let (_, given) = body(search("?ConsentGiven=true").send().await.unwrap()).await;
    assert_eq!(given.as_array().unwrap().len(), 3, "{given}");
    let (_, by_user) = body(search("").json(&json!({"CustomUserId": "ada@example.com"})).send().await.unwrap()).await;
    assert_eq!(by_user.as_array().unwrap().len(), 2);
    let (_, by_type) = body(search("?ConsentType=Dealership&UserAgent=").send().await.unwrap()).await;
    assert_eq!(by_type.as_array().unwrap().len(), 1);
    let (_, by_ip) = body(search("").json(&json!({"IP": "127.0.0.1", "UserAgent": UA, "ConsentGiven": true})).send().await.unwrap()).await;
    assert_eq!(by_ip.as_array().unwrap().len(), 3, "{by_ip}");
    let res = search("?Limit=2&Offset=1").send().await.unwrap();
    assert_eq!(res.headers()["x-total-count"], "5");
    assert_eq!(body(res).await.1.as_array().unwrap().len(), 2);
    // A week later the default window is empty; an explicit one still finds them.
    app.db.clock.advance(Duration::from_secs(8 * 24 * 3600));
    let (_, later) = body(search("").send().await.unwrap()).await;
    assert_eq!(later.as_array().unwrap().len(), 0);
    let (_, window) = body(search("?FromDate=2000-01-01").send().await.unwrap()).await;
    assert_eq!(window.as_array().unwrap().len(), 5);
    // A client that writes the offset's `+` unencoded means a `+`, not a space.
    let (s, window) = body(search("?FromDate=2000-01-01T00:00:00+00:00").send().await.unwrap()).await;
    assert_eq!((s, window.as_array().map(Vec::len)), (StatusCode::OK, Some(5)), "{window}");
    // A consent key records and checks; searching everyone's consents takes the admin scope.
    let (s, _) = body(app.req(Method::GET, "/api/universalconsent").header("X-API-Key", &t.consent_key).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    // The integration pair (no credentials): Reference is the integration's name.
    let (s, integration) = body(
        app.admin(&t, Method::POST, "/api/v1/integrations")
            .json(&json!({"name": "Newsletter form", "allowed_origins": ["https://www.acme.test"]}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{integration}");
    let iid = integration["id"].as_str().unwrap().to_string();
    assert!(integration["embed_snippet"].as_str().unwrap().contains(&format!("data-integration=\"{iid}\"")));
    let (s, via) = body(
        app.req(Method::POST, &format!("/api/universalconsent/integration/{iid}"))
            .json(&json!({"CustomUserId": "ada@example.com", "ConsentGiven": "All", "ConsentType": "EmailMarketing"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{via}");
    assert_eq!(via["Reference"], "Newsletter form");
    assert_eq!(via["CustomUserId"], "ada@example.com");
    assert_eq!(via["ClientId"], client_id.as_str(), "one person, whichever door");
    assert!(via["Created"].is_string());
    let (s, checked) =
        body(app.req(Method::GET, &format!("/api/universalconsent/integration/{client_id}?IntegrationId={iid}")).send().await.unwrap())
            .await;
    assert_eq!(s, StatusCode::OK, "{checked}");
    assert_eq!(checked["ConsentGiven"], "All");
    assert_eq!(checked["Reference"], "Newsletter form");
    assert_eq!(checked["ClientId"], client_id.as_str());
    for key in ["Created", "Metadata"] {
        assert!(checked.get(key).is_some(), "{key}");
    }
    let (s, _) =
        body(app.req(Method::GET, &format!("/api/universalconsent/integration/{bob}?IntegrationId={iid}")).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::NOT_FOUND, "bob never consented through this integration");

    // Every record and update is a ledger entry, and the chain verifies.
    let report = app.state.services.ledger.verify_org(&t.org_id).await.unwrap();
    assert!(report.ok(), "{report:?}");
    assert_eq!(report.entries, 7);
}

async fn bad_input_is_refused_naming_the_field_and_changes_nothing(backend: Backend) {
    let app = App::start_with(backend, |_| {}).await;
    let t = app.tenant("acme").await;
    let (_, ok) = record(&app, &t, json!({"ConsentGiven": "All", "CustomUserId": "u-1", "Reference": "r"})).await;
    let client_id = ok["ClientId"].as_str().unwrap().to_string();
    let before = ledger_length(&app).await;
    let long_metadata = format!("\"{}\"", "x".repeat(210));
    let cases = [
        (Method::POST, "", json!({"ConsentGiven": "Yes", "Reference": "r"}), "ConsentGiven"),
        (Method::POST, "", json!({"ConsentGiven": true, "Reference": "r"}), "ConsentGiven"),
        (Method::POST, "", json!({"Reference": "r"}), "ConsentGiven"),
        (Method::POST, "", json!({"ConsentGiven": "All"}), "Reference"),
        (Method::POST, "", json!({"ConsentGiven": "All", "Reference": "r", "Metadata": "not json"}), "Metadata"),
        (Method::POST, "", json!({"ConsentGiven": "All", "Reference": "r", "Metadata": long_metadata}), "Metadata"),
        (Method::POST, "", json!({"ConsentGiven": "All", "Reference": "x".repeat(513)}), "Reference"),
        (Method::POST, "?ConsentGiven=None", json!({"ConsentGiven": "All", "Reference": "r"}), "ConsentGiven"),
        (Method::PATCH, "", json!({"ClientId": "nope", "Reference": "r", "ConsentGiven": "None"}), "ClientId"),
        (Method::PATCH, "", json!({"ClientId": client_id, "Reference": "r"}), "ConsentGiven"),
        (Method::PATCH, "", json!({"ClientId": client_id, "Reference": "r", "ConsentGiven": "Maybe"}), "ConsentGiven"),
        (Method::GET, "?FromDate=yesterday", json!({}), "FromDate"),
        (Method::GET, "?ConsentGiven=maybe", json!({}), "ConsentGiven"),
        (Method::GET, "?Limit=0", json!({}), "Limit"),
    ];
    for (method, query, payload, field) in cases {
        let res = app.admin(&t, method.clone(), &format!("/api/universalconsent{query}")).json(&payload).send().await.unwrap();
        assert_eq!(res.headers()["content-type"], "application/problem+json", "{payload}");
        let (s, v) = body(res).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{method} {query} {payload}: {v}");
        assert_eq!(v["status"], 400);
        assert!(v["errors"][field].is_array(), "{payload} should name {field}: {v}");
        assert!(v["detail"].as_str().unwrap().contains(field), "{v}");
    }
    let (s, v) = body(app.admin(&t, Method::GET, "/api/universalconsent/not-a-client?Reference=r").send().await.unwrap()).await;
    assert_eq!((s, v["errors"]["ClientId"].is_array()), (StatusCode::BAD_REQUEST, true), "{v}");
    let (s, v) = body(
        app.req(Method::POST, "/api/universalconsent")
            .header("X-API-Key", &t.consent_key)
            .body("{\"ConsentGiven\":")
            .header("content-type", "application/json")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    let (s, _) =
        body(app.req(Method::POST, "/api/universalconsent").json(&json!({"ConsentGiven": "All", "Reference": "r"})).send().await.unwrap())
            .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, v) =
        body(app.admin(&t, Method::GET, &format!("/api/universalconsent/{client_id}?Reference=other")).send().await.unwrap()).await;
    assert_eq!((s, v["status"].as_i64()), (StatusCode::NOT_FOUND, Some(404)));
    assert_eq!(ledger_length(&app).await, before, "no refused request wrote anything");
}

async fn integrations_record_without_credentials_for_their_origins_only(backend: Backend) {
    let app = App::start_with(backend, |c| c.integration_rate_per_address_per_minute = 8).await;
    let t = app.tenant("acme").await;
    let (_, integration) = body(
        app.admin(&t, Method::POST, "/api/v1/integrations")
            .json(&json!({"name": "Shop banner", "allowed_origins": ["https://shop.acme.test", "http://localhost:8080"]}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let iid = integration["id"].as_str().unwrap().to_string();
    let path = format!("/api/universalconsent/integration/{iid}");

    // Preflight: the allowed origin gets its CORS answer (no credentials); another gets 403.
    let res = app
        .req(Method::OPTIONS, &path)
        .header("Origin", "https://shop.acme.test")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(res.headers()["access-control-allow-origin"], "https://shop.acme.test");
    assert!(res.headers()["access-control-allow-methods"].to_str().unwrap().contains("POST"));
    assert!(res.headers().get("access-control-allow-credentials").is_none());
    let res = app
        .req(Method::OPTIONS, &path)
        .header("Origin", "https://evil.test")
        .header("Access-Control-Request-Method", "POST")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res.headers().get("access-control-allow-origin").is_none());

    // A record from the allowed origin; its URI is that origin.
    let post = |origin: &'static str, payload: Value| app.req(Method::POST, &path).header("Origin", origin).json(&payload).send();
    let res = post("https://shop.acme.test", json!({"ConsentGiven": "Partial", "Metadata": "{\"analytics\":true,\"marketing\":false}"}))
        .await
        .unwrap();
    assert_eq!(res.headers()["access-control-allow-origin"], "https://shop.acme.test");
    let (s, v) = body(res).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let visitor = v["ClientId"].as_str().unwrap().to_string();
    assert!(v["CustomUserId"].is_null());
    // The banner keeps its ClientId: a later choice changes the same record.
    let (s, v) = body(post("https://shop.acme.test", json!({"ConsentGiven": "All", "ClientId": visitor})).await.unwrap()).await;
    assert_eq!((s, v["ClientId"].as_str()), (StatusCode::OK, Some(visitor.as_str())));
    let (_, rec) =
        body(app.admin(&t, Method::GET, &format!("/api/universalconsent/{visitor}?Reference=Shop%20banner")).send().await.unwrap()).await;
    assert_eq!(rec["ConsentGiven"], "All");
    assert_eq!(rec["URI"], "https://shop.acme.test");

    // Another origin is refused, and nothing is recorded.
    let before = ledger_length(&app).await;
    let res = post("https://evil.test", json!({"ConsentGiven": "All"})).await.unwrap();
    assert!(res.headers().get("access-control-allow-origin").is_none());
    let (s, v) = body(res).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
    let (s, v) = body(post("https://shop.acme.test", json!({"ConsentGiven": "Yes"})).await.unwrap()).await;
    assert_eq!((s, v["errors"]["ConsentGiven"].is_array()), (StatusCode::BAD_REQUEST, true), "{v}");
    let (s, _) = body(
        app.req(Method::POST, "/api/universalconsent/integration/00000000-0000-4000-8000-000000000000")
            .json(&json!({"ConsentGiven": "All"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) =
        body(app.req(Method::POST, &path).header("content-type", "application/json").body(vec![b' '; 20 * 1024]).send().await.unwrap())
            .await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "the integration endpoints take small bodies");
    assert_eq!(ledger_length(&app).await, before);

    // Per client address: the ninth request in a minute is 429 with Retry-After, readable by the page.
    let mut limited = None;
    for _ in 0..4 {
        let res = post("https://shop.acme.test", json!({"ConsentGiven": "None"})).await.unwrap();
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            limited = Some(res);
            break;
        }
    }
    let res = limited.expect("the address limit answers 429");
    assert!(res.headers()["retry-after"].to_str().unwrap().parse::<u64>().unwrap() >= 1);
    assert_eq!(res.headers()["access-control-allow-origin"], "https://shop.acme.test");
}

async fn another_organisations_consents_are_never_visible(backend: Backend) {
    let app = App::start_with(backend, |_| {}).await;
    let a = app.tenant("acme").await;
    let b = app.tenant("globex").await;
    let (_, v) = record(&app, &a, json!({"ConsentGiven": "All", "CustomUserId": "ada@example.com", "Reference": "terms"})).await;
    let a_client = v["ClientId"].as_str().unwrap().to_string();
    let (_, v) = record(&app, &b, json!({"ConsentGiven": "None", "CustomUserId": "ada@example.com", "Reference": "terms"})).await;
    assert_ne!(v["ClientId"], a_client.as_str(), "a ClientId cannot be computed outside its organisation");
    let b_client = v["ClientId"].as_str().unwrap().to_string();
    let (s, _) = body(app.admin(&b, Method::GET, &format!("/api/universalconsent/{a_client}?Reference=terms")).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (_, c) = body(
        app.admin(&b, Method::GET, &format!("/api/universalconsent/consent-given?ClientId={a_client}&Reference=terms"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(c["ConsentGiven"], "None");
    let (_, found) = body(app.admin(&b, Method::GET, "/api/universalconsent?CustomUserId=ada@example.com").send().await.unwrap()).await;
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_ne!(found[0]["ClientId"], a_client.as_str());
    let (s, _) = body(
        app.admin(&b, Method::PATCH, "/api/universalconsent")
            .json(&json!({"ClientId": a_client, "Reference": "terms", "ConsentGiven": "None"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (_, ia) = body(app.admin(&a, Method::POST, "/api/v1/integrations").json(&json!({"name": "A site"})).send().await.unwrap()).await;
    let (s, _) =
        body(app.admin(&b, Method::GET, &format!("/api/v1/integrations/{}", ia["id"].as_str().unwrap())).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (_, list) = body(app.admin(&b, Method::GET, "/api/v1/integrations").send().await.unwrap()).await;
    assert_eq!(list["total"], 0);
    // Globex's visitor, asked through Acme's integration, is not found.
    let (_, ib) = body(app.admin(&b, Method::POST, "/api/v1/integrations").json(&json!({"name": "terms"})).send().await.unwrap()).await;
    let through_b = format!("/api/universalconsent/integration/{b_client}?IntegrationId={}", ib["id"].as_str().unwrap());
    let through_a = format!("/api/universalconsent/integration/{b_client}?IntegrationId={}", ia["id"].as_str().unwrap());
    let (s, _) = body(app.req(Method::GET, &through_b).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK, "the integration named like the Reference finds its own organisation's record");
    let (_, check) = body(app.req(Method::GET, &through_a).send().await.unwrap()).await;
    assert_eq!(check["status"], 404, "the integration pair answers only for its own organisation's records: {check}");
}

/// A person who consented through a consent link and through the universal API is one
/// principal with one history.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_email_custom_user_id_is_the_consent_links_person() {
    let app = App::start().await;
    let t = app.tenant("acme").await;
    let (_, asset) = body(app.admin(&t, Method::POST, "/api/v1/assets").json(&json!({"name": "App"})).send().await.unwrap()).await;
    let (s, cp) = body(
        app.admin(&t, Method::POST, "/api/v1/collection-points")
            .json(&json!({"asset_id": asset["id"], "name": "Signup", "purposes": [{"name": "Account", "description": "Run it", "required": true}],
                          "notices": {"en": "We use your email."}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{cp}");
    let (s, link) = body(
        app.admin(&t, Method::POST, "/api/consent/consent-links")
            .json(&json!({"collection_point_id": cp["id"], "asset_id": asset["id"], "phone": "+919876543210", "email": "Ada@Example.com"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{link}");
    record(&app, &t, json!({"ConsentGiven": "All", "CustomUserId": "ada@example.com", "Reference": "newsletter"})).await;
    record(&app, &t, json!({"ConsentGiven": "All", "CustomUserId": "+919876543210", "Reference": "calls"})).await;
    let details = app.state.services.links.details(&admin_caller(&app, &t).await, link["request_id"].as_str().unwrap()).await.unwrap();
    let (_, entries) = body(app.admin(&t, Method::GET, "/api/v1/audit/events").send().await.unwrap()).await;
    let principals: std::collections::BTreeSet<&str> =
        entries["items"].as_array().unwrap().iter().map(|e| e["principal_id"].as_str().unwrap()).collect();
    assert_eq!(principals.len(), 1, "{entries}");
    assert_eq!(principals.into_iter().next().unwrap(), details.linked.request.principal_id);
}

async fn admin_caller(app: &App, t: &Tenant) -> backend::auth::Caller {
    app.state.services.tenancy.authenticate(&backend::auth::Credential::ApiKey(t.admin_key.clone())).await.unwrap()
}

// ---- webhooks ----

/// A webhook receiver on loopback: it verifies every message's signature against the secrets
/// it was given (independently of Assent's signing code), and answers with `status`.
#[derive(Clone, Default)]
struct Received {
    messages: Arc<Mutex<Vec<Message>>>,
    secrets: Arc<Mutex<Vec<String>>>,
    status: Arc<std::sync::atomic::AtomicU16>,
}

#[derive(Debug, Clone)]
struct Message {
    id: String,
    body: Value,
    /// How many of the `v1,` signatures verified, and how many there were.
    verified: usize,
    signatures: usize,
}

struct Receiver {
    port: u16,
    received: Received,
    task: tokio::task::JoinHandle<()>,
}

fn expected_signature(secret: &str, id: &str, ts: &str, body: &[u8]) -> String {
    use base64::Engine;
    use hmac::Mac;
    let key = base64::engine::general_purpose::STANDARD.decode(secret.strip_prefix("whsec_").unwrap()).unwrap();
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&key).unwrap();
    mac.update(format!("{id}.{ts}.").as_bytes());
    mac.update(body);
    format!("v1,{}", base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes()))
}

impl Receiver {
    async fn start(port: u16, received: Received) -> Self {
        use axum::routing::post;
        if received.status.load(std::sync::atomic::Ordering::SeqCst) == 0 {
            received.status.store(200, std::sync::atomic::Ordering::SeqCst);
        }
        let state = received.clone();
        let app = axum::Router::new().route(
            "/hook",
            post(move |headers: axum::http::HeaderMap, bytes: axum::body::Bytes| {
                let state = state.clone();
                async move {
                    let h = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
                    let (id, ts, sig) = (h("webhook-id"), h("webhook-timestamp"), h("webhook-signature"));
                    let secrets = state.secrets.lock().unwrap().clone();
                    let signatures: Vec<&str> = sig.split(' ').collect();
                    let verified =
                        signatures.iter().filter(|s| secrets.iter().any(|k| expected_signature(k, &id, &ts, &bytes) == **s)).count();
                    state.messages.lock().unwrap().push(Message {
                        id,
                        body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
                        verified,
                        signatures: signatures.len(),
                    });
                    axum::http::StatusCode::from_u16(state.status.load(std::sync::atomic::Ordering::SeqCst)).unwrap()
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Self { port, received, task }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/hook", self.port)
    }

    fn stop(self) -> (u16, Received) {
        self.task.abort();
        (self.port, self.received)
    }
}

impl Received {
    fn messages(&self) -> Vec<Message> {
        self.messages.lock().unwrap().clone()
    }
}

async fn subscribe(app: &App, t: &Tenant, payload: Value) -> (StatusCode, Value) {
    body(app.admin(t, Method::POST, "/api/universalconsent/subscribe").json(&payload).send().await.unwrap()).await
}

/// Waits (up to 10 s) until `check` holds.
async fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    for _ in 0..200 {
        if check() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting until {what}");
}

async fn drain_outbox(app: &App) {
    while app.state.services.outbox.run_due(50).await.unwrap() > 0 {}
}

async fn webhooks_arrive_signed_and_survive_a_receiver_outage(backend: Backend) {
    let app = App::start_with(backend, allow_loopback).await;
    let t = app.tenant("acme").await;
    let receiver = Receiver::start(0, Received::default()).await;
    let (s, sub) = subscribe(&app, &t, json!({"Reference": "terms", "WebhookUrl": receiver.url()})).await;
    assert_eq!(s, StatusCode::OK, "{sub}");
    let secret = sub["Secret"].as_str().unwrap().to_string();
    assert!(secret.starts_with("whsec_"), "{sub}");
    let sub_id = sub["Id"].as_str().unwrap().to_string();
    receiver.received.secrets.lock().unwrap().push(secret.clone());
    let (_, listed) = body(app.admin(&t, Method::GET, &format!("/api/v1/webhooks/{sub_id}")).send().await.unwrap()).await;
    assert_eq!(listed["status"], "active");
    assert!(!listed.to_string().contains(&secret), "the secret is shown once");

    // A matching consent is delivered at once, signed; another Reference is not.
    let (_, v) = record(&app, &t, json!({"ConsentGiven": "All", "CustomUserId": "ada@example.com", "Reference": "terms"})).await;
    record(&app, &t, json!({"ConsentGiven": "All", "Reference": "other"})).await;
    let received = receiver.received.clone();
    eventually("the first message arrives", || received.messages().len() == 1).await;
    let first = &received.messages()[0];
    assert_eq!((first.verified, first.signatures), (1, 1), "{first:?}");
    assert_eq!(first.body["type"], "universalconsent.recorded");
    assert_eq!(first.body["data"]["ClientId"], v["ClientId"]);
    assert_eq!(first.body["data"]["ConsentGiven"], "All");
    assert!(first.id.starts_with("msg_"));

    // The receiver goes down; five consents later it is back: each arrives once.
    let (port, received) = receiver.stop();
    for i in 0..5 {
        let (s, _) = record(&app, &t, json!({"ConsentGiven": "None", "CustomUserId": format!("user-{i}"), "Reference": "terms"})).await;
        assert_eq!(s, StatusCode::OK);
    }
    let (_, deliveries) = body(app.admin(&t, Method::GET, &format!("/api/v1/webhooks/{sub_id}/deliveries")).send().await.unwrap()).await;
    assert_eq!(deliveries["total"], 6);
    // Their first attempts fail (connection refused) in the background; wait for them.
    for _ in 0..200 {
        let (_, d) = body(app.admin(&t, Method::GET, &format!("/api/v1/webhooks/{sub_id}/deliveries")).send().await.unwrap()).await;
        if d["items"].as_array().unwrap().iter().filter(|i| i["attempts"] == 1 && i["status"] == "pending").count() == 5 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (_, d) = body(app.admin(&t, Method::GET, &format!("/api/v1/webhooks/{sub_id}/deliveries")).send().await.unwrap()).await;
    let failed = d["items"].as_array().unwrap().iter().find(|i| i["status"] == "pending").unwrap().clone();
    assert!(failed["last_error"].as_str().is_some() && failed["next_attempt_at"].is_string(), "{failed}");
    let (_, detail) =
        body(app.admin(&t, Method::GET, &format!("/api/v1/webhook-deliveries/{}", failed["id"].as_str().unwrap())).send().await.unwrap())
            .await;
    assert_eq!(detail["attempts"].as_array().unwrap().len(), 1, "{detail}");
    assert!(detail["attempts"][0]["error"].is_string());
    assert_eq!(detail["payload"]["type"], "universalconsent.recorded");
    drain_outbox(&app).await;
    assert_eq!(received.messages().len(), 1, "nothing is retried before its time");

    let receiver = Receiver::start(port, received.clone()).await;
    app.db.clock.advance(Duration::from_secs(10 * 60));
    drain_outbox(&app).await;
    let messages = received.messages();
    assert_eq!(messages.len(), 6, "{messages:?}");
    assert!(messages.iter().all(|m| m.verified == 1));
    let ids: std::collections::BTreeSet<&str> = messages.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.len(), 6, "none twice");
    app.db.clock.advance(Duration::from_secs(4 * 24 * 3600));
    drain_outbox(&app).await;
    assert_eq!(received.messages().len(), 6, "delivered messages are never sent again");

    // Redeliver: the same webhook-id again, on demand.
    let (s, _) =
        body(app.admin(&t, Method::POST, &format!("/api/v1/webhook-deliveries/{}/redeliver", first.id)).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::ACCEPTED);
    eventually("the redelivery arrives", || received.messages().len() == 7).await;
    assert_eq!(received.messages()[6].id, first.id);

    // Rotation: both secrets sign during the overlap, and each signature verifies.
    let (s, rotated) =
        body(app.admin(&t, Method::POST, &format!("/api/v1/webhooks/{sub_id}/rotate-secret")).json(&json!({})).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{rotated}");
    received.secrets.lock().unwrap().push(rotated["secret"].as_str().unwrap().to_string());
    record(&app, &t, json!({"ConsentGiven": "All", "CustomUserId": "after-rotation", "Reference": "terms"})).await;
    eventually("the message after rotation arrives", || received.messages().len() == 8).await;
    let m = &received.messages()[7];
    assert_eq!((m.verified, m.signatures), (2, 2), "{m:?}");

    // 410 Gone disables the subscription; nothing more is sent to it.
    received.status.store(410, std::sync::atomic::Ordering::SeqCst);
    record(&app, &t, json!({"ConsentGiven": "None", "CustomUserId": "gone", "Reference": "terms"})).await;
    eventually("the 410 arrives", || received.messages().len() == 9).await;
    for _ in 0..100 {
        let (_, s) = body(app.admin(&t, Method::GET, &format!("/api/v1/webhooks/{sub_id}")).send().await.unwrap()).await;
        if s["status"] == "disabled" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (_, s) = body(app.admin(&t, Method::GET, &format!("/api/v1/webhooks/{sub_id}")).send().await.unwrap()).await;
    assert_eq!(s["status"], "disabled", "{s}");
    record(&app, &t, json!({"ConsentGiven": "All", "CustomUserId": "after-410", "Reference": "terms"})).await;
    app.db.clock.advance(Duration::from_secs(3600));
    drain_outbox(&app).await;
    assert_eq!(received.messages().len(), 9);
    // Resuming re-enables it.
    let (_, s) =
        body(app.admin(&t, Method::PATCH, &format!("/api/v1/webhooks/{sub_id}")).json(&json!({"paused": false})).send().await.unwrap())
            .await;
    assert_eq!(s["status"], "active");
    drop(receiver);
}

/// Every spelling of an internal address is refused when subscribing (400 naming WebhookUrl,
/// with the reason) and when delivering (after a restart without the allowance), and none of
/// them opens a connection.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_address_guard_opens_no_connection() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let accepted = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = accepted.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            use tokio::io::AsyncWriteExt;
            let _ = socket.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").await;
        }
    });
    let app = App::start().await;
    let t = app.tenant("acme").await;
    for url in [
        format!("http://127.0.0.1:{port}/hook"),
        format!("http://2130706433:{port}/hook"),
        format!("http://0x7f000001:{port}/hook"),
        format!("http://017700000001:{port}/hook"),
        format!("http://127.1:{port}/hook"),
        format!("http://[::ffff:127.0.0.1]:{port}/hook"),
        format!("http://[::1]:{port}/hook"),
        format!("http://localhost:{port}/hook"),
        "http://169.254.169.254/latest/meta-data/".to_string(),
        "http://[fd00:ec2::254]/".to_string(),
        "http://10.0.0.1/".to_string(),
        "http://100.64.0.1/".to_string(),
        "http://[64:ff9b::7f00:1]/".to_string(),
        "ftp://example.com/".to_string(),
    ] {
        let (s, v) = subscribe(&app, &t, json!({"WebhookUrl": url})).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{url}: {v}");
        assert!(v["errors"]["WebhookUrl"].is_array(), "{url}: {v}");
    }
    // Allowed by the admin, a subscription to loopback is made; a restart without the
    // allowance stops its deliveries before they connect.
    let app = app.restart(allow_loopback).await;
    let (s, _) = subscribe(&app, &t, json!({"WebhookUrl": format!("http://127.0.0.1:{port}/hook")})).await;
    assert_eq!(s, StatusCode::OK);
    let app = app.restart(|_| {}).await;
    record(&app, &t, json!({"ConsentGiven": "All", "Reference": "terms"})).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    app.db.clock.advance(Duration::from_secs(3600));
    drain_outbox(&app).await;
    let (_, subs) = body(app.admin(&t, Method::GET, "/api/v1/webhooks").send().await.unwrap()).await;
    let sub_id = subs["items"][0]["id"].as_str().unwrap().to_string();
    let (_, d) = body(app.admin(&t, Method::GET, &format!("/api/v1/webhooks/{sub_id}/deliveries")).send().await.unwrap()).await;
    let delivery = &d["items"][0];
    assert!(delivery["attempts"].as_i64().unwrap() >= 1, "{d}");
    assert!(delivery["last_error"].as_str().unwrap().contains("loopback"), "{d}");
    assert_eq!(accepted.load(std::sync::atomic::Ordering::SeqCst), 0, "no connection was opened");
}

/// Two servers on one PostgreSQL share the outbox: each message is delivered once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_postgres_deliver_each_event_once() {
    let app = App::start_with(Backend::Postgres, allow_loopback).await;
    let other = app.node(allow_loopback).await;
    let t = app.tenant("acme").await;
    let receiver = Receiver::start(0, Received::default()).await;
    let (_, sub) = subscribe(&app, &t, json!({"WebhookUrl": receiver.url()})).await;
    receiver.received.secrets.lock().unwrap().push(sub["Secret"].as_str().unwrap().to_string());
    let (port, received) = receiver.stop();
    for i in 0..20 {
        let (s, _) = record(&app, &t, json!({"ConsentGiven": "All", "CustomUserId": format!("user-{i}"), "Reference": "terms"})).await;
        assert_eq!(s, StatusCode::OK);
    }
    // Let the first attempts fail while the receiver is down.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let _receiver = Receiver::start(port, received.clone()).await;
    app.db.clock.advance(Duration::from_secs(10 * 60));
    for _ in 0..5 {
        let (a, b) = tokio::join!(app.state.services.outbox.run_due(7), other.state.services.outbox.run_due(7));
        a.unwrap();
        b.unwrap();
    }
    let messages = received.messages();
    let ids: std::collections::BTreeSet<&str> = messages.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.len(), 20, "every event arrives");
    assert_eq!(messages.len(), 20, "none twice");
    assert!(messages.iter().all(|m| m.verified == 1));
}

/// With a MaxMind-format database, each record's fingerprint has the client's city, state and
/// country, and the search filters by them; a database that cannot be read stops the start.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn places_come_from_a_maxmind_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("city.mmdb");
    tiny_geoip_db(&db, [127, 0, 0, 0], 8, "Bengaluru", "Karnataka", "IN");
    let app = App::start_with(Backend::Sqlite, |c| c.geoip_db = Some(db.clone())).await;
    let t = app.tenant("acme").await;
    record(&app, &t, json!({"ConsentGiven": "All", "Reference": "terms"})).await;
    let (_, found) = body(app.admin(&t, Method::GET, "/api/universalconsent").send().await.unwrap()).await;
    let f = &found[0]["Fingerprint"];
    assert_eq!(
        (f["City"].as_str(), f["State"].as_str(), f["Country"].as_str()),
        (Some("Bengaluru"), Some("Karnataka"), Some("IN")),
        "{found}"
    );
    for (query, n) in [("Country=IN", 1), ("City=Bengaluru&State=Karnataka", 1), ("Country=US", 0)] {
        let (_, v) = body(app.admin(&t, Method::GET, &format!("/api/universalconsent?{query}")).send().await.unwrap()).await;
        assert_eq!(v.as_array().unwrap().len(), n, "{query}");
    }

    let broken = dir.path().join("broken.mmdb");
    std::fs::write(&broken, b"not a database").unwrap();
    let mut config = server::ServerConfig::new("127.0.0.1:0".parse().unwrap(), None);
    config.geoip_db = Some(broken);
    let err = server::Application::build(app.db.store.clone(), config).await.err().expect("an unreadable database stops the start");
    assert!(err.to_string().contains("ASSENT_GEOIP_DB"), "{err}");
}

/// Due deliveries are attempted side by side: a receiver that takes seconds to answer does not
/// hold up another's message.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_receiver_delays_no_other() {
    let app = App::start_with(Backend::Sqlite, allow_loopback).await;
    let t = app.tenant("acme").await;
    let slow = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let slow_port = slow.local_addr().unwrap().port();
    drop(slow);
    let fast = Receiver::start(0, Received::default()).await;
    let (fast_port, fast_received) = fast.stop();
    for port in [slow_port, fast_port] {
        let (s, sub) = subscribe(&app, &t, json!({"WebhookUrl": format!("http://127.0.0.1:{port}/hook")})).await;
        assert_eq!(s, StatusCode::OK, "{sub}");
        fast_received.secrets.lock().unwrap().push(sub["Secret"].as_str().unwrap().to_string());
    }
    // Both receivers are down for the first attempts.
    record(&app, &t, json!({"ConsentGiven": "All", "Reference": "terms"})).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    // Now one answers at once and the other only after 5 s.
    let _fast = Receiver::start(fast_port, fast_received.clone()).await;
    let slow = tokio::net::TcpListener::bind(("127.0.0.1", slow_port)).await.unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = slow.accept().await {
            tokio::spawn(async move {
                use tokio::io::{AsyncReadExt, AsyncWriteExt};
                let mut buf = [0u8; 4096];
                let _ = socket.read(&mut buf).await;
                tokio::time::sleep(Duration::from_secs(5)).await;
                let _ = socket.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").await;
            });
        }
    });
    app.db.clock.advance(Duration::from_secs(60));
    let outbox = app.state.services.outbox.clone();
    let started = std::time::Instant::now();
    let run = tokio::spawn(async move { outbox.run_due(10).await.unwrap() });
    eventually("the fast receiver has its message", || fast_received.messages().len() == 1).await;
    let fast_after = started.elapsed();
    assert_eq!(run.await.unwrap(), 2, "both deliveries were due");
    assert!(started.elapsed() >= Duration::from_secs(5), "the slow receiver took its 5 s");
    assert!(fast_after < Duration::from_secs(4), "the fast message did not wait for the slow one ({fast_after:?})");
}
