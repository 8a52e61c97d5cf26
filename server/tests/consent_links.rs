//! The consent-link dialect (seeds 000-002) over HTTP, on SQLite and on PostgreSQL: every
//! example and error case of the seeds, the hosted page's form posts, regeneration, limits
//! and email through a real SMTP server.

#[macro_use]
mod common;

use backend::links::{LinkChoice, LinkEvidence};
use backend::services::consent_links::LinkPath;
use backend::store::links::ConsentRequestRow;
use backend::testing::Backend;
use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

on_both!(
    create_matches_seed_000,
    create_rejects_bad_input_with_the_seed_statuses,
    history_matches_seed_001,
    history_errors,
    status_matches_seed_002,
    regeneration_replaces_the_link,
    abuse_limits_answer_429,
    hosted_page_works_with_plain_form_posts,
    an_email_whose_first_attempt_failed_is_sent_after_a_restart,
    an_attempt_that_never_finishes_is_finished_by_the_outbox,
);

struct Fixture {
    app: App,
    t: Tenant,
    asset_id: String,
    cp: Value,
}

async fn fixture(backend: Backend) -> Fixture {
    fixture_with(backend, |_| {}).await
}

async fn fixture_with(backend: Backend, configure: impl FnOnce(&mut server::ServerConfig)) -> Fixture {
    let app = App::start_with(backend, configure).await;
    let t = app.tenant("acme").await;
    let (_, asset) = body(app.admin(&t, Method::POST, "/api/v1/assets").json(&json!({"name": "App"})).send().await.unwrap()).await;
    let asset_id = asset["id"].as_str().unwrap().to_string();
    let (s, cp) = body(
        app.admin(&t, Method::POST, "/api/v1/collection-points")
            .json(&json!({
                "asset_id": asset_id, "name": "Onboarding Consent v2", "display_id": "CP010",
                "purposes": [
                    {"name": "Account", "description": "Run your account", "required": true},
                    {"name": "Offers", "description": "Send you offers", "data_categories": ["phone"]}
                ],
                "notices": {"en": "We use your phone number to run your account.", "hi": "हम आपका फ़ोन नंबर उपयोग करते हैं।"}
            }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{cp}");
    Fixture { app, t, asset_id, cp }
}

impl Fixture {
    /// Stops the server and starts another on the same database (see `App::restart`).
    async fn restart(self, configure: impl FnOnce(&mut server::ServerConfig)) -> Self {
        let Fixture { app, t, asset_id, cp } = self;
        Fixture { app: app.restart(configure).await, t, asset_id, cp }
    }

    fn key(&self, method: Method, path: &str, key: &str) -> reqwest::RequestBuilder {
        self.app.req(method, path).header("X-API-Key", key).header("X-Org-Id", &self.t.slug)
    }

    async fn create(&self, payload: Value) -> (StatusCode, Value) {
        body(self.key(Method::POST, "/api/consent/consent-links", &self.t.consent_key).json(&payload).send().await.unwrap()).await
    }

    async fn link(&self, phone: &str) -> Value {
        let (s, v) = self.create(json!({"collection_point_id": "CP010", "asset_id": self.asset_id, "phone": phone})).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        v
    }

    async fn decide(&self, event_id: &str, choice: LinkChoice) {
        self.app.state.services.links.decide(&path_of(event_id), &choice, &LinkEvidence::default()).await.unwrap();
    }

    /// A request as stored.
    async fn request(&self, request_id: &str) -> ConsentRequestRow {
        let org = self.app.state.services.tenancy.org_by_slug("acme").await.unwrap();
        backend::store::links::request(&mut self.app.db.store.conn().await.unwrap(), &org.id, request_id).await.unwrap()
    }

    /// Moves the server's clock.
    fn advance(&self, hours: u64) {
        self.app.db.clock.advance(std::time::Duration::from_secs(hours * 3600));
    }

    async fn history(&self, query: &str) -> (StatusCode, Value) {
        body(
            self.key(Method::GET, &format!("/api/v1/external/public/consent-link/history?{query}"), &self.t.admin_key)
                .send()
                .await
                .unwrap(),
        )
        .await
    }
}

/// The path of a link instance of the fixture's collection point.
fn path_of(event_id: &str) -> LinkPath {
    LinkPath { subdomain: "acme".into(), display_id: "CP010".into(), link_id: event_id.into() }
}

fn detail(v: &Value) -> &str {
    v["detail"].as_str().unwrap_or_else(|| panic!("not a detail error: {v}"))
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort();
    k
}

fn is_iso_utc(s: &str) -> bool {
    s.len() == 25 && s.ends_with("+00:00") && backend::parse_iso8601(s).is_some()
}

async fn create_matches_seed_000(backend: Backend) {
    let f = fixture(backend).await;
    // The seed's first example: a dashboard session token.
    let (_, session) = body(f.app.login("owner@acme.test", "owner password 1").await).await;
    let res = f
        .app
        .req(Method::POST, "/api/consent/consent-links")
        .bearer_auth(session["token"].as_str().unwrap())
        .header("X-Org-Id", "acme")
        .json(&json!({"collection_point_id": f.cp["id"], "asset_id": f.asset_id, "phone": "+919876543210", "expiry_hours": 24}))
        .send()
        .await
        .unwrap();
    let (s, v) = body(res).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(keys(&v), ["consent_link", "delivery_status", "event_id", "expires_at", "request_id"]);
    let event_id = v["event_id"].as_str().unwrap();
    assert!(uuid::Uuid::parse_str(v["request_id"].as_str().unwrap()).is_ok());
    assert!(uuid::Uuid::parse_str(event_id).is_ok());
    assert_eq!(v["consent_link"], format!("{}/acme/CP010/{event_id}", f.app.base));
    assert_eq!(v["delivery_status"], json!({}));
    let expires = v["expires_at"].as_str().unwrap();
    assert!(is_iso_utc(expires), "{expires}");
    let in_hours = (backend::parse_iso8601(expires).unwrap() - f.app.db.clock.now_ms()) as f64 / 3.6e6;
    assert!((23.9..=24.0).contains(&in_hours), "{in_hours}");

    // The second example: an API key; a display id; a 10-digit phone; defaults.
    let (s, v) = f.create(json!({"collection_point_id": "CP010", "asset_id": f.asset_id, "phone": "9876543210", "expiry_hours": 2})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let in_hours = (backend::parse_iso8601(v["expires_at"].as_str().unwrap()).unwrap() - f.app.db.clock.now_ms()) as f64 / 3.6e6;
    assert!((1.9..=2.0).contains(&in_hours));
    let request = f.request(v["request_id"].as_str().unwrap()).await;
    assert_eq!(request.phone, "+919876543210", "10 digits are prefixed with +91");

    // An admin key may create links too; data_collection_timestamp is kept.
    let (s, v) = body(
        f.key(Method::POST, "/api/consent/consent-links", &f.t.admin_key)
            .json(&json!({"collection_point_id": "CP010", "asset_id": f.asset_id, "phone": "+14155550123", "data_collection_timestamp": "2025-05-13T10:00:00+00:00"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let request = f.request(v["request_id"].as_str().unwrap()).await;
    assert_eq!(backend::iso8601(request.data_collected_at), "2025-05-13T10:00:00+00:00");
    // An empty timestamp is "not known": now.
    let (s, v) = f
        .create(json!({"collection_point_id": "CP010", "asset_id": f.asset_id, "phone": "+14155550124", "data_collection_timestamp": " "}))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let request = f.request(v["request_id"].as_str().unwrap()).await;
    assert_eq!(request.data_collected_at, request.created_at);

    // With an email and no SMTP server configured, the email fails and says why.
    let (s, v) = f
        .create(json!({"collection_point_id": "CP010", "asset_id": f.asset_id, "phone": "+919876543211", "email": "person@example.com"}))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["delivery_status"], json!({"email": "failed"}));
    let (_, detail) = body(
        f.app.admin(&f.t, Method::GET, &format!("/api/v1/consent-requests/{}", v["request_id"].as_str().unwrap())).send().await.unwrap(),
    )
    .await;
    assert_eq!(detail["email_status"], "failed");
    assert!(detail["email_error"].as_str().unwrap().contains("not configured"), "{detail}");
    assert_eq!(detail["phone"], "+********3211");
    assert!(detail["dp_id"].as_str().unwrap().starts_with("DP"));
}

async fn create_rejects_bad_input_with_the_seed_statuses(backend: Backend) {
    let f = fixture(backend).await;
    let ok = json!({"collection_point_id": "CP010", "asset_id": f.asset_id, "phone": "+919876543210"});
    let with = |k: &str, v: Value| {
        let mut p = ok.clone();
        p[k] = v;
        p
    };
    let without = |k: &str| {
        let mut p = ok.clone();
        p.as_object_mut().unwrap().remove(k);
        p
    };
    for (payload, status, mention) in [
        (without("phone"), 400, "phone"),
        (without("asset_id"), 400, "asset_id"),
        (without("collection_point_id"), 400, "collection_point_id"),
        (with("phone", json!("12345")), 400, "phone"),
        (with("phone", json!("+91 98765 43210")), 400, "phone"),
        (with("phone", json!("919876543210")), 400, "phone"),
        (with("expiry_hours", json!(25)), 400, "expiry_hours"),
        (with("expiry_hours", json!(0)), 400, "expiry_hours"),
        (with("email", json!("not-an-email")), 400, "email"),
        (with("data_collection_timestamp", json!("last tuesday")), 400, "data_collection_timestamp"),
        (with("asset_id", json!(uuid::Uuid::new_v4().to_string())), 400, "asset_id"),
        (with("collection_point_id", json!("CP999")), 404, "collection point"),
    ] {
        let (s, v) = f.create(payload.clone()).await;
        assert_eq!(s.as_u16(), status, "{payload}: {v}");
        assert!(detail(&v).contains(mention), "{payload}: {v}");
    }
    let path = "/api/consent/consent-links";
    // 401: no credentials, or a key that does not exist.
    let (s, v) = body(f.app.req(Method::POST, path).header("X-Org-Id", "acme").json(&ok).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "{v}");
    let (s, _) = body(f.key(Method::POST, path, "assent_not_a_key").json(&ok).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    // 400: X-Org-Id missing or unknown.
    let (s, v) = body(f.app.req(Method::POST, path).header("X-API-Key", &f.t.consent_key).json(&ok).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(detail(&v).contains("X-Org-Id"));
    let (s, v) = body(
        f.app.req(Method::POST, path).header("X-API-Key", &f.t.consent_key).header("X-Org-Id", "nope").json(&ok).send().await.unwrap(),
    )
    .await;
    assert_eq!((s, detail(&v)), (StatusCode::BAD_REQUEST, "X-Org-Id could not be resolved"));
    // 403: another organisation's credentials; a viewer.
    let other = f.app.tenant("beta").await;
    let (s, _) = body(
        f.app.req(Method::POST, path).header("X-API-Key", &other.consent_key).header("X-Org-Id", "acme").json(&ok).send().await.unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (_, viewer) = body(f.app.login("viewer@acme.test", "viewer password 1").await).await;
    let (s, _) = body(
        f.app
            .req(Method::POST, path)
            .bearer_auth(viewer["token"].as_str().unwrap())
            .header("X-Org-Id", "acme")
            .json(&ok)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // Not JSON.
    let (s, _) = body(f.key(Method::POST, path, &f.t.consent_key).body("phone=1").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // Nothing was created by any of these.
    let (_, h) = f.history(&format!("asset_id={}", f.asset_id)).await;
    assert_eq!(h["count"], 0);

    // What the seed does not list is ignored, not refused: clients send their own references.
    let (s, v) = f.create(with("crm_reference", json!({"id": 42}))).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    // UUIDs in any case are the same UUIDs.
    let upper = json!({
        "collection_point_id": f.cp["id"].as_str().unwrap().to_uppercase(),
        "asset_id": f.asset_id.to_uppercase(),
        "phone": "+919876543299"
    });
    let (s, v) = f.create(upper).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    // A collection point that links were created for is kept with their history.
    let (s, v) = body(f.app.admin(&f.t, Method::DELETE, "/api/v1/collection-points/CP010").send().await.unwrap()).await;
    assert_eq!((s, error_code(&v)), (StatusCode::CONFLICT, "conflict"), "{v}");
    assert!(v["error"]["message"].as_str().unwrap().contains("consent link"), "{v}");
}

async fn history_matches_seed_001(backend: Backend) {
    let f = fixture(backend).await;
    let (_, cp2) = body(
        f.app
            .admin(&f.t, Method::POST, "/api/v1/collection-points")
            .json(&json!({"asset_id": f.asset_id, "name": "Checkout", "purposes": [{"name": "Receipts"}], "notices": {"en": "Receipts by SMS"}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let (s, expired) =
        f.create(json!({"collection_point_id": "CP010", "asset_id": f.asset_id, "phone": "+19876544311", "expiry_hours": 1})).await;
    assert_eq!(s, StatusCode::OK);
    f.advance(2);
    let complete = f.link("+919876547890").await;
    let (s, active) = f.create(json!({"collection_point_id": cp2["display_id"], "asset_id": f.asset_id, "phone": "+919876540001"})).await;
    assert_eq!(s, StatusCode::OK);
    f.decide(complete["event_id"].as_str().unwrap(), LinkChoice::ApproveAll).await;

    let (s, h) = f.history(&format!("asset_id={}&limit=50&offset=0", f.asset_id)).await;
    assert_eq!(s, StatusCode::OK, "{h}");
    assert_eq!(keys(&h), ["collectionPointSummary", "count", "data", "filters", "summary"]);
    assert_eq!(h["count"], 3);
    assert_eq!(h["summary"], json!({"total_links": 3, "active": 1, "completed": 1, "expired": 1}));
    let cp1 = f.cp["id"].as_str().unwrap();
    let cp2_id = cp2["id"].as_str().unwrap();
    assert_eq!(h["collectionPointSummary"][cp1], json!({"total": 2, "active": 0, "completed": 1, "expired": 1}));
    assert_eq!(h["collectionPointSummary"][cp2_id], json!({"total": 1, "active": 1, "completed": 0, "expired": 0}));
    let data = h["data"].as_array().unwrap();
    assert_eq!(data[0]["request_id"], active["request_id"], "newest first");
    let item = data.iter().find(|d| d["request_id"] == expired["request_id"]).unwrap();
    assert_eq!(
        keys(item),
        [
            "asset_id",
            "collection_point_id",
            "completed_at",
            "consent_action",
            "created_at",
            "event_id",
            "expires_at",
            "phone",
            "regeneration_count",
            "request_id",
            "status"
        ]
    );
    assert_eq!(item["phone"], "+*******4311");
    assert_eq!(item["status"], "expired");
    assert_eq!(item["completed_at"], Value::Null);
    assert_eq!(item["consent_action"], Value::Null);
    assert_eq!(item["regeneration_count"], 0);
    assert_eq!(item["asset_id"], f.asset_id.as_str());
    assert_eq!(item["collection_point_id"], cp1);
    assert!(is_iso_utc(item["created_at"].as_str().unwrap()));
    let done = data.iter().find(|d| d["request_id"] == complete["request_id"]).unwrap();
    assert_eq!(done["status"], "complete");
    assert_eq!(done["consent_action"], "approved");
    assert_eq!(done["phone"], "+********7890");
    assert!(is_iso_utc(done["completed_at"].as_str().unwrap()));
    let filters = &h["filters"];
    assert_eq!(keys(filters), ["assetId", "collectionPointId", "dpId", "eventId", "from", "limit", "offset", "to"]);
    assert_eq!(filters["assetId"], f.asset_id.as_str());
    assert_eq!((filters["collectionPointId"].clone(), filters["from"].clone()), (Value::Null, Value::Null));
    assert!(is_iso_utc(filters["to"].as_str().unwrap()), "to defaults to now");
    assert_eq!((filters["limit"].as_i64(), filters["offset"].as_i64()), (Some(50), Some(0)));

    // Filters: collection point by display id or UUID, event id, dp id, time range, paging.
    let (_, by_cp) = f.history(&format!("asset_id={}&collection_point_id=CP010", f.asset_id)).await;
    assert_eq!(by_cp["count"], 2);
    let (_, by_uuid) = f.history(&format!("asset_id={}&collection_point_id={cp2_id}", f.asset_id)).await;
    assert_eq!(by_uuid["count"], 1);
    let (_, by_event) = f.history(&format!("asset_id={}&event_id={}", f.asset_id, complete["event_id"].as_str().unwrap())).await;
    assert_eq!(by_event["count"], 1);
    assert_eq!(by_event["filters"]["eventId"], complete["event_id"]);
    let request = f.request(complete["request_id"].as_str().unwrap()).await;
    let dp_id =
        backend::store::ledger::dp_id(&mut f.app.db.store.conn().await.unwrap(), &request.org_id, &request.principal_id).await.unwrap();
    let (_, by_dp) = f.history(&format!("asset_id={}&dp_id={dp_id}", f.asset_id)).await;
    assert_eq!(by_dp["count"], 1);
    assert_eq!(by_dp["data"][0]["request_id"], complete["request_id"]);
    let (_, none) = f.history(&format!("asset_id={}&to=2020-01-01T00:00:00Z", f.asset_id)).await;
    assert_eq!(none["count"], 0);
    let (_, recent) = f.history(&format!("asset_id={}&from=2020-01-01T00:00:00%2B00:00", f.asset_id)).await;
    assert_eq!(recent["count"], 3);
    assert_eq!(recent["filters"]["from"], "2020-01-01T00:00:00+00:00");
    // The same, built by concatenation: the `+` arrives as a space and still means `+`.
    let (s, raw) = f.history(&format!("asset_id={}&from=2020-01-01T05:30:00+05:30", f.asset_id)).await;
    assert_eq!(s, StatusCode::OK, "{raw}");
    assert_eq!((raw["count"].as_i64(), raw["filters"]["from"].as_str()), (Some(3), Some("2020-01-01T00:00:00+00:00")));
    // Upper-case UUIDs find the same requests.
    let (_, upper) = f
        .history(&format!(
            "asset_id={}&collection_point_id={}&event_id={}",
            f.asset_id.to_uppercase(),
            cp1.to_uppercase(),
            complete["event_id"].as_str().unwrap().to_uppercase()
        ))
        .await;
    assert_eq!(upper["count"], 1, "{upper}");
    let (_, page) = f.history(&format!("asset_id={}&limit=1&offset=1", f.asset_id)).await;
    assert_eq!(page["data"].as_array().unwrap().len(), 1);
    assert_eq!(page["count"], 3, "count is the total, not the page");
    assert_eq!(page["data"][0]["request_id"], complete["request_id"]);
    let (_, other_asset) = f.history(&format!("asset_id={}", uuid::Uuid::new_v4())).await;
    assert_eq!(other_asset["count"], 0);
}

async fn history_errors(backend: Backend) {
    let f = fixture(backend).await;
    let future = backend::iso8601(f.app.db.clock.now_ms() + 3_600_000).replace('+', "%2B");
    for (query, mention) in [
        (String::new(), "asset_id"),
        (format!("asset_id={}&from=yesterday", f.asset_id), "timestamp"),
        (format!("asset_id={}&to=2026-13-01", f.asset_id), "timestamp"),
        (format!("asset_id={}&from={future}", f.asset_id), "past"),
        (format!("asset_id={}&limit=0", f.asset_id), "limit"),
        (format!("asset_id={}&limit=201", f.asset_id), "limit"),
        (format!("asset_id={}&offset=-1", f.asset_id), "offset"),
    ] {
        let (s, v) = f.history(&query).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{query}: {v}");
        assert!(detail(&v).contains(mention), "{query}: {v}");
    }
    let path = format!("/api/v1/external/public/consent-link/history?asset_id={}", f.asset_id);
    let (s, _) = body(f.app.req(Method::GET, &path).header("X-Org-Id", "acme").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = body(f.key(Method::GET, &path, "assent_wrong").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, v) = body(f.key(Method::GET, &path, &f.t.consent_key).send().await.unwrap()).await;
    assert_eq!((s, detail(&v)), (StatusCode::FORBIDDEN, "API key lacks the admin scope"));
    let (s, _) =
        body(f.app.req(Method::GET, &path).header("X-API-Key", &f.t.admin_key).header("X-Org-Id", "ghost").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

async fn status_matches_seed_002(backend: Backend) {
    let f = fixture(backend).await;
    let link = f.link("+919876543210").await;
    let request_id = link["request_id"].as_str().unwrap();
    let path = format!("/api/v1/external/public/consent-link/status/{request_id}");
    let (s, v) = body(f.key(Method::GET, &path, &f.t.admin_key).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(
        v,
        json!({
            "request_id": request_id,
            "status": "active",
            "collection_point": {"id": f.cp["id"], "name": "Onboarding Consent v2", "display_id": "CP010"},
            "completed_at": null,
            "consent_action": null,
            "consent_logs": []
        })
    );
    let event_id = link["event_id"].as_str().unwrap();
    let offers = f.cp["purposes"][1]["id"].as_str().unwrap().to_string();
    f.decide(event_id, LinkChoice::Choose(Default::default())).await;
    f.decide(event_id, LinkChoice::Choose([offers.clone()].into())).await;
    let (_, v) = body(f.key(Method::GET, &path, &f.t.admin_key).send().await.unwrap()).await;
    assert_eq!(v["status"], "complete");
    assert_eq!(v["consent_action"], "approved");
    assert!(is_iso_utc(v["completed_at"].as_str().unwrap()));
    let logs = v["consent_logs"].as_array().unwrap();
    assert_eq!(logs.len(), 2, "every change is a log entry");
    assert_eq!(keys(&logs[0]), ["action", "id", "purpose_consents", "request_id", "source", "timestamp"]);
    assert_eq!(logs[0]["action"], "partially_approved");
    assert_eq!(logs[0]["source"], "consent_link");
    assert_eq!(logs[0]["request_id"], request_id);
    assert_eq!(
        logs[0]["purpose_consents"],
        json!([{"id": f.cp["purposes"][0]["id"], "name": "Account", "granted": true}, {"id": offers, "name": "Offers", "granted": false}])
    );
    assert_eq!(logs[1]["purpose_consents"][1]["granted"], true);
    // The log ids are ledger entries.
    let (_, events) = body(f.app.admin(&f.t, Method::GET, "/api/v1/audit/events").send().await.unwrap()).await;
    assert_eq!(events["items"][0]["id"], logs[1]["id"]);
    assert_eq!(events["items"][0]["evidence"]["link_event_id"], event_id);
    // On request, each log entry carries its signed receipt, which states that entry.
    let (s, with) = body(f.key(Method::GET, &format!("{path}?include_receipts=true"), &f.t.admin_key).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{with}");
    let set = f.app.state.services.proof.jwks("acme").await.unwrap();
    for (log, plain) in with["consent_logs"].as_array().unwrap().iter().zip(logs) {
        let (claims, _): (backend::proof::ReceiptClaims, _) =
            set.verify(log["receipt"].as_str().unwrap(), backend::proof::RECEIPT_TYPE).unwrap();
        assert_eq!(claims.entry_id, plain["id"].as_str().unwrap());
    }
    let (s, v) = body(f.key(Method::GET, &format!("{path}?include_receipts=maybe"), &f.t.admin_key).send().await.unwrap()).await;
    assert_eq!((s, detail(&v)), (StatusCode::BAD_REQUEST, "include_receipts must be true or false"));

    // Errors: a malformed id, an unknown one, another organisation's, a consent-scope key.
    let (s, v) =
        body(f.key(Method::GET, "/api/v1/external/public/consent-link/status/not-a-uuid", &f.t.admin_key).send().await.unwrap()).await;
    assert_eq!((s, detail(&v)), (StatusCode::BAD_REQUEST, "request_id is invalid"));
    let unknown = format!("/api/v1/external/public/consent-link/status/{}", uuid::Uuid::new_v4());
    let (s, _) = body(f.key(Method::GET, &unknown, &f.t.admin_key).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let other = f.app.tenant("beta").await;
    let (s, _) =
        body(f.app.req(Method::GET, &path).header("X-API-Key", &other.admin_key).header("X-Org-Id", "beta").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::NOT_FOUND, "another organisation's request does not exist for it");
    let (s, _) = body(f.key(Method::GET, &path, &f.t.consent_key).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = body(f.app.req(Method::GET, &path).header("X-API-Key", &f.t.admin_key).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

async fn regeneration_replaces_the_link(backend: Backend) {
    let f = fixture(backend).await;
    let first = f.link("+919876543210").await;
    let request_id = first["request_id"].as_str().unwrap();
    let path = format!("/api/consent/consent-links/{request_id}/regenerate");
    let (s, second) = body(f.key(Method::POST, &path, &f.t.consent_key).json(&json!({"expiry_hours": 1})).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{second}");
    assert_eq!(second["request_id"], first["request_id"]);
    assert_ne!(second["event_id"], first["event_id"]);
    assert_eq!(second["regeneration_count"], 1);
    // A `null` body is no body; without a body: the default expiry.
    let (s, v) =
        body(f.key(Method::POST, &path, &f.t.consent_key).header("content-type", "application/json").body("null").send().await.unwrap())
            .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, third) = body(f.key(Method::POST, &path, &f.t.consent_key).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{third}");
    assert_eq!(third["regeneration_count"], 3);
    // The old links stop working at once; the page says they were replaced.
    let old = f.app.http.get(first["consent_link"].as_str().unwrap()).send().await.unwrap();
    assert_eq!(old.status(), StatusCode::GONE);
    assert!(old.text().await.unwrap().contains("This link was replaced"));
    let err = f
        .app
        .state
        .services
        .links
        .decide(&path_of(first["event_id"].as_str().unwrap()), &LinkChoice::ApproveAll, &LinkEvidence::default())
        .await;
    assert!(matches!(err, Err(backend::Error::Forbidden(_))), "{err:?}");
    let (_, h) = f.history(&format!("asset_id={}", f.asset_id)).await;
    assert_eq!(h["data"][0]["regeneration_count"], 3);
    assert_eq!(h["data"][0]["event_id"], third["event_id"]);
    let (_, by_old_event) = f.history(&format!("asset_id={}&event_id={}", f.asset_id, first["event_id"].as_str().unwrap())).await;
    assert_eq!(by_old_event["count"], 1, "any of a request's link instances finds it");
    // A completed request cannot be regenerated; unknown and foreign requests are 404.
    f.decide(third["event_id"].as_str().unwrap(), LinkChoice::ApproveAll).await;
    let (s, v) = body(f.key(Method::POST, &path, &f.t.consent_key).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(detail(&v).contains("cannot be regenerated"));
    let other = f.app.tenant("beta").await;
    let (s, _) =
        body(f.app.req(Method::POST, &path).header("X-API-Key", &other.consent_key).header("X-Org-Id", "beta").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = body(f.key(Method::POST, "/api/consent/consent-links/nope/regenerate", &f.t.consent_key).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

async fn abuse_limits_answer_429(backend: Backend) {
    let f = fixture_with(backend, |c| {
        c.link_limits.per_phone_per_day = 2;
        c.api_rate_per_minute = 8;
    })
    .await;
    f.link("+919876543210").await;
    f.link("9876543210").await;
    let res = f
        .key(Method::POST, "/api/consent/consent-links", &f.t.consent_key)
        .json(&json!({"collection_point_id": "CP010", "asset_id": f.asset_id, "phone": "+919876543210"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(retry > 80_000 && retry <= 86_400, "{retry}");
    f.link("+919876543299").await;

    // Limits that protect a person count in the database: requests alternating between two
    // servers on one database meet the same limit as on one.
    let other = f.app.node(|c| c.link_limits.per_phone_per_day = 2).await;
    let create_on = |base: &str| {
        f.app
            .http
            .post(format!("{base}/api/consent/consent-links"))
            .header("X-API-Key", &f.t.consent_key)
            .header("X-Org-Id", &f.t.slug)
            .json(&json!({"collection_point_id": "CP010", "asset_id": f.asset_id, "phone": "+919811111111"}))
            .send()
    };
    let statuses = [
        create_on(&f.app.base).await.unwrap().status(),
        create_on(&other.base).await.unwrap().status(),
        create_on(&f.app.base).await.unwrap().status(),
        create_on(&other.base).await.unwrap().status(),
    ];
    assert_eq!(statuses, [StatusCode::OK, StatusCode::OK, StatusCode::TOO_MANY_REQUESTS, StatusCode::TOO_MANY_REQUESTS]);
    // Per-key request rate: 8 a minute in this configuration.
    let mut last = StatusCode::OK;
    for _ in 0..6 {
        last = f.history(&format!("asset_id={}", f.asset_id)).await.0;
    }
    assert_eq!(last, StatusCode::OK, "another key has its own budget");
    for _ in 0..5 {
        last = f.create(json!({})).await.0;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

async fn hosted_page_works_with_plain_form_posts(backend: Backend) {
    let f = fixture(backend).await;
    let link = f.link("+919876543210").await;
    let url = link["consent_link"].as_str().unwrap().to_string();
    let page = f.app.http.get(&url).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    // A capability URL: never framed, cached, or sent on as a referrer; script only by nonce.
    let header = |name: &str| page.headers().get(name).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    let csp = header("content-security-policy");
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"), "{csp}");
    assert_eq!((header("referrer-policy").as_str(), header("cache-control").as_str()), ("no-referrer", "no-store"));
    assert_eq!((header("x-frame-options").as_str(), header("x-content-type-options").as_str()), ("DENY", "nosniff"));
    let nonce = csp.split("'nonce-").nth(1).and_then(|n| n.split('\'').next()).unwrap().to_string();
    let html = page.text().await.unwrap();
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "the hydration script carries this response's nonce");
    assert!(!html.contains(" style=\""), "no inline style attributes");
    // Approve and Decline look the same; "Save choices" is the quieter one.
    assert!(html.contains(r#"value="approve" class="choice""#) && html.contains(r#"value="decline" class="choice""#), "{html}");
    for text in [
        "Onboarding Consent v2",
        "We use your phone number to run your account.",
        "Account",
        "Required",
        "Offers",
        "Approve",
        "Decline",
        "Save choices",
    ] {
        assert!(html.contains(text), "page lacks {text}");
    }
    let hindi = f.app.http.get(format!("{url}?lang=hi")).send().await.unwrap().text().await.unwrap();
    assert!(hindi.contains("हम आपका फ़ोन नंबर उपयोग करते हैं।"));
    assert!(hindi.contains("स्वीकार करें"), "the page's own words in Hindi");

    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("form-test/1.0")
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .unwrap();
    // As a browser without JavaScript posts the page's form.
    let decide = |form: &'static str| {
        let (http, url) = (no_redirects.clone(), url.clone());
        async move { Ok::<_, std::convert::Infallible>(common::decide(&http, &url, form, true).await) }
    };
    let res = decide("decision=decline&lang=en&version=1").await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(res.headers()["location"].to_str().unwrap().ends_with("?lang=en"));
    let receipt = f.app.http.get(&url).send().await.unwrap().text().await.unwrap();
    assert!(receipt.contains("Your decision is recorded"));
    assert!(receipt.contains("declined all purposes"));
    let withdraw = receipt.split("<button").find(|b| b.contains(r#"value="withdraw""#)).and_then(|b| b.split('>').next()).unwrap();
    assert!(withdraw.contains("hidden"), "nothing to withdraw after declining: {withdraw}");
    let res = decide("decision=approve&lang=en&version=1").await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = decide("decision=withdraw&lang=en&version=1").await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let after = f.app.http.get(&url).send().await.unwrap().text().await.unwrap();
    assert!(after.contains("withdrew your consent"));
    let (_, status) = body(
        f.key(
            Method::GET,
            &format!("/api/v1/external/public/consent-link/status/{}", link["request_id"].as_str().unwrap()),
            &f.t.admin_key,
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    let actions: Vec<&str> = status["consent_logs"].as_array().unwrap().iter().map(|l| l["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["declined", "approved", "withdrawn"]);
    assert_eq!(status["consent_action"], "withdrawn");
    // Evidence: the user agent, the link instance and the notice version and hash shown.
    let (_, events) = body(f.app.admin(&f.t, Method::GET, "/api/v1/audit/events").send().await.unwrap()).await;
    let newest = &events["items"][0];
    assert_eq!(newest["evidence"]["user_agent"], "form-test/1.0");
    assert_eq!(newest["evidence"]["link_event_id"], link["event_id"]);
    assert_eq!(newest["evidence"]["ip"], "127.0.0.1");
    assert_eq!(newest["notice_version"], 1);
    assert_eq!(newest["notice_hash"], f.cp["content_hash"]);
    assert_eq!(newest["collected_via"], "consent_link");
    // A form without a choice comes back to the page, which says what to do.
    let res = decide("decision=maybe&lang=en").await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.ends_with("?lang=en&problem=missing"), "{location}");
    let page = f.app.http.get(format!("{}{location}", f.app.base)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Choose an option: Approve, Save choices or Decline."), "{page}");
    // The page's own client gets the same refusal as the function's error, with its status.
    let res = common::decide(&no_redirects, &url, "decision=maybe&lang=en", false).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let (_, err) = body(res).await;
    assert_eq!(
        (err["kind"].as_str(), err["message"].as_str()),
        (Some("Invalid"), Some("Choose an option: Approve, Save choices or Decline."))
    );
    // Repeating the last decision records nothing new.
    let before = f.app.state.services.ledger.length().await.unwrap();
    assert_eq!(decide("decision=withdraw&lang=en&version=1").await.unwrap().status(), StatusCode::SEE_OTHER);
    assert_eq!(f.app.state.services.ledger.length().await.unwrap(), before);
    // A flood through one link is stopped with a clear message, and nothing more is recorded.
    let mut last = StatusCode::OK;
    for i in 0..30 {
        let form = if i % 2 == 0 { "decision=approve&lang=en&version=1" } else { "decision=decline&lang=en&version=1" };
        last = common::decide(&no_redirects, &url, form, false).await.status();
        if last == StatusCode::TOO_MANY_REQUESTS {
            break;
        }
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    let flood = common::decide(&no_redirects, &url, "decision=decline&lang=en&version=1", false).await;
    assert!(flood.headers().contains_key("retry-after"));
    let (_, err) = body(flood).await;
    assert_eq!(err["kind"], "RateLimited");
    assert!(err["message"].as_str().unwrap().contains("Your last choice was not saved"), "{err}");
    // Without JavaScript: back to the page, which says the same.
    let res = decide("decision=decline&lang=en&version=1").await.unwrap();
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.contains("problem=too-many&retry="), "{location}");
    let page = f.app.http.get(format!("{}{location}", f.app.base)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Your last choice was not saved"));
    assert_eq!(f.app.state.services.ledger.length().await.unwrap(), before + 17, "at most 20 decisions an hour per link");

    // Unknown and expired links get their own pages and statuses.
    let unknown = f.app.http.get(format!("{}/acme/CP010/{}", f.app.base, uuid::Uuid::new_v4())).send().await.unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert!(unknown.text().await.unwrap().contains("Link not found"));
    let stale = f.link("+919876543222").await;
    f.advance(25);
    let expired = f.app.http.get(stale["consent_link"].as_str().unwrap()).send().await.unwrap();
    assert_eq!(expired.status(), StatusCode::GONE);
    assert!(expired.text().await.unwrap().contains("This link has expired"));
    let res = common::decide(&no_redirects, stale["consent_link"].as_str().unwrap(), "decision=approve", true).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "back to the page, which explains");
    let res = common::decide(&no_redirects, stale["consent_link"].as_str().unwrap(), "decision=approve&lang=hi", false).await;
    assert_eq!(res.status(), StatusCode::GONE);
    let (_, err) = body(res).await;
    assert_eq!(err["kind"], "Forbidden");
    assert!(err["message"].as_str().unwrap().contains("लिंक"), "the page's words, in the page's language: {err}");
    let (_, h) = f.history(&format!("asset_id={}&event_id={}", f.asset_id, stale["event_id"].as_str().unwrap())).await;
    assert_eq!(h["data"][0]["status"], "expired", "an expired link records nothing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn branded_email_reaches_a_real_smtp_server() {
    let smtp = SmtpSink::start().await;
    let url = smtp.url();
    let f = fixture_with(Backend::Sqlite, move |c| {
        c.smtp_url = Some(url);
        c.smtp_from = Some("Acme Privacy <privacy@acme.test>".into());
    })
    .await;
    f.app
        .admin(&f.t, Method::PATCH, "/api/v1/org")
        .json(&json!({"brand_name": "Acme Health", "brand_color": "#aa3300"}))
        .send()
        .await
        .unwrap();
    let (s, v) = f
        .create(json!({"collection_point_id": "CP010", "asset_id": f.asset_id, "phone": "+919876543210", "email": "person@example.com"}))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["delivery_status"], json!({"email": "sent"}));
    let messages = smtp.messages();
    assert_eq!(messages.len(), 1);
    // Undo quoted-printable soft breaks and escapes before looking inside.
    let m = messages[0].replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
    assert!(m.contains("To: person@example.com"), "{m}");
    assert!(m.contains("privacy@acme.test"));
    assert!(m.contains("Acme Health"));
    assert!(m.contains("text/plain") && m.contains("text/html"));
    assert!(m.contains(v["consent_link"].as_str().unwrap()), "the link is in the message");
    assert!(m.contains("#aa3300"), "in the organisation's colour");

    // A server that is down: the email fails, the reason is kept for the dashboard, and the
    // outbox retries it once the server is back.
    let port = smtp.port;
    drop(smtp);
    let (_, v) = f
        .create(json!({"collection_point_id": "CP010", "asset_id": f.asset_id, "phone": "+919876543211", "email": "other@example.com"}))
        .await;
    assert_eq!(v["delivery_status"], json!({"email": "failed"}));
    let detail_path = format!("/api/v1/consent-requests/{}", v["request_id"].as_str().unwrap());
    let (_, d) = body(f.app.admin(&f.t, Method::GET, &detail_path).send().await.unwrap()).await;
    assert_eq!(d["email_status"], "failed");
    assert!(d["email_error"].as_str().unwrap().contains("SMTP"), "{d}");
    let metrics = f.app.req(Method::GET, "/metrics").send().await.unwrap().text().await.unwrap();
    assert!(metrics.contains("assent_queue_depth{queue=\"email\"} 1"), "{metrics}");

    let smtp = SmtpSink::start_on(port).await;
    assert_eq!(f.app.state.services.outbox.run_due(20).await.unwrap(), 0, "not due yet");
    f.app.db.clock.advance(std::time::Duration::from_secs(61));
    assert_eq!(f.app.state.services.outbox.run_due(20).await.unwrap(), 1);
    let delivered = smtp.messages();
    assert_eq!(delivered.len(), 1);
    assert!(delivered[0].contains("To: other@example.com"));
    let (_, d) = body(f.app.admin(&f.t, Method::GET, &detail_path).send().await.unwrap()).await;
    assert_eq!((d["email_status"].as_str(), d["email_error"].as_str()), (Some("sent"), None));
    let metrics = f.app.req(Method::GET, "/metrics").send().await.unwrap().text().await.unwrap();
    assert!(metrics.contains("assent_queue_depth{queue=\"email\"} 0"));
}

/// Many people opening links at once: every page render completes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hosted_pages_render_under_concurrency() {
    let f = fixture(Backend::Sqlite).await;
    let known = f.link("+919876543210").await["consent_link"].as_str().unwrap().to_string();
    for _ in 0..5 {
        let mut tasks = Vec::new();
        for _ in 0..12 {
            let (http, known, base) = (f.app.http.clone(), known.clone(), f.app.base.clone());
            tasks.push(tokio::spawn(async move {
                let unknown = http.get(format!("{base}/acme/CP010/{}", uuid::Uuid::new_v4())).send().await.unwrap();
                let page = http.get(&known).send().await.unwrap();
                (unknown.status(), page.status())
            }));
        }
        for t in tasks {
            assert_eq!(t.await.unwrap(), (StatusCode::NOT_FOUND, StatusCode::OK));
        }
    }
}

/// Pages with resources keep rendering while other servers start in the same process.
/// Building a router used to generate the Leptos route lists, which parks every resource that
/// first polls meanwhile, in any server of the process (leptos-rs/leptos#4773): the sign-in
/// page (it reads whether setup is needed) then never finished until the client gave up.
/// Route lists are now generated once per process.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_while_other_servers_start() {
    let f = fixture(Backend::Sqlite).await;
    let known = f.link("+919876543210").await["consent_link"].as_str().unwrap().to_string();
    let sign_in = format!("{}/admin/login", f.app.base);
    let state = f.app.state.clone();
    let starting = tokio::task::spawn_blocking(move || {
        for _ in 0..400 {
            drop(server::build_router(state.clone()));
        }
    });
    for _ in 0..20 {
        let mut tasks = Vec::new();
        for url in [&sign_in, &known].repeat(4) {
            let (http, url) = (f.app.http.clone(), url.clone());
            tasks.push(tokio::spawn(async move {
                let res = http.get(&url).send().await.unwrap();
                (res.status(), res.text().await.unwrap().contains("</html>"))
            }));
        }
        for t in tasks {
            assert_eq!(t.await.unwrap(), (StatusCode::OK, true), "the whole page arrives");
        }
    }
    starting.await.unwrap();
}

/// A port where nothing listens.
fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// An SMTP server that accepts connections and never says a word.
async fn silent_smtp() -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    port
}

/// The job is in the outbox from the link's own commit: a first attempt that fails, then a
/// restart (a new server on the same database), and the outbox delivers it.
async fn an_email_whose_first_attempt_failed_is_sent_after_a_restart(backend: Backend) {
    let port = closed_port();
    let f = fixture_with(backend, |c| c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))).await;
    let (s, v) = f
        .create(json!({"collection_point_id": "CP010", "asset_id": f.asset_id, "phone": "+919876543210", "email": "person@example.com"}))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["delivery_status"], json!({"email": "failed"}));
    let request_id = v["request_id"].as_str().unwrap().to_string();

    let smtp = SmtpSink::start_on(port).await;
    let url = smtp.url();
    let f = f.restart(move |c| c.smtp_url = Some(url)).await;
    assert_eq!(f.app.state.services.outbox.run_due(20).await.unwrap(), 0, "the retry waits its backoff");
    f.advance(1);
    assert_eq!(f.app.state.services.outbox.run_due(20).await.unwrap(), 1);
    let delivered = smtp.messages();
    assert_eq!(delivered.len(), 1);
    assert!(delivered[0].contains("To: person@example.com"));
    let (_, d) = body(f.app.admin(&f.t, Method::GET, &format!("/api/v1/consent-requests/{request_id}")).send().await.unwrap()).await;
    assert_eq!((d["email_status"].as_str(), d["email_error"].as_str()), (Some("sent"), None));
    f.advance(1);
    assert_eq!(f.app.state.services.outbox.run_due(20).await.unwrap(), 0, "sent once");
}

/// An SMTP server that accepts the connection and never answers: creating the link answers
/// after its first attempt's bound with `pending`, and when the server that made the attempt
/// is gone (a crash), the outbox takes the job over once its lease runs out and sends it.
async fn an_attempt_that_never_finishes_is_finished_by_the_outbox(backend: Backend) {
    let port = silent_smtp().await;
    let f = fixture_with(backend, |c| c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))).await;
    let (s, v) = f
        .create(json!({"collection_point_id": "CP010", "asset_id": f.asset_id, "phone": "+919876543210", "email": "person@example.com"}))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["delivery_status"], json!({"email": "pending"}), "answered while the attempt still waits");
    let request_id = v["request_id"].as_str().unwrap().to_string();
    let detail = format!("/api/v1/consent-requests/{request_id}");
    let (_, d) = body(f.app.admin(&f.t, Method::GET, &detail).send().await.unwrap()).await;
    assert_eq!(d["email_status"], "pending");
    // While the attempt holds its lease, no worker takes the job.
    assert_eq!(f.app.state.services.outbox.run_due(20).await.unwrap(), 0);

    let smtp = SmtpSink::start().await;
    let url = smtp.url();
    let f = f.restart(move |c| c.smtp_url = Some(url)).await;
    f.app.db.clock.advance(std::time::Duration::from_millis(backend::services::outbox::LEASE_MS as u64 + 1));
    assert_eq!(f.app.state.services.outbox.run_due(20).await.unwrap(), 1);
    assert_eq!(smtp.messages().len(), 1);
    let (_, d) = body(f.app.admin(&f.t, Method::GET, &detail).send().await.unwrap()).await;
    assert_eq!(d["email_status"], "sent");
    let metrics = f.app.req(Method::GET, "/metrics").send().await.unwrap().text().await.unwrap();
    assert!(metrics.contains("assent_queue_depth{queue=\"email\"} 0"), "{metrics}");
}

/// Behind a trusted proxy, the client named in `X-Forwarded-For` is the one in the evidence
/// and the one rate limits count; from anyone else the header is ignored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forwarded_clients_count_only_behind_trusted_proxies() {
    for (trusted, expected) in [(true, "203.0.113.9"), (false, "127.0.0.1")] {
        let f = fixture_with(Backend::Sqlite, |c| {
            if trusted {
                c.trusted_proxies = "127.0.0.1/32".parse().unwrap();
            }
        })
        .await;
        let link = f.link("+919876543210").await;
        let mut forwarded = reqwest::header::HeaderMap::new();
        forwarded.insert("x-forwarded-for", "198.51.100.1, 203.0.113.9".parse().unwrap());
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).default_headers(forwarded).build().unwrap();
        let res = common::decide(&http, link["consent_link"].as_str().unwrap(), "decision=approve", true).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, entries) = body(f.app.admin(&f.t, Method::GET, "/api/v1/audit/events").send().await.unwrap()).await;
        assert_eq!(entries["items"][0]["evidence"]["ip"], expected, "trusted proxy: {trusted}");
    }
}
