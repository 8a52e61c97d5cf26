use crate::banner::BannerAssets;
use crate::metrics::Metrics;
use crate::ratelimit::RateLimiter;
use axum::extract::FromRef;
use backend::consent_links::LinkLimits;
use backend::email::Mailer;
use backend::Store;
use leptos::config::LeptosOptions;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Settings of a running server (the database is configured separately).
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub listen: SocketAddr,
    /// The base of every link Assent hands out, without a trailing slash.
    pub public_url: String,
    /// cargo-leptos output of the app (`target/site`).
    pub site_root: PathBuf,
    /// cargo-leptos output of the banner (`target/banner-site`).
    pub banner_root: PathBuf,
    /// `smtp://host:port` or `smtps://user:pass@host`; without it emails fail with a reason.
    pub smtp_url: Option<String>,
    pub smtp_from: Option<String>,
    /// Consent links per phone and per email in 24 hours.
    pub link_limits: LinkLimits,
    /// Requests per minute for one API key (or session) on the consent-link API.
    pub api_rate_per_minute: u32,
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
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<ServerConfig>,
    pub leptos: LeptosOptions,
    pub metrics: Arc<Metrics>,
    pub login_limiter: Arc<RateLimiter>,
    pub banner: Arc<BannerAssets>,
    pub mailer: Arc<Mailer>,
    pub api_limiter: Arc<RateLimiter>,
}

impl AppState {
    pub fn new(store: Store, config: ServerConfig) -> Self {
        let leptos = LeptosOptions::builder()
            .output_name("assent")
            .site_root(config.site_root.to_string_lossy().to_string())
            .site_pkg_dir("pkg")
            .site_addr(config.listen)
            .build();
        let banner = Arc::new(BannerAssets::load(&config.banner_root));
        let mailer = Arc::new(Mailer::new(config.smtp_url.as_deref(), config.smtp_from.as_deref()));
        if let Some(reason) = mailer.unavailable_reason() {
            tracing::warn!("email is off: {reason}");
        }
        let api_limiter = Arc::new(RateLimiter::new(config.api_rate_per_minute, Duration::from_secs(60)));
        Self {
            store,
            config: Arc::new(config),
            leptos,
            metrics: Arc::new(Metrics::default()),
            // Per email and per client address: 10 attempts in 5 minutes.
            login_limiter: Arc::new(RateLimiter::new(10, Duration::from_secs(300))),
            banner,
            mailer,
            api_limiter,
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}
