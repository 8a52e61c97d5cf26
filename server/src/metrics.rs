//! Prometheus metrics at `/metrics`, through the `metrics` facade and its Prometheus
//! exporter: counters and histograms are atomics in the exporter's registry, so recording one
//! takes no lock shared by every request. Anything in Assent (the backend's ledger and outbox
//! too) records with the facade's macros; this module installs the recorder once per process
//! and renders it, followed by the gauges read from the database at scrape time (the pool,
//! the queues, the ledger), which belong to this server's store rather than to the process.
//!
//! Series: `assent_http_requests_total{method,route,status}`,
//! `assent_http_request_duration_seconds{route}` (histogram), `assent_db_pool_connections{state}`,
//! `assent_queue_depth{queue}`, `assent_ledger_entries`, `assent_ledger_appends_total`,
//! `assent_outbox_attempts_total{kind,result}`.

use crate::state::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::fmt::Write;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// The process's recorder, installed on first use. Histogram samples wait in lock-free
/// buckets until drained; a thread drains them every few seconds so that a server nobody
/// scrapes does not keep every sample.
pub fn recorder() -> &'static PrometheusHandle {
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full("assent_http_request_duration_seconds".into()), &BUCKETS)
            .expect("buckets are not empty")
            .build_recorder();
        let handle = recorder.handle();
        if metrics::set_global_recorder(recorder).is_err() {
            tracing::warn!("a metrics recorder was already installed; /metrics shows only the database gauges");
        }
        describe();
        let upkeep = handle.clone();
        std::thread::Builder::new()
            .name("metrics-upkeep".into())
            .spawn(move || loop {
                std::thread::sleep(Duration::from_secs(5));
                upkeep.run_upkeep();
            })
            .expect("a thread for metrics upkeep");
        handle
    })
}

fn describe() {
    metrics::describe_counter!("assent_http_requests_total", "HTTP requests by method, route and status.");
    metrics::describe_histogram!("assent_http_request_duration_seconds", metrics::Unit::Seconds, "Request latency by route.");
    metrics::describe_counter!(
        "assent_ledger_appends_total",
        "Entries appended to the consent ledger (counted as written, before their transaction commits)."
    );
    metrics::describe_counter!(
        "assent_outbox_attempts_total",
        "Attempts at background jobs (emails, webhook deliveries), by kind and result: done, retrying, gave_up."
    );
}

/// Records every request under its route template (never the raw path, whose ids would make
/// an unbounded number of series).
pub async fn track(req: Request, next: Next) -> Response {
    let route = req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_string()).unwrap_or_else(|| {
        if req.uri().path().starts_with("/pkg/") {
            "/pkg/*".into()
        } else {
            "unmatched".into()
        }
    });
    let method = req.method().as_str().to_string();
    let start = Instant::now();
    let res = next.run(req).await;
    let status = res.status().as_u16().to_string();
    metrics::histogram!("assent_http_request_duration_seconds", "route" => route.clone()).record(start.elapsed().as_secs_f64());
    metrics::counter!("assent_http_requests_total", "method" => method, "route" => route, "status" => status).increment(1);
    res
}

pub async fn metrics_handler(State(state): State<AppState>) -> Response {
    let mut out = recorder().render();
    let (size, idle) = state.services.store().pool_stats();
    out.push_str("# HELP assent_db_pool_connections Database pool connections by state.\n# TYPE assent_db_pool_connections gauge\n");
    let _ = writeln!(out, "assent_db_pool_connections{{state=\"idle\"}} {idle}");
    let _ = writeln!(out, "assent_db_pool_connections{{state=\"in_use\"}} {}", (size as usize).saturating_sub(idle));
    if let Ok(depths) = state.services.outbox.depths().await {
        out.push_str("# HELP assent_queue_depth Jobs waiting per background queue.\n# TYPE assent_queue_depth gauge\n");
        for (queue, depth) in depths {
            let _ = writeln!(out, "assent_queue_depth{{queue=\"{queue}\"}} {depth}");
        }
    }
    if let Ok(entries) = state.services.ledger.length().await {
        out.push_str("# HELP assent_ledger_entries Entries in the consent ledger.\n# TYPE assent_ledger_entries gauge\n");
        let _ = writeln!(out, "assent_ledger_entries {entries}");
    }
    ([(axum::http::header::CONTENT_TYPE, "text/plain; version=0.0.4")], out).into_response()
}
