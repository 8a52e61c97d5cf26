//! The settings of a running server (the database is configured separately: `DatabaseConfig`).

use backend::links::LinkLimits;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub listen: SocketAddr,
    /// The base of every link Assent hands out, without a trailing slash.
    pub public_url: String,
    /// cargo-leptos output of the app and the public bundle (`target/site`).
    pub site_root: PathBuf,
    /// cargo-leptos output of the banner (`target/banner-site`).
    pub banner_root: PathBuf,
    /// `smtp://host:port` or `smtps://user:pass@host`; without it emails fail with a reason.
    pub smtp_url: Option<String>,
    pub smtp_from: Option<String>,
    /// Consent links per phone and per email in 24 hours.
    pub link_limits: LinkLimits,
    /// API requests per minute for one caller (API key or dashboard session).
    pub api_rate_per_minute: u32,
    /// Decisions per minute from one client address on hosted pages.
    pub decisions_per_address_per_minute: u32,
    /// Requests per minute to the integration endpoints from one client address.
    pub integration_rate_per_address_per_minute: u32,
    /// Requests per minute to one integration, from everyone.
    pub integration_rate_per_minute: u32,
    /// Internal networks webhooks may be delivered to despite the address guard.
    pub webhook_policy: backend::webhooks::AddressPolicy,
    /// A MaxMind-format City database that places universal consents' client addresses.
    pub geoip_db: Option<PathBuf>,
    /// How long creating a link waits for its email's first attempt.
    pub first_attempt_wait: Duration,
    /// How often the outbox worker looks for due jobs.
    pub outbox_interval: Duration,
    /// How long a client may take to send a request body (then 408).
    pub body_read_deadline: Duration,
    /// Proxies whose `X-Forwarded-For`/`Forwarded` headers name the client.
    pub trusted_proxies: crate::client_addr::TrustedProxies,
    /// Where signed chain heads are written, outside the database; none: no checkpoints.
    pub checkpoint_dir: Option<PathBuf>,
    /// How often every organisation's chain head is checkpointed.
    pub checkpoint_interval: Duration,
    /// How often retention periods are applied.
    pub retention_interval: Duration,
    /// Seals the organisations' signing keys in the database (`assent serve` loads the
    /// deployment's; a fresh random one otherwise).
    pub key_encryption: backend::proof::KeyEncryptionKey,
}

impl ServerConfig {
    pub fn new(listen: SocketAddr, public_url: Option<String>) -> Self {
        let public_url =
            public_url.filter(|u| !u.trim().is_empty()).unwrap_or_else(|| format!("http://{listen}")).trim_end_matches('/').to_string();
        Self {
            listen,
            public_url,
            site_root: PathBuf::from(std::env::var("ASSENT_SITE_ROOT").unwrap_or_else(|_| "target/site".into())),
            banner_root: PathBuf::from(std::env::var("ASSENT_BANNER_ROOT").unwrap_or_else(|_| "target/banner-site".into())),
            smtp_url: None,
            smtp_from: None,
            link_limits: LinkLimits::default(),
            api_rate_per_minute: 600,
            decisions_per_address_per_minute: 60,
            integration_rate_per_address_per_minute: 120,
            integration_rate_per_minute: 60_000,
            webhook_policy: Default::default(),
            geoip_db: None,
            first_attempt_wait: Duration::from_secs(2),
            outbox_interval: Duration::from_secs(5),
            body_read_deadline: crate::body::READ_DEADLINE,
            trusted_proxies: Default::default(),
            checkpoint_dir: None,
            checkpoint_interval: Duration::from_secs(3600),
            retention_interval: Duration::from_secs(24 * 3600),
            key_encryption: backend::proof::KeyEncryptionKey::random(),
        }
    }
}
