//! The `assent` server: router (management API, dialects, Leptos pages), middleware and start-up.

pub mod api;
pub mod banner;
pub mod consent_decision;
pub mod dialects;
pub mod metrics;
pub mod ops;
pub mod ratelimit;
pub mod router;
pub mod state;
pub mod workers;

pub use router::build_router;
pub use state::{AppState, ServerConfig};
