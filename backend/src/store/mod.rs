//! The store: one pool over SQLite or PostgreSQL through sqlx's `Any` driver. Every query is
//! portable SQL with `$n` placeholders (SQLite reads `$n` positionally), so both databases run
//! the same code and the same test suite.

mod catalog;
mod tenancy;

pub use catalog::*;
pub use tenancy::*;

use crate::config::DatabaseConfig;
use crate::Result;
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Connection, Transaction};
use std::str::FromStr;
use std::time::Duration;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    postgres: bool,
}

/// Paging for every list: `limit` 1-200 (default 50) and `offset`.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub limit: i64,
    pub offset: i64,
}

impl Page {
    pub const MAX_LIMIT: i64 = 200;

    pub fn parse(limit: Option<i64>, offset: Option<i64>) -> Result<Self> {
        let limit = limit.unwrap_or(50);
        if !(1..=Self::MAX_LIMIT).contains(&limit) {
            return Err(crate::Error::invalid("limit", "must be between 1 and 200"));
        }
        let offset = offset.unwrap_or(0);
        if offset < 0 {
            return Err(crate::Error::invalid("offset", "must not be negative"));
        }
        Ok(Self { limit, offset })
    }
}

impl Default for Page {
    fn default() -> Self {
        Self { limit: 50, offset: 0 }
    }
}

/// One page of a list and the total number of matching rows.
#[derive(Debug)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: i64,
}

impl Store {
    /// Connects without touching the schema.
    pub async fn connect(config: &DatabaseConfig) -> Result<Self> {
        sqlx::any::install_default_drivers();
        let postgres = config.is_postgres();
        if !postgres {
            // WAL is a property of the database file; set it once with the native driver,
            // because the Any driver only takes URL options.
            let opts = sqlx::sqlite::SqliteConnectOptions::from_str(&config.url)?
                .create_if_missing(true)
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                .busy_timeout(Duration::from_secs(10));
            let conn = sqlx::sqlite::SqliteConnection::connect_with(&opts).await?;
            conn.close().await?;
        }
        let pool = AnyPoolOptions::new()
            .max_connections(if postgres { 16 } else { 8 })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if !postgres {
                        // Wait for the single writer instead of failing with SQLITE_BUSY.
                        sqlx::query("PRAGMA busy_timeout = 10000").execute(&mut *conn).await?;
                        sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *conn).await?;
                    }
                    Ok(())
                })
            })
            .connect(&config.url)
            .await?;
        Ok(Self { pool, postgres })
    }

    /// Connects and applies pending migrations.
    pub async fn open(config: &DatabaseConfig) -> Result<Self> {
        let store = Self::connect(config).await?;
        store.migrate().await?;
        Ok(store)
    }

    pub async fn migrate(&self) -> Result<()> {
        MIGRATOR.run(&self.pool).await?;
        Ok(())
    }

    pub fn is_postgres(&self) -> bool {
        self.postgres
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Ready: the database answers and every known migration is applied.
    pub async fn readiness(&self) -> Result<bool> {
        let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success = TRUE").fetch_one(&self.pool).await?;
        Ok(applied as usize >= MIGRATOR.iter().count())
    }

    pub fn pool_stats(&self) -> (u32, usize) {
        (self.pool.size(), self.pool.num_idle())
    }

    /// A transaction that holds the write lock from its first statement. On SQLite a deferred
    /// transaction that reads first and writes later can fail with SQLITE_BUSY when another
    /// writer committed in between; taking the lock up front makes it wait instead.
    pub(crate) async fn begin_write(&self) -> Result<Transaction<'static, sqlx::Any>> {
        let mut tx = self.pool.begin().await?;
        if !self.postgres {
            sqlx::query("UPDATE ledger_head SET id = id WHERE id = 1").execute(&mut *tx).await?;
        }
        Ok(tx)
    }
}

pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}
