//! HTTP tests: the real router on a real port (0), with a fresh SQLite database per test.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

#[tokio::test]
async fn health_readiness_and_metrics() {
    let app = App::start().await;
    let (s, v) = body(app.req(Method::GET, "/healthz").send().await.unwrap()).await;
    assert_eq!((s, v["status"].as_str()), (StatusCode::OK, Some("ok")));
    let (s, v) = body(app.req(Method::GET, "/readyz").send().await.unwrap()).await;
    assert_eq!((s, v["status"].as_str()), (StatusCode::OK, Some("ready")));
    let text = app.req(Method::GET, "/metrics").send().await.unwrap().text().await.unwrap();
    // The HTTP series count for the whole process, which other tests' servers share.
    let value = |series: &str| -> f64 {
        let line = text.lines().find(|l| l.starts_with(series)).unwrap_or_else(|| panic!("no {series} in\n{text}"));
        line.rsplit(' ').next().unwrap().parse().unwrap()
    };
    assert!(value("assent_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"}") >= 1.0);
    assert!(value("assent_http_request_duration_seconds_bucket{route=\"/readyz\",le=\"+Inf\"}") >= 1.0);
    assert!(value("assent_http_request_duration_seconds_bucket{route=\"/readyz\",le=\"5\"}") >= 1.0);
    assert!(value("assent_http_request_duration_seconds_count{route=\"/readyz\"}") >= 1.0);
    assert!(value("assent_http_request_duration_seconds_sum{route=\"/readyz\"}") > 0.0);
    assert!(text.contains("assent_db_pool_connections{state=\"idle\"}"));
    assert!(text.contains("assent_db_pool_connections{state=\"in_use\"}"));
    assert!(text.contains("assent_ledger_entries 0"));
}

/// Every series `/metrics` showed when it was rendered by hand, by name and type, and the
/// ones added since: ledger appends and outbox attempts, made to count here.
#[tokio::test]
async fn metrics_keep_every_series_name() {
    let app = App::start().await;
    let t = app.tenant("acme").await;
    let key = |method: Method, path: &str| app.req(method, path).header("X-API-Key", &t.consent_key).header("X-Org-Id", &t.slug);
    // A ledger append.
    let (s, v) =
        body(key(Method::POST, "/api/universalconsent").json(&json!({"ConsentGiven": "All", "Reference": "r"})).send().await.unwrap())
            .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    // An outbox attempt: a link's email, with no SMTP server configured, gives up at once.
    let (_, asset) = body(app.admin(&t, Method::POST, "/api/v1/assets").json(&json!({"name": "App"})).send().await.unwrap()).await;
    let (s, cp) = body(
        app.admin(&t, Method::POST, "/api/v1/collection-points")
            .json(&json!({"asset_id": asset["id"], "name": "Signup", "display_id": "CP001",
                "purposes": [{"name": "Account", "description": "Run it", "required": true}], "notices": {"en": "Notice"}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{cp}");
    let (s, v) = body(
        key(Method::POST, "/api/consent/consent-links")
            .json(&json!({"collection_point_id": "CP001", "asset_id": asset["id"], "phone": "+919876543210", "email": "p@example.com"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((s, &v["delivery_status"]), (StatusCode::OK, &json!({"email": "failed"})), "{v}");
    app.req(Method::GET, "/healthz").send().await.unwrap();
    let text = app.req(Method::GET, "/metrics").send().await.unwrap().text().await.unwrap();
    for (name, kind) in [
        ("assent_http_requests_total", "counter"),
        ("assent_http_request_duration_seconds", "histogram"),
        ("assent_db_pool_connections", "gauge"),
        ("assent_queue_depth", "gauge"),
        ("assent_ledger_entries", "gauge"),
        ("assent_ledger_appends_total", "counter"),
        ("assent_outbox_attempts_total", "counter"),
    ] {
        assert!(text.contains(&format!("# TYPE {name} {kind}\n")), "no {kind} {name} in\n{text}");
    }
    assert!(text.contains("assent_ledger_entries 1"), "{text}");
    assert!(text.contains(r#"assent_outbox_attempts_total{kind="consent_link_email",result="gave_up"}"#), "{text}");
}

#[tokio::test]
async fn pages_and_api_responses_carry_security_headers() {
    let app = App::start().await;
    let page = app.req(Method::GET, "/admin/login").send().await.unwrap();
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(csp.contains("script-src 'self' 'nonce-") && csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(page.headers()["x-content-type-options"], "nosniff");
    assert!(page.headers().get("strict-transport-security").is_none(), "not over plain http");
    let nonce = csp.split("'nonce-").nth(1).and_then(|n| n.split('\'').next()).unwrap().to_string();
    assert!(page.text().await.unwrap().contains(&format!("nonce=\"{nonce}\"")));
    let other = app.req(Method::GET, "/admin/login").send().await.unwrap();
    assert!(!other.headers()["content-security-policy"].to_str().unwrap().contains(&nonce), "a nonce per response");
    let api = app.req(Method::GET, "/healthz").send().await.unwrap();
    assert_eq!(api.headers()["x-content-type-options"], "nosniff");
    assert!(api.headers().get("content-security-policy").is_none());
    let https = App::start_with(backend::testing::Backend::Sqlite, |c| c.public_url = "https://consent.example.com".into()).await;
    let res = https.req(Method::GET, "/healthz").send().await.unwrap();
    assert_eq!(res.headers()["strict-transport-security"], "max-age=31536000; includeSubDomains");
}

#[tokio::test]
async fn every_response_carries_a_request_id() {
    let app = App::start().await;
    let res = app.req(Method::GET, "/healthz").send().await.unwrap();
    assert!(res.headers().get("x-request-id").is_some());
    let res = app.req(Method::GET, "/healthz").header("x-request-id", "trace-me-42").send().await.unwrap();
    assert_eq!(res.headers()["x-request-id"], "trace-me-42");
}

#[tokio::test]
async fn login_me_and_logout() {
    let app = App::start().await;
    app.tenant("acme").await;
    let (s, v) = body(app.login("owner@acme.test", "wrong password").await).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&v), "unauthorized");
    let (s, v) = body(app.login("Owner@Acme.test", "owner password 1").await).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let token = v["token"].as_str().unwrap().to_string();
    assert_eq!(v["org"]["slug"], "acme");
    assert_eq!(v["user"]["role"], "owner");
    let (s, me) = body(app.req(Method::GET, "/api/v1/me").bearer_auth(&token).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(me["user"]["email"], "owner@acme.test");
    let s = app.req(Method::POST, "/api/v1/auth/logout").bearer_auth(&token).send().await.unwrap().status();
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, v) = body(app.req(Method::GET, "/api/v1/me").bearer_auth(&token).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "a revoked session is refused");
    assert_eq!(error_code(&v), "unauthorized");
    let (s, _) = body(app.req(Method::GET, "/api/v1/me").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

/// A request is judged by the credential it leads with: an `Authorization` header that cannot
/// be read is refused, even beside a valid `X-API-Key`; an API key is not a dashboard session.
#[tokio::test]
async fn unreadable_or_wrong_credentials_are_refused() {
    let app = App::start().await;
    let t = app.tenant("acme").await;
    for auth in ["Basic YWRtaW46YWRtaW4=", "garbage", "Bearer not-a-session", "Token not-a-key"] {
        let (s, v) = body(app.admin(&t, Method::GET, "/api/v1/assets").header("Authorization", auth).send().await.unwrap()).await;
        assert_eq!((s, error_code(&v)), (StatusCode::UNAUTHORIZED, "unauthorized"), "{auth}");
    }
    for path in ["/api/v1/me", "/api/v1/auth/logout"] {
        let method = if path.ends_with("logout") { Method::POST } else { Method::GET };
        let (s, _) = body(app.admin(&t, method, path).send().await.unwrap()).await;
        assert_eq!(s, StatusCode::UNAUTHORIZED, "{path} with an API key");
    }
}

#[tokio::test]
async fn login_is_rate_limited() {
    let app = App::start().await;
    app.tenant("acme").await;
    for _ in 0..10 {
        assert_eq!(app.login("owner@acme.test", "wrong password").await.status(), StatusCode::UNAUTHORIZED);
    }
    let res = app.login("owner@acme.test", "owner password 1").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=300).contains(&retry));
    let (_, v) = body(res).await;
    assert_eq!(error_code(&v), "rate_limited");
}

#[tokio::test]
async fn api_keys_work_as_x_api_key_and_token_and_respect_scopes() {
    let app = App::start().await;
    let t = app.tenant("acme").await;
    let (s, v) = body(app.req(Method::GET, "/api/v1/org").header("X-API-Key", &t.admin_key).send().await.unwrap()).await;
    assert_eq!((s, v["slug"].as_str()), (StatusCode::OK, Some("acme")));
    let (s, _) =
        body(app.req(Method::GET, "/api/v1/org").header("Authorization", format!("Token {}", t.admin_key)).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    let (s, v) = body(app.req(Method::GET, "/api/v1/assets").header("X-API-Key", &t.consent_key).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "the consent scope does not manage");
    assert_eq!(error_code(&v), "forbidden");
    let (s, _) = body(app.req(Method::GET, "/api/v1/assets").header("X-API-Key", "assent_nonsense").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);

    // Create, list (no secrets), revoke.
    let (s, created) =
        body(app.admin(&t, Method::POST, "/api/v1/api-keys").json(&json!({"name": "crm", "scopes": ["consent"]})).send().await.unwrap())
            .await;
    assert_eq!(s, StatusCode::CREATED, "{created}");
    let key = created["key"].as_str().unwrap().to_string();
    assert!(key.starts_with(created["prefix"].as_str().unwrap()));
    assert_eq!(created["scopes"], json!(["consent"]));
    let (_, list) = body(app.admin(&t, Method::GET, "/api/v1/api-keys").send().await.unwrap()).await;
    assert_eq!(list["total"], 3);
    assert!(!list.to_string().contains(&key), "secrets are never listed");
    let id = created["id"].as_str().unwrap();
    let (s, revoked) = body(app.admin(&t, Method::DELETE, &format!("/api/v1/api-keys/{id}")).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(revoked["revoked_at"].is_string());
    let (s, v) = body(app.admin(&t, Method::POST, "/api/v1/api-keys").json(&json!({"scopes": ["root"]})).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(v["error"]["field"], "scopes");
    let (s, _) = body(app.admin(&t, Method::POST, "/api/v1/api-keys").json(&json!({"scopes": []})).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_caller_never_reaches_another_organisation() {
    let app = App::start().await;
    let a = app.tenant("acme").await;
    let b = app.tenant("beta").await;
    let (_, asset) = body(app.admin(&a, Method::POST, "/api/v1/assets").json(&json!({"name": "acme.com"})).send().await.unwrap()).await;
    let id = asset["id"].as_str().unwrap();
    // Naming the other organisation in X-Org-Id is refused outright.
    let res = app.req(Method::GET, "/api/v1/assets").header("X-API-Key", &a.admin_key).header("X-Org-Id", "beta").send().await.unwrap();
    let (s, v) = body(res).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(error_code(&v), "forbidden");
    // Its objects do not exist for the other organisation.
    for method in [Method::GET, Method::DELETE] {
        let (s, v) = body(app.admin(&b, method, &format!("/api/v1/assets/{id}")).send().await.unwrap()).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        assert_eq!(error_code(&v), "not_found");
    }
    let (s, _) =
        body(app.admin(&b, Method::PATCH, &format!("/api/v1/assets/{id}")).json(&json!({"name": "mine"})).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (_, list) = body(app.admin(&b, Method::GET, "/api/v1/assets").send().await.unwrap()).await;
    assert_eq!(list["total"], 0);
    // And nothing changed.
    let (_, still) = body(app.admin(&a, Method::GET, &format!("/api/v1/assets/{id}")).send().await.unwrap()).await;
    assert_eq!(still["name"], "acme.com");
    // A session is bound to its organisation too.
    let (_, session) = body(app.login("owner@beta.test", "owner password 1").await).await;
    let token = session["token"].as_str().unwrap();
    let (s, _) = body(app.req(Method::GET, &format!("/api/v1/assets/{id}")).bearer_auth(token).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = body(app.req(Method::GET, "/api/v1/assets").bearer_auth(token).header("X-Org-Id", "acme").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn assets_crud_and_bad_input() {
    let app = App::start().await;
    let t = app.tenant("acme").await;
    let (s, a) = body(
        app.admin(&t, Method::POST, "/api/v1/assets")
            .json(&json!({"name": "Shop", "kind": "website", "url": "https://shop.test", "description": "main shop"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{a}");
    let id = a["id"].as_str().unwrap().to_string();
    let (s, got) = body(app.admin(&t, Method::GET, &format!("/api/v1/assets/{id}")).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(got, a);
    let (s, upper) = body(app.admin(&t, Method::GET, &format!("/api/v1/assets/{}", id.to_uppercase())).send().await.unwrap()).await;
    assert_eq!((s, &upper), (StatusCode::OK, &a), "a UUID matches in any case");
    let (s, p) = body(
        app.admin(&t, Method::PATCH, &format!("/api/v1/assets/{id}")).json(&json!({"name": "Shop EU", "url": ""})).send().await.unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(p["name"], "Shop EU");
    assert_eq!(p["url"], Value::Null);
    assert_eq!(p["description"], "main shop");

    // Bad input: a clear error, nothing changed.
    let cases = [
        (json!({"name": "x", "owner_org": "beta"}), "unknown field"),
        (json!({"name": ""}), "name"),
        (json!({"name": "x", "kind": "spaceship"}), "kind"),
        (json!({"name": "x", "url": "javascript:alert(1)"}), "url"),
        (json!({"name": "x", "url": "http://["}), "url"),
        (json!({"kind": "website"}), "name"),
    ];
    for (payload, mention) in cases {
        let (s, v) = body(app.admin(&t, Method::POST, "/api/v1/assets").json(&payload).send().await.unwrap()).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{payload}");
        assert_eq!(error_code(&v), "invalid_request");
        assert!(v["error"]["message"].as_str().unwrap().contains(mention), "{v}");
    }
    let (s, v) = body(
        app.admin(&t, Method::POST, "/api/v1/assets").header("content-type", "application/json").body("{not json").send().await.unwrap(),
    )
    .await;
    assert_eq!((s, error_code(&v)), (StatusCode::BAD_REQUEST, "invalid_request"));
    let (s, v) = body(app.admin(&t, Method::POST, "/api/v1/assets").body(r#"{"name":"x"}"#).send().await.unwrap()).await;
    assert_eq!((s, error_code(&v)), (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"));
    for q in ["limit=0", "limit=201", "offset=-1", "limit=abc", "colour=red"] {
        let (s, v) = body(app.admin(&t, Method::GET, &format!("/api/v1/assets?{q}")).send().await.unwrap()).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{q}: {v}");
    }
    let (_, list) = body(app.admin(&t, Method::GET, "/api/v1/assets?limit=1").send().await.unwrap()).await;
    assert_eq!(list["total"], 1, "failed requests created nothing");
    assert_eq!((list["limit"].as_i64(), list["offset"].as_i64()), (Some(1), Some(0)));

    let (s, _) = body(app.admin(&t, Method::DELETE, &format!("/api/v1/assets/{id}")).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, _) = body(app.admin(&t, Method::GET, &format!("/api/v1/assets/{id}")).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn collection_points_are_numbered_and_versioned() {
    let app = App::start().await;
    let t = app.tenant("acme").await;
    let (_, asset) = body(app.admin(&t, Method::POST, "/api/v1/assets").json(&json!({"name": "App"})).send().await.unwrap()).await;
    let asset_id = asset["id"].as_str().unwrap();
    let create = json!({
        "asset_id": asset_id,
        "name": "Signup",
        "purposes": [
            {"name": "Account", "description": "Run your account", "required": true, "data_categories": ["email"]},
            {"name": "Newsletter", "description": "Monthly news"}
        ],
        "notices": {"en": "We process your email.", "hi": "हम आपके ईमेल का उपयोग करते हैं।"}
    });
    let (s, cp) = body(app.admin(&t, Method::POST, "/api/v1/collection-points").json(&create).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::CREATED, "{cp}");
    assert_eq!(cp["display_id"], "CP001");
    assert_eq!(cp["version"], 1);
    assert_eq!(cp["purposes"][0]["required"], true);
    assert_eq!(cp["purposes"][1]["required"], false);
    let (_, cp2) = body(app.admin(&t, Method::POST, "/api/v1/collection-points").json(&create).send().await.unwrap()).await;
    assert_eq!(cp2["display_id"], "CP002");

    let mut purposes = cp["purposes"].as_array().unwrap().clone();
    purposes[1]["description"] = json!("Weekly news");
    let (s, v2) = body(
        app.admin(&t, Method::PATCH, "/api/v1/collection-points/CP001")
            .json(&json!({"purposes": purposes.iter().map(|p| json!({"id": p["id"], "name": p["name"], "description": p["description"], "required": p["required"]})).collect::<Vec<_>>()}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v2}");
    assert_eq!(v2["version"], 2);
    assert_eq!(v2["purposes"][1]["id"], cp["purposes"][1]["id"]);
    assert_ne!(v2["content_hash"], cp["content_hash"]);
    let (s, v1) = body(app.admin(&t, Method::GET, "/api/v1/collection-points/CP001/versions/1").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v1["purposes"][1]["description"], "Monthly news");
    assert_eq!(v1["content_hash"], cp["content_hash"]);

    // A client may name its purposes; the names stay through edits and a new name adds one.
    let (s, named) = body(
        app.admin(&t, Method::POST, "/api/v1/collection-points")
            .json(&json!({"asset_id": asset_id, "name": "Named", "purposes": [{"id": "marketing_emails", "name": "Marketing"}], "notices": {"en": "x"}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{named}");
    assert_eq!(named["purposes"][0]["id"], "marketing_emails");
    let (s, v) = body(
        app.admin(&t, Method::PATCH, &format!("/api/v1/collection-points/{}", named["id"].as_str().unwrap()))
            .json(&json!({"purposes": [{"id": "marketing_emails", "name": "Marketing emails"}, {"id": "analytics", "name": "Analytics"}]}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!((v["purposes"][0]["id"].as_str(), v["purposes"][1]["id"].as_str()), (Some("marketing_emails"), Some("analytics")));

    for (payload, field) in [
        (json!({"asset_id": asset_id, "name": "x", "purposes": [{"id": "no spaces", "name": "a"}], "notices": {"en": "x"}}), "purposes"),
        (json!({"asset_id": asset_id, "name": "x", "purposes": [], "notices": {"en": "x"}}), "purposes"),
        (json!({"asset_id": asset_id, "name": "x", "purposes": [{"name": "a"}], "notices": {}}), "notices"),
        (json!({"asset_id": "nope", "name": "x", "purposes": [{"name": "a"}], "notices": {"en": "x"}}), "asset_id"),
        (
            json!({"asset_id": asset_id, "name": "x", "display_id": "cp 9", "purposes": [{"name": "a"}], "notices": {"en": "x"}}),
            "display_id",
        ),
    ] {
        let (s, v) = body(app.admin(&t, Method::POST, "/api/v1/collection-points").json(&payload).send().await.unwrap()).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{payload}: {v}");
        assert_eq!(v["error"]["field"], field);
    }
    let (s, v) = body(
        app.admin(&t, Method::POST, "/api/v1/collection-points")
            .json(&json!({"asset_id": asset_id, "name": "x", "display_id": "CP002", "purposes": [{"name": "a"}], "notices": {"en": "x"}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((s, error_code(&v)), (StatusCode::CONFLICT, "conflict"));
    let (_, list) = body(app.admin(&t, Method::GET, &format!("/api/v1/collection-points?asset_id={asset_id}")).send().await.unwrap()).await;
    assert_eq!(list["total"], 3);
    let (s, v) = body(app.admin(&t, Method::DELETE, &format!("/api/v1/assets/{asset_id}")).send().await.unwrap()).await;
    assert_eq!((s, error_code(&v)), (StatusCode::CONFLICT, "conflict"));
}

#[tokio::test]
async fn viewers_read_but_do_not_write() {
    let app = App::start().await;
    app.tenant("acme").await;
    let (_, session) = body(app.login("viewer@acme.test", "viewer password 1").await).await;
    let token = session["token"].as_str().unwrap();
    let (s, _) = body(app.req(Method::GET, "/api/v1/assets").bearer_auth(token).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    let (s, v) = body(app.req(Method::POST, "/api/v1/assets").bearer_auth(token).json(&json!({"name": "x"})).send().await.unwrap()).await;
    assert_eq!((s, error_code(&v)), (StatusCode::FORBIDDEN, "forbidden"));
    let (s, _) =
        body(app.req(Method::POST, "/api/v1/api-keys").bearer_auth(token).json(&json!({"scopes": ["admin"]})).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn first_run_setup_link_works_once() {
    let app = App::start().await;
    let page = app.req(Method::GET, "/admin/login").send().await.unwrap().text().await.unwrap();
    assert!(page.contains("No admin exists yet"), "the dashboard tells how to create the first admin");
    let token = app.state.services.tenancy.create_setup_token().await.unwrap().unwrap();
    let setup = json!({"token": token, "org_slug": "acme", "org_name": "Acme", "email": "me@acme.test", "password": "a long password"});
    let (s, v) = body(
        app.req(Method::POST, "/api/v1/setup")
            .json(
                &json!({"token": "bogus", "org_slug": "acme", "org_name": "Acme", "email": "me@acme.test", "password": "a long password"}),
            )
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((s, error_code(&v)), (StatusCode::FORBIDDEN, "forbidden"));
    let (s, v) = body(
        app.req(Method::POST, "/api/v1/setup")
            .json(&json!({"token": token, "org_slug": "Acme!", "org_name": "Acme", "email": "me@acme.test", "password": "a long password"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((s, v["error"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("slug")));
    let (s, v) = body(app.req(Method::POST, "/api/v1/setup").json(&setup).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["user"]["role"], "owner");
    let (s, _) = body(app.req(Method::GET, "/api/v1/me").bearer_auth(v["token"].as_str().unwrap()).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    let (s, _) = body(app.req(Method::POST, "/api/v1/setup").json(&setup).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let page = app.req(Method::GET, "/admin/login").send().await.unwrap().text().await.unwrap();
    assert!(!page.contains("No admin exists yet"));
}

#[tokio::test]
async fn unknown_api_routes_answer_json_and_unknown_pages_404() {
    let app = App::start().await;
    let (s, v) = body(app.req(Method::GET, "/api/v1/nothing-here").send().await.unwrap()).await;
    assert_eq!((s, error_code(&v)), (StatusCode::NOT_FOUND, "not_found"));
    let (s, v) = body(app.req(Method::POST, "/api/consent/nothing-here").send().await.unwrap()).await;
    assert_eq!((s, error_code(&v)), (StatusCode::NOT_FOUND, "not_found"));
    let (s, v) = body(app.req(Method::PUT, "/api/v1/assets").send().await.unwrap()).await;
    assert_eq!((s, error_code(&v)), (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"));
    let res = app.req(Method::GET, "/no-such-page").send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.text().await.unwrap().contains("Page not found"));
    // Three segments look like a consent link.
    let res = app.req(Method::GET, "/no/such/link").send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.text().await.unwrap().contains("Link not found"));
}

#[tokio::test]
async fn audit_endpoints_show_the_org_ledger() {
    use backend::ledger::{Action, Decision, Identifier, PurposeDecision, SubjectKind};
    let app = App::start().await;
    let t = app.tenant("acme").await;
    let other = app.tenant("beta").await;
    let (_, asset) = body(app.admin(&t, Method::POST, "/api/v1/assets").json(&json!({"name": "App"})).send().await.unwrap()).await;
    let (_, cp) = body(
        app.admin(&t, Method::POST, "/api/v1/collection-points")
            .json(&json!({"asset_id": asset["id"], "name": "Signup", "purposes": [{"name": "A"}], "notices": {"en": "x"}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let org = app.state.services.tenancy.org_by_slug("acme").await.unwrap();
    app.state
        .services
        .ledger
        .record(&Decision {
            org_id: org.id,
            identifiers: vec![Identifier::Email("p@x.test".into())],
            subject_kind: SubjectKind::CollectionPoint,
            subject_id: cp["id"].as_str().unwrap().into(),
            action: Action::Granted,
            purposes: vec![PurposeDecision { purpose_id: cp["purposes"][0]["id"].as_str().unwrap().into(), granted: true }],
            collected_via: "api".into(),
            notice_version: Some(1),
            notice_hash: cp["content_hash"].as_str().map(String::from),
            evidence: json!({"ip": "198.51.100.1"}),
            actor: "test".into(),
        })
        .await
        .unwrap();
    let (s, events) = body(app.admin(&t, Method::GET, "/api/v1/audit/events").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(events["total"], 1);
    assert_eq!(events["items"][0]["evidence"]["ip"], "198.51.100.1");
    let (_, none) = body(app.admin(&other, Method::GET, "/api/v1/audit/events").send().await.unwrap()).await;
    assert_eq!(none["total"], 0);
    let (_, v) = body(app.admin(&t, Method::GET, "/api/v1/audit/verify").send().await.unwrap()).await;
    assert_eq!((v["ok"].as_bool(), v["entries"].as_i64()), (Some(true), Some(1)));
    app.db.store.execute_raw_for_tests("UPDATE ledger_entries SET action = 'withdrawn' WHERE seq = 1").await.unwrap();
    let (_, v) = body(app.admin(&t, Method::GET, "/api/v1/audit/verify").send().await.unwrap()).await;
    assert_eq!(v["ok"], false);
    assert_eq!(v["first_bad"]["seq"], 1);
}

/// The operations the OpenAPI document lists: (method, path template). The document is made
/// from the router's own registrations (`utoipa_axum::routes!`), so this is the router's list.
async fn documented_operations(app: &App) -> Vec<(Method, String)> {
    let (s, doc) = body(app.req(Method::GET, "/api/openapi.json").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            let m = match method.as_str() {
                "get" => Method::GET,
                "post" => Method::POST,
                "patch" => Method::PATCH,
                "put" => Method::PUT,
                "delete" => Method::DELETE,
                _ => continue,
            };
            out.push((m, path.clone()));
        }
    }
    out
}

#[tokio::test]
async fn every_api_route_is_documented_and_every_documented_operation_routed() {
    let app = App::start().await;
    let ops = documented_operations(&app).await;
    // The management API and the consent-link dialect, each with its schemas and security.
    for (m, p) in [
        (Method::POST, "/api/v1/auth/login"),
        (Method::GET, "/api/v1/assets/{id}"),
        (Method::GET, "/api/v1/collection-points/{id}/versions/{version}"),
        (Method::GET, "/api/v1/consent-requests/{id}"),
        (Method::GET, "/api/v1/audit/verify"),
        (Method::POST, "/api/consent/consent-links"),
        (Method::POST, "/api/consent/consent-links/{request_id}/regenerate"),
        (Method::GET, "/api/v1/external/public/consent-link/history"),
        (Method::GET, "/api/v1/external/public/consent-link/status/{request_id}"),
    ] {
        assert!(ops.iter().any(|(om, op)| *om == m && op == p), "{m} {p} is not documented");
    }
    let (_, doc) = body(app.req(Method::GET, "/api/openapi.json").send().await.unwrap()).await;
    for schema in ["CreateAsset", "ConsentLinkCreated", "ConsentLinkHistory", "DetailError", "ErrorBody"] {
        assert!(doc["components"]["schemas"][schema].is_object(), "schema {schema}");
    }
    assert!(doc["components"]["securitySchemes"]["api_key"].is_object());
    // The dialects' requests carry examples (the API explorer starts from them).
    for schema in ["CreateConsentLink", "UniversalConsentRecord", "UniversalConsentUpdate", "IntegrationConsentRecord", "SubscribeRequest"]
    {
        assert!(doc["components"]["schemas"][schema]["example"].is_object(), "example of {schema}");
    }
    for (path, method) in [("/api/universalconsent/integration/{id}", "options"), ("/api/universalconsent", "post")] {
        let refused = &doc["paths"][path][method]["responses"]["400"]["content"];
        assert!(refused["application/problem+json"].is_object(), "{method} {path} answers problem details: {refused}");
    }
    // Operation ids are unique, as OpenAPI requires; list parameters are in the query.
    let ids: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|i| i.as_object().unwrap().values())
        .filter_map(|o| o["operationId"].as_str())
        .collect();
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
    // Every link names a real operation and its parameters, or the fields of its body.
    let operations: Vec<&serde_json::Value> =
        doc["paths"].as_object().unwrap().values().flat_map(|i| i.as_object().unwrap().values()).collect();
    let mut links = 0;
    for response in operations.iter().flat_map(|o| o["responses"].as_object().unwrap().values()) {
        for link in response["links"].as_object().into_iter().flat_map(|l| l.values()) {
            let target = operations.iter().find(|o| o["operationId"] == link["operationId"]).unwrap_or_else(|| panic!("{link}"));
            for name in link["parameters"].as_object().into_iter().flat_map(|p| p.keys()) {
                assert!(target["parameters"].as_array().unwrap().iter().any(|p| p["name"] == name.as_str()), "{name} of {link}");
            }
            if let Some(body) = link["requestBody"].as_object() {
                let content = target["requestBody"]["content"].as_object().unwrap().values().next().unwrap();
                let schema = content["schema"]["$ref"].as_str().unwrap().rsplit('/').next().unwrap();
                for name in body.keys() {
                    assert!(doc["components"]["schemas"][schema]["properties"][name].is_object(), "{name} of {link}");
                }
            }
            assert!(link["parameters"].is_object() || link["requestBody"].is_object(), "{link}");
            links += 1;
        }
    }
    assert!(links >= 10, "{links} links");
    // What the parsers accept is stated: a fuzzer's valid data is valid.
    let cp = &doc["components"]["schemas"]["CreateCollectionPoint"]["properties"];
    assert_eq!(cp["notices"]["minProperties"], 1, "{cp}");
    assert_eq!(cp["purposes"]["minItems"], 1, "{cp}");
    assert!(cp["name"]["pattern"].is_string(), "{cp}");
    assert_eq!(doc["components"]["schemas"]["CreateConsentLink"]["properties"]["expiry_hours"]["maximum"], 24);
    let list = &doc["paths"]["/api/v1/assets"]["get"]["parameters"];
    assert!(
        list.as_array().unwrap().iter().filter(|p| p["name"] == "limit" || p["name"] == "offset").all(|p| p["in"] == "query"),
        "{list}"
    );
    // Every documented operation reaches a handler: without credentials it is refused as
    // such, never "no such endpoint" or "method not allowed"; every other method of a
    // documented path is "method not allowed".
    let all = [Method::GET, Method::POST, Method::PATCH, Method::PUT, Method::DELETE];
    let paths: std::collections::BTreeSet<&String> = ops.iter().map(|(_, p)| p).collect();
    for path in paths {
        let concrete = path.replace("{version}", "1").replace(['{', '}'], "");
        for m in &all {
            let res = app.req(m.clone(), &concrete).header("content-type", "application/json").body("{}").send().await.unwrap();
            let status = res.status();
            let documented = ops.iter().any(|(om, op)| om == m && op == path);
            if documented {
                // A route's own 404 (an unknown integration, say) is an answer; the router's
                // "no such endpoint" is not.
                let text = res.text().await.unwrap();
                assert!(
                    status != StatusCode::METHOD_NOT_ALLOWED && !(status == StatusCode::NOT_FOUND && text.contains("no such endpoint")),
                    "{m} {path} is documented but not routed ({status}: {text})"
                );
            } else {
                assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{m} {path} answers {status} but is not documented");
            }
        }
    }
}

/// Another organisation's ids, on every id-taking route of the management API and the
/// dialect: 404 with its own credentials, 403 when it names the owner in `X-Org-Id`, and
/// nothing changes.
#[tokio::test]
async fn no_route_reaches_another_organisations_objects() {
    // Webhook deliveries to loopback's discard port: refused connections, never a real receiver.
    let app = App::start_with(backend::testing::Backend::Sqlite, |c| c.webhook_policy = "127.0.0.0/8".parse().unwrap()).await;
    let owner = app.tenant("acme").await;
    let other = app.tenant("beta").await;
    let (_, asset) = body(app.admin(&owner, Method::POST, "/api/v1/assets").json(&json!({"name": "acme.com"})).send().await.unwrap()).await;
    let (_, cp) = body(
        app.admin(&owner, Method::POST, "/api/v1/collection-points")
            .json(&json!({"asset_id": asset["id"], "name": "Signup", "purposes": [{"name": "A"}], "notices": {"en": "x"}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let (_, link) = body(
        app.admin(&owner, Method::POST, "/api/consent/consent-links")
            .json(&json!({"collection_point_id": cp["id"], "asset_id": asset["id"], "phone": "+919876543210"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let (_, key) = body(
        app.admin(&owner, Method::POST, "/api/v1/api-keys").json(&json!({"name": "crm", "scopes": ["consent"]})).send().await.unwrap(),
    )
    .await;
    let (_, integration) =
        body(app.admin(&owner, Method::POST, "/api/v1/integrations").json(&json!({"name": "Shop"})).send().await.unwrap()).await;
    let (_, subscription) = body(
        app.admin(&owner, Method::POST, "/api/universalconsent/subscribe")
            .json(&json!({"WebhookUrl": "http://127.0.0.1:9/hook"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let (_, consent) = body(
        app.admin(&owner, Method::POST, "/api/universalconsent")
            .json(&json!({"ConsentGiven": "All", "Reference": "terms"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let (_, deliveries) = body(
        app.admin(&owner, Method::GET, &format!("/api/v1/webhooks/{}/deliveries", subscription["Id"].as_str().unwrap()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let id = |v: &Value| v.as_str().unwrap().to_string();
    let (_, entries) = body(app.admin(&owner, Method::GET, "/api/v1/audit/events").send().await.unwrap()).await;
    let (_, request) =
        body(app.admin(&owner, Method::GET, &format!("/api/v1/consent-requests/{}", id(&link["request_id"]))).send().await.unwrap()).await;
    // Which of the owner's ids each id-taking route gets. A new route without an entry here
    // fails this test until someone decides what it must refuse.
    let ids: Vec<(&str, String)> = vec![
        ("/api/v1/assets/{id}", id(&asset["id"])),
        ("/api/v1/collection-points/{id}", id(&cp["id"])),
        ("/api/v1/collection-points/{id}/versions/{version}", id(&cp["id"])),
        ("/api/v1/api-keys/{id}", id(&key["id"])),
        ("/api/v1/consent-requests/{id}", id(&link["request_id"])),
        ("/api/consent/consent-links/{request_id}/regenerate", id(&link["request_id"])),
        ("/api/v1/external/public/consent-link/status/{request_id}", id(&link["request_id"])),
        ("/api/v1/integrations/{id}", id(&integration["id"])),
        ("/api/v1/webhooks/{id}", id(&subscription["Id"])),
        ("/api/v1/webhooks/{id}/rotate-secret", id(&subscription["Id"])),
        ("/api/v1/webhooks/{id}/deliveries", id(&subscription["Id"])),
        ("/api/v1/webhook-deliveries/{id}", id(&deliveries["items"][0]["id"])),
        ("/api/v1/webhook-deliveries/{id}/redeliver", id(&deliveries["items"][0]["id"])),
        ("/api/universalconsent/{ClientId}", id(&consent["ClientId"])),
        ("/api/v1/audit/events/{id}/receipt", id(&entries["items"][0]["id"])),
        ("/api/v1/principals/{dp_id}/export", id(&request["dp_id"])),
        ("/api/v1/principals/{dp_id}/erasure", id(&request["dp_id"])),
    ];
    let bodies = |path: &str| match path {
        "/api/v1/assets/{id}" => json!({"name": "taken"}),
        "/api/v1/collection-points/{id}" => json!({"name": "taken"}),
        "/api/v1/integrations/{id}" => json!({"name": "taken"}),
        "/api/v1/webhooks/{id}" => json!({"paused": true}),
        "/api/universalconsent/{ClientId}" => json!({"Reference": "terms"}),
        _ => json!({}),
    };
    let snapshot = || async {
        let mut out = Vec::new();
        for p in ["/api/v1/assets", "/api/v1/collection-points", "/api/v1/api-keys", "/api/v1/audit/events"] {
            out.push(body(app.admin(&owner, Method::GET, p).send().await.unwrap()).await.1);
        }
        let status = format!("/api/v1/consent-requests/{}", id(&link["request_id"]));
        out.push(body(app.admin(&owner, Method::GET, &status).send().await.unwrap()).await.1);
        // When keys were last used changes with every call; nothing else may.
        for v in out.iter_mut() {
            if let Some(items) = v["items"].as_array_mut() {
                for item in items {
                    item.as_object_mut().unwrap().remove("last_used_at");
                }
            }
        }
        out
    };
    let before = snapshot().await;
    let ops = documented_operations(&app).await;
    let mut checked = 0;
    // The integration pair takes no credentials: its ids are capabilities (an integration's
    // id is public in its embed snippet; a ClientId cannot be guessed), and
    // `universal_consents::another_organisations_consents_are_never_visible` covers it.
    // A language (`/api/v1/translations/{lang}`) is not an object an organisation owns;
    // `translations::an_organisation_s_wording_is_its_own` covers that route.
    let takes_an_id = |p: &str| p.contains('{') && !p.starts_with("/api/universalconsent/integration/") && !p.contains("{lang}");
    for (method, template) in ops.iter().filter(|(_, p)| takes_an_id(p)) {
        let owned_id = ids
            .iter()
            .find(|(p, _)| p == template)
            .map(|(_, i)| i.clone())
            .unwrap_or_else(|| panic!("{method} {template} takes an id: add it to this test's table"));
        let path = template
            .replace("{version}", "1")
            .replace("{id}", &owned_id)
            .replace("{request_id}", &owned_id)
            .replace("{dp_id}", &owned_id)
            .replace("{ClientId}", &owned_id);
        // With its own credentials (and its own X-Org-Id): the object does not exist for it.
        let res = app
            .req(method.clone(), &path)
            .header("X-API-Key", &other.admin_key)
            .header("X-Org-Id", &other.slug)
            .json(&bodies(template))
            .send()
            .await
            .unwrap();
        let status = res.status();
        assert_eq!(status, StatusCode::NOT_FOUND, "{method} {template} with another organisation's key: {}", res.text().await.unwrap());
        // Naming the owner in X-Org-Id: refused outright.
        let res = app
            .req(method.clone(), &path)
            .header("X-API-Key", &other.admin_key)
            .header("X-Org-Id", &owner.slug)
            .json(&bodies(template))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{method} {template} naming another organisation");
        // A dashboard session of the other organisation, too.
        let (_, session) = body(app.login("owner@beta.test", "owner password 1").await).await;
        let res = app
            .req(method.clone(), &path)
            .bearer_auth(session["token"].as_str().unwrap())
            .header("X-Org-Id", &other.slug)
            .json(&bodies(template))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{method} {template} with another organisation's session");
        checked += 1;
    }
    assert!(checked >= 12, "only {checked} id-taking operations were found");
    assert_eq!(snapshot().await, before, "nothing changed");
}
