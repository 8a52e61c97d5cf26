//! What the hash-chained ledger costs. For each database it times N consent decisions through
//! `ledger.record` (chain lock, hash, event, per-purpose projection, one transaction each)
//! against a baseline of N one-row INSERT transactions on the same database, and prints the
//! ratio, the throughput with 4 concurrent writers, and how fast verification walks the chain.
//! Then, in the same run: 8 concurrent writers in one organisation against 8 writers each in its
//! own organisation (per-organisation chains let the second go in parallel where the database
//! allows), how fast one organisation's chain verifies among many, and what signing a receipt
//! costs as a ratio to recording the decision.
//!
//!     cargo run --release -p backend --features testing --example ledger_bench [N]
//!
//! PostgreSQL is measured when ASSENT_TEST_POSTGRES_URL (or the default local server) answers.

use backend::catalog::{AssetKind, NewAsset, NewCollectionPoint, Notices, PurposeInput};
use backend::email::Mailer;
use backend::ledger::{Action, Decision, Identifier, PurposeDecision, SubjectKind};
use backend::services::Settings;
use backend::testing::{Backend, TestDb};
use backend::types::Name;
use backend::Services;
use std::collections::BTreeMap;
use std::time::Instant;

fn decision(org_id: &str, cp_id: &str, purposes: &[String], i: usize) -> Decision {
    Decision {
        org_id: org_id.into(),
        identifiers: vec![Identifier::Phone(format!("+91{:010}", i))],
        subject_kind: SubjectKind::CollectionPoint,
        subject_id: cp_id.into(),
        action: Action::Granted,
        purposes: purposes.iter().map(|p| PurposeDecision { purpose_id: p.clone(), granted: true }).collect(),
        collected_via: "bench".into(),
        notice_version: Some(1),
        notice_hash: Some("0".repeat(64)),
        evidence: serde_json::json!({"ip": "203.0.113.9", "user_agent": "bench"}),
        actor: "bench".into(),
    }
}

