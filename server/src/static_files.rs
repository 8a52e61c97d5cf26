//! The built CSS, JavaScript and wasm under `/pkg/{build}/…`. The build id is a hash of the
//! files' content, so a URL names one version forever and is cached as immutable; a new build
//! gets new URLs. Files are served gzip- or brotli-compressed from the `.gz` / `.br` siblings
//! that `scripts/build.sh` writes (`scripts/precompress.mjs`), uncompressed to clients that
//! accept neither.

use axum::http::{header, HeaderValue};
use axum::response::Response;
use axum::Router;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tower_http::services::ServeDir;

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

pub struct SiteAssets {
    pkg: PathBuf,
    build: String,
}

impl SiteAssets {
    /// Hashes what `site_root/pkg` holds now.
    pub fn load(site_root: &Path) -> Self {
        let pkg = site_root.join("pkg");
        let build = match build_id(&pkg) {
            Some(id) => id,
            None => {
                tracing::warn!(path = %pkg.display(), "no built site found; build it with scripts/build.sh");
                "unbuilt".into()
            }
        };
        Self { pkg, build }
    }

    pub fn build_id(&self) -> &str {
        &self.build
    }

    /// The site-relative directory the pages load their files from: `pkg/{build}`.
    pub fn pkg_dir(&self) -> String {
        format!("pkg/{}", self.build)
    }

    /// `/pkg/{build}/…`, compressed and immutable.
    pub fn routes<S: Clone + Send + Sync + 'static>(&self) -> Router<S> {
        let files = ServeDir::new(&self.pkg).precompressed_br().precompressed_gzip();
        Router::new().nest_service(&format!("/pkg/{}", self.build), files).layer(axum::middleware::map_response(cache_forever))
    }
}

/// Found files are cached for good; a miss is not.
async fn cache_forever(mut res: Response) -> Response {
    if res.status().is_success() || res.status() == axum::http::StatusCode::NOT_MODIFIED {
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
    }
    res
}

/// A hash of every file's name and content (the compressed copies follow from them).
fn build_id(pkg: &Path) -> Option<String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(pkg)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && !matches!(p.extension().and_then(|e| e.to_str()), Some("gz" | "br")))
        .collect();
    if names.is_empty() {
        return None;
    }
    names.sort();
    let mut hasher = Sha256::new();
    for path in names {
        hasher.update(path.file_name()?.to_string_lossy().as_bytes());
        hasher.update(std::fs::read(&path).ok()?);
    }
    Some(hex::encode(&hasher.finalize()[..8]))
}
