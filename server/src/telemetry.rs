//! Logs: to stderr, filtered by `ASSENT_LOG` (default `info`), as text or, with
//! `ASSENT_LOG_FORMAT=json`, one JSON object per line. Each request's lines carry its id.

pub fn init() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("ASSENT_LOG").unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into());
    let logs = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if std::env::var("ASSENT_LOG_FORMAT").is_ok_and(|f| f == "json") {
        logs.json().init();
    } else {
        logs.init();
    }
}
