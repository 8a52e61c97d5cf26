//! What every handler can reach.

use crate::banner::BannerAssets;
use crate::configuration::ServerConfig;
use crate::ratelimit::{FailedAttempts, Throttle};
use crate::static_files::SiteAssets;
use axum::extract::FromRef;
use backend::email::Mailer;
use backend::services::Settings;
use backend::{Services, Store};
use leptos::config::LeptosOptions;
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone)]
pub struct AppState {
    pub services: Services,
    pub config: Arc<ServerConfig>,
    /// The dashboard's bundle (`assent.js` / `.wasm`).
    pub leptos: LeptosOptions,
    /// The public pages' bundle (`public.js` / `.wasm`): no dashboard inside.
    pub public_leptos: LeptosOptions,
    pub assets: Arc<SiteAssets>,
    /// Failed sign-ins.
    pub login_limiter: Arc<FailedAttempts>,
    /// Decisions on hosted pages, per client address.
    pub decision_limiter: Arc<Throttle>,
    pub api_limiter: Arc<Throttle>,
    /// The unauthenticated integration endpoints, per client address and per integration.
    pub integration_address_limiter: Arc<Throttle>,
    pub integration_limiter: Arc<Throttle>,
    pub banner: Arc<BannerAssets>,
    /// Places client addresses, when the admin gave a database (`Application::build` opens it).
    pub geoip: Option<Arc<crate::geoip::GeoIp>>,
}

impl AppState {
    pub fn new(store: Store, config: ServerConfig) -> Self {
        let assets = Arc::new(SiteAssets::load(&config.site_root));
        let options = |output_name: &str| {
            LeptosOptions::builder()
                .output_name(output_name)
                .site_root(config.site_root.to_string_lossy().to_string())
                // Hashed files live under their build's directory and are cached for good.
                .site_pkg_dir(assets.pkg_dir())
                .site_addr(config.listen)
                .build()
        };
        let (leptos, public_leptos) = (options("assent"), options("public"));
        let mailer = Mailer::new(config.smtp_url.as_deref(), config.smtp_from.as_deref());
        if let Some(reason) = mailer.unavailable_reason() {
            tracing::warn!("email is off: {reason}");
        }
        let mut settings = Settings::new(config.public_url.clone());
        settings.link_limits = config.link_limits;
        settings.first_attempt_wait = config.first_attempt_wait;
        settings.webhook_policy = config.webhook_policy.clone();
        settings.checkpoint_dir = config.checkpoint_dir.clone();
        settings.key_encryption = config.key_encryption.clone();
        Self {
            services: Services::new(store, mailer, settings),
            leptos,
            public_leptos,
            assets,
            // Per email and per client address: 10 attempts in 5 minutes.
            login_limiter: Arc::new(FailedAttempts::new(10, Duration::from_secs(300))),
            decision_limiter: Arc::new(Throttle::new(config.decisions_per_address_per_minute, Duration::from_secs(60))),
            api_limiter: Arc::new(Throttle::new(config.api_rate_per_minute, Duration::from_secs(60))),
            integration_address_limiter: Arc::new(Throttle::new(config.integration_rate_per_address_per_minute, Duration::from_secs(60))),
            integration_limiter: Arc::new(Throttle::new(config.integration_rate_per_minute, Duration::from_secs(60))),
            banner: Arc::new(BannerAssets::load(&config.banner_root)),
            geoip: None,
            config: Arc::new(config),
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}
