//! The `assent` server: the router, the caller pipeline, the management API, the dialects as
//! wire mappers, the hosted page's form posts, static files, middleware and start-up. The rules
//! are `backend`'s; the pages are `app`'s.

pub mod banner;
pub mod body;
pub mod cli;
pub mod client_addr;
pub mod configuration;
pub mod dialects;
pub mod error;
pub mod geoip;
pub mod hosted_page;
pub mod jwks;
pub mod management;
pub mod metrics;
pub mod ops;
pub mod pipeline;
pub mod public_calls;
pub mod ratelimit;
pub mod router;
pub mod security;
pub mod startup;
pub mod state;
pub mod static_files;
pub mod telemetry;
pub mod workers;

pub use configuration::ServerConfig;
pub use router::build_router;
pub use startup::Application;
pub use state::AppState;
