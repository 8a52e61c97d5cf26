//! What seed 003's search costs as the table grows. It fills an organisation's universal
//! consents to 10k, 100k and 1M rows (written straight into the table in batches, spread over
//! the last 30 days; the ledger is not what is measured here), and at each size times, through
//! `UniversalConsents::search` with a page of 100, the default search (the last week) and the
//! seed's filters, each against the cheapest query on the same connection pool (`SELECT 1`).
//! After each fill the table is analysed (and vacuumed on PostgreSQL), as a live database's
//! own maintenance would have done.
//!
//!     cargo run --release -p backend --features testing --example universal_search_bench [sqlite|postgres]

use backend::email::Mailer;
use backend::services::universal::SearchQuery;
use backend::services::Settings;
use backend::store::universal::SearchCriteria;
use backend::testing::{Backend, TestDb};
use backend::Services;
use std::time::Instant;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Median of `runs` timings of `f`, in milliseconds.
async fn median_ms<F, Fut>(runs: usize, mut f: F) -> f64
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        f().await;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

#[tokio::main]
async fn main() {
    let backend = match std::env::args().nth(1).as_deref() {
        Some("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    };
    let db = TestDb::new(backend).await;
    let store = &db.store;
    let services = Services::new(store.clone(), Mailer::new(None, None), Settings::new("http://bench.test"));
    let (org, admin) = backend::testing::admin_of_new_org(&services, "bench").await;
    let principal = uuid::Uuid::new_v4().to_string();
    {
        let mut tx = store.begin().await.unwrap();
        sqlx::query("INSERT INTO principals (id, org_id, dp_id, created_at) VALUES ($1, $2, 'DPBENCH', 0)")
            .bind(&principal)
            .bind(&org.id)
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }
    let now = store.now();
    println!("{backend:?}: search through the service, page of 100, median of 21 runs");
    println!(
        "{:>9}  {:>10}  {:>12}  {:>13}  {:>11}  {:>9}  {:>11}",
        "rows", "SELECT 1", "last week", "CustomUserId", "Reference", "IP", "Country"
    );
    let mut filled = 0usize;
    for target in [10_000usize, 100_000, 1_000_000] {
        // Rows spread over 30 days: a quarter of them fall in the default week.
        let batch = 500;
        while filled < target {
            let mut tx = store.begin().await.unwrap();
            let mut sql = String::from(
                "INSERT INTO universal_consents (id, org_id, client_id, reference, principal_id, consent_given, given, custom_user_id,
                 uri, consent_type, metadata, integration_id, ip, proxified_ip, user_agent, city, region, country, entry_seq, created_at, updated_at) VALUES ",
            );
            for j in 0..batch {
                let i = filled + j;
                let at = now - (i as i64 * 7919 % (30 * DAY_MS / 1000)) * 1000;
                if j > 0 {
                    sql.push(',');
                }
                sql.push_str(&format!(
                    "('{}', '{}', '{}', 'ref-{}', '{}', 'All', 1, 'user-{}@example.com', NULL, 'Cookies', NULL, NULL, '10.{}.{}.{}', NULL, 'bench', 'City{}', NULL, '{}', {i}, {at}, {at})",
                    uuid::Uuid::new_v4(),
                    org.id,
                    uuid::Uuid::new_v4(),
                    i % 1000,
                    principal,
                    i % 50_000,
                    (i / 65536) % 256,
                    (i / 256) % 256,
                    i % 256,
                    i % 100,
                    ["IN", "US", "DE", "BR"][i % 4],
                ));
            }
            sqlx::query(&sql).execute(&mut *tx).await.unwrap();
            tx.commit().await.unwrap();
            filled += batch;
        }
        // What autovacuum (PostgreSQL) or `PRAGMA optimize` (SQLite) do on a live database: fresh
        // statistics for the planner, and on PostgreSQL a visibility map for index-only counts.
        let maintenance = match backend {
            Backend::Postgres => "VACUUM ANALYZE universal_consents",
            Backend::Sqlite => "ANALYZE universal_consents",
        };
        sqlx::query(maintenance).execute(&mut *store.conn().await.unwrap()).await.unwrap();
        let query = |criteria: SearchCriteria, window: bool| SearchQuery { criteria, from: (!window).then_some(0), to: None };
        let run = |q: SearchQuery| {
            let services = services.clone();
            let admin = admin.clone();
            async move {
                services.universal.search(&admin, &q, 100, 0).await.unwrap();
            }
        };
        let baseline = median_ms(21, || async {
            let mut c = store.conn().await.unwrap();
            let _: i32 = sqlx::query_scalar("SELECT 1").fetch_one(&mut *c).await.unwrap();
        })
        .await;
        let week = median_ms(21, || run(query(SearchCriteria::default(), true))).await;
        let user = median_ms(21, || {
            run(query(SearchCriteria { custom_user_id: Some("user-42@example.com".into()), ..Default::default() }, false))
        })
        .await;
        let reference = median_ms(21, || run(query(SearchCriteria { reference: Some("ref-7".into()), ..Default::default() }, false))).await;
        let ip = median_ms(21, || run(query(SearchCriteria { ip: Some("10.0.1.2".into()), ..Default::default() }, false))).await;
        let country = median_ms(21, || run(query(SearchCriteria { country: Some("IN".into()), ..Default::default() }, true))).await;
        println!("{target:>9}  {baseline:>8.2}ms  {week:>10.2}ms  {user:>11.2}ms  {reference:>9.2}ms  {ip:>7.2}ms  {country:>9.2}ms");
    }
}