async fn bench(label: &str, backend: Backend, n: usize) {
    let db = TestDb::new(backend).await;
    let store = &db.store;
    let services = Services::new(store.clone(), Mailer::new(None, None), Settings::new("http://bench.test"));
    let (org, admin) = backend::testing::admin_of_new_org(&services, "bench").await;
    let asset = services
        .catalog
        .create_asset(
            &admin,
            &NewAsset { name: Name::parse("n", "site", 9).unwrap(), kind: AssetKind::Website, url: None, description: String::new() },
        )
        .await
        .unwrap();
    let purposes = ["Service", "Marketing", "Analytics"]
        .iter()
        .map(|p| PurposeInput {
            id: None,
            name: Name::parse("n", p, 99).unwrap(),
            description: String::new(),
            required: false,
            data_categories: vec![],
        })
        .collect();
    let cp = services
        .catalog
        .create_collection_point(
            &admin,
            &NewCollectionPoint {
                asset_id: asset.id,
                name: Name::parse("n", "cp", 9).unwrap(),
                display_id: None,
                purposes,
                notices: Notices::parse(BTreeMap::from([("en".to_string(), "notice".to_string())])).unwrap(),
            },
        )
        .await
        .unwrap();
    let purpose_ids: Vec<String> = cp.purposes.iter().map(|p| p.id.clone()).collect();

    store.execute_raw_for_tests("CREATE TABLE bench_baseline (id TEXT PRIMARY KEY, payload TEXT NOT NULL)").await.unwrap();
    let start = Instant::now();
    for i in 0..n {
        let mut tx = store.begin().await.unwrap();
        sqlx::query("INSERT INTO bench_baseline (id, payload) VALUES ($1, $2)")
            .bind(format!("row-{i}"))
            .bind("{\"ip\":\"203.0.113.9\",\"user_agent\":\"bench\"}")
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }
    let baseline = start.elapsed();

    let start = Instant::now();
    for i in 0..n {
        services.ledger.record(&decision(&org.id, &cp.id, &purpose_ids, i)).await.unwrap();
    }
    let ledger = start.elapsed();

    let start = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..4 {
        let services = services.clone();
        let (org_id, cp_id, purpose_ids) = (org.id.clone(), cp.id.clone(), purpose_ids.clone());
        tasks.push(tokio::spawn(async move {
            for i in 0..n / 4 {
                services.ledger.record(&decision(&org_id, &cp_id, &purpose_ids, n + w * n + i)).await.unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let concurrent = start.elapsed();
    let concurrent_n = 4 * (n / 4);

    // 8 writers in one organisation, then 8 writers in 8 organisations.
    let mut orgs = Vec::new();
    for k in 0..8 {
        orgs.push(backend::testing::admin_of_new_org(&services, &format!("bench{k}")).await.0.id);
    }
    let writers = |org_of: Box<dyn Fn(usize) -> String>, offset: usize| {
        let services = services.clone();
        let (cp_id, purpose_ids) = (cp.id.clone(), purpose_ids.clone());
        async move {
            let start = Instant::now();
            let tasks: Vec<_> = (0..8)
                .map(|w| {
                    let (services, org_id, cp_id, purpose_ids) = (services.clone(), org_of(w), cp_id.clone(), purpose_ids.clone());
                    tokio::spawn(async move {
                        for i in 0..n / 8 {
                            services.ledger.record(&decision(&org_id, &cp_id, &purpose_ids, offset + w * n + i)).await.unwrap();
                        }
                    })
                })
                .collect();
            for t in tasks {
                t.await.unwrap();
            }
            (8 * (n / 8)) as f64 / start.elapsed().as_secs_f64()
        }
    };
    let one_org = org.id.clone();
    let same = writers(Box::new(move |_| one_org.clone()), 20 * n).await;
    let spread_orgs = orgs.clone();
    let spread = writers(Box::new(move |w| spread_orgs[w].clone()), 40 * n).await;

    let start = Instant::now();
    let report = services.ledger.verify_org(&org.id).await.unwrap();
    let verify = start.elapsed();
    assert!(report.ok());

    // Signing receipts for the organisation's first n entries, against recording them.
    let mut entries = Vec::new();
    let mut c = store.conn().await.unwrap();
    for seq in 1..=n as i64 {
        entries.push(backend::store::ledger::entry_at(&mut c, &org.id, seq).await.unwrap().unwrap());
    }
    drop(c);
    let start = Instant::now();
    for e in &entries {
        services.proof.receipt(&org, e).await.unwrap();
    }
    let signing = start.elapsed();

    let per = |d: std::time::Duration, k: usize| d.as_secs_f64() * 1e6 / k as f64;
    println!("{label}: {n} decisions (3 purposes each)");
    println!("  baseline one-row INSERT transactions: {:>8.1} µs each", per(baseline, n));
    println!(
        "  ledger.record (chained + projected):   {:>8.1} µs each  = {:.2}x the baseline",
        per(ledger, n),
        ledger.as_secs_f64() / baseline.as_secs_f64()
    );
    println!(
        "  4 concurrent writers:                  {:>8.0} decisions/s (sequential: {:.0}/s)",
        concurrent_n as f64 / concurrent.as_secs_f64(),
        n as f64 / ledger.as_secs_f64()
    );
    println!(
        "  8 writers, 1 organisation:             {same:>8.0} decisions/s\n  8 writers, 8 organisations:            {spread:>8.0} decisions/s = {:.2}x",
        spread / same
    );
    println!(
        "  verify one organisation's {} entries among {} in 9 chains: {:.1} ms ({:.0} entries/s)",
        report.entries,
        services.ledger.length().await.unwrap(),
        verify.as_secs_f64() * 1e3,
        report.entries as f64 / verify.as_secs_f64()
    );
    println!(
        "  signed receipt (read person, sign):    {:>8.1} µs each  = {:.3}x a decision",
        per(signing, n),
        signing.as_secs_f64() / ledger.as_secs_f64()
    );
    db.finish().await;
}

#[tokio::main]
async fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2000);
    bench("SQLite (WAL, synchronous=FULL)", Backend::Sqlite, n).await;
    let pg_up = sqlx::postgres::PgPool::connect(
        &std::env::var("ASSENT_TEST_POSTGRES_URL").unwrap_or_else(|_| backend::testing::DEFAULT_POSTGRES_URL.into()),
    )
    .await
    .is_ok();
    if pg_up {
        bench("PostgreSQL", Backend::Postgres, n).await;
    } else {
        println!("PostgreSQL: not reachable, not measured");
    }
}
