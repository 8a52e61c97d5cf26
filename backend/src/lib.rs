//! Assent's domain: rules, services and the store. Server-only; never compiled to wasm.
//!
//! - domain types and rules: [`types`], [`auth`], [`catalog`], [`ledger`], [`links`],
//!   [`universal`] (seed 003's values), [`webhooks`] (signing, the address guard, delivery)
//! - [`services`]: the flows, each owning its transaction
//! - [`store`]: persistence by aggregate, on SQLite or PostgreSQL
//! - [`email`]: SMTP delivery and the messages Assent sends

pub mod auth;
pub mod catalog;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod email;
pub mod error;
pub mod i18n;
pub mod ledger;
pub mod links;
pub mod proof;
pub mod services;
pub mod store;
#[cfg(feature = "testing")]
pub mod testing;
pub mod time;
pub mod types;
pub mod universal;
pub mod webhooks;

pub use error::{Error, ErrorKind, PublicError, Result};
pub use services::Services;
pub use store::Store;
pub use time::{human_utc, iso8601, parse_iso8601, rfc3339};
