//! Serves the embeddable banner: `/banner.js` (the loader, short cache) and the wasm bundle
//! under `/banner/{build}/…` (immutable: the build id is a hash of its content).

use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::path::Path as FsPath;

const LOADER: &str = include_str!("../../banner/loader.js");

pub struct BannerAssets {
    build: Option<Built>,
}

struct Built {
    id: String,
    loader: String,
    js: Vec<u8>,
    wasm: Vec<u8>,
}

impl BannerAssets {
    /// Reads the cargo-leptos output of the `banner` project, if it was built.
    pub fn load(root: &FsPath) -> Self {
        let pkg = root.join("pkg");
        let build = match (std::fs::read(pkg.join("banner.js")), std::fs::read(pkg.join("banner.wasm"))) {
            (Ok(js), Ok(wasm)) => {
                let mut all = js.clone();
                all.extend_from_slice(&wasm);
                let id = backend::crypto::sha256_hex(&all)[..16].to_string();
                let loader = LOADER
                    .replace("__ASSENT_BANNER_BUILD__", &id)
                    .replace("__ASSENT_CHOICE_PATH__", <app::banner::RecordBannerChoice as leptos::server_fn::ServerFn>::PATH);
                Some(Built { id, loader, js, wasm })
            }
            _ => {
                tracing::warn!(path = %pkg.display(), "banner bundle not found; build it with `cargo leptos build --release --project banner --frontend-only`");
                None
            }
        };
        Self { build }
    }

    pub fn build_id(&self) -> Option<&str> {
        self.build.as_ref().map(|b| b.id.as_str())
    }
}

fn not_built() -> Response {
    (StatusCode::SERVICE_UNAVAILABLE, "the banner bundle was not built on this server\n").into_response()
}

/// Host pages embed the banner cross-origin, so its files are readable from any origin.
fn with_headers(body: Vec<u8>, content_type: &'static str, cache: &'static str) -> Response {
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    h.insert("cross-origin-resource-policy", HeaderValue::from_static("cross-origin"));
    res
}

pub async fn loader(State(state): State<AppState>) -> Response {
    match &state.banner.build {
        Some(b) => with_headers(b.loader.clone().into_bytes(), "text/javascript; charset=utf-8", "public, max-age=300"),
        None => not_built(),
    }
}

pub async fn asset(State(state): State<AppState>, Path((build, file)): Path<(String, String)>) -> Response {
    let Some(b) = &state.banner.build else {
        return not_built();
    };
    if build != b.id {
        return (StatusCode::NOT_FOUND, "unknown banner build\n").into_response();
    }
    const IMMUTABLE: &str = "public, max-age=31536000, immutable";
    match file.as_str() {
        "banner.js" => with_headers(b.js.clone(), "text/javascript; charset=utf-8", IMMUTABLE),
        "banner.wasm" => with_headers(b.wasm.clone(), "application/wasm", IMMUTABLE),
        _ => (StatusCode::NOT_FOUND, "no such banner file\n").into_response(),
    }
}
