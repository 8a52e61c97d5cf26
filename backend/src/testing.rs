//! Fresh databases for tests: an empty SQLite file, or a new PostgreSQL database.
//!
//! PostgreSQL comes from `ASSENT_TEST_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`): each test creates its own database there
//! and drops it afterwards. A missing server fails the test with instructions; it is never
//! skipped silently.

use crate::config::DatabaseConfig;
use crate::Store;
use sqlx::Connection;

pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestDb {
    pub store: Store,
    pub config: DatabaseConfig,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

fn admin_url() -> String {
    std::env::var("ASSENT_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES_URL.into())
}

impl TestDb {
    pub async fn new(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => Self::sqlite().await,
            Backend::Postgres => Self::postgres().await,
        }
    }

    pub async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = DatabaseConfig::resolve(dir.path(), None).expect("data dir");
        let store = Store::open(&config).await.expect("open sqlite");
        Self { store, config, cleanup: Cleanup::Sqlite(dir) }
    }

    pub async fn postgres() -> Self {
        let admin = admin_url();
        let mut conn = sqlx::postgres::PgConnection::connect(&admin).await.unwrap_or_else(|e| {
            panic!(
                "PostgreSQL is required for the store suite and did not answer at {admin}: {e}\n\
                 Start one (e.g. `pg_ctlcluster 15 main start`) or point ASSENT_TEST_POSTGRES_URL at a server \
                 where this user may CREATE DATABASE."
            )
        });
        let name = format!("assent_test_{}", uuid::Uuid::new_v4().simple());
        sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.expect("create test database");
        conn.close().await.ok();
        let (base, _) = admin.rsplit_once('/').expect("postgres URL has a database path");
        let config = DatabaseConfig { url: format!("{base}/{name}") };
        let store = Store::open(&config).await.expect("open postgres");
        Self { store, config, cleanup: Cleanup::Postgres { admin_url: admin, name } }
    }

    /// Closes the pool and drops the PostgreSQL database (the SQLite directory goes with `self`).
    pub async fn finish(self) {
        self.store.pool().close().await;
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup {
            if let Ok(mut conn) = sqlx::postgres::PgConnection::connect(admin_url).await {
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn).await;
            }
        }
    }
}

impl Store {
    /// Runs arbitrary SQL: tests use it to tamper with the database behind the API's back.
    pub async fn execute_raw_for_tests(&self, sql: &str) -> crate::Result<u64> {
        Ok(sqlx::query(sql).execute(self.pool()).await?.rows_affected())
    }
}
