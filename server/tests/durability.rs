//! `kill -9`: the real `assent` binary under concurrent writers (consent links created through
//! the dialect, decisions posted on the hosted page, universal consents recorded through an
//! integration), killed at random moments, restarted on the same database, several times.
//! Every write that was acknowledged is there afterwards, and the ledger verifies. On SQLite
//! and on PostgreSQL.

mod common;

use backend::testing::{Backend, TestDb};
use common::{seed_tenant, spawn_binary, Binary};
use rand_lite::Rng;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const CYCLES: usize = 5;
const WRITERS: usize = 8;

/// A tiny deterministic generator: the kill moments differ per cycle, and a failure can be
/// replayed from the seed it prints.
mod rand_lite {
    pub struct Rng(u64);
    impl Rng {
        pub fn new(seed: u64) -> Self {
            Self(seed | 1)
        }
        pub fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }
}

fn start(db: &TestDb, data_dir: &std::path::Path) -> Binary {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_assent"));
    cmd.env("ASSENT_LOG", "error").env_remove("ASSENT_DATABASE_URL");
    if db.config.is_postgres() {
        cmd.args(["--database-url", &db.config.url]);
    } else {
        cmd.args(["--data-dir", data_dir.to_str().unwrap()]);
    }
    cmd.args(["serve", "--listen", "127.0.0.1:0", "--api-rate-per-minute", "100000", "--decisions-per-address-per-minute", "100000"]);
    cmd.args(["--integration-rate-per-address-per-minute", "100000"]);
    spawn_binary(&mut cmd)
}

/// What the server acknowledged: request ids, per request how many decisions, and the
/// ClientIds of the universal consents recorded.
#[derive(Default)]
struct Acknowledged {
    links: Vec<(String, String)>,
    decisions: HashMap<String, usize>,
    universal: Vec<String>,
}

async fn writer(base: String, key: String, asset_id: String, integration_id: String, id: usize, acked: Arc<Mutex<Acknowledged>>) {
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).timeout(Duration::from_secs(5)).build().unwrap();
    for n in 0.. {
        let phone = format!("+9170{id:02}{n:06}");
        let created = http
            .post(format!("{base}/api/consent/consent-links"))
            .header("X-API-Key", &key)
            .header("X-Org-Id", "acme")
            .json(&json!({"collection_point_id": "CP001", "asset_id": asset_id, "phone": phone}))
            .send()
            .await;
        let Ok(res) = created else { return };
        if res.status() != StatusCode::OK {
            return;
        }
        let Ok(v) = res.json::<Value>().await else { return };
        let request_id = v["request_id"].as_str().unwrap().to_string();
        let path = v["consent_link"].as_str().unwrap().split('/').skip(3).collect::<Vec<_>>().join("/");
        acked.lock().unwrap().links.push((request_id.clone(), path.clone()));
        for decision in ["approve", "decline", "approve"] {
            let posted = http
                .post(format!("{base}/_server/consent_decision"))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("accept", "text/html")
                .body(format!("link=%2F{}&decision={decision}", path.replace('/', "%2F")))
                .send()
                .await;
            match posted {
                Ok(res) if res.status() == StatusCode::SEE_OTHER => {
                    *acked.lock().unwrap().decisions.entry(request_id.clone()).or_default() += 1
                }
                _ => return,
            }
        }
        let recorded = http
            .post(format!("{base}/api/universalconsent/integration/{integration_id}"))
            .json(&json!({"ConsentGiven": "All", "CustomUserId": format!("w{id}-{n}@example.com")}))
            .send()
            .await;
        match recorded {
            Ok(res) if res.status() == StatusCode::OK => {
                let Ok(v) = res.json::<Value>().await else { return };
                acked.lock().unwrap().universal.push(v["ClientId"].as_str().unwrap().to_string());
            }
            _ => return,
        }
    }
}

