//! Hostile input: each gets a clear error in its surface's format, and nothing is written.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

struct Setup {
    app: App,
    t: Tenant,
    asset_id: String,
    link_url: String,
}

async fn setup() -> Setup {
    let app = App::start_with(backend::testing::Backend::Sqlite, |c| c.body_read_deadline = Duration::from_millis(800)).await;
    let t = app.tenant("acme").await;
    let (_, asset) = body(app.admin(&t, Method::POST, "/api/v1/assets").json(&json!({"name": "App"})).send().await.unwrap()).await;
    let asset_id = asset["id"].as_str().unwrap().to_string();
    let (s, _) = body(
        app.admin(&t, Method::POST, "/api/v1/collection-points")
            .json(&json!({"asset_id": asset_id, "name": "Signup", "purposes": [{"name": "A"}], "notices": {"en": "x"}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, link) = body(
        app.admin(&t, Method::POST, "/api/consent/consent-links")
            .json(&json!({"collection_point_id": "CP001", "asset_id": asset_id, "phone": "+919876543210"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    Setup { link_url: link["consent_link"].as_str().unwrap().to_string(), app, t, asset_id }
}

impl Setup {
    /// Raw bytes to a JSON route of either surface.
    async fn post(&self, path: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
        body(self.app.admin(&self.t, Method::POST, path).header("content-type", "application/json").body(bytes).send().await.unwrap()).await
    }

    /// Nothing was written: still one asset, one link, no ledger entry.
    async fn nothing_written(&self) {
        let (_, assets) = body(self.app.admin(&self.t, Method::GET, "/api/v1/assets").send().await.unwrap()).await;
        assert_eq!(assets["total"], 1);
        let (_, history) = body(
            self.app
                .admin(&self.t, Method::GET, &format!("/api/v1/external/public/consent-link/history?asset_id={}", self.asset_id))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(history["count"], 1);
        assert_eq!(self.app.state.services.ledger.length().await.unwrap(), 0);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_bodies_are_413_in_each_format() {
    let s = setup().await;
    let huge = format!("{{\"name\": \"{}\"}}", "x".repeat(3 * 1024 * 1024)).into_bytes();
    let (status, v) = s.post("/api/v1/assets", huge.clone()).await;
    assert_eq!((status, error_code(&v)), (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"), "{v}");
    let (status, v) = s.post("/api/consent/consent-links", huge).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(v["detail"].as_str().unwrap().contains("larger than"), "{v}");
    let huge_form = format!("decision=approve&purpose[]={}", "p".repeat(100 * 1024));
    let res = decide(&s.app.http, &s.link_url, &huge_form, false).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(res.text().await.unwrap().contains("did not arrive"));
    s.nothing_written().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deeply_nested_and_invalid_utf8_json_are_400() {
    let s = setup().await;
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes();
    for path in ["/api/v1/assets", "/api/consent/consent-links"] {
        // Typed bodies refuse the first unexpected bracket; a field that takes any JSON stops at
        // serde_json's depth limit. Either way a clear 400, in little time and memory.
        let (status, v) = s.post(path, nested.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}: {v}");
        assert!(v.to_string().contains("invalid JSON body"), "{path}: {v}");
        let mut inside = format!("{{\"name\": \"x\", \"phone\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes();
        let (status, v) = s.post(path, std::mem::take(&mut inside)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}: {v}");
        let (status, v) = s.post(path, b"{\"name\": \"\xff\xfe\"}".to_vec()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}: {v}");
        assert!(v.to_string().contains("invalid JSON body"), "{path}: {v}");
    }
    // Invalid UTF-8 in a path segment.
    let (status, v) = body(s.app.admin(&s.t, Method::GET, "/api/v1/assets/%FF%FE").send().await.unwrap()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{v}");
    s.nothing_written().await;
}

/// A client that sends its headers and then trickles its body is cut off with 408, and the
/// server goes on serving everyone else.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_bodies_time_out_with_408() {
    let s = setup().await;
    let addr = s.app.base.trim_start_matches("http://").to_string();
    for (path, auth) in [("/api/v1/assets", true), ("/api/consent/consent-links", true)] {
        let mut sock = tokio::net::TcpStream::connect(&addr).await.unwrap();
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n{}X-Org-Id: acme\r\n\r\n{{\"na",
            if auth { format!("X-API-Key: {}\r\n", s.t.admin_key) } else { String::new() }
        );
        sock.write_all(head.as_bytes()).await.unwrap();
        let mut answer = Vec::new();
        tokio::time::timeout(Duration::from_secs(10), sock.read_to_end(&mut answer)).await.expect("the server answers").unwrap();
        let text = String::from_utf8_lossy(&answer);
        assert!(text.starts_with("HTTP/1.1 408"), "{path}: {text}");
        // Meanwhile the server serves others.
        assert_eq!(s.app.req(Method::GET, "/healthz").send().await.unwrap().status(), StatusCode::OK);
    }
    s.nothing_written().await;
}
