//! Fresh databases for tests (behind the `testing` feature): an empty SQLite file, or a new
//! PostgreSQL database.
//!
//! PostgreSQL comes from `ASSENT_TEST_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`): each test creates its own database there and
//! drops it when the [`TestDb`] is dropped. Databases that a killed run left behind are swept
//! when a later run starts. A missing server fails the test with instructions; it is never
//! skipped silently.

use crate::clock::Clock;
use crate::config::DatabaseConfig;
use crate::Store;
use sqlx::Connection;
use std::sync::Once;

pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";
const PREFIX: &str = "assent_test_";
/// A test database older than this belongs to a run that died.
const STALE_AFTER_SECS: u64 = 6 * 60 * 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A fresh database, with an adjustable clock shared by its store.
pub struct TestDb {
    pub store: Store,
    pub config: DatabaseConfig,
    pub clock: Clock,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

fn admin_url() -> String {
    std::env::var("ASSENT_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES_URL.into())
}

fn unix_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or_default()
}

impl TestDb {
    pub async fn new(backend: Backend) -> Self {
        let db = Self::empty(backend).await;
        db.store.migrate().await.expect("migrate");
        db
    }

    /// A fresh database without any migration applied (see [`Store::migrate_until_for_tests`]).
    pub async fn empty(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => Self::sqlite().await,
            Backend::Postgres => Self::postgres().await,
        }
    }

    async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = DatabaseConfig::resolve(dir.path(), None).expect("data dir");
        let clock = Clock::system();
        let store = Store::connect(&config, clock.clone()).await.expect("open sqlite");
        Self { store, config, clock, cleanup: Cleanup::Sqlite(dir) }
    }

    async fn postgres() -> Self {
        let admin = admin_url();
        let mut conn = sqlx::postgres::PgConnection::connect(&admin).await.unwrap_or_else(|e| {
            panic!(
                "PostgreSQL is required for the store suite and did not answer at {admin}: {e}\n\
                 Start one (e.g. `pg_ctlcluster 15 main start`) or point ASSENT_TEST_POSTGRES_URL at a server \
                 where this user may CREATE DATABASE."
            )
        });
        static SWEEP: Once = Once::new();
        let mut sweep = false;
        SWEEP.call_once(|| sweep = true);
        if sweep {
            sweep_stale(&mut conn).await;
        }
        // The creation time is in the name, so a later run can tell a leftover from a neighbour.
        let name = format!("{PREFIX}{}_{}", unix_secs(), uuid::Uuid::new_v4().simple());
        sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.expect("create test database");
        conn.close().await.ok();
        let (base, _) = admin.rsplit_once('/').expect("postgres URL has a database path");
        let config = DatabaseConfig { url: format!("{base}/{name}") };
        let clock = Clock::system();
        let store = Store::connect(&config, clock.clone()).await.expect("open postgres");
        Self { store, config, clock, cleanup: Cleanup::Postgres { admin_url: admin, name } }
    }

    /// Closes the pool and drops the PostgreSQL database now (dropping the `TestDb` does the same).
    pub async fn finish(self) {
        self.store.close().await;
    }
}

/// Drops the test databases of runs that died before cleaning up.
async fn sweep_stale(conn: &mut sqlx::postgres::PgConnection) {
    let names: Vec<String> = sqlx::query_scalar("SELECT datname FROM pg_database WHERE datname LIKE 'assent\\_test\\_%'")
        .fetch_all(&mut *conn)
        .await
        .unwrap_or_default();
    let now = unix_secs();
    for name in names {
        let created = name.strip_prefix(PREFIX).and_then(|rest| rest.split('_').next()).and_then(|s| s.parse::<u64>().ok());
        // Names without a timestamp come from older versions of this harness: always leftovers.
        if created.is_none_or(|t| now.saturating_sub(t) > STALE_AFTER_SECS) {
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut *conn).await;
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup {
            // Drop may run inside or outside a runtime, and the test's runtime may be shutting
            // down: a thread of its own with a small runtime always works.
            let (admin_url, name) = (admin_url.clone(), name.clone());
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
                rt.block_on(async {
                    if let Ok(mut conn) = sqlx::postgres::PgConnection::connect(&admin_url).await {
                        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn).await;
                    }
                });
            })
            .join();
        }
    }
}

impl Store {
    /// Runs arbitrary SQL: tests use it to tamper with the database behind the API's back, as
    /// an attacker with database access would.
    pub async fn execute_raw_for_tests(&self, sql: &str) -> crate::Result<u64> {
        Ok(sqlx::query(sql).execute(&mut *self.conn().await?).await?.rows_affected())
    }

    /// Every `table.column` of text whose value contains `needle`, across the whole database:
    /// where a person's data would be found.
    pub async fn columns_containing_for_tests(&self, needle: &str) -> crate::Result<Vec<String>> {
        let mut c = self.conn().await?;
        let columns: Vec<(String, String)> = match self.db() {
            crate::store::Db::Sqlite => {
                sqlx::query_as(
                    "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations' AND p.type = 'TEXT'",
                )
                .fetch_all(&mut *c)
                .await?
            }
            crate::store::Db::Postgres => {
                sqlx::query_as(
                    "SELECT table_name::text, column_name::text FROM information_schema.columns
                      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying') AND table_name <> '_sqlx_migrations'",
                )
                .fetch_all(&mut *c)
                .await?
            }
        };
        assert!(columns.len() > 20, "the catalogue query found the text columns: {columns:?}");
        let mut found = Vec::new();
        for (table, column) in columns {
            let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE {column} LIKE $1"))
                .bind(format!("%{needle}%"))
                .fetch_one(&mut *c)
                .await?;
            if n > 0 {
                found.push(format!("{table}.{column}"));
            }
        }
        Ok(found)
    }

    /// Applies the SQL migrations up to and including `version` and nothing after, so that a
    /// test can write data as an older Assent did and then [`Store::migrate`] it.
    pub async fn migrate_until_for_tests(&self, version: i64) -> crate::Result<()> {
        let all = &crate::store::MIGRATOR;
        let older = sqlx::migrate::Migrator {
            migrations: std::borrow::Cow::Owned(all.iter().filter(|m| m.version <= version).cloned().collect()),
            ignore_missing: all.ignore_missing,
            locking: all.locking,
            no_tx: all.no_tx,
        };
        older.run(self.pool_for_tests()).await?;
        Ok(())
    }
}

/// A new organisation `slug` and a caller with an admin key in it: where the benchmarks start.
pub async fn admin_of_new_org(services: &crate::Services, slug: &str) -> (crate::store::tenancy::OrgRow, crate::auth::Caller) {
    use crate::types::Name;
    let org = services
        .tenancy
        .create_org(&crate::services::tenancy::NewOrg {
            slug: slug.parse().expect("slug"),
            name: Name::parse("name", slug, 200).expect("name"),
            subdomain: None,
        })
        .await
        .expect("create the organisation");
    let key = services
        .tenancy
        .issue_api_key(&org.id, &Name::parse("name", "bench", 9).expect("name"), &"admin".parse().expect("scopes"))
        .await
        .expect("issue a key");
    let caller = services.tenancy.authenticate(&crate::auth::Credential::ApiKey(key.key)).await.expect("the key authenticates");
    (org, caller)
}