async fn survive_kill_9(backend: Backend) {
    let db = TestDb::new(backend).await;
    let data_dir = db
        .config
        .url
        .strip_prefix("sqlite://")
        .and_then(|p| p.split('?').next())
        .map(|p| std::path::Path::new(p).parent().unwrap().to_path_buf());
    let dir = data_dir.clone().unwrap_or_else(std::env::temp_dir);
    // The organisation, its key, an asset and a collection point, before the first start.
    let services = backend::Services::new(db.store.clone(), backend::email::Mailer::new(None, None), backend::services::Settings::new(""));
    let key = seed_tenant(&services, "acme").await.admin_key;
    let caller = services.tenancy.authenticate(&backend::auth::Credential::ApiKey(key.clone())).await.unwrap();
    let asset = services
        .catalog
        .create_asset(
            &caller,
            &backend::catalog::NewAsset {
                name: backend::types::Name::parse("n", "App", 9).unwrap(),
                kind: backend::catalog::AssetKind::Website,
                url: None,
                description: String::new(),
            },
        )
        .await
        .unwrap();
    services
        .catalog
        .create_collection_point(
            &caller,
            &backend::catalog::NewCollectionPoint {
                asset_id: asset.id.clone(),
                name: backend::types::Name::parse("n", "Signup", 9).unwrap(),
                display_id: None,
                purposes: vec![backend::catalog::PurposeInput {
                    id: None,
                    name: backend::types::Name::parse("n", "A", 9).unwrap(),
                    description: String::new(),
                    required: false,
                    data_categories: vec![],
                }],
                notices: backend::catalog::Notices::parse([("en".to_string(), "x".to_string())].into()).unwrap(),
            },
        )
        .await
        .unwrap();

    let integration = services
        .universal
        .create_integration(
            &caller,
            &backend::services::universal::IntegrationSpec {
                name: "Shop".parse().unwrap(),
                allowed_origins: vec![],
                banner: Default::default(),
            },
        )
        .await
        .unwrap();

    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64;
    let mut rng = Rng::new(seed);
    let acked = Arc::new(Mutex::new(Acknowledged::default()));
    for cycle in 0..CYCLES {
        let mut server = start(&db, &dir);
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (base, key, asset_id, integration_id) = (server.base.clone(), key.clone(), asset.id.clone(), integration.id.clone());
                tokio::spawn(writer(base, key, asset_id, integration_id, cycle * WRITERS + w, acked.clone()))
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(300 + rng.below(900))).await;
        server.child.kill().unwrap();
        server.child.wait().unwrap();
        for w in writers {
            w.await.unwrap();
        }
    }

    // After the last crash: everything acknowledged is there.
    let server = start(&db, &dir);
    let http = reqwest::Client::new();
    // Every writer has been joined: the record is read without a lock.
    let acked = std::mem::take(&mut *acked.lock().unwrap());
    assert!(acked.links.len() >= CYCLES, "the writers got some work acknowledged (seed {seed})");
    for (request_id, _) in &acked.links {
        let res = http
            .get(format!("{}/api/v1/external/public/consent-link/status/{request_id}", server.base))
            .header("X-API-Key", &key)
            .header("X-Org-Id", "acme")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "acknowledged link {request_id} lost (seed {seed})");
        let status: Value = res.json().await.unwrap();
        let logs = status["consent_logs"].as_array().unwrap().len();
        let decided = acked.decisions.get(request_id).copied().unwrap_or(0);
        assert!(logs >= decided, "{request_id}: {decided} decisions acknowledged, {logs} recorded (seed {seed})");
    }
    for client_id in &acked.universal {
        let res = http
            .get(format!("{}/api/universalconsent/{client_id}?Reference=Shop", server.base))
            .header("X-API-Key", &key)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "acknowledged universal consent of {client_id} lost (seed {seed})");
    }
    let verify: Value =
        http.get(format!("{}/api/v1/audit/verify", server.base)).header("X-API-Key", &key).send().await.unwrap().json().await.unwrap();
    assert_eq!(verify["ok"], true, "{verify} (seed {seed})");
    let decisions: usize = acked.decisions.values().sum();
    println!(
        "{backend:?}: {CYCLES} kill -9 cycles, {} links, {decisions} decisions and {} universal consents acknowledged, all present; ledger verifies",
        acked.links.len(),
        acked.universal.len()
    );
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_loses_nothing_acknowledged_to_kill_9() {
    survive_kill_9(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_loses_nothing_acknowledged_to_kill_9() {
    survive_kill_9(Backend::Postgres).await;
}
