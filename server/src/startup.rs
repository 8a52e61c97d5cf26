//! Putting a server together: the state, the router, the outbox worker, a listener.

use crate::configuration::ServerConfig;
use crate::router::build_router;
use crate::state::AppState;
use crate::workers::{spawn_checkpoint_writer, spawn_outbox_worker, spawn_retention};
use backend::Store;
use std::future::Future;
use std::net::SocketAddr;

pub struct Application {
    listener: tokio::net::TcpListener,
    state: AppState,
}

impl Application {
    /// Binds `config.listen` (port 0 picks a free port; links then name the port bound).
    pub async fn build(store: Store, mut config: ServerConfig) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(config.listen).await?;
        let bound = listener.local_addr()?;
        if config.listen.port() == 0 && config.public_url == format!("http://{}", config.listen) {
            config.public_url = format!("http://{bound}");
        }
        config.listen = bound;
        // A database the admin named but that cannot be read stops the start: running on
        // without places would look like working geolocation.
        let geoip = match &config.geoip_db {
            None => None,
            Some(path) => Some(crate::geoip::GeoIp::open(path).map_err(|e| {
                std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("the GeoIP database (ASSENT_GEOIP_DB) cannot be read: {e}"))
            })?),
        };
        let mut state = AppState::new(store, config);
        state.geoip = geoip.map(std::sync::Arc::new);
        Ok(Self { listener, state })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.state.config.listen
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` resolves, with the outbox worker (and, with a checkpoint
    /// directory, the checkpoint writer) running beside.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let worker = spawn_outbox_worker(self.state.services.clone(), self.state.config.outbox_interval);
        let checkpoints = self
            .state
            .config
            .checkpoint_dir
            .is_some()
            .then(|| spawn_checkpoint_writer(self.state.services.clone(), self.state.config.checkpoint_interval));
        let retention = spawn_retention(self.state.services.clone(), self.state.config.retention_interval);
        let app = build_router(self.state);
        let served =
            axum::serve(self.listener, app.into_make_service_with_connect_info::<SocketAddr>()).with_graceful_shutdown(shutdown).await;
        worker.abort();
        retention.abort();
        if let Some(c) = checkpoints {
            c.abort();
        }
        served
    }
}

/// Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
