//! The public server functions over HTTP: the hosted page's decision and the banner's choice,
//! on SQLite and PostgreSQL, through the real router and its pipeline.

#[macro_use]
mod common;

use backend::testing::Backend;
use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

on_both!(the_page_s_client_gets_what_the_decision_changed, the_banner_s_choice_is_the_integration_endpoint_s_rule);

/// An organisation with a collection point and one consent link; returns the link's URL.
async fn a_link(app: &App, t: &Tenant) -> String {
    let (_, asset) = body(app.admin(t, Method::POST, "/api/v1/assets").json(&json!({"name": "App"})).send().await.unwrap()).await;
    let (s, cp) = body(
        app.admin(t, Method::POST, "/api/v1/collection-points")
            .json(&json!({
                "asset_id": asset["id"], "name": "Signup", "display_id": "CP001",
                "purposes": [{"name": "Account", "required": true}, {"name": "Offers"}],
                "notices": {"en": "We use your phone number.", "hi": "हम आपका फ़ोन नंबर उपयोग करते हैं।"}
            }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{cp}");
    let (s, link) = body(
        app.req(Method::POST, "/api/consent/consent-links")
            .header("X-API-Key", &t.consent_key)
            .header("X-Org-Id", &t.slug)
            .json(&json!({"collection_point_id": "CP001", "asset_id": asset["id"], "phone": "+919876543210"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(s.is_success(), "{link}");
    link["consent_link"].as_str().unwrap().to_string()
}

async fn the_page_s_client_gets_what_the_decision_changed(backend: Backend) {
    let app = App::start_with(backend, |_| {}).await;
    let t = app.tenant("acme").await;
    let url = a_link(&app, &t).await;
    let offers = {
        let html = app.http.get(&url).send().await.unwrap().text().await.unwrap();
        let at = html.find("name=\"purpose[]\" value=\"").expect("the form names its purposes purpose[]");
        let rest = &html[at..];
        let ids: Vec<&str> = rest.split("name=\"purpose[]\" value=\"").skip(1).map(|s| s.split('"').next().unwrap()).collect();
        ids[1].to_string()
    };
    // The page's client: JSON in, what the decision changed out, in the page's language.
    let res = decide(&app.http, &url, &format!("decision=save&purpose%5B%5D={offers}&lang=hi&notice_lang=hi&version=1"), false).await;
    assert_eq!(res.status(), StatusCode::OK);
    let (_, answer) = body(res).await;
    let granted: Vec<bool> = answer["granted"].as_array().unwrap().iter().map(|g| g[1] == true).collect();
    assert_eq!(granted, [true, true], "{answer}");
    assert!(answer["receipt"]["summary"].as_str().unwrap().contains("स्वीकार"), "{answer}");
    // A reload shows the same.
    let html = app.http.get(format!("{url}?lang=hi")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains(answer["receipt"]["reference"].as_str().unwrap()));
    // The evidence: the notice language the person read.
    let (_, events) = body(app.admin(&t, Method::GET, "/api/v1/audit/events").send().await.unwrap()).await;
    assert_eq!(events["items"][0]["evidence"]["language"], "hi");

    // Fields that do not parse are the caller's mistake: 400, never 500, and nothing written.
    let before = app.state.services.ledger.length().await.unwrap();
    for form in ["decision=approve&version=soon", "decision=approve&purpose=a&purpose=b", "nothing=here"] {
        let res = decide(&app.http, &url, form, false).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{form}");
        assert_eq!(res.headers()["content-type"], "application/json");
        let (_, err) = body(res).await;
        assert_eq!(err["kind"], "Invalid", "{form}: {err}");
    }
    // A link that is not a page's path.
    let res = app
        .req(Method::POST, "/_server/consent_decision")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("link=%2Fetc%2Fpasswd%2Fx%2Fy&decision=approve")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.state.services.ledger.length().await.unwrap(), before);

    // Both functions are in the OpenAPI document, with their form bodies.
    let (_, doc) = body(app.req(Method::GET, "/api/openapi.json").send().await.unwrap()).await;
    let decision = &doc["paths"]["/_server/consent_decision"]["post"];
    assert!(decision["requestBody"]["content"]["application/x-www-form-urlencoded"].is_object(), "{decision}");
    assert_eq!(decision["responses"]["429"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/AppError");
    assert!(doc["paths"]["/_server/banner_choice"]["post"]["responses"]["403"].is_object());
    assert!(doc["paths"]["/_server/banner_choice"]["options"]["responses"]["204"].is_object());
}

async fn the_banner_s_choice_is_the_integration_endpoint_s_rule(backend: Backend) {
    let app = App::start_with(backend, |c| c.integration_rate_per_address_per_minute = 9).await;
    let t = app.tenant("acme").await;
    let (_, integration) = body(
        app.admin(&t, Method::POST, "/api/v1/integrations")
            .json(&json!({"name": "Shop banner", "allowed_origins": ["https://shop.acme.test"]}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let iid = integration["id"].as_str().unwrap().to_string();
    let choose = |origin: Option<&'static str>, form: String| {
        let mut req = app.req(Method::POST, "/_server/banner_choice").header("content-type", "application/x-www-form-urlencoded");
        if let Some(origin) = origin {
            req = req.header("Origin", origin);
        }
        req.body(form).send()
    };

    // From the allowed origin: recorded, readable by that origin alone.
    let res =
        choose(Some("https://shop.acme.test"), format!("integration={iid}&consent=Partial&category%5B%5D=analytics&policy_version=1"))
            .await
            .unwrap();
    assert_eq!(res.headers()["access-control-allow-origin"], "https://shop.acme.test");
    assert!(res.headers()["vary"].to_str().unwrap().contains("Origin"));
    let (s, v) = body(res).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let client_id = v["client_id"].as_str().unwrap().to_string();
    assert_eq!(v["consent_given"], "Partial");
    // The integration endpoint of seed 003 reads the same record: one rule, two doors.
    let (s, check) =
        body(app.req(Method::GET, &format!("/api/universalconsent/integration/{client_id}?IntegrationId={iid}")).send().await.unwrap())
            .await;
    assert_eq!(s, StatusCode::OK, "{check}");
    assert_eq!((check["ConsentGiven"].as_str(), check["Reference"].as_str()), (Some("Partial"), Some("Shop banner")));
    let metadata: Value = serde_json::from_str(check["Metadata"].as_str().unwrap()).unwrap();
    // Read against the integration's banner: every category's answer and its policy version.
    assert_eq!(metadata, json!({"categories": {"necessary": true, "analytics": true, "marketing": false}, "policyVersion": "1"}));
    // The same browser's next choice changes the same record.
    let (s, v) =
        body(choose(Some("https://shop.acme.test"), format!("integration={iid}&consent=None&client_id={client_id}")).await.unwrap()).await;
    assert_eq!((s, v["client_id"].as_str()), (StatusCode::OK, Some(client_id.as_str())));

    let before = app.state.services.ledger.length().await.unwrap();
    // Another origin: refused, unreadable, nothing written.
    let res = choose(Some("https://evil.test"), format!("integration={iid}&consent=All")).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res.headers().get("access-control-allow-origin").is_none());
    // Bad fields and unknown integrations, in the function's error format.
    let (s, err) = body(choose(Some("https://shop.acme.test"), format!("integration={iid}&consent=Maybe")).await.unwrap()).await;
    assert_eq!((s, err["kind"].as_str()), (StatusCode::BAD_REQUEST, Some("Invalid")));
    assert!(err["message"].as_str().unwrap().starts_with("consent:"), "{err}");
    let (s, _) =
        body(choose(Some("https://shop.acme.test"), format!("integration={}&consent=All", uuid::Uuid::new_v4())).await.unwrap()).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, err) =
        body(choose(Some("https://shop.acme.test"), format!("integration={iid}&consent=Partial&category%5B%5D=telemetry")).await.unwrap())
            .await;
    assert_eq!((s, err["kind"].as_str()), (StatusCode::BAD_REQUEST, Some("Invalid")), "a category the banner does not have");
    let (s, err) =
        body(choose(Some("https://shop.acme.test"), format!("integration={iid}&consent=All&policy_version=0")).await.unwrap()).await;
    assert_eq!((s, err["kind"].as_str()), (StatusCode::CONFLICT, Some("Conflict")), "a choice made on an older policy: {err}");
    assert_eq!(app.state.services.ledger.length().await.unwrap(), before);

    // The preflight (a client with headers of its own sends one).
    let res = app
        .req(Method::OPTIONS, "/_server/banner_choice")
        .header("Origin", "https://shop.acme.test")
        .header("Access-Control-Request-Method", "POST")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(res.headers()["access-control-allow-origin"], "https://shop.acme.test");

    // The integration endpoint's limit per client address holds here too: nine a minute.
    let mut last = StatusCode::OK;
    for _ in 0..6 {
        last =
            choose(Some("https://shop.acme.test"), format!("integration={iid}&consent=All&client_id={client_id}")).await.unwrap().status();
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    let res = choose(Some("https://shop.acme.test"), format!("integration={iid}&consent=All")).await.unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"));
    assert!(res.headers().contains_key("access-control-allow-origin"), "the banner can read that it must wait");
}
