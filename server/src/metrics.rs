//! Prometheus metrics: requests by route and status, a latency histogram, the database pool
//! and the ledger. Rendered as text at `/metrics`.

use crate::state::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Instant;

const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    latency: Mutex<BTreeMap<String, Histogram>>,
}

impl Metrics {
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        *self.requests.lock().expect("metrics lock").entry((method.to_string(), route.to_string(), status)).or_default() += 1;
        let mut latency = self.latency.lock().expect("metrics lock");
        let h = latency.entry(route.to_string()).or_default();
        for (i, bound) in BUCKETS.iter().enumerate() {
            if seconds <= *bound {
                h.counts[i] += 1;
            }
        }
        h.count += 1;
        h.sum += seconds;
    }

    pub fn render(&self, out: &mut String) {
        out.push_str("# HELP assent_http_requests_total HTTP requests by method, route and status.\n");
        out.push_str("# TYPE assent_http_requests_total counter\n");
        for ((method, route, status), n) in self.requests.lock().expect("metrics lock").iter() {
            let _ = writeln!(out, "assent_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {n}", escape(route));
        }
        out.push_str("# HELP assent_http_request_duration_seconds Request latency by route.\n");
        out.push_str("# TYPE assent_http_request_duration_seconds histogram\n");
        for (route, h) in self.latency.lock().expect("metrics lock").iter() {
            let route = escape(route);
            for (i, bound) in BUCKETS.iter().enumerate() {
                let _ = writeln!(out, "assent_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {}", h.counts[i]);
            }
            let _ = writeln!(out, "assent_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}", h.count);
            let _ = writeln!(out, "assent_http_request_duration_seconds_sum{{route=\"{route}\"}} {}", h.sum);
            let _ = writeln!(out, "assent_http_request_duration_seconds_count{{route=\"{route}\"}} {}", h.count);
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Records every request under its route template (never the raw path, whose ids would make
/// an unbounded number of series).
pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let route = req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_string()).unwrap_or_else(|| {
        if req.uri().path().starts_with("/pkg/") {
            "/pkg/*".into()
        } else {
            "unmatched".into()
        }
    });
    let method = req.method().to_string();
    let start = Instant::now();
    let res = next.run(req).await;
    state.metrics.observe(&method, &route, res.status().as_u16(), start.elapsed().as_secs_f64());
    res
}

pub async fn metrics_handler(State(state): State<AppState>) -> Response {
    let mut out = String::new();
    state.metrics.render(&mut out);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_and_cumulative_buckets() {
        let m = Metrics::default();
        m.observe("GET", "/healthz", 200, 0.002);
        m.observe("GET", "/healthz", 200, 0.2);
        let mut out = String::new();
        m.render(&mut out);
        assert!(out.contains("assent_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 2"));
        assert!(out.contains("le=\"0.001\"} 0"));
        assert!(out.contains("le=\"0.0025\"} 1"));
        assert!(out.contains("le=\"0.25\"} 2"));
        assert!(out.contains("assent_http_request_duration_seconds_count{route=\"/healthz\"} 2"));
    }
}
