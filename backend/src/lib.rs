//! Assent's domain: rules, services and the store. Server-only; never compiled to wasm.

pub mod config;
pub mod crypto;
pub mod error;
pub mod ledger;
pub mod store;
#[doc(hidden)]
pub mod testing;
pub mod types;

pub use error::{Error, Result};
pub use store::Store;

/// Milliseconds since the Unix epoch: the one time representation in the store,
/// because it sorts and compares the same way on SQLite and PostgreSQL.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// RFC 3339 (UTC, millisecond precision) for a stored timestamp.
pub fn rfc3339(ms: i64) -> String {
    chrono::DateTime::<chrono::Utc>::from_timestamp_millis(ms)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
