//! The store, by aggregate: [`tenancy`] (organisations, users, sessions, API keys), [`catalog`]
//! (assets, collection points), [`ledger`] (principals, the hash-chained entries, current
//! consent), [`links`] (consent-link requests and their link instances), [`universal`]
//! (universal consents and integrations), [`webhooks`] (subscriptions and deliveries) and
//! [`jobs`] (the outbox). Each aggregate is a set of functions over a connection or a transaction that the
//! calling service passes in, so one service can make several aggregates change in one commit.
//!
//! SQLite and PostgreSQL run the same portable SQL through sqlx's `Any` driver (`$n`
//! bind parameters, BIGINT millisecond times, TEXT ids). What differs between them is in [`Db`]
//! and nowhere else.

pub mod catalog;
pub mod jobs;
pub mod ledger;
pub mod links;
pub mod proof;
pub mod tenancy;
pub mod universal;
pub mod webhooks;

use crate::clock::Clock;
use crate::config::DatabaseConfig;
use crate::Result;
use sqlx::any::AnyPoolOptions;
use sqlx::{Any, AnyConnection, AnyPool, Connection, Transaction};
use std::ops::{Deref, DerefMut};
use std::str::FromStr;
use std::time::Duration;

pub(crate) static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The database differences, all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Db {
    Sqlite,
    Postgres,
}

impl Db {
    /// A write transaction. SQLite's `IMMEDIATE` takes the write lock at once: a deferred
    /// transaction that reads first and writes later would fail with SQLITE_BUSY when another
    /// writer committed in between, instead of waiting for the lock.
    fn begin_write(self) -> &'static str {
        match self {
            Db::Sqlite => "BEGIN IMMEDIATE",
            Db::Postgres => "BEGIN",
        }
    }

    /// Row locks that other workers skip instead of waiting for. SQLite has one writer at a
    /// time, so its claims are exclusive already.
    pub(crate) fn skip_locked(self) -> &'static str {
        match self {
            Db::Sqlite => "",
            Db::Postgres => " FOR UPDATE SKIP LOCKED",
        }
    }

    fn max_connections(self) -> u32 {
        match self {
            Db::Sqlite => 8,
            Db::Postgres => 16,
        }
    }
}

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    db: Db,
    clock: Clock,
}

/// A pooled connection, for reads.
pub type Conn = sqlx::pool::PoolConnection<Any>;

/// A write transaction, with the one moment its rows are stamped with.
pub struct Tx {
    inner: Transaction<'static, Any>,
    now: i64,
}

impl Tx {
    pub fn now(&self) -> i64 {
        self.now
    }

    pub async fn commit(self) -> Result<()> {
        Ok(self.inner.commit().await?)
    }
}

impl Deref for Tx {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        &self.inner
    }
}

impl DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.inner
    }
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
    pub async fn connect(config: &DatabaseConfig, clock: Clock) -> Result<Self> {
        sqlx::any::install_default_drivers();
        let db = if config.is_postgres() { Db::Postgres } else { Db::Sqlite };
        if db == Db::Sqlite {
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
            .max_connections(db.max_connections())
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if db == Db::Sqlite {
                        // Wait for the single writer instead of failing with SQLITE_BUSY.
                        sqlx::query("PRAGMA busy_timeout = 10000").execute(&mut *conn).await?;
                        sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *conn).await?;
                    }
                    Ok(())
                })
            })
            .connect(&config.url)
            .await?;
        Ok(Self { pool, db, clock })
    }

    /// Connects and applies pending migrations.
    pub async fn open(config: &DatabaseConfig, clock: Clock) -> Result<Self> {
        let store = Self::connect(config, clock).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Applies pending migrations, then the data steps that SQL cannot do (re-hashing the
    /// single chain into per-organisation chains, migration 0007).
    pub async fn migrate(&self) -> Result<()> {
        // Before migration 0007 rewrites the ledger's tables, the single chain it replaces must
        // verify, so that a broken one stops the start with the database as it was.
        if self.table_exists("ledger_head").await? {
            ledger::verify_before_0007(&mut *self.conn().await?).await?;
        }
        MIGRATOR.run(&self.pool).await?;
        let mut tx = self.begin().await?;
        if let Some(entries) = ledger::rechain_v1(&mut tx).await? {
            tx.commit().await?;
            if entries > 0 {
                tracing::info!(entries, "the single ledger chain verified and was re-hashed into one chain per organisation");
            }
        }
        Ok(())
    }

    #[cfg(feature = "testing")]
    pub(crate) fn pool_for_tests(&self) -> &AnyPool {
        &self.pool
    }

    async fn table_exists(&self, name: &str) -> Result<bool> {
        let sql = match self.db {
            Db::Sqlite => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $1",
            Db::Postgres => "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1",
        };
        let n: i64 = sqlx::query_scalar(sql).bind(name).fetch_one(&self.pool).await?;
        Ok(n > 0)
    }

    pub fn db(&self) -> Db {
        self.db
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// Milliseconds since the epoch, by the store's clock.
    pub fn now(&self) -> i64 {
        self.clock.now_ms()
    }

    /// A connection for reads.
    pub async fn conn(&self) -> Result<Conn> {
        Ok(self.pool.acquire().await?)
    }

    /// A write transaction. Nothing it writes is visible, or acknowledged, before `commit`.
    pub async fn begin(&self) -> Result<Tx> {
        let inner = self.pool.begin_with(self.db.begin_write()).await?;
        Ok(Tx { inner, now: self.now() })
    }

    /// Ready: the database answers and every known migration is applied.
    pub async fn readiness(&self) -> Result<bool> {
        let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success = TRUE").fetch_one(&self.pool).await?;
        Ok(applied as usize >= MIGRATOR.iter().count())
    }

    /// (open connections, idle connections)
    pub fn pool_stats(&self) -> (u32, usize) {
        (self.pool.size(), self.pool.num_idle())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}
