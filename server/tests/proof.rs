//! Proof outside the database, over HTTP: a decision's signed receipt from the hosted page and
//! the API, the published key set, key rotation, checkpoints on demand, and the receipt
//! verified offline by `assent receipt verify`. On SQLite and PostgreSQL.

#[macro_use]
mod common;

use backend::proof::{Jwks, ReceiptClaims, RECEIPT_TYPE};
use backend::testing::Backend;
use common::*;
use reqwest::{header, Method, StatusCode};
use serde_json::{json, Value};

on_both!(
    a_decision_s_receipt_is_signed_and_verifies_offline,
    a_person_s_export_and_erasure_keep_the_proof,
    an_organisation_s_ledger_exports_as_a_stream
);

/// An organisation with a collection point and one consent link; returns the link's URL.
async fn a_link(app: &App, t: &Tenant) -> String {
    a_link_for(app, t, "+919876543210", None).await["consent_link"].as_str().unwrap().to_string()
}

/// A consent link for `phone` (and `email`) on collection point CP001, made on first use.
async fn a_link_for(app: &App, t: &Tenant, phone: &str, email: Option<&str>) -> Value {
    let (_, cps) = body(app.admin(t, Method::GET, "/api/v1/collection-points").send().await.unwrap()).await;
    if cps["total"] == 0 {
        create_cp(app, t).await;
    }
    let (_, assets) = body(app.admin(t, Method::GET, "/api/v1/assets").send().await.unwrap()).await;
    let (s, link) = body(
        app.req(Method::POST, "/api/consent/consent-links")
            .header("X-API-Key", &t.consent_key)
            .header("X-Org-Id", &t.slug)
            .json(&json!({"collection_point_id": "CP001", "asset_id": assets["items"][0]["id"], "phone": phone, "email": email}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(s.is_success(), "{link}");
    link
}

async fn create_cp(app: &App, t: &Tenant) {
    let (_, asset) = body(app.admin(t, Method::POST, "/api/v1/assets").json(&json!({"name": "App"})).send().await.unwrap()).await;
    let (s, cp) = body(
        app.admin(t, Method::POST, "/api/v1/collection-points")
            .json(&json!({
                "asset_id": asset["id"], "name": "Signup", "display_id": "CP001",
                "purposes": [{"name": "Account", "required": true}, {"name": "Offers"}],
                "notices": {"en": "We use your phone number."}
            }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{cp}");
}

async fn jwks(app: &App, slug: &str) -> Jwks {
    let res = app.req(Method::GET, &format!("/.well-known/assent/{slug}/jwks.json")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_TYPE], "application/jwk-set+json");
    res.json().await.unwrap()
}

async fn a_decision_s_receipt_is_signed_and_verifies_offline(backend: Backend) {
    let checkpoints = tempfile::tempdir().unwrap();
    let dir = checkpoints.path().to_path_buf();
    let app = App::start_with(backend, move |c| c.checkpoint_dir = Some(dir)).await;
    let t = app.tenant("acme").await;
    let url = a_link(&app, &t).await;

    // No decision yet: no receipt.
    let res = app.http.get(format!("{url}/receipt")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(decide(&app.http, &url, "decision=approve&version=1", false).await.status(), StatusCode::OK);
    let page = app.http.get(&url).send().await.unwrap().text().await.unwrap();
    let path = &url[url.find("/acme/").unwrap()..];
    assert!(page.contains(&format!("href=\"{path}/receipt\"")), "the decided page links its receipt");
    assert!(page.contains("Download the signed receipt"));

    // The person's download: a JSON file with the JWS and what it states.
    let res = app.http.get(format!("{url}/receipt")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    assert!(res.headers()[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment; filename=\"consent-receipt-"));
    let file = res.text().await.unwrap();
    let download: Value = serde_json::from_str(&file).unwrap();
    let set = jwks(&app, "acme").await;
    assert_eq!(set.keys.len(), 1);
    let (claims, kid): (ReceiptClaims, String) = set.verify(download["jws"].as_str().unwrap(), RECEIPT_TYPE).unwrap();
    assert_eq!(serde_json::to_value(&claims).unwrap(), download["claims"]);
    assert_eq!((claims.action.as_str(), claims.collected_via.as_str(), claims.entry_seq), ("granted", "consent_link", 1));
    assert_eq!(claims.jwks_uri, format!("{}/.well-known/assent/acme/jwks.json", app.base));
    assert_eq!(download["jwks_uri"], claims.jwks_uri);

    // The API gives the same statement about the same entry, to the customer's backend too.
    let (_, events) = body(app.admin(&t, Method::GET, "/api/v1/audit/events").send().await.unwrap()).await;
    let entry_id = events["items"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(entry_id, claims.entry_id);
    assert!(events["items"][0]["personal_digest"].as_str().unwrap().len() == 64);
    let receipt_path = format!("/api/v1/audit/events/{entry_id}/receipt");
    let (s, api) = body(app.admin(&t, Method::GET, &receipt_path).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{api}");
    assert_eq!(api["claims"], download["claims"]);
    let consent = app.req(Method::GET, &receipt_path).header("X-API-Key", &t.consent_key).header("X-Org-Id", &t.slug);
    assert_eq!(consent.send().await.unwrap().status(), StatusCode::OK);
    let other = app.tenant("beta").await;
    let (s, err) = body(app.admin(&other, Method::GET, &receipt_path).send().await.unwrap()).await;
    assert_eq!((s, error_code(&err)), (StatusCode::NOT_FOUND, "not_found"), "{err}");

    // The dashboard's check: the file as downloaded is valid and in the ledger; altered, not.
    let (s, check) =
        body(app.admin(&t, Method::POST, "/api/v1/audit/receipts/check").json(&json!({"receipt": file})).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{check}");
    assert_eq!(
        (check["valid"].as_bool(), check["in_ledger"].as_bool(), check["kid"].as_str()),
        (Some(true), Some(true), Some(kid.as_str()))
    );
    let forged = download["jws"].as_str().unwrap().replacen('.', ".e", 1);
    let (_, check) =
        body(app.admin(&t, Method::POST, "/api/v1/audit/receipts/check").json(&json!({"receipt": forged})).send().await.unwrap()).await;
    assert_eq!(check["valid"], false, "{check}");
    assert!(check["problem"].as_str().unwrap().len() > 10);
    let (_, check) =
        body(app.admin(&other, Method::POST, "/api/v1/audit/receipts/check").json(&json!({"receipt": file})).send().await.unwrap()).await;
    assert_eq!(check["valid"], false, "another organisation's keys did not sign it: {check}");

    // Offline: the file, verified by the CLI against the key set its receipt names.
    let work = tempfile::tempdir().unwrap();
    let receipt_file = work.path().join("receipt.json");
    std::fs::write(&receipt_file, &file).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_assent"))
        .env("ASSENT_DATA_DIR", work.path())
        .args(["receipt", "verify", receipt_file.to_str().unwrap()])
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{printed}{}", String::from_utf8_lossy(&out.stderr));
    assert!(printed.contains(&format!("receipt verifies: signed by acme with key {kid}")), "{printed}");

    // Rotation: only managers; the old receipt still verifies with the published set.
    let rotate = app.req(Method::POST, "/api/v1/signing-keys/rotate").header("X-API-Key", &t.consent_key).header("X-Org-Id", &t.slug);
    assert_eq!(rotate.send().await.unwrap().status(), StatusCode::FORBIDDEN);
    let (s, keys) = body(app.admin(&t, Method::POST, "/api/v1/signing-keys/rotate").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{keys}");
    assert_eq!(keys["keys"].as_array().unwrap().len(), 2);
    assert_eq!(keys["keys"][1]["kid"], kid.as_str());
    assert!(keys["keys"][1]["retired_at"].is_string() && keys["keys"][0]["retired_at"].is_null());
    let set = jwks(&app, "acme").await;
    assert!(set.verify::<ReceiptClaims>(download["jws"].as_str().unwrap(), RECEIPT_TYPE).is_ok());
    let (_, listed) = body(app.admin(&t, Method::GET, "/api/v1/signing-keys").send().await.unwrap()).await;
    assert_eq!(listed, keys);
    assert_eq!(app.req(Method::GET, "/.well-known/assent/nobody/jwks.json").send().await.unwrap().status(), StatusCode::NOT_FOUND);

    // A checkpoint on demand: written once per head, to the directory.
    let (s, first) = body(app.admin(&t, Method::POST, "/api/v1/audit/checkpoints").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{first}");
    assert_eq!((first["written"].as_bool(), first["checkpoint"]["seq"].as_i64()), (Some(true), Some(1)));
    let (_, again) = body(app.admin(&t, Method::POST, "/api/v1/audit/checkpoints").send().await.unwrap()).await;
    assert_eq!(again["written"], false);
    let files: Vec<_> = std::fs::read_dir(checkpoints.path().join(&t.org_id)).unwrap().collect();
    assert_eq!(files.len(), 1);
    let findings = app.state.services.proof.verify_checkpoints(checkpoints.path(), None).await.unwrap();
    assert!(findings.iter().all(|f| f.problem.is_none()) && findings.len() == 1, "{findings:?}");
}

/// Ada consented through a consent link (phone and email, from her address and browser) and
/// through the universal API (her email as CustomUserId, with metadata); Bob through a link.
/// Ada's export holds all of it; after her erasure none of her values is anywhere in the
/// database, both chains of evidence still verify, and Bob's receipt still verifies.
async fn a_person_s_export_and_erasure_keep_the_proof(backend: Backend) {
    let app = App::start_with(backend, |c| c.trusted_proxies = "127.0.0.1/32".parse().unwrap()).await;
    let t = app.tenant("acme").await;
    let (ada_phone, ada_email, ada_ip, ada_agent, ada_meta) =
        ("+919812345678", "ada.lovelace@example.com", "198.51.100.77", "AdaBrowser/1.0", "ada-private-note");
    let ada = a_link_for(&app, &t, ada_phone, Some(ada_email)).await;
    let ada_url = ada["consent_link"].as_str().unwrap();
    let (base, path) = ada_url.split_at(ada_url.find("/acme/").unwrap());
    let link: String = form_urlencoded::byte_serialize(path.as_bytes()).collect();
    let res = app
        .http
        .post(format!("{base}/_server/consent_decision"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("x-forwarded-for", ada_ip)
        .header("user-agent", ada_agent)
        .body(format!("link={link}&decision=approve&version=1"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let (s, v) = body(
        app.req(Method::POST, "/api/universalconsent")
            .header("X-API-Key", &t.consent_key)
            .header("x-forwarded-for", ada_ip)
            .header("user-agent", ada_agent)
            .json(&json!({"ConsentGiven": "All", "CustomUserId": ada_email, "Reference": "newsletter", "Metadata": format!("{{\"note\":\"{ada_meta}\"}}")}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(s.is_success(), "{v}");
    let bob = a_link_for(&app, &t, "+919800000002", None).await;
    assert_eq!(
        decide(&app.http, bob["consent_link"].as_str().unwrap(), "decision=decline&version=1", false).await.status(),
        StatusCode::OK
    );
    let (_, bob_events) = body(app.admin(&t, Method::GET, "/api/v1/audit/events?limit=1").send().await.unwrap()).await;
    let bob_entry = bob_events["items"][0]["id"].as_str().unwrap().to_string();
    let (_, bob_receipt) =
        body(app.admin(&t, Method::GET, &format!("/api/v1/audit/events/{bob_entry}/receipt")).send().await.unwrap()).await;

    // Ada's export: how Acme knows her, both decisions with their evidence, the notice as shown,
    // and a receipt of each that verifies.
    let (_, details) = body(
        app.admin(&t, Method::GET, &format!("/api/v1/consent-requests/{}", ada["request_id"].as_str().unwrap())).send().await.unwrap(),
    )
    .await;
    let dp_id = details["dp_id"].as_str().unwrap().to_string();
    let (s, export) = body(app.admin(&t, Method::GET, &format!("/api/v1/principals/{dp_id}/export")).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{export}");
    let kinds: Vec<&str> = export["identifiers"].as_array().unwrap().iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"phone") && kinds.contains(&"email"), "{export}");
    let entries = export["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{export}");
    assert_eq!(entries[0]["entry"]["evidence"]["ip"], ada_ip);
    assert_eq!(export["notices"][0]["notices"]["en"], "We use your phone number.");
    let set = jwks(&app, "acme").await;
    for e in entries {
        let (claims, _): (ReceiptClaims, _) = set.verify(e["receipt"].as_str().unwrap(), RECEIPT_TYPE).unwrap();
        assert_eq!(claims.entry_id, e["entry"]["id"].as_str().unwrap());
        assert_eq!(claims.principal, dp_id);
    }
    // The same export from Ada's own link.
    let res = app.http.get(format!("{ada_url}/export")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let own: Value = res.json().await.unwrap();
    assert_eq!(own["entries"], export["entries"]);
    assert!(app.http.get(ada_url).send().await.unwrap().text().await.unwrap().contains(&format!("href=\"{path}/export\"")));

    // Only managers erase, and only their own organisation's people.
    let consent_key = app.req(Method::POST, &format!("/api/v1/principals/{dp_id}/erasure")).header("X-API-Key", &t.consent_key);
    assert_eq!(consent_key.send().await.unwrap().status(), StatusCode::FORBIDDEN);
    let other = app.tenant("beta").await;
    let (s, _) = body(app.admin(&other, Method::POST, &format!("/api/v1/principals/{dp_id}/erasure")).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, erased) = body(app.admin(&t, Method::POST, &format!("/api/v1/principals/{dp_id}/erasure")).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{erased}");
    assert_eq!((erased["consent_requests"].as_u64(), erased["universal_consents"].as_u64()), (Some(1), Some(1)), "{erased}");

    // Nothing of Ada's is left anywhere.
    for value in ["9812345678", ada_email, ada_ip, ada_agent, ada_meta] {
        let found = app.db.store.columns_containing_for_tests(value).await.unwrap();
        assert!(found.is_empty(), "{value} is still in {found:?}");
    }
    // The chain verifies; what she decided stays, under her pseudonym, and says it was erased.
    let (_, v) = body(app.admin(&t, Method::GET, "/api/v1/audit/verify").send().await.unwrap()).await;
    assert_eq!(v["ok"], true, "{v}");
    let (_, after) = body(app.admin(&t, Method::GET, &format!("/api/v1/principals/{dp_id}/export")).send().await.unwrap()).await;
    assert_eq!(after["identifiers"], json!([]));
    assert_eq!(after["entries"].as_array().unwrap().len(), 2);
    assert!(after["entries"].as_array().unwrap().iter().all(|e| e["entry"]["evidence"].is_null()), "{after}");
    assert_eq!(after["erasures"][0]["removed"]["evidence_removed"], 2, "{after}");
    // Bob's receipt, signed before, still verifies, against the key set and the ledger.
    let (_, check) = body(
        app.admin(&t, Method::POST, "/api/v1/audit/receipts/check").json(&json!({"receipt": bob_receipt["jws"]})).send().await.unwrap(),
    )
    .await;
    assert_eq!((check["valid"].as_bool(), check["in_ledger"].as_bool()), (Some(true), Some(true)), "{check}");
    // The consent-link dialect still answers about her request, without her number.
    let status = format!("/api/v1/external/public/consent-link/status/{}", ada["request_id"].as_str().unwrap());
    let (s, _) = body(app.admin(&t, Method::GET, &status).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    // How long personal data is kept is the organisation's to set, within bounds.
    let (s, v) = body(app.admin(&t, Method::PATCH, "/api/v1/org").json(&json!({"retention_days": 10})).send().await.unwrap()).await;
    assert_eq!((s, v["error"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("retention_days")), "{v}");
    let (s, v) = body(app.admin(&t, Method::PATCH, "/api/v1/org").json(&json!({"retention_days": 3650})).send().await.unwrap()).await;
    assert_eq!((s, v["retention_days"].as_i64()), (StatusCode::OK, Some(3650)), "{v}");
    // An unknown person is not found.
    let (s, _) = body(app.admin(&t, Method::POST, "/api/v1/principals/DPNOBODY/erasure").send().await.unwrap()).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

/// 520 entries an hour ago and 10 now: the export streams them all, a page at a time, as JSON
/// or CSV, and a range takes only its own.
async fn an_organisation_s_ledger_exports_as_a_stream(backend: Backend) {
    use backend::ledger::{Action, Decision, Identifier, PurposeDecision, SubjectKind};
    let app = App::start_with(backend, |_| {}).await;
    let t = app.tenant("acme").await;
    let record = |i: usize| Decision {
        org_id: t.org_id.clone(),
        identifiers: vec![Identifier::Phone(format!("+9190{i:08}"))],
        subject_kind: SubjectKind::Reference,
        subject_id: "newsletter".into(),
        action: Action::Granted,
        purposes: vec![PurposeDecision { purpose_id: "p".into(), granted: true }],
        collected_via: "api".into(),
        notice_version: None,
        notice_hash: None,
        evidence: json!({"note": "a, \"quoted\"\nvalue"}),
        actor: "test".into(),
    };
    let start = app.db.clock.now_ms();
    for i in 0..520 {
        app.state.services.ledger.record(&record(i)).await.unwrap();
    }
    app.db.clock.advance(std::time::Duration::from_secs(3600));
    let later = app.db.clock.now_ms();
    for i in 520..530 {
        app.state.services.ledger.record(&record(i)).await.unwrap();
    }
    let from = backend::rfc3339(start);
    let res = app.admin(&t, Method::GET, &format!("/api/v1/audit/events/export?from={from}")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get(header::CONTENT_LENGTH).is_none(), "streamed, not buffered");
    let all: Vec<Value> = res.json().await.unwrap();
    assert_eq!(all.len(), 530);
    assert!(all.windows(2).all(|w| w[0]["seq"].as_i64() < w[1]["seq"].as_i64()), "oldest first");
    assert!(all[0]["dp_id"].as_str().unwrap().starts_with("DP"));
    assert_eq!(all[0]["evidence"]["note"], "a, \"quoted\"\nvalue");

    let res = app.admin(&t, Method::GET, &format!("/api/v1/audit/events/export?from={from}&format=csv")).send().await.unwrap();
    assert_eq!(res.headers()[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    let text = res.text().await.unwrap();
    assert!(text.starts_with("seq,id,occurred_at,dp_id,"));
    // One header and 530 rows; the evidence (JSON with a comma and quotes) is one quoted cell.
    assert_eq!(text.lines().filter(|l| l.starts_with(|c: char| c.is_ascii_digit())).count(), 530);
    assert!(text.contains(r#","{""note"":""a, \""quoted\""\nvalue""}","#), "quoted cell: {}", &text[..400]);

    // A range takes its own entries only.
    let recent = backend::rfc3339(later);
    let (s, v) = body(app.admin(&t, Method::GET, &format!("/api/v1/audit/events/export?from={recent}")).send().await.unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v.as_array().unwrap().len(), 10);
    let (s, v) =
        body(app.admin(&t, Method::GET, &format!("/api/v1/audit/events/export?from={from}&to={recent}")).send().await.unwrap()).await;
    assert_eq!((s, v.as_array().unwrap().len()), (StatusCode::OK, 520));
    // Another organisation's export is its own: empty.
    let other = app.tenant("beta").await;
    let (_, v) = body(app.admin(&other, Method::GET, &format!("/api/v1/audit/events/export?from={from}")).send().await.unwrap()).await;
    assert_eq!(v, json!([]));
    // Bad requests say which field.
    for (query, field) in [
        ("", "from"),
        ("from=yesterday", "from"),
        (&format!("from={from}&format=xml") as &str, "format"),
        (&format!("from={recent}&to={from}"), "from"),
    ] {
        let (s, v) = body(app.admin(&t, Method::GET, &format!("/api/v1/audit/events/export?{query}")).send().await.unwrap()).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{query}: {v}");
        assert_eq!(v["error"]["field"], field, "{query}: {v}");
    }
}
